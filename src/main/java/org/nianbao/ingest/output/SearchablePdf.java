package org.nianbao.ingest.output;

import java.io.IOException;
import java.nio.file.Path;
import org.nianbao.ingest.model.Document;

/** Seam for the searchable-PDF writer (page images plus an invisible OCR text layer): {@link SearchablePdfWriter}. */
final class SearchablePdf {
    private SearchablePdf() { }

    static boolean available() {
        return true;
    }

    static boolean canWrite(Document doc) {
        return available() && SearchablePdfWriter.canWrite(doc);
    }

    static void write(Document doc, Path source, Path target) throws IOException {
        SearchablePdfWriter.write(doc, source, target);
    }
}
