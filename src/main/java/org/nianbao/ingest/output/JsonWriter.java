package org.nianbao.ingest.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Renders the {@code .json} hand-off (docs/output-format.md). The tree is built field by field rather
 * than by reflection so that renaming a Java field can never silently change the contract.
 */
public final class JsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonWriter() { }

    public static String render(Document doc) {
        try {
            return MAPPER.writeValueAsString(tree(doc)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise document", e);
        }
    }

    public static ObjectNode tree(Document doc) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", Version.OUTPUT_FORMAT);
        root.put("tool", "nianbao-ingest " + Version.tool());
        root.put("source", doc.source());
        root.put("kind", name(doc.kind()));
        root.put("sha256", doc.sha256());
        root.put("charset", doc.charset());
        ObjectNode status = root.putObject("status");
        status.put("state", name(doc.status().state()));
        status.put("reason", doc.status().reason());
        ObjectNode meta = root.putObject("metadata");
        doc.metadata().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> meta.put(e.getKey(), e.getValue()));
        ObjectNode edits = root.putObject("edits");
        doc.edits().counts().forEach(edits::put);
        warnings(root.putArray("warnings"), doc.warnings());
        ArrayNode pages = root.putArray("pages");
        for (Page p : doc.pages()) pages.add(page(p));
        return root;
    }

    private static ObjectNode page(Page p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("number", p.number());
        n.put("width", p.width());
        n.put("height", p.height());
        if (p.reading() != null) {
            ObjectNode r = n.putObject("reading");
            r.put("method", name(p.reading().method()));
            r.put("reason", p.reading().reason());
        }
        warnings(n.putArray("warnings"), p.warnings());
        ArrayNode blocks = n.putArray("blocks");
        for (Block b : p.blocks()) blocks.add(block(b));
        return n;
    }

    private static ObjectNode block(Block b) {
        ObjectNode n = MAPPER.createObjectNode();
        if (b instanceof HeadingBlock h) {
            n.put("type", "heading");
            n.put("level", h.level());
            n.put("text", h.text());
        } else if (b instanceof ParagraphBlock p) {
            n.put("type", "paragraph");
            n.put("text", p.text());
            if (!p.lines().isEmpty()) {
                ArrayNode lines = n.putArray("lines");
                for (Line l : p.lines()) lines.add(line(l));
            }
        } else if (b instanceof TableBlock t) {
            n.put("type", "table");
            n.put("origin", t.origin());
            n.put("confidence", t.confidence());
            n.put("rows", t.table().rows());
            n.put("cols", t.table().cols());
            ArrayNode cells = n.putArray("cells");
            for (Cell c : t.table().cells()) cells.add(cell(c));
            if (t.standard() != null) n.set("standard", standard(t.standard()));
        } else if (b instanceof ImageBlock i) {
            n.put("type", "image");
            n.put("source", i.source());
            n.put("resolved", i.resolved());
            n.put("alt", i.altText());
            n.put("read", i.read());
            n.put("text", i.text());
        }
        provenance(n.putObject("provenance"), b.provenance());
        warnings(n.putArray("warnings"), b.warnings());
        return n;
    }

    private static ObjectNode cell(Cell c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("row", c.row());
        n.put("col", c.col());
        n.put("rowSpan", c.rowSpan());
        n.put("colSpan", c.colSpan());
        n.put("text", c.text());
        if (c.box() != null) n.set("box", box(c.box()));
        if (c.confidence() < 100) n.put("confidence", round(c.confidence()));
        return n;
    }

    private static ObjectNode standard(StandardTable s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("template", s.template());
        ArrayNode values = n.putArray("values");
        for (StandardTable.KeyedValue v : s.values()) {
            ObjectNode x = values.addObject();
            x.put("rowPath", v.rowPath());
            x.put("colPath", v.colPath());
            x.put("text", v.text());
            x.put("value", v.value());
            x.put("row", v.row());
            x.put("col", v.col());
        }
        ArrayNode checks = n.putArray("checks");
        for (StandardTable.IdentityCheck c : s.checks()) {
            ObjectNode x = checks.addObject();
            x.put("id", c.id());
            x.put("description", c.description());
            x.put("status", c.status());
            ArrayNode cells = x.putArray("cells");
            c.cells().forEach(cells::add);
            x.put("detail", c.detail());
        }
        ArrayNode dev = n.putArray("deviations");
        s.deviations().forEach(dev::add);
        ArrayNode corr = n.putArray("corrections");
        for (StandardTable.Correction c : s.corrections()) {
            ObjectNode x = corr.addObject();
            x.put("row", c.row());
            x.put("col", c.col());
            x.put("before", c.before());
            x.put("after", c.after());
            x.put("reason", c.reason());
        }
        return n;
    }

    private static ObjectNode line(Line l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("text", l.text());
        if (l.box() != null) n.set("box", box(l.box()));
        n.put("confidence", round(l.confidence()));
        if (!l.words().isEmpty()) {
            ArrayNode words = n.putArray("words");
            for (Word w : l.words()) {
                ObjectNode x = words.addObject();
                x.put("text", w.text());
                if (w.box() != null) x.set("box", box(w.box()));
                x.put("confidence", round(w.confidence()));
            }
        }
        return n;
    }

    private static ArrayNode box(Box b) {
        ArrayNode a = MAPPER.createArrayNode();
        a.add(round(b.x()));
        a.add(round(b.y()));
        a.add(round(b.width()));
        a.add(round(b.height()));
        return a;
    }

    private static void provenance(ObjectNode n, Provenance p) {
        if (p == null) return;
        n.put("source", name(p.source()));
        n.put("page", p.page());
        n.put("method", name(p.method()));
        n.put("detail", p.detail());
    }

    private static void warnings(ArrayNode arr, List<Warning> ws) {
        for (Warning w : ws) {
            ObjectNode x = arr.addObject();
            x.put("code", w.code());
            x.put("message", w.message());
            if (w.page() > 0) x.put("page", w.page());
        }
    }

    /** Enum constants as lower-case words with dashes: TEXT_LAYER → text-layer. */
    static String name(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
