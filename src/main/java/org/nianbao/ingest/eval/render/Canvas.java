package org.nianbao.ingest.eval.render;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.nianbao.ingest.eval.render.LineBreaker.Piece;
import org.nianbao.ingest.eval.render.LineBreaker.SetLine;

/** The pages of a PDF being drawn, each with one open content stream (pages are numbered from 1). */
final class Canvas implements Closeable {
    private final PDDocument doc;
    private final PDRectangle size;
    private final List<PDPageContentStream> streams = new ArrayList<>();

    Canvas(PDDocument doc, PDRectangle size) {
        this.doc = doc;
        this.size = size;
    }

    int pageCount() {
        return streams.size();
    }

    /** Adds a page and returns its number. */
    int newPage() throws IOException {
        PDPage page = new PDPage(size);
        doc.addPage(page);
        PDPageContentStream cs = new PDPageContentStream(doc, page);
        cs.setLineWidth(0.6f);
        streams.add(cs);
        return streams.size();
    }

    PDPageContentStream stream(int page) {
        return streams.get(page - 1);
    }

    /** Draws a set line with its left end at x and its baseline at y. */
    void text(int page, float x, float y, SetLine line, float size) throws IOException {
        PDPageContentStream cs = stream(page);
        cs.beginText();
        cs.newLineAtOffset(x, y);
        Faces.Face current = null;
        for (Piece p : line.pieces()) {
            if (p.face() != current) {
                cs.setFont(p.face().font(), size);
                current = p.face();
            }
            cs.showText(p.text());
        }
        cs.endText();
    }

    /**
     * Draws a set line in a faux bold: the glyphs filled and stroked with a thin outline, as Word
     * emboldens a face that has no bold. Graphics state saved and restored around it.
     */
    void boldText(int page, float x, float y, SetLine line, float size) throws IOException {
        PDPageContentStream cs = stream(page);
        cs.saveGraphicsState();
        cs.setRenderingMode(RenderingMode.FILL_STROKE);
        cs.setLineWidth(size * 0.04f);
        text(page, x, y, line, size);
        cs.restoreGraphicsState();
    }

    /** A rectangle stroked with its own line width (the default 0.6 pt is kept for everything else). */
    void rect(int page, float x, float y, float w, float h, float lineWidth) throws IOException {
        PDPageContentStream cs = stream(page);
        cs.saveGraphicsState();
        cs.setLineWidth(lineWidth);
        cs.addRect(x, y, w, h);
        cs.stroke();
        cs.restoreGraphicsState();
    }

    void rect(int page, float x, float y, float w, float h) throws IOException {
        PDPageContentStream cs = stream(page);
        cs.addRect(x, y, w, h);
        cs.stroke();
    }

    @Override
    public void close() throws IOException {
        for (PDPageContentStream cs : streams) cs.close();
    }
}
