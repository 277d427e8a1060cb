package org.nianbao.ingest.extract.html;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.InputException;
import org.nianbao.ingest.sniff.Sniffer;
import org.nianbao.ingest.sniff.Source;

/** Runs the web extractors on pages written to a folder, and views the result compactly. */
final class WebTestSupport {
    private WebTestSupport() { }

    static Document extract(Path file) throws IOException, InputException {
        Source src = new Sniffer().sniff(file);
        return switch (src.kind()) {
            case HTML -> new HtmlExtractor().extract(src, Context.defaults());
            case MHTML -> new MhtmlExtractor().extract(src, Context.defaults());
            default -> throw new AssertionError(file + " sniffed as " + src.kind() + ": " + src.note());
        };
    }

    static Document page(Path dir, String name, String html) throws IOException, InputException {
        return page(dir, name, html, StandardCharsets.UTF_8);
    }

    static Document page(Path dir, String name, String html, Charset cs) throws IOException, InputException {
        Path f = dir.resolve(name);
        Files.write(f, html.getBytes(cs));
        return extract(f);
    }

    /** A page with a body and nothing else. */
    static String body(String inner) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>" + inner + "</body></html>";
    }

    /** One line per block: "H2 text", "P text", "T rows x cols", "I source -> resolved". */
    static List<String> outline(Document d) {
        return d.blocks().stream().map(WebTestSupport::describe).collect(Collectors.toList());
    }

    static String describe(Block b) {
        if (b instanceof HeadingBlock h) return "H" + h.level() + " " + h.text();
        if (b instanceof ParagraphBlock p) return "P " + p.text();
        if (b instanceof TableBlock t) return "T " + t.table().rows() + "x" + t.table().cols();
        if (b instanceof ImageBlock i) return "I " + i.source() + " -> " + i.resolved();
        return b.toString();
    }

    static String texts(Document d) {
        return d.blocks().stream().map(Block::text).collect(Collectors.joining("\n"));
    }

    static List<TableBlock> tables(Document d) {
        return d.blocks().stream().filter(b -> b instanceof TableBlock).map(b -> (TableBlock) b).toList();
    }

    static List<ImageBlock> images(Document d) {
        return d.blocks().stream().filter(b -> b instanceof ImageBlock).map(b -> (ImageBlock) b).toList();
    }

    static boolean hasWarning(Document d, String code) {
        return d.allWarnings().stream().anyMatch(w -> w.code().equals(code));
    }
}
