package org.nianbao.ingest.table.pdf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.ingest.extract.pdf.PdfGlyph;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;

/**
 * Tables without rules on an OCR'd page: the words Tesseract read become glyphs for
 * {@link AlignedColumnTables}, the same whitespace-alignment fallback born-digital pages use.
 *
 * <p>Two things differ from a text layer and are evened out here before the words go in:
 * <ul>
 *   <li><b>Size.</b> A word box is as tall as its ink: {@code 一} is a stroke, {@code 0} is two thirds of a
 *       Chinese character, and Tesseract now and then gives a word a box half as tall again as its
 *       neighbours'. The fallback compares lines by type size, so every word gets the page's typical
 *       character height (a title line set larger is one segment wide and never a table row anyway).</li>
 *   <li><b>Baseline.</b> A box's bottom is not its baseline ({@code 一} again), so the baseline is put at
 *       the same place under the box's middle for every word.</li>
 * </ul>
 * The fallback's thresholds are in points and em; the words are scaled from pixels to points for it
 * and its boxes scaled back.
 */
public final class OcrAlignedTables {
    /** Where the baseline lies under the middle of a Chinese character's box, in em. */
    private static final double BASELINE_BELOW_MIDDLE = 0.38;

    private OcrAlignedTables() { }

    /**
     * The aligned tables among {@code words} (one pseudo-glyph per OCR word, in read-frame pixels: x and
     * width from the box, baseline = box bottom, size = box height). Frames, tops, cell boxes and the
     * glyphs of each table are in the same pixels and the same glyph objects as given.
     */
    public static PdfRulingTables.Result find(List<PdfGlyph> words, int dpi, double charHeight) {
        return find(words, dpi, charHeight, AlignedColumnTables.Cutting.OCR_WORDS);
    }

    /**
     * As {@link #find(List, int, double)}, lines cut into segments as {@code cutting} says: pieces cut
     * from the ink at column-wide gaps ({@link InkAlignedTables}) are cut as a text layer's glyphs are.
     */
    public static PdfRulingTables.Result find(List<PdfGlyph> words, int dpi, double charHeight, AlignedColumnTables.Cutting cutting) {
        if (words.isEmpty() || charHeight <= 0) return new PdfRulingTables.Result(List.of(), words);
        double toPt = 72.0 / (dpi > 0 ? dpi : 300);
        Map<PdfGlyph, PdfGlyph> original = new IdentityHashMap<>();
        List<PdfGlyph> scaled = new ArrayList<>(words.size());
        for (PdfGlyph w : words) {
            double size = charHeight;
            double middle = w.baseline() - w.size() / 2;
            PdfGlyph g = new PdfGlyph(w.text(), w.x() * toPt, (middle + BASELINE_BELOW_MIDDLE * size) * toPt, w.width() * toPt, size * toPt,
                    false);
            original.put(g, w);
            scaled.add(g);
        }
        Provenance none = new Provenance(SourceKind.IMAGE, 0, Method.OCR, "");
        PdfRulingTables.Result found = AlignedColumnTables.find(scaled, none, cutting);
        if (found.tables().isEmpty()) return new PdfRulingTables.Result(List.of(), words);
        double toPx = 1 / toPt;
        List<PdfRulingTables.Found> tables = new ArrayList<>();
        List<PdfGlyph> refused = new ArrayList<>();
        for (PdfRulingTables.Found f : found.tables()) {
            TableBlock tb = f.block();
            if (!labelled(tb.table())) {
                refused.addAll(f.glyphs());
                continue;
            }
            List<Cell> cells = new ArrayList<>(tb.table().cells().size());
            for (Cell c : tb.table().cells()) {
                cells.add(new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.text(), scale(c.box(), toPx), c.confidence(), c.alternatives()));
            }
            TableBlock block = new TableBlock(new Table(tb.table().rows(), tb.table().cols(), cells), tb.origin(), tb.confidence(),
                    tb.standard(), tb.provenance(), tb.warnings());
            List<PdfGlyph> glyphs = new ArrayList<>(f.glyphs().size());
            for (PdfGlyph g : f.glyphs()) glyphs.add(original.getOrDefault(g, g));
            tables.add(new PdfRulingTables.Found(block, scale(f.frame(), toPx), f.top() * toPx, glyphs));
        }
        List<PdfGlyph> rest = new ArrayList<>(found.rest().size() + refused.size());
        for (PdfGlyph g : found.rest()) rest.add(original.getOrDefault(g, g));
        for (PdfGlyph g : refused) rest.add(original.getOrDefault(g, g));
        return new PdfRulingTables.Result(tables, rest);
    }

    /**
     * Whether nearly every row with numbers has its label (text left of its first number). The page
     * reading of a dense table drops words and runs rows together; a grid whose rows of numbers have
     * lost their labels would put numbers in the wrong rows and leave the labels' text where no parser
     * finds it, so such a region stays text, where every word the engine read is kept in order.
     */
    static boolean labelled(Table t) {
        boolean[] numeric = CellKinds.numeric(t);
        int rows = 0;
        int withLabel = 0;
        for (int r = 0; r < t.rows(); r++) {
            int firstNumber = Integer.MAX_VALUE;
            for (int i = 0; i < t.cells().size(); i++) {
                Cell c = t.cells().get(i);
                if (c.row() == r && numeric[i] && !c.text().isBlank()) firstNumber = Math.min(firstNumber, c.col());
            }
            if (firstNumber == Integer.MAX_VALUE) continue;
            rows++;
            for (int i = 0; i < t.cells().size(); i++) {
                Cell c = t.cells().get(i);
                if (c.row() <= r && c.row() + c.rowSpan() > r && c.col() < firstNumber && !numeric[i] && !c.text().isBlank()) {
                    withLabel++;
                    break;
                }
            }
        }
        return rows > 0 && withLabel >= Math.ceil(LABELLED_ROWS * rows);
    }

    /** Share of the rows with numbers that must have a label for the grid to be believed. */
    static final double LABELLED_ROWS = 0.9;

    /**
     * The table with boxes kept only on the cells worth reading again on their own: number cells and
     * blank cells in number columns (a lone {@code 0} the page reading missed). Without rules a text
     * cell's box is only a guess (a label wrapped over two lines reaches into the next row's band), so
     * labels keep the page's reading.
     */
    public static Table numberCells(Table t) {
        boolean[] numeric = CellKinds.numeric(t);
        boolean[] numberColumn = new boolean[t.cols()];
        int[] numbers = new int[t.cols()];
        int[] all = new int[t.cols()];
        for (int i = 0; i < t.cells().size(); i++) {
            Cell c = t.cells().get(i);
            if (c.colSpan() != 1 || c.text().isBlank()) continue;
            all[c.col()]++;
            if (numeric[i]) numbers[c.col()]++;
        }
        for (int k = 0; k < t.cols(); k++) numberColumn[k] = numbers[k] >= 2 && numbers[k] * 2 >= all[k];
        List<Cell> out = new ArrayList<>(t.cells().size());
        for (int i = 0; i < t.cells().size(); i++) {
            Cell c = t.cells().get(i);
            boolean keep = c.rowSpan() == 1 && c.colSpan() == 1 && (numeric[i] || c.text().isBlank() && numberColumn[c.col()]);
            out.add(keep ? c : new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.text(), null, c.confidence(), c.alternatives()));
        }
        return new Table(t.rows(), t.cols(), out);
    }

    /**
     * The cells read again, merged with the first reading ({@code first}, same grid): boxes put back,
     * and where the cell's reading found nothing but the page had read something, the page's reading
     * stays. A row band is a guess without rules and may miss its row's ink; a blank is only believed
     * where the page read nothing either.
     */
    public static Table merged(Table read, Table first) {
        List<Cell> out = new ArrayList<>(read.cells().size());
        for (Cell c : read.cells()) {
            Cell f = first.cellAt(c.row(), c.col());
            if (f == null) {
                out.add(c);
                continue;
            }
            if (c.text().isBlank() && !f.text().isBlank()) {
                out.add(f);
                continue;
            }
            Box box = c.box() != null ? c.box() : f.box();
            out.add(new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.text(), box, c.confidence(), c.alternatives()));
        }
        return new Table(read.rows(), read.cols(), out);
    }

    private static Box scale(Box b, double k) {
        return b == null ? null : new Box(b.x() * k, b.y() * k, b.width() * k, b.height() * k);
    }
}
