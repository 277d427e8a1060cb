package org.nianbao.ingest.extract.pdf;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.util.TextPlausibility;

/**
 * Everything read from one page without rendering it: the text layer as lines, the graphics (images,
 * vector drawing, rulings) and the facts the triage decides on.
 *
 * @param geometry     page size and coordinate system
 * @param lines        text-layer lines, top to bottom, in page coordinates
 * @param glyphs       the text layer's glyphs (Kangxi radicals already mapped)
 * @param facts        evidence for the triage
 * @param decision     text layer or OCR, and why
 * @param rulings      vector rulings
 * @param images       where images are drawn, page coordinates
 */
public record PdfPageAnalysis(PageGeometry geometry, List<Line> lines, List<PdfGlyph> glyphs, PdfPageFacts facts,
                              PdfTriage.Decision decision, PdfRulings.Rulings rulings, List<Rectangle2D> images) {

    /** Analyses page {@code index} (0-based) of {@code doc}. */
    public static PdfPageAnalysis of(PDDocument doc, int index) throws IOException {
        PDPage page = doc.getPage(index);
        PdfTextCollector text = new PdfTextCollector();
        text.collect(doc, index + 1);
        PdfGraphics graphics = new PdfGraphics(page);
        graphics.run();

        int[] kangxiMapped = new int[1];
        int chars = 0, invisible = 0, privateUse = 0, kangxi = 0, han = 0;
        StringBuilder all = new StringBuilder();
        List<PdfGlyph> glyphs = new ArrayList<>(text.glyphs().size());
        for (PdfGlyph g : text.glyphs()) {
            String t = g.text();
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isWhitespace(cp)) continue;
                chars++;
                if (g.invisible()) invisible++;
                if (cp >= 0xE000 && cp <= 0xF8FF || cp == 0xFFFD || cp >= 0xF0000) privateUse++;
                else if (PdfTextLayout.isKangxi(cp)) kangxi++;
                else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) han++;
            }
            all.append(t);
            String mapped = PdfTextLayout.mapKangxi(t, kangxiMapped);
            glyphs.add(mapped == t ? g : new PdfGlyph(mapped, g.x(), g.baseline(), g.width(), g.size(), g.invisible()));
        }
        double plausibility = TextPlausibility.score(PdfTextLayout.mapKangxi(all.toString(), new int[1]));
        PdfPageFacts facts = new PdfPageFacts(text.shown(), text.unmapped(), chars, invisible, privateUse, kangxi, han,
                plausibility, graphics.imageCoverage(), graphics.images().size(), graphics.pathSegments(), graphics.curves());
        PdfTriage.Decision decision = PdfTriage.decide(facts);
        List<Line> lines = decision.ocr() ? List.of() : PdfTextLayout.lines(glyphs);
        return new PdfPageAnalysis(graphics.geometry(), lines, glyphs, facts, decision, graphics.rulings(), graphics.images());
    }

    /**
     * Images on a text-layer page large enough to hold a table or a paragraph and with (almost) no
     * text-layer glyphs over them: a table pasted into the report as a picture. They are OCR'd.
     */
    public List<Rectangle2D> imagesToRead() {
        List<Rectangle2D> out = new ArrayList<>();
        double pageArea = geometry.width() * geometry.height();
        for (Rectangle2D r : images) {
            double area = r.getWidth() * r.getHeight();
            if (area < 0.06 * pageArea || area > 0.9 * pageArea) continue;
            if (r.getWidth() < 72 || r.getHeight() < 36) continue;
            int inside = 0;
            for (PdfGlyph g : glyphs) if (r.contains(g.x() + g.width() / 2, g.baseline() - g.size() / 2)) inside++;
            if (inside >= 5) continue;
            boolean dup = false;
            for (Rectangle2D o : out) if (o.contains(r.getCenterX(), r.getCenterY())) dup = true;
            if (!dup) out.add(r);
        }
        return out;
    }
}
