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
    TRADITIONAL("chi_tra"),
    /**
     * Not a Chinese script: the English model alone, for figures. Table cells known to hold numbers are
     * read with it digits-only; it reads the serif figures of these reports where the Chinese models
     * drop a digit (chi_sim reads a printed "5.19" as ".19", eng as "5.19") or nothing at all (a faint
     * "0" of a 200 dpi scan).
     */
    LATIN("eng");

    /** System property that adds the English model to every script. */
    public static final String ENGLISH_PROPERTY = "nianbao.ocr.eng";

    private final String model;

    OcrScript(String model) {
        this.model = model;
    }

    /** Tesseract language string, models joined by '+'. */
    public String languages() {
        return this != LATIN && Boolean.getBoolean(ENGLISH_PROPERTY) ? model + "+eng" : model;
    }
}
