package org.nianbao.ingest.table.pdf;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.extract.pdf.PdfGlyph;
import org.nianbao.ingest.extract.pdf.PdfRulings;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.LineParagraphs;
import org.nianbao.ingest.ocr.OcrBlocks;
import org.nianbao.ingest.ocr.PageReader;
import org.nianbao.ingest.ocr.prep.ImageRulings;

/**
 * Ruled tables on an OCR'd page (first cut): the rules the page reader found ({@link ImageRulings}) give
 * the grid exactly as in a born-digital PDF ({@link RulingGrid}), and the words Tesseract read are put
 * into the cells by position. Work happens in the upright, straightened frame the page was read in,
 * where rules are horizontal and vertical. Lines inside a table become its cells, the others
 * paragraphs. Not yet done: re-reading each cell on its own (digits-only for numbers), vertical text.
 */
public final class ImageRulingTables {
    public static final String ORIGIN = "image-rulings";
    /** Below the text layer's: the words are OCR's and a word could straddle an erased rule. */
    static final double CONFIDENCE = 0.85;

    private ImageRulingTables() { }

    /**
     * Blocks of an OCR'd page in reading order, ruled tables as table blocks; {@code scale}, {@code dx},
     * {@code dy} map page pixels to the page's units (as {@link OcrBlocks#placed}).
     */
    public static List<LineParagraphs.Placed> placed(PageReader.PageText page, double scale, double dx, double dy, Provenance provenance) {
        List<Line> read = page.readLines();
        if (page.rulings() == null || page.rulings().isEmpty() || read.isEmpty()) return OcrBlocks.placed(page, scale, dx, dy, provenance);
        AffineTransform pageToRead;
        try {
            pageToRead = page.readToPage() == null ? new AffineTransform() : page.readToPage().createInverse();
        } catch (NoninvertibleTransformException e) {
            return OcrBlocks.placed(page, scale, dx, dy, provenance);
        }
        List<PdfRulings.Segment> all = new ArrayList<>();
        for (ImageRulings.Segment s : page.rulings()) all.add(upright(s, pageToRead));
        List<PdfRulings.Segment> h = all.stream().filter(PdfRulings.Segment::horizontal).toList();
        List<PdfRulings.Segment> v = all.stream().filter(s -> !s.horizontal() && s.y1() > s.y0()).toList();
        // each word a pseudo-glyph in the read frame; remember its line
        List<PdfGlyph> glyphs = new ArrayList<>();
        List<Line> lineOf = new ArrayList<>();
        for (Line l : read) {
            for (Word w : l.words()) {
                if (w.text().isBlank() || w.box() == null) continue;
                glyphs.add(new PdfGlyph(w.text(), w.box().x(), w.box().bottom(), w.box().width(), Math.max(1, w.box().height()), false));
                lineOf.add(l);
            }
        }
        PdfRulingTables.Result found = PdfRulingTables.find(new PdfRulings.Rulings(h, v), glyphs, provenance, snapPixels(page, scale));
        // a grid of one row or one column means the inner rules were missed (faint, broken): the lines
        // read better as text than as a one-column "table"
        found = new PdfRulingTables.Result(found.tables().stream()
                .filter(f -> f.block().table().rows() > 1 && f.block().table().cols() > 1).toList(), found.rest());
        if (found.tables().isEmpty()) return OcrBlocks.placed(page, scale, dx, dy, provenance);
        // lines with a word in a table belong to it; the others stay text
        java.util.Set<Line> consumed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<PdfGlyph> inTables = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PdfRulingTables.Found f : found.tables()) inTables.addAll(f.glyphs());
        for (int i = 0; i < glyphs.size(); i++) if (inTables.contains(glyphs.get(i))) consumed.add(lineOf.get(i));
        List<Line> rest = new ArrayList<>();
        for (Line l : read) if (!consumed.contains(l)) rest.add(l);
        List<LineParagraphs.Placed> out = new ArrayList<>(LineParagraphs.placed(rest, provenance,
                l -> OcrBlocks.scale(page.toPage(l), scale, dx, dy)));
        AffineTransform readToPage = page.readToPage() == null ? new AffineTransform() : page.readToPage();
        for (PdfRulingTables.Found f : found.tables()) {
            TableBlock tb = f.block();
            Block b = new TableBlock(tb.table(), ORIGIN, Math.min(tb.confidence(), CONFIDENCE), null, provenance, tb.warnings());
            Point2D topLeft = readToPage.transform(new Point2D.Double(f.frame().x(), f.frame().y()), null);
            out.add(new LineParagraphs.Placed(b, topLeft.getY() * scale + dy));
        }
        out.sort(java.util.Comparator.comparingDouble(LineParagraphs.Placed::top));
        return out;
    }

    /** Two points (the PDF snap) in the read frame's pixels; the rule finder's pixels are at most a few apart. */
    private static double snapPixels(PageReader.PageText page, double scale) {
        double pxPerPt = scale > 0 && scale < 1 ? 1 / scale : 300.0 / 72;
        return Math.max(3, RulingGrid.SNAP * pxPerPt);
    }

    /** A rule mapped into the read frame and made exactly horizontal or vertical there. */
    static PdfRulings.Segment upright(ImageRulings.Segment s, AffineTransform pageToRead) {
        Point2D a = pageToRead.transform(new Point2D.Double(s.x0(), s.y0()), null);
        Point2D b = pageToRead.transform(new Point2D.Double(s.x1(), s.y1()), null);
        if (s.horizontal()) {
            double y = (a.getY() + b.getY()) / 2;
            return new PdfRulings.Segment(Math.min(a.getX(), b.getX()), y, Math.max(a.getX(), b.getX()), y, s.thickness());
        }
        double x = (a.getX() + b.getX()) / 2;
        return new PdfRulings.Segment(x, Math.min(a.getY(), b.getY()), x, Math.max(a.getY(), b.getY()), s.thickness());
    }
}
