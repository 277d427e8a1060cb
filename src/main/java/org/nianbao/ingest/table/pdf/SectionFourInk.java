package org.nianbao.ingest.table.pdf;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nianbao.ingest.extract.pdf.PdfGlyph;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.ocr.OcrException;
import org.nianbao.ingest.table.report.StandardTemplate;
import org.nianbao.ingest.table.report.StandardTemplates;
import org.nianbao.ingest.table.report.TemplateCell;

/**
 * The section 四 table (行政复议、行政诉讼, report-format.md §4) without rules on a scan, which the
 * general ink path ({@link InkLayout#regions}) cannot see: its header is three levels of short labels,
 * most of them two lines high and packed closer than a column gap, and its one data row has no label
 * (so {@link OcrAlignedTables#labelled} would refuse it anyway). What it does have is unmistakable: a
 * line of fifteen figures, each alone, and right above it a header whose words are the template's.
 *
 * <ol>
 *   <li>A <b>line of figures</b>: an ink band, one line high, cut by column gaps into at least
 *       {@link #MIN_FIGURES} pieces, every one of them figure-sized.</li>
 *   <li>Its <b>header</b>: the bands right above it (close, no wider than the figures' span, no piece as
 *       wide as a heading line), cut into pieces, cut again where the figures say a column ends
 *       ({@link InkAlignedTables#splitAtColumns}), each read alone.</li>
 *   <li>The header is the 四 header when at least {@link #MIN_KEYS} of its {@link #KEYS} are read in it
 *       (the page reading is asked first, so a page without such words costs no reading).</li>
 *   <li>The figures are read one by one and put on the template's fifteen columns by their x: in order
 *       when there are fifteen, else to the nearest of fifteen columns the header's bottom labels show.
 *       Anything else (sixteen figures, columns that do not come out fifteen) stays text.</li>
 * </ol>
 *
 * The grid is the template's: header labels are the template's wording (the header was recognised by
 * its words, and a header of two-line cells read piecemeal would otherwise come out in fragments), the
 * figures are what was read. The block says so in a warning and has the aligned-columns origin and
 * confidence, so the standard-table stage treats it as a table without rules read by OCR.
 */
public final class SectionFourInk {
    /** A line of figures has at least this many (the 四 table has fifteen; a few may be blank). */
    static final int MIN_FIGURES = 10;
    /** Columns of the section 四 table. */
    static final int COLUMNS = 15;
    /** A figure is no wider than this (em) ... */
    static final double FIGURE_WIDTH = 5.0;
    /** ... no taller than this (em; digits are shorter than characters, a little skew is allowed) ... */
    static final double FIGURE_HEIGHT = 1.0;
    /** ... and no shorter than this (em; not a dash or a dot). */
    static final double FIGURE_MIN_HEIGHT = 0.3;
    /** The line of figures is at most this high (em): one line, slightly tilted. */
    static final double FIGURE_LINE_HEIGHT = 1.6;
    /** Header bands lie at most this far (em) apart, and from the figures. */
    static final double HEADER_GAP = 2.5;
    /** The header reaches at most this far (em) above the figures. */
    static final double HEADER_HEIGHT = 9.0;
    /** No header piece is this wide (em): a heading or a line of text is. */
    static final double HEADER_PIECE_WIDTH = 10.0;
    /** The header may stick out this far (em) beyond the figures on either side. */
    static final double HEADER_OVERHANG = 3.0;
    /** The words of the 四 header; one of them read is a hit. */
    static final List<String> KEYS = List.of("行政复议", "行政诉讼", "未经复议", "复议后起诉", "维持", "纠正", "审结", "总计");
    /** Hits needed in the header as read piece by piece ... */
    static final int MIN_KEYS = 6;
    /** ... and in the page's reading of it, before any piece is read. */
    static final int MIN_PAGE_KEYS = 3;
    /** The bottom labels' lines (a two-line label is read as two pieces): what marks the fifteen columns. */
    static final List<String> COLUMN_WORDS = List.of("结果", "维持", "纠正", "其他", "尚未", "审结", "总计", "结果维持", "结果纠正",
            "其他结果", "尚未审结");
    public static final String HEADER_WARNING = "table-header-from-template";

    private SectionFourInk() { }

    /** Reads pieces of the page (read-frame pixels); what {@link InkAlignedTables} reads with. */
    interface Reader {
        /** The text of piece {@code p}, read alone. */
        String read(Rectangle p) throws OcrException;

        /** What the page's reading has inside {@code p}. */
        String pageText(Rectangle p);

        /** The same reader for type of {@code em} pixels. */
        Reader withEm(double em);

        /** Whether the time for reading is up. */
        boolean late();
    }

    /** A line of figures: its band and the figures' pieces, left to right. */
    record FigureLine(Rectangle band, List<Rectangle> figures) { }

    /**
     * The section 四 tables on the page's ink {@code m} (lines inside {@code exclude} left alone), at
     * most one per line of figures; none when the page has no line of figures under a 四 header.
     */
    static List<PdfRulingTables.Found> find(InkLayout.Mask m, List<Rectangle> exclude, double em, Reader reader) throws OcrException {
        List<PdfRulingTables.Found> out = new ArrayList<>();
        Rectangle all = InkLayout.inkBox(m, m.area());
        if (all == null) return out;
        List<Rectangle> bands = new ArrayList<>();
        for (Rectangle b : InkLayout.rows(m, all, Math.max(1, (int) Math.round(InkLayout.LINE_GAP * em)))) {
            Rectangle t = InkLayout.inkBox(m, b);
            if (t != null) bands.add(t);
        }
        if (bands.size() > InkLayout.MAX_PIECES) return out;
        for (int i = 0; i < bands.size(); i++) {
            if (reader.late()) break;
            FigureLine line = figureLine(m, bands.get(i), em);
            if (line == null || overlaps(line.band(), exclude)) continue;
            Rectangle header = header(m, bands, i, line, em);
            if (header == null || overlaps(header, exclude)) continue;
            if (keys(reader.pageText(header)) < MIN_PAGE_KEYS) continue;
            PdfRulingTables.Found f = table(m, header, line, em, reader);
            if (f != null) out.add(f);
        }
        return out;
    }

    /** The band as a line of figures, or null: one line high, at least {@link #MIN_FIGURES} pieces, all figure-sized. */
    static FigureLine figureLine(InkLayout.Mask m, Rectangle band, double em) {
        if (band.height > FIGURE_LINE_HEIGHT * em) return null;
        List<Rectangle> pieces = InkLayout.columns(m, band, Math.max(2, (int) Math.round(InkLayout.COLUMN_GAP * em)));
        if (pieces.size() < MIN_FIGURES) return null;
        List<Rectangle> figures = new ArrayList<>(pieces.size());
        for (Rectangle p : pieces) {
            Rectangle t = InkLayout.inkBox(m, p);
            if (t == null) continue;
            if (t.width > FIGURE_WIDTH * em || t.height > FIGURE_HEIGHT * em || t.height < FIGURE_MIN_HEIGHT * em) return null;
            figures.add(t);
        }
        return figures.size() < MIN_FIGURES ? null : new FigureLine(band, figures);
    }

    /**
     * The area of the header above the line of figures (band {@code at} of {@code bands}): the bands
     * above, each at most {@link #HEADER_GAP} em above the one below it, within the figures' span (plus
     * {@link #HEADER_OVERHANG} em), with no piece as wide as a heading (cut at column gaps and where the
     * figures' columns end), up to {@link #HEADER_HEIGHT} em
     * above the figures. Null when there are fewer than two such bands (a caption and labels).
     */
    static Rectangle header(InkLayout.Mask m, List<Rectangle> bands, int at, FigureLine line, double em) {
        Rectangle figures = line.band();
        double left = figures.x - HEADER_OVERHANG * em;
        double right = figures.x + figures.width + HEADER_OVERHANG * em;
        int gap = Math.max(2, (int) Math.round(InkLayout.COLUMN_GAP * em));
        double[] centres = new double[line.figures().size()];
        for (int i = 0; i < centres.length; i++) centres[i] = line.figures().get(i).getCenterX();
        Rectangle area = null;
        int count = 0;
        int below = figures.y;
        for (int k = at - 1; k >= 0; k--) {
            Rectangle b = bands.get(k);
            if (below - (b.y + b.height) > HEADER_GAP * em || figures.y - b.y > HEADER_HEIGHT * em) break;
            if (b.x < left || b.x + b.width > right) break;
            // a row of the header's labels is cut where the figures' columns end: its labels (two characters
            // over figures three characters apart) stand about an em apart, as close as a column gap, so a cut
            // at column gaps alone holds them together or not by a pixel of em
            boolean wide = false;
            for (Rectangle p : InkLayout.columns(m, b, gap)) {
                for (Rectangle part : InkAlignedTables.splitAtColumns(m, p, centres, em)) wide |= part.width > HEADER_PIECE_WIDTH * em;
            }
            if (wide) break;
            area = area == null ? new Rectangle(b) : area.union(b);
            count++;
            below = b.y;
        }
        return count >= 2 ? area : null;
    }

    /** How many of the {@link #KEYS} the text holds. */
    static int keys(String text) {
        String t = text.replaceAll("\\s+", "");
        int n = 0;
        for (String k : KEYS) if (t.contains(k)) n++;
        return n;
    }

    /** The table of a header and its line of figures, or null when the header is not the 四 header or the figures do not fit its columns. */
    static PdfRulingTables.Found table(InkLayout.Mask m, Rectangle header, FigureLine line, double em, Reader reader) throws OcrException {
        double[] figureCentres = new double[line.figures().size()];
        for (int i = 0; i < figureCentres.length; i++) figureCentres[i] = line.figures().get(i).getCenterX();
        // the header's pieces, cut where the figures' columns end, each read alone
        List<Rectangle> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<Rectangle> cut = new ArrayList<>();
        for (Rectangle p : InkLayout.pieces(m, header, em)) {
            for (Rectangle part : InkAlignedTables.splitAtColumns(m, p, figureCentres, em)) {
                cut.addAll(part.equals(p) ? List.of(p) : InkLayout.pieces(m, part, em));
            }
        }
        // the header's own type size: its pieces of Chinese text
        double tableEm = InkLayout.em(cut, p -> CellNumbers.han(reader.pageText(p)) >= 2, em);
        Reader r = tableEm == em ? reader : reader.withEm(tableEm);
        StringBuilder all = new StringBuilder();
        for (Rectangle p : cut) {
            if (r.late()) return null;
            String text = r.read(p);
            if (text.isEmpty()) continue;
            boxes.add(p);
            texts.add(text);
            all.append(text);
        }
        int hits = keys(all.toString());
        if (hits < MIN_KEYS) return null;
        // the figures, read one by one
        List<String> figures = new ArrayList<>();
        for (Rectangle p : line.figures()) {
            if (r.late()) return null;
            figures.add(CellNumbers.clean(r.read(p)));
        }
        double[] columns = figures.size() == COLUMNS ? figureCentres : labelColumns(boxes, texts, tableEm);
        int[] column = placed(figureCentres, columns);
        if (column == null) return null;
        Table grid = grid(figures, line.figures(), column, columns, tableEm);
        Rectangle frame = header.union(line.band());
        List<PdfGlyph> glyphs = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) glyphs.add(glyph(texts.get(i), boxes.get(i)));
        for (int i = 0; i < figures.size(); i++) if (!figures.get(i).isEmpty()) glyphs.add(glyph(figures.get(i), line.figures().get(i)));
        Provenance none = new Provenance(SourceKind.IMAGE, 0, Method.OCR, "");
        List<Warning> ws = List.of(
                new Warning(AlignedColumnTables.WARNING, "a table without rules rebuilt from aligned columns (" + grid.rows() + "×" + grid.cols()
                        + "): merged cells cannot be seen without rules, check the structure", 0),
                new Warning(HEADER_WARNING, "the header of a table without rules was recognised as the standard section 四 header ("
                        + hits + " of its " + KEYS.size() + " key words read) and set in the template's words; its " + figures.size()
                        + " figures were read one by one and placed on the template's columns by position", 0));
        TableBlock block = new TableBlock(grid, AlignedColumnTables.ORIGIN, AlignedColumnTables.CONFIDENCE, null, none, ws);
        return new PdfRulingTables.Found(block, new Box(frame.x, frame.y, frame.width, frame.height), frame.y, glyphs);
    }

    private static PdfGlyph glyph(String text, Rectangle p) {
        return new PdfGlyph(text, p.x, p.y + p.height, p.width, p.height, false);
    }

    /**
     * The x centres of the fifteen columns from the header's bottom labels (pieces reading one of the
     * {@link #COLUMN_WORDS}): their centres, those within an em of each other one column (a two-line
     * label's lines). Null unless they come out fifteen.
     */
    static double[] labelColumns(List<Rectangle> boxes, List<String> texts, double em) {
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) if (COLUMN_WORDS.contains(texts.get(i).strip())) xs.add(boxes.get(i).getCenterX());
        Collections.sort(xs);
        List<Double> centres = new ArrayList<>();
        for (int i = 0; i < xs.size(); ) {
            int j = i + 1;
            double sum = xs.get(i);
            while (j < xs.size() && xs.get(j) - xs.get(j - 1) <= em) sum += xs.get(j++);
            centres.add(sum / (j - i));
            i = j;
        }
        if (centres.size() != COLUMNS) return null;
        double[] out = new double[COLUMNS];
        for (int i = 0; i < COLUMNS; i++) out[i] = centres.get(i);
        return out;
    }

    /**
     * The column of each figure (by x centre): the nearest of {@code columns}, within half the distance
     * to the neighbouring column (the first and last columns as wide outwards), no two figures in one column. Null when {@code columns} is null or a
     * figure has no column of its own.
     */
    static int[] placed(double[] figures, double[] columns) {
        if (columns == null || columns.length != COLUMNS || figures.length > COLUMNS) return null;
        int[] out = new int[figures.length];
        boolean[] used = new boolean[COLUMNS];
        for (int i = 0; i < figures.length; i++) {
            int best = 0;
            for (int c = 1; c < COLUMNS; c++) if (Math.abs(columns[c] - figures[i]) < Math.abs(columns[best] - figures[i])) best = c;
            // the first and last columns reach as far out as in
            double left = (best > 0 ? columns[best] - columns[best - 1] : columns[1] - columns[0]) / 2;
            double right = (best + 1 < COLUMNS ? columns[best + 1] - columns[best] : columns[best] - columns[best - 1]) / 2;
            double d = figures[i] - columns[best];
            if (used[best] || d < -left || d > right) return null;
            used[best] = true;
            out[i] = best;
        }
        return out;
    }

    /**
     * The template's 4×15 grid: header cells in the template's words, each figure in its column of the
     * data row with a box around it (for reading it again), the other data cells blank.
     */
    static Table grid(List<String> figures, List<Rectangle> boxes, int[] column, double[] columns, double em) {
        StandardTemplate t = StandardTemplates.byId(StandardTemplates.SEC4);
        String[] value = new String[t.cols()];
        Box[] box = new Box[t.cols()];
        double pitch = (columns[COLUMNS - 1] - columns[0]) / (COLUMNS - 1);
        for (int i = 0; i < figures.size(); i++) {
            value[column[i]] = figures.get(i);
            Rectangle p = boxes.get(i);
            double cx = columns[column[i]];
            box[column[i]] = new Box(cx - pitch / 2, p.getCenterY() - 0.8 * em, pitch, 1.6 * em);
        }
        List<Cell> cells = new ArrayList<>();
        for (TemplateCell c : t.cells()) {
            if (c.value()) {
                String text = value[c.col()] == null ? "" : value[c.col()];
                cells.add(new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), text, box[c.col()], 100));
            } else {
                cells.add(new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.label(), null, 100));
            }
        }
        return new Table(t.rows(), t.cols(), cells);
    }

    private static boolean overlaps(Rectangle r, List<Rectangle> others) {
        for (Rectangle o : others) if (o.intersects(r)) return true;
        return false;
    }
}
