package org.nianbao.ingest.ocr;

/**
 * The Chinese script a document is printed in, which chooses the recognition model.
 *
 * <p>The Chinese models read Latin runs (URLs, "PDF", e-mail addresses, figures) themselves; adding
 * the English model ({@code chi_sim+eng}) was measured worse on report pages: it takes noisy lines for
 * English and turns them into Latin garbage (raw CER 5.7% against 3.6% with {@code chi_sim} alone on
 * 200 dpi office scans, and 25% slower). Set {@code -Dnianbao.ocr.eng=true} to load it anyway, for
 * documents with much English text.
 */
public enum OcrScript {
    SIMPLIFIED("chi_sim"),
    TRADITIONAL("chi_tra");

    /** System property that adds the English model to every script. */
    public static final String ENGLISH_PROPERTY = "nianbao.ocr.eng";

    private final String model;

    OcrScript(String model) {
        this.model = model;
    }

    /** Tesseract language string, models joined by '+'. */
    public String languages() {
        return Boolean.getBoolean(ENGLISH_PROPERTY) ? model + "+eng" : model;
    }
}
