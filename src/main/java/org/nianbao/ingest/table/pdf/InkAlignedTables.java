package org.nianbao.ingest.table.pdf;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.extract.pdf.PdfGlyph;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrEngine;
import org.nianbao.ingest.ocr.OcrException;
import org.nianbao.ingest.ocr.OcrScript;
import org.nianbao.ingest.ocr.prep.Binarize;

/**
 * Tables without rules on an OCR'd page, rebuilt from the ink rather than from the engine's page
 * segmentation. The page reading of a dense table without rules runs rows together and drops labels
 * (Tesseract looks for text lines across the whole page and finds the gaps between columns too wide
 * for a line), but the table's rows and columns are plain in the image as white gaps. So:
 * <ol>
 *   <li>the parts of the page set in columns are found from the ink ({@link InkLayout#regions}):
 *       runs of lines cut by column-wide gaps; paragraphs never are;</li>
 *   <li>each is cut into one-line pieces ({@link InkLayout#pieces}): a label's line, a figure, a
 *       header's line;</li>
 *   <li>every piece is read on its own, cut out on white paper with nothing else in it
 *       ({@link CellReader}: digits only for figures, the Chinese model for labels);</li>
 *   <li>the pieces, as glyphs at their places, go to the aligned-columns fallback born-digital pages
 *       use ({@link OcrAlignedTables}, {@link AlignedColumnTables}), which groups them into rows and
 *       columns exactly as it does a text layer's, and refuses what is no table.</li>
 * </ol>
 * What the fallback refuses stays the page's text: nothing is lost.
 */
public final class InkAlignedTables {
    /** White paper around a piece when it is read (pixels at 300 dpi; more than the reader's inset). */
    static final int MARGIN = 12;
    /** A piece of no Chinese on the page's reading, no taller than this (em), is read as a figure: digits are shorter than characters. */
    static final double FIGURE_HEIGHT = 0.82;
    /** ... and no wider than this (em). */
    static final double FIGURE_WIDTH = 5.0;

    private InkAlignedTables() { }

    /** {@code -Dnianbao.ink.debug=true}: the parts found and every piece's readings on standard error. */
    private static final boolean DEBUG = Boolean.getBoolean("nianbao.ink.debug");

    /**
     * The tables found and what it took.
     *
     * @param regions parts of the page that looked like columns
     * @param pieces  pieces read
     */
    public record Result(List<PdfRulingTables.Found> tables, int regions, int pieces, int cellsRead, int calls) { }

    /**
     * The tables without rules of a read page, in the read frame's pixels (the same frame as the page's
     * words). {@code taken}: frames of tables already found (ruled), left alone. {@code em}: the page's
     * character width in pixels (0 when the page has no Chinese words: nothing is done).
     */
    public static Result find(GrayImage image, OcrScript script, int dpi, List<Line> words, List<Box> taken, double em,
                              OcrEngine engine, ReadingBudget budget) throws OcrException {
        if (image == null || em <= 0) return new Result(List.of(), 0, 0, 0, 0);
        int threshold = Binarize.otsu(image);
        InkLayout.Mask mask = mask(image, threshold, em, taken);
        if (mask == null) return new Result(List.of(), 0, 0, 0, 0);
        List<Rectangle> regions = InkLayout.regions(mask, em);
        if (!regions.isEmpty()) {
            // the em the ink shows, measured on the pieces of the parts set in columns; all over again when it
            // differs. The page words' em (their width per character) is only a first guess: it moves with how
            // the engine groups a table's characters into words, by two pixels between the same page read grey
            // and read 1-bit (TextLineImage), and a column gap of a table's header is about an em
            List<Rectangle> sample = new ArrayList<>();
            for (Rectangle region : regions) sample.addAll(InkLayout.pieces(mask, region, em));
            double provisional = em;
            double measured = InkLayout.em(sample, p -> CellNumbers.han(pageText(words, p, provisional)) >= 2, em);
            if (measured != em) {
                em = measured;
                mask = mask(image, threshold, em, taken);
                if (mask == null) return new Result(List.of(), 0, 0, 0, 0);
                regions = InkLayout.regions(mask, em);
            }
        }
        if (DEBUG) System.err.println("ink em=" + em + " regions=" + regions);
        if (DEBUG && System.getProperty("nianbao.ink.image") != null) debugImage(image, System.getProperty("nianbao.ink.image"));
        List<PdfRulingTables.Found> tables = new ArrayList<>();
        PieceReader reader = new PieceReader(image, script, dpi, em, threshold, words, engine, budget);
        for (Rectangle region : regions) {
            List<Rectangle> cut = InkLayout.pieces(mask, region, em);
            List<Rectangle> readBoxes = new ArrayList<>(cut.size());
            List<String> readTexts = new ArrayList<>(cut.size());
            // what is left of the page's skew tilts a row: over a table's width, enough to put its first
            // and last figures on different lines
            double slope = slope(cut, em);
            double centre = region.getCenterX();
            if (DEBUG) System.err.printf("ink region %d,%d %dx%d slope=%s%n", region.x, region.y, region.width, region.height, slope);
            for (Rectangle p : cut) {
                if (reader.late()) return reader.result(tables, regions.size());
                String text = reader.read(p);
                if (text.isEmpty()) continue;
                readBoxes.add(p);
                readTexts.add(text);
            }
            // header lines of neighbouring columns set closer than a column gap were read as one piece:
            // cut them where the columns of figures below say a column ends, and read the parts
            double[] columns = figureColumns(readBoxes, readTexts, em);
            for (int i = 0; i < readBoxes.size(); i++) {
                if (CellNumbers.han(readTexts.get(i)) == 0) continue;
                List<Rectangle> parts = splitAtColumns(mask, readBoxes.get(i), columns, em);
                if (parts.size() < 2) continue;
                List<Rectangle> boxes = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (Rectangle part : parts) {
                    for (Rectangle q : InkLayout.pieces(mask, part, em)) {
                        if (reader.late()) return reader.result(tables, regions.size());
                        String text = reader.read(q);
                        if (text.isEmpty()) continue;
                        boxes.add(q);
                        texts.add(text);
                    }
                }
                if (boxes.isEmpty()) continue;
                if (DEBUG) {
                    Rectangle p = readBoxes.get(i);
                    System.err.printf("ink recut %d,%d %dx%d%n", p.x, p.y, p.width, p.height);
                }
                readBoxes.remove(i);
                readTexts.remove(i);
                readBoxes.addAll(i, boxes);
                readTexts.addAll(i, texts);
                i += boxes.size() - 1;
            }
            tables.addAll(assembled(readBoxes, readTexts, slope, centre, dpi, em));
        }
        // the section 四 table: a line of figures under a header of short labels, which no region holds
        List<Rectangle> exclude = new ArrayList<>();
        for (PdfRulingTables.Found f : tables) {
            Box b = f.frame();
            exclude.add(new Rectangle((int) b.x(), (int) b.y(), (int) Math.ceil(b.width()), (int) Math.ceil(b.height())));
        }
        List<PdfRulingTables.Found> four = SectionFourInk.find(mask, exclude, em, reader);
        tables.addAll(four);
        return reader.result(tables, regions.size() + four.size());
    }

    /** Debugging: the page as read, to a PNG named by its size under {@code prefix}. */
    private static void debugImage(GrayImage image, String prefix) {
        try {
            java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(image.width(), image.height(), java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < image.height(); y++) for (int x = 0; x < image.width(); x++) bi.getRaster().setSample(x, y, 0, image.get(x, y));
            javax.imageio.ImageIO.write(bi, "png", new java.io.File(prefix + "-" + System.nanoTime() + ".png"));
        } catch (java.io.IOException e) {
            System.err.println("ink image not written: " + e.getMessage());
        }
    }

    /** Reads pieces of the page one by one, each on its own white paper, and counts the work. */
    static final class PieceReader implements SectionFourInk.Reader {
        private final GrayImage image;
        private final OcrScript script;
        private final int dpi;
        private final double em;
        private final int threshold;
        private final List<Line> words;
        private final OcrEngine engine;
        private final ReadingBudget budget;
        private final Counts counts;

        /** Work done, shared by the readers of one page. */
        static final class Counts {
            int pieces;
            int cellsRead;
            int calls;
        }

        PieceReader(GrayImage image, OcrScript script, int dpi, double em, int threshold, List<Line> words, OcrEngine engine, ReadingBudget budget) {
            this(image, script, dpi, em, threshold, words, engine, budget, new Counts());
        }

        private PieceReader(GrayImage image, OcrScript script, int dpi, double em, int threshold, List<Line> words, OcrEngine engine,
                            ReadingBudget budget, Counts counts) {
            this.image = image;
            this.script = script;
            this.dpi = dpi;
            this.em = em;
            this.threshold = threshold;
            this.words = words;
            this.engine = engine;
            this.budget = budget;
            this.counts = counts;
        }

        /** The same reader for type of another size ({@code em} pixels), counting into the same counts. */
        @Override
        public PieceReader withEm(double em) {
            return new PieceReader(image, script, dpi, em, threshold, words, engine, budget, counts);
        }

        @Override
        public boolean late() {
            return budget.spent();
        }

        Result result(List<PdfRulingTables.Found> tables, int regions) {
            return new Result(tables, regions, counts.pieces, counts.cellsRead, counts.calls);
        }

        @Override
        public String pageText(Rectangle p) {
            return InkAlignedTables.pageText(words, p, em);
        }

        /** The text of piece {@code p}: digits only first for what looks like a figure, a lost minus sign put back. */
        @Override
        public String read(Rectangle p) throws OcrException {
            String first = InkAlignedTables.pageText(words, p, em);
            boolean figure = figure(first, p, em);
            GrayImage alone = alone(image, p, MARGIN * Math.max(1, dpi / 300.0));
            CellReader reader = CellReader.forCutOut(alone, script, dpi, em);
            CellReader.Reading r = reader.read(engine, new Box(0, 0, alone.width(), alone.height()), first, figure, budget);
            counts.pieces++;
            counts.cellsRead += reader.cellsRead;
            counts.calls += reader.calls;
            String text = brackets(r.text().strip());
            if (!figure && figureSized(p, em) && CellNumbers.isNumber(CellNumbers.clean(text))) {
                // the page read a character where there is a figure (35 as 生), so the Chinese model read
                // it first (325): a figure-sized piece that reads as a number is read again as a figure
                CellReader again = CellReader.forCutOut(alone, script, dpi, em);
                CellReader.Reading d = again.read(engine, new Box(0, 0, alone.width(), alone.height()), CellNumbers.clean(text), true, budget);
                counts.cellsRead += again.cellsRead;
                counts.calls += again.calls;
                String digits = CellNumbers.clean(d.text().strip());
                if (CellNumbers.isNumber(digits)) text = digits;
            }
            if (CellNumbers.isNumber(text) && !text.startsWith("-") && leadingMinus(image, p, threshold, em)) text = "-" + text;
            if (DEBUG) System.err.printf("ink piece %d,%d %dx%d fig=%s page='%s' read='%s'%n", p.x, p.y, p.width, p.height, figure, first, text);
            return text;
        }
    }

    /** Figures whose centres lie closer than this (em) across are in one column. */
    static final double FIGURE_COLUMN_SPREAD = 1.0;
    /** A column of figures has at least this many. */
    static final int MIN_COLUMN_FIGURES = 3;

    /**
     * The x centres of the columns of figures among the pieces read: figures (no wider than
     * {@link #FIGURE_WIDTH} em) whose centres lie within {@link #FIGURE_COLUMN_SPREAD} em of the next,
     * at least {@link #MIN_COLUMN_FIGURES} of them; the median centre of each. Left to right.
     */
    static double[] figureColumns(List<Rectangle> boxes, List<String> texts, double em) {
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).width <= FIGURE_WIDTH * em && CellNumbers.isNumber(CellNumbers.clean(texts.get(i)))) xs.add(boxes.get(i).getCenterX());
        }
        java.util.Collections.sort(xs);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < xs.size(); ) {
            int j = i + 1;
            while (j < xs.size() && xs.get(j) - xs.get(j - 1) <= FIGURE_COLUMN_SPREAD * em) j++;
            if (j - i >= MIN_COLUMN_FIGURES) out.add(xs.get((i + j) / 2));
            i = j;
        }
        double[] a = new double[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        return a;
    }

    /** A header piece is cut at white gaps at least this wide (em) ... */
    static final double HEADER_GAP = 0.4;
    /** ... that lie within this (em) of the middle between two columns of figures ... */
    static final double HEADER_GAP_REACH = 0.5;
    /** ... when each part is at least this wide (em): a character. */
    static final double MIN_PART = 0.8;

    /**
     * Piece {@code p} cut at the white gaps (at least {@link #HEADER_GAP} em) that lie at the middle
     * between two neighbouring columns of figures ({@code columns}, x centres): the lines of the
     * headers of neighbouring columns, centred over their figures and wrapped to their column's width,
     * come closer than a column gap. A header spanning several columns has no such gap inside and
     * stays whole, and so do gaps elsewhere (beside a bracket). {@code p} alone when nothing cuts.
     */
    static List<Rectangle> splitAtColumns(InkLayout.Mask m, Rectangle p, double[] columns, double em) {
        List<Rectangle> whole = List.of(p);
        if (columns.length < 2) return whole;
        List<Rectangle> runs = InkLayout.columns(m, p, Math.max(2, (int) Math.round(HEADER_GAP * em)));
        if (runs.size() < 2) return whole;
        double reach = HEADER_GAP_REACH * em;
        List<Rectangle> out = new ArrayList<>();
        Rectangle current = runs.get(0);
        for (int i = 1; i < runs.size(); i++) {
            Rectangle next = runs.get(i);
            double g0 = current.x + current.width;
            double g1 = next.x;
            boolean atBoundary = false;
            for (int k = 0; k + 1 < columns.length; k++) {
                double b = (columns[k] + columns[k + 1]) / 2;
                if (b >= g0 - reach && b <= g1 + reach) atBoundary = true;
            }
            if (atBoundary && current.width >= MIN_PART * em && next.width >= MIN_PART * em) {
                out.add(current);
                current = next;
            } else {
                current = current.union(next);
            }
        }
        out.add(current);
        if (out.size() < 2) return whole;
        List<Rectangle> tight = new ArrayList<>(out.size());
        for (Rectangle r : out) {
            Rectangle t = InkLayout.inkBox(m, r);
            if (t != null) tight.add(t);
        }
        return tight;
    }


    /**
     * The tables of one region from its pieces as read ({@code boxes}, {@code texts}: the pieces with
     * text, in the read frame): the lines of one cell joined, the tilt taken out ({@code slope} about
     * the x {@code centre}), tall labels put on their rows, then the aligned-columns fallback.
     */
    static List<PdfRulingTables.Found> assembled(List<Rectangle> boxes, List<String> texts, double slope, double centre, int dpi, double em) {
        List<PdfGlyph> glyphs = new ArrayList<>(boxes.size());
        List<Rectangle> joinedBoxes = new ArrayList<>(boxes);
        List<String> joinedTexts = new ArrayList<>(texts);
        afterBrackets(joinedBoxes, joinedTexts, em);
        boxes = joinedBoxes;
        texts = joinedTexts;
        for (Stacked st : stacked(boxes, texts, em)) {
            Rectangle p = st.box();
            double level = slope * (p.getCenterX() - centre);
            glyphs.add(new PdfGlyph(st.text(), p.x, p.y + p.height - level, p.width, p.height, false));
        }
        glyphs = snapped(glyphs, em);
        PdfRulingTables.Result found = OcrAlignedTables.find(glyphs, dpi, em, AlignedColumnTables.Cutting.INK_PIECES);
        List<PdfRulingTables.Found> tables = new ArrayList<>();
        for (PdfRulingTables.Found f : found.tables()) {
            TableBlock tb = f.block();
            tables.add(new PdfRulingTables.Found(new TableBlock(spanned(hoisted(tb.table())), tb.origin(), tb.confidence(), tb.standard(),
                    tb.provenance(), tb.warnings()), f.frame(), f.top(), f.glyphs()));
        }
        return tables;
    }

    /**
     * The tilt of the region's lines (dy/dx) from its small pieces (figures, short words): each with the
     * next piece to its right of about its height, within a few em and less than half an em higher or
     * lower, gives a slope; the median of them. 0 when fewer than {@link #MIN_SLOPES} pairs.
     */
    static double slope(List<Rectangle> pieces, double em) {
        List<Double> slopes = new ArrayList<>();
        for (Rectangle a : pieces) {
            if (a.width > 4 * em || a.height > 1.3 * em) continue;
            Rectangle best = null;
            for (Rectangle b : pieces) {
                if (b == a || b.x <= a.x + a.width || b.x - (a.x + a.width) > 6 * em) continue;
                if (b.width > 4 * em || Math.abs(b.height - a.height) > 0.2 * em) continue;
                if (Math.abs(b.getCenterY() - a.getCenterY()) > 0.5 * em) continue;
                if (best == null || b.x < best.x) best = b;
            }
            if (best != null) slopes.add((best.getCenterY() - a.getCenterY()) / (best.getCenterX() - a.getCenterX()));
        }
        if (slopes.size() < MIN_SLOPES) return 0;
        java.util.Collections.sort(slopes);
        double m = slopes.get(slopes.size() / 2);
        return Math.abs(m) > MAX_SLOPE ? 0 : m;
    }

    /** Pairs of pieces needed to trust a measured tilt. */
    static final int MIN_SLOPES = 5;
    /** A tilt beyond this (about 3°) is no leftover skew: left alone. */
    static final double MAX_SLOPE = 0.05;

    private static InkLayout.Mask mask(GrayImage image, int threshold, double em, List<Box> taken) {
        InkLayout.Mask mask = InkLayout.mask(image, new Rectangle(0, 0, image.width(), image.height()), threshold, em);
        if (mask == null) return null;
        for (Box b : taken) {
            int pad = (int) Math.round(em * 0.3);
            mask.clear(new Rectangle((int) b.x() - pad, (int) b.y() - pad, (int) b.width() + 2 * pad, (int) b.height() + 2 * pad));
        }
        return mask;
    }

    /**
     * Angle brackets read for round ones: the engine reads a full-width {@code （} as {@code 〈} now and
     * then, and a label so misread is not found; these tables have no angle brackets.
     */
    static String brackets(String text) {
        if (CellNumbers.han(text) == 0) return text;
        return text.replace('〈', '（').replace('〉', '）').replace('《', '（').replace('》', '）');
    }

    /**
     * Whether the piece starts with a minus sign: its first mark (up to the first clear column) is a
     * flat bar, shorter than a fifth of an em, at the middle of the piece's height. The digits-only
     * reading of a small figure drops a minus now and then ({@code -2} read as {@code 2}), and a signed
     * 本年增/减 is then wrong with no check to catch it.
     */
    static boolean leadingMinus(GrayImage img, Rectangle p, int threshold, double em) {
        int x = p.x;
        int end = Math.min(img.width(), p.x + p.width);
        int top = Integer.MAX_VALUE, bottom = -1;
        for (; x < end; x++) {
            boolean ink = false;
            for (int y = Math.max(0, p.y); y < Math.min(img.height(), p.y + p.height); y++) {
                if (img.get(x, y) < threshold) {
                    ink = true;
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
            if (!ink) break;
        }
        int width = x - p.x;
        if (bottom < 0 || x >= end) return false; // no clear column after the first mark: one mark only
        int height = bottom - top + 1;
        double middle = (top + bottom) / 2.0 - p.y;
        return height <= MINUS_HEIGHT * em && width >= MINUS_WIDTH * em && width >= 2 * height
                && middle > 0.3 * p.height && middle < 0.7 * p.height;
    }

    /** A minus sign is a bar at most this high (em) ... */
    static final double MINUS_HEIGHT = 0.2;
    /** ... and at least this wide (em). */
    static final double MINUS_WIDTH = 0.15;

    /** Figures closer than this (em) in height are on one row. */
    static final double ROW_TOLERANCE = 0.4;

    /**
     * The glyphs with each label that stands alone on its line, left of every figure and among the
     * rows of figures, moved onto the nearest row of figures. Such a label heads several rows
     * (（六）其他处理 over three) and is centred on them, between two rows' lines; on a line of its own
     * it would end the table there. Captions reaching over the figures' columns and header labels with
     * other text on their line stay where they are. Every glyph within {@link #ROW_TOLERANCE} em of a row
     * of figures is put exactly on it, so that the row is one line whatever its glyphs' few pixels of
     * spread.
     */
    static List<PdfGlyph> snapped(List<PdfGlyph> glyphs, double em) {
        List<Double> centres = new ArrayList<>();
        double firstFigure = Double.MAX_VALUE;
        for (PdfGlyph g : glyphs) {
            if (!CellNumbers.isNumber(CellNumbers.clean(g.text()))) continue;
            centres.add(g.baseline() - g.size() / 2);
            firstFigure = Math.min(firstFigure, g.x());
        }
        java.util.Collections.sort(centres);
        // rows: runs of figure centres within the tolerance, two figures or more
        List<Double> rows = new ArrayList<>();
        for (int i = 0; i < centres.size(); ) {
            int j = i;
            double sum = 0;
            while (j < centres.size() && centres.get(j) - centres.get(i) <= ROW_TOLERANCE * em) sum += centres.get(j++);
            if (j - i >= 2) rows.add(sum / (j - i));
            i = j;
        }
        if (rows.size() < 2) return glyphs;
        double top = rows.get(0) - ROW_TOLERANCE * em;
        double bottom = rows.get(rows.size() - 1) + ROW_TOLERANCE * em;
        List<PdfGlyph> out = new ArrayList<>(glyphs.size());
        for (PdfGlyph g : glyphs) {
            double mid = g.baseline() - g.size() / 2;
            double nearest = rows.get(0);
            for (double r : rows) if (Math.abs(r - mid) < Math.abs(nearest - mid)) nearest = r;
            if (Math.abs(nearest - mid) <= ROW_TOLERANCE * em) {
                // on a row: put exactly on it. The line grouping downstream anchors each line on its first
                // glyph and takes what lies within a third of an em of it; a label centred a third of an em
                // above its figures (a wrapped label, a cell's lines set higher) would take some of the row's
                // figures onto its own line and leave the rest on another, by a pixel either way
                out.add(mid == nearest ? g : new PdfGlyph(g.text(), g.x(), nearest + g.size() / 2, g.width(), g.size(), g.invisible()));
                continue;
            }
            if (CellNumbers.han(g.text()) == 0 || g.right() >= firstFigure || mid < top || mid > bottom || hasNeighbour(glyphs, g, em)) {
                out.add(g);
                continue;
            }
            out.add(new PdfGlyph(g.text(), g.x(), nearest + g.size() / 2, g.width(), g.size(), g.invisible()));
        }
        return out;
    }

    /** Whether other text lies to the right of {@code g} on its line. */
    private static boolean hasNeighbour(List<PdfGlyph> glyphs, PdfGlyph g, double em) {
        double mid = g.baseline() - g.size() / 2;
        for (PdfGlyph o : glyphs) {
            if (o == g || o.x() < g.right()) continue;
            if (Math.abs(o.baseline() - o.size() / 2 - mid) <= ROW_TOLERANCE * em) return true;
        }
        return false;
    }

    /** Bounds the quadratic search for pieces after brackets on a hostile page. */
    static final int MAX_BRACKET_PIECES = 3000;
    /** A piece after a closing bracket this close (em) on its line is the rest of the label. */
    static final double BRACKET_GAP = 1.6;
    /** What starts an item of its own: a list number or an opening bracket. */
    private static final java.util.regex.Pattern ITEM_START = java.util.regex.Pattern.compile("^\\s*([0-9０-９一二三四五六七八九十]+\\s*[.．、]|[（(])");

    /**
     * Pieces of Chinese text joined (in place) where a closing bracket's white half cut a label in two
     * ({@code （四）} | {@code 无法提}): the left piece ends with {@code ）}, the right one lies on its line
     * within {@link #BRACKET_GAP} em and starts no item of its own. Joined first, the label's next line
     * ({@code 供}) is then stacked under the whole first line, not under the bracket.
     */
    static void afterBrackets(List<Rectangle> boxes, List<String> texts, double em) {
        if (boxes.size() > MAX_BRACKET_PIECES) return;
        for (int i = 0; i < boxes.size(); i++) {
            String t = texts.get(i);
            if (!(t.endsWith("）") || t.endsWith(")")) || CellNumbers.han(t) == 0) continue;
            Rectangle a = boxes.get(i);
            int best = -1;
            for (int j = 0; j < boxes.size(); j++) {
                Rectangle b = boxes.get(j);
                if (j == i || b.x < a.x + a.width || b.x - (a.x + a.width) > BRACKET_GAP * em) continue;
                if (Math.abs(b.getCenterY() - a.getCenterY()) > 0.3 * em || CellNumbers.han(texts.get(j)) == 0) continue;
                if (ITEM_START.matcher(texts.get(j)).find()) continue;
                if (best < 0 || b.x < boxes.get(best).x) best = j;
            }
            if (best < 0) continue;
            boxes.set(i, a.union(boxes.get(best)));
            texts.set(i, t + texts.get(best));
            boxes.remove(best);
            texts.remove(best);
            if (best < i) i--;
            i--; // the joined piece may end with a bracket again
        }
    }

    /** Lines of one cell's text, joined: their box and text, top line first. */
    record Stacked(Rectangle box, String text) { }

    /** Lines of Chinese text closer than this (em) one under the other are one cell's lines: rows of a table lie further apart. */
    static final double LEADING = 0.7;
    /** ... when they start or are centred within this (em) of each other. */
    static final double STACK_ALIGN = 1.0;

    /**
     * Pieces of text (with at least one Chinese character) set one under the other with no more than a
     * line's leading between them, starting or centred at the same place, joined into one: the lines of
     * one cell. A label wrapped over two or four lines is centred on its row's figures, so joined it
     * sits on their line, where its first line alone would sit on a line of its own. Figures are never
     * joined (rows of figures are a row apart).
     */
    static List<Stacked> stacked(List<Rectangle> boxes, List<String> texts, double em) {
        int n = boxes.size();
        int[] below = new int[n];
        boolean[] hasAbove = new boolean[n];
        java.util.Arrays.fill(below, -1);
        for (int i = 0; i < n; i++) {
            if (CellNumbers.han(texts.get(i)) == 0) continue;
            Rectangle a = boxes.get(i);
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (j == i || CellNumbers.han(texts.get(j)) == 0 || hasAbove[j]) continue;
                Rectangle b = boxes.get(j);
                double gap = b.y - (a.y + a.height);
                if (gap < 0 || gap > LEADING * em) continue;
                boolean aligned = Math.abs(b.x - a.x) <= STACK_ALIGN * em || Math.abs(b.getCenterX() - a.getCenterX()) <= STACK_ALIGN * em;
                boolean overlapping = b.x < a.x + a.width && a.x < b.x + b.width;
                if (!aligned || !overlapping) continue;
                if (best < 0 || b.y < boxes.get(best).y) best = j;
            }
            if (best >= 0) {
                below[i] = best;
                hasAbove[best] = true;
            }
        }
        List<Stacked> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (hasAbove[i]) continue;
            Rectangle box = new Rectangle(boxes.get(i));
            StringBuilder text = new StringBuilder(texts.get(i));
            int guard = 0;
            for (int k = below[i]; k >= 0 && guard++ < n; k = below[k]) {
                box = box.union(boxes.get(k));
                text.append(texts.get(k));
            }
            out.add(new Stacked(box, text.toString()));
        }
        return out;
    }

    /**
     * The grid with each tall label moved up to the first row it stands for. A label that spans rows
     * (三、本年度办理结果, （三）不予公开) is set in the middle of them, so without rules it lands in a
     * middle row, and in reading order it would come after the rows it heads: a reader of the grid, and
     * the standard-table matcher, would give it to the wrong rows. It belongs to the row that starts its
     * numbering in the next column ({@code 1.}, {@code （一）}) between the label above it and itself;
     * with no such row it stays where it is.
     */
    static Table hoisted(Table t) {
        boolean[] numeric = CellKinds.numeric(t);
        int firstNumber = t.cols();
        for (int i = 0; i < t.cells().size(); i++) {
            Cell c = t.cells().get(i);
            if (numeric[i] && !c.text().isBlank()) firstNumber = Math.min(firstNumber, c.col());
        }
        List<Cell> cells = new ArrayList<>(t.cells());
        for (int col = 0; col + 1 < firstNumber; col++) {
            int prev = -1;
            for (int r = 0; r < t.rows(); r++) {
                int at = indexAt(cells, r, col);
                if (at < 0) continue;
                Cell c = cells.get(at);
                if (c.text().isBlank() || c.row() != r) continue;
                int from = prev;
                prev = r;
                if (c.colSpan() != 1 || c.rowSpan() != 1 || r - from <= 1) continue;
                for (int target = from + 1; target < r; target++) {
                    int right = indexAt(cells, target, col + 1);
                    if (right < 0 || !FIRST_OF_LIST.matcher(cells.get(right).text()).find()) continue;
                    int there = indexAt(cells, target, col);
                    if (there < 0) break;
                    Cell empty = cells.get(there);
                    if (!empty.text().isBlank() || empty.colSpan() != 1 || empty.rowSpan() != 1) break;
                    cells.set(there, new Cell(empty.row(), empty.col(), 1, 1, c.text(), empty.box(), c.confidence(), c.alternatives()));
                    cells.set(at, new Cell(c.row(), c.col(), 1, 1, "", c.box(), c.confidence(), List.of()));
                    break;
                }
            }
        }
        return new Table(t.rows(), t.cols(), cells);
    }

    /**
     * The grid with each figure that stands alone in the middle of the columns of figures, blanks on
     * both sides, made one cell over all of them, and so is a lone header cell right above such a
     * figure: a cell merged over the figure columns (2021 section 二's 本年处理决定数量) is set centred
     * and, without rules, lands in the middle column only. Left so, its blank neighbours read as cells
     * of their own, and a table cut short by a page break is then matched to the standard table with
     * its figure moved to a later row.
     */
    static Table spanned(Table t) {
        boolean[] numeric = CellKinds.numeric(t);
        int first = t.cols();
        int last = -1;
        for (int i = 0; i < t.cells().size(); i++) {
            Cell c = t.cells().get(i);
            if (numeric[i] && !c.text().isBlank() && c.colSpan() == 1) {
                first = Math.min(first, c.col());
                last = Math.max(last, c.col());
            }
        }
        if (last - first < 2 || (last - first) % 2 != 0) return t;
        final int lo = first;
        final int hi = last;
        int middle = (first + last) / 2;
        List<Cell> cells = new ArrayList<>(t.cells());
        boolean changed = false;
        boolean below = false;
        for (int r = t.rows() - 1; r >= 0; r--) {
            int lone = -1;
            boolean alone = true;
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                if (c.row() != r || c.col() < first || c.col() > last || c.text().isBlank()) continue;
                if (c.col() == middle && c.colSpan() == 1 && c.rowSpan() == 1 && lone < 0) lone = i;
                else alone = false;
            }
            boolean figure = lone >= 0 && alone && CellNumbers.isNumber(CellNumbers.clean(cells.get(lone).text()));
            boolean header = lone >= 0 && alone && !figure && below;
            below = figure;
            if (!figure && !header) continue;
            Cell c = cells.get(lone);
            final int row = r;
            cells.removeIf(o -> o.row() == row && o.rowSpan() == 1 && o.col() >= lo && o.col() <= hi && o != c);
            cells.set(cells.indexOf(c), new Cell(c.row(), first, 1, last - first + 1, c.text(), c.box(), c.confidence(), c.alternatives()));
            changed = true;
        }
        return changed ? Table.normalized(t.rows(), t.cols(), cells).table() : t;
    }

    /** The first item of a numbered list: {@code 1.}, {@code 1、}, {@code （一）}, {@code 一、}. */
    static final java.util.regex.Pattern FIRST_OF_LIST = java.util.regex.Pattern.compile("^\\s*(1\\s*[.．、]|[（(]\\s*一\\s*[）)]|一、)");

    private static int indexAt(List<Cell> cells, int r, int c) {
        for (int i = 0; i < cells.size(); i++) if (cells.get(i).covers(r, c)) return i;
        return -1;
    }

    /** What the page's reading has inside {@code piece} (word centres in it), in reading order. */
    static String pageText(List<Line> lines, Rectangle piece, double em) {
        double pad = 0.2 * em;
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            for (Word w : l.words()) {
                if (w.box() == null || w.text().isBlank()) continue;
                double cx = w.box().x() + w.box().width() / 2;
                double cy = w.box().y() + w.box().height() / 2;
                if (cx >= piece.x - pad && cx <= piece.x + piece.width + pad && cy >= piece.y - pad && cy <= piece.y + piece.height + pad) {
                    b.append(w.text());
                }
            }
        }
        return b.toString();
    }

    /**
     * Whether a piece is read as a figure (digits only first): the page read a number there, or it read
     * no Chinese there and the piece is small and shorter than a character.
     */
    static boolean figure(String pageText, Rectangle piece, double em) {
        String clean = CellNumbers.clean(pageText);
        if (CellNumbers.isNumber(clean)) return true;
        return CellNumbers.han(pageText) == 0 && figureSized(piece, em);
    }

    /** Whether a piece is no taller and no wider than a figure ({@link #FIGURE_HEIGHT}, {@link #FIGURE_WIDTH} em). */
    static boolean figureSized(Rectangle piece, double em) {
        return piece.height <= FIGURE_HEIGHT * em && piece.width <= FIGURE_WIDTH * em;
    }

    /** The piece {@code p} of {@code img} on white paper with {@code margin} pixels around it and nothing else. */
    static GrayImage alone(GrayImage img, Rectangle p, double margin) {
        int m = (int) Math.round(margin);
        int w = p.width + 2 * m;
        int h = p.height + 2 * m;
        byte[] px = new byte[w * h];
        java.util.Arrays.fill(px, (byte) 255);
        for (int y = 0; y < p.height; y++) {
            int sy = p.y + y;
            if (sy < 0 || sy >= img.height()) continue;
            for (int x = 0; x < p.width; x++) {
                int sx = p.x + x;
                if (sx < 0 || sx >= img.width()) continue;
                px[(y + m) * w + x + m] = (byte) img.get(sx, sy);
            }
        }
        return new GrayImage(w, h, px);
    }
}
