package org.nianbao.ingest.ocr;

/**
 * How Tesseract should segment the region it is given. Each mode maps to one page segmentation mode;
 * {@link #DIGITS} also restricts the characters the model may output, for re-reading table cells.
 */
public enum OcrMode {
    /** A whole page: automatic layout analysis (columns, blocks, paragraphs). PSM 3. */
    PAGE(3),
    /** One uniform block of text, e.g. a cell or a cropped paragraph. PSM 6. */
    BLOCK(6),
    /** Exactly one line of text. PSM 7. */
    LINE(7),
    /** One column of text of variable sizes. PSM 4. */
    COLUMN(4),
    /** One block of vertical (top-to-bottom) text. PSM 5. */
    VERTICAL(5),
    /** One line of digits (table figures): only 0-9 and the signs numbers carry. PSM 7. */
    DIGITS(7),
    /**
     * One figure, as a table cell holds it: digits and signs only, read as a single word (PSM 8). With a
     * whitelist, Tesseract's line mode often returns nothing for a lone "0" or "1" (its beam keeps too few
     * hypotheses); word mode reads them.
     */
    NUMBER(8);

    private final int pageSegMode;

    OcrMode(int pageSegMode) {
        this.pageSegMode = pageSegMode;
    }

    /** Tesseract's page segmentation mode number. */
    public int pageSegMode() {
        return pageSegMode;
    }

    /** Characters allowed in this mode, or null for no restriction. */
    public String whitelist() {
        return switch (this) {
            case DIGITS, NUMBER -> "0123456789.,+-%";
            default -> null;
        };
    }
}
