package org.nianbao.ingest.output;

import java.io.IOException;
import java.nio.file.Path;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.SourceKind;

/**
 * Seam for the searchable-PDF writer (page images plus an invisible OCR text layer). Not finished in
 * this build: {@link #canWrite} is false and the command line says so when {@code --format pdf} is asked.
 */
final class SearchablePdf {
    private SearchablePdf() { }

    static boolean available() {
        return false;
    }

    static boolean canWrite(Document doc) {
        return available() && (doc.kind() == SourceKind.PDF || doc.kind() == SourceKind.IMAGE);
    }

    static void write(Document doc, Path source, Path target) throws IOException {
        throw new IOException("searchable PDF output is not available in this build");
    }
}
