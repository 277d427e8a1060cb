package org.nianbao.ingest.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.nianbao.ingest.Version;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.model.Word;

/**
 * Renders the {@code .json} hand-off (docs/output-format.md). Written field by field with a streaming
 * generator: renaming a Java field can never silently change the contract, and a 50 MB capture is
 * written without building a second copy of it in memory.
 */
public final class JsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonWriter() { }

    public static String render(Document doc) {
        StringWriter w = new StringWriter();
        try {
            write(doc, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static void write(Document doc, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", Version.OUTPUT_FORMAT);
            g.writeStringField("tool", "nianbao-ingest " + Version.tool());
            g.writeStringField("source", doc.source());
            g.writeStringField("kind", name(doc.kind()));
            g.writeStringField("sha256", doc.sha256());
            g.writeStringField("charset", doc.charset());
            g.writeObjectFieldStart("status");
            g.writeStringField("state", name(doc.status().state()));
            g.writeStringField("reason", doc.status().reason());
            g.writeEndObject();
            g.writeObjectFieldStart("metadata");
            for (var e : new java.util.TreeMap<>(doc.metadata()).entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeObjectFieldStart("edits");
            for (var e : doc.edits().counts().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
            g.writeEndObject();
            warnings(g, doc.warnings());
            g.writeArrayFieldStart("pages");
            for (Page p : doc.pages()) page(g, p);
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void page(JsonGenerator g, Page p) throws IOException {
        g.writeStartObject();
        g.writeNumberField("number", p.number());
        g.writeNumberField("width", round(p.width()));
        g.writeNumberField("height", round(p.height()));
        if (p.file() != null) g.writeStringField("file", p.file());
        if (p.reading() != null) {
            g.writeObjectFieldStart("reading");
            g.writeStringField("method", name(p.reading().method()));
            g.writeStringField("reason", p.reading().reason());
            g.writeEndObject();
        }
        warnings(g, p.warnings());
        g.writeArrayFieldStart("blocks");
        for (Block b : p.blocks()) block(g, b);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void block(JsonGenerator g, Block b) throws IOException {
        g.writeStartObject();
        if (b instanceof HeadingBlock h) {
            g.writeStringField("type", "heading");
            g.writeNumberField("level", h.level());
            g.writeStringField("text", h.text());
            if (!h.lines().isEmpty()) {
                g.writeArrayFieldStart("lines");
                for (Line l : h.lines()) line(g, l);
                g.writeEndArray();
            }
        } else if (b instanceof ParagraphBlock p) {
            g.writeStringField("type", "paragraph");
            g.writeStringField("text", p.text());
            if (!p.lines().isEmpty()) {
                g.writeArrayFieldStart("lines");
                for (Line l : p.lines()) line(g, l);
                g.writeEndArray();
            }
        } else if (b instanceof TableBlock t) {
            g.writeStringField("type", "table");
            g.writeStringField("origin", t.origin());
            g.writeNumberField("confidence", round(t.confidence()));
            g.writeNumberField("rows", t.table().rows());
            g.writeNumberField("cols", t.table().cols());
            g.writeArrayFieldStart("cells");
            for (Cell c : t.table().cells()) cell(g, c);
            g.writeEndArray();
            if (t.standard() != null) standard(g, t.standard());
        } else if (b instanceof ImageBlock i) {
            g.writeStringField("type", "image");
            g.writeStringField("source", i.source());
            g.writeStringField("resolved", i.resolved());
            g.writeStringField("alt", i.altText());
            g.writeBooleanField("read", i.read());
            g.writeStringField("text", i.text());
            if (!i.lines().isEmpty()) {
                g.writeArrayFieldStart("lines"); // OCR lines, boxes in the image's pixels
                for (Line l : i.lines()) line(g, l);
                g.writeEndArray();
            }
        }
        provenance(g, b.provenance());
        warnings(g, b.warnings());
        g.writeEndObject();
    }

    private static void cell(JsonGenerator g, Cell c) throws IOException {
        g.writeStartObject();
        g.writeNumberField("row", c.row());
        g.writeNumberField("col", c.col());
        g.writeNumberField("rowSpan", c.rowSpan());
        g.writeNumberField("colSpan", c.colSpan());
        g.writeStringField("text", c.text());
        if (c.box() != null) box(g, c.box());
        if (c.confidence() < 100) g.writeNumberField("confidence", round(c.confidence()));
        if (!c.alternatives().isEmpty()) {
            g.writeArrayFieldStart("alternatives");
            for (String a : c.alternatives()) g.writeString(a);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void standard(JsonGenerator g, StandardTable s) throws IOException {
        g.writeObjectFieldStart("standard");
        g.writeStringField("template", s.template());
        g.writeArrayFieldStart("values");
        for (StandardTable.KeyedValue v : s.values()) {
            g.writeStartObject();
            g.writeStringField("rowPath", v.rowPath());
            g.writeStringField("colPath", v.colPath());
            g.writeStringField("text", v.text());
            g.writeStringField("value", v.value());
            g.writeNumberField("row", v.row());
            g.writeNumberField("col", v.col());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("checks");
        for (StandardTable.IdentityCheck c : s.checks()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("description", c.description());
            g.writeStringField("status", c.status());
            g.writeArrayFieldStart("cells");
            for (String cell : c.cells()) g.writeString(cell);
            g.writeEndArray();
            g.writeStringField("detail", c.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("deviations");
        for (String d : s.deviations()) g.writeString(d);
        g.writeEndArray();
        g.writeArrayFieldStart("corrections");
        for (StandardTable.Correction c : s.corrections()) {
            g.writeStartObject();
            g.writeNumberField("row", c.row());
            g.writeNumberField("col", c.col());
            g.writeStringField("before", c.before());
            g.writeStringField("after", c.after());
            g.writeStringField("reason", c.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void line(JsonGenerator g, Line l) throws IOException {
        g.writeStartObject();
        g.writeStringField("text", l.text());
        if (l.box() != null) box(g, l.box());
        g.writeNumberField("confidence", round(l.confidence()));
        if (!l.words().isEmpty()) {
            g.writeArrayFieldStart("words");
            for (Word w : l.words()) {
                g.writeStartObject();
                g.writeStringField("text", w.text());
                if (w.box() != null) box(g, w.box());
                g.writeNumberField("confidence", round(w.confidence()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A box as [x, y, width, height]. */
    private static void box(JsonGenerator g, Box b) throws IOException {
        g.writeArrayFieldStart("box");
        g.writeNumber(round(b.x()));
        g.writeNumber(round(b.y()));
        g.writeNumber(round(b.width()));
        g.writeNumber(round(b.height()));
        g.writeEndArray();
    }

    private static void provenance(JsonGenerator g, Provenance p) throws IOException {
        if (p == null) return;
        g.writeObjectFieldStart("provenance");
        g.writeStringField("source", name(p.source()));
        g.writeNumberField("page", p.page());
        g.writeStringField("method", name(p.method()));
        g.writeStringField("detail", p.detail());
        g.writeEndObject();
    }

    private static void warnings(JsonGenerator g, List<Warning> ws) throws IOException {
        g.writeArrayFieldStart("warnings");
        for (Warning w : ws) {
            g.writeStartObject();
            g.writeStringField("code", w.code());
            g.writeStringField("message", w.message());
            if (w.page() > 0) g.writeNumberField("page", w.page());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Enum constants as lower-case words with dashes: TEXT_LAYER → text-layer. */
    static String name(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
