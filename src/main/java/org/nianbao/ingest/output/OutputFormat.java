package org.nianbao.ingest.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.nianbao.ingest.model.Document;

/** One kind of hand-off file written per document. */
public enum OutputFormat {
    TXT("txt"),
    JSON("json"),
    /** Searchable PDF: the page images with an invisible text layer (for scanned inputs). */
    PDF("pdf");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static OutputFormat parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + s + "' (use txt, json, pdf)");
        }
    }

    /** Whether this build can write searchable PDFs at all. */
    public static boolean pdfAvailable() {
        return SearchablePdf.available();
    }

    /** Whether this format is meaningful for the document (a searchable PDF needs page images). */
    public boolean appliesTo(Document doc) {
        return this != PDF || SearchablePdf.canWrite(doc);
    }

    /** Writes the document in this format to {@code target}, atomically. */
    public void write(Document doc, Path source, Path target) throws IOException {
        switch (this) {
            case TXT -> AtomicFiles.writeText(target, w -> TextWriter.write(doc, w));
            case JSON -> AtomicFiles.writeText(target, w -> JsonWriter.write(doc, w));
            case PDF -> SearchablePdf.write(doc, source, target);
        }
    }
}
