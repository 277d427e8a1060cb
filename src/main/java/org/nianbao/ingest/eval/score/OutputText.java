package org.nianbao.ingest.eval.score;

import java.lang.reflect.Method;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.TableBlock;

/**
 * The {@code .txt} of a document, as the pipeline writes it: {@code org.nianbao.ingest.output.TextWriter.render}.
 * Until that writer is on the class path, a minimal writer of the same contract stands in (one block per
 * line, tables as {@code " | "} rows with the full column count and merged text repeated, a blank line
 * around each table) and {@link #source()} says so, so that figures are never silently produced by it.
 */
public final class OutputText {
    private static final Method WRITER = find();

    private OutputText() { }

    private static Method find() {
        try {
            Class<?> c = Class.forName("org.nianbao.ingest.output.TextWriter");
            return c.getMethod("render", Document.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Which writer produced the text: {@code TextWriter} or {@code eval stand-in}. */
    public static String source() {
        return WRITER != null ? "TextWriter" : "eval stand-in (TextWriter not on the class path)";
    }

    public static String render(Document doc) {
        if (WRITER != null) {
            try {
                return (String) WRITER.invoke(null, doc);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException("TextWriter.render failed: " + cause, cause);
            }
        }
        return standIn(doc);
    }

    static String standIn(Document doc) {
        StringBuilder sb = new StringBuilder();
        for (Block b : doc.blocks()) {
            if (b instanceof TableBlock t) {
                sb.append('\n');
                for (String[] row : t.table().textGrid()) sb.append(String.join(" | ", row)).append('\n');
                sb.append('\n');
            } else {
                String text = b.text();
                if (text != null && !text.isBlank()) sb.append(text.strip()).append('\n');
            }
        }
        return sb.toString();
    }
}
