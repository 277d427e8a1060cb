package org.nianbao.ingest.ocr;

/**
 * The Chinese script a document is printed in, which chooses the recognition model. Latin runs
 * (URLs, "PDF", figures) are read by the English model loaded alongside.
 */
public enum OcrScript {
    SIMPLIFIED("chi_sim+eng"),
    TRADITIONAL("chi_tra+eng");

    private final String languages;

    OcrScript(String languages) {
        this.languages = languages;
    }

    /** Tesseract language string, models joined by '+'. */
    public String languages() {
        return languages;
    }
}
