package org.nianbao.ingest.eval.score;

import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.output.TextWriter;

/** The {@code .txt} of a document exactly as the pipeline writes it (docs/output-format.md). */
public final class OutputText {
    private OutputText() { }

    /** Names the writer in reports, so figures say what produced the text they score. */
    public static String source() {
        return "TextWriter";
    }

    public static String render(Document doc) {
        return TextWriter.render(doc);
    }
}
