package org.nianbao.ingest.extract.pdf;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Collects the glyphs of one page's text layer with their positions, and counts the glyphs whose
 * font gives no Unicode mapping (PDFBox silently drops those of composite fonts; we need to know,
 * because a page of unmapped glyphs must be OCR'd). Overprinted duplicates (fake bold) are dropped.
 */
final class PdfTextCollector extends PDFTextStripper {
    static final int MAX_GLYPHS = 200_000;

    private final List<PdfGlyph> glyphs = new ArrayList<>();
    private int shown;
    private int unmapped;
    private int dropped;

    PdfTextCollector() throws IOException {
        super();
        setSortByPosition(false);
    }

    /** Collects the glyphs of page {@code pageNumber} (1-based). */
    void collect(PDDocument doc, int pageNumber) throws IOException {
        setStartPage(pageNumber);
        setEndPage(pageNumber);
        writeText(doc, new StringWriter());
    }

    List<PdfGlyph> glyphs() {
        return glyphs;
    }

    /** Glyphs drawn, mapped or not. */
    int shown() {
        return shown;
    }

    /** Glyphs without a Unicode mapping. */
    int unmapped() {
        return unmapped;
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) throws IOException {
        shown++;
        String u = font.toUnicode(code);
        if (u == null || u.isEmpty()) unmapped++;
        super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    @Override
    protected void processTextPosition(TextPosition t) {
        if (glyphs.size() >= MAX_GLYPHS) {
            dropped++;
            return;
        }
        String u = t.getUnicode();
        if (u == null || u.isEmpty()) return;
        RenderingMode mode = getGraphicsState().getTextState().getRenderingMode();
        boolean invisible = mode == RenderingMode.NEITHER || mode == RenderingMode.NEITHER_CLIP;
        double size = t.getFontSizeInPt();
        if (!(size > 0.5) || size > 500) size = Math.max(1, t.getHeight() * 1.4);
        PdfGlyph g = new PdfGlyph(u, t.getX(), t.getY(), Math.max(0, t.getWidth()), size, invisible);
        if (isOverprint(g)) return;
        glyphs.add(g);
    }

    /** Same text drawn again at (almost) the same place: fake bold or a shadow. */
    private boolean isOverprint(PdfGlyph g) {
        for (int i = glyphs.size() - 1; i >= 0 && i >= glyphs.size() - 4; i--) {
            PdfGlyph o = glyphs.get(i);
            if (o.text().equals(g.text()) && Math.abs(o.x() - g.x()) < g.size() * 0.15
                    && Math.abs(o.baseline() - g.baseline()) < g.size() * 0.15) {
                return true;
            }
        }
        return false;
    }

    /** Glyphs beyond {@link #MAX_GLYPHS} that were not kept. */
    int droppedForLimit() {
        return dropped;
    }
}
