package org.nianbao.ingest.extract.pdf;

/**
 * One glyph of a page's text layer, in page coordinates (points, top-left origin).
 *
 * @param text      the Unicode text PDFBox mapped the glyph to
 * @param x         left edge
 * @param baseline  y of the baseline
 * @param width     advance width
 * @param size      font size in points (height of an em)
 * @param invisible drawn in text render mode 3/7 (the hidden text layer of an OCR'd scan)
 */
public record PdfGlyph(String text, double x, double baseline, double width, double size, boolean invisible) {
    public double top() {
        return baseline - size * 0.88;
    }

    public double bottom() {
        return baseline + size * 0.12;
    }

    public double right() {
        return x + width;
    }
}
