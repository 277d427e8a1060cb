package org.nianbao.ingest.table.pdf;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nianbao.ingest.extract.pdf.PdfGlyph;
import org.nianbao.ingest.extract.pdf.PdfRulings;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.LineParagraphs;
import org.nianbao.ingest.ocr.OcrBlocks;
import org.nianbao.ingest.ocr.OcrException;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.PageReader;
import org.nianbao.ingest.ocr.prep.ImageRulings;

/**
 * Ruled tables on an OCR'd page: the rules the page reader found ({@link ImageRulings}) give the grid
 * exactly as in a born-digital PDF ({@link RulingGrid}); the words Tesseract read on the page are put
 * into the cells by position (a first reading), and then every cell is read again on its own from the
 * prepared page image ({@link CellReader}: digits-only for numbers, blank cells blank, vertical labels
 * as a column). Work happens in the upright, straightened frame the page was read in, where rules are
 * horizontal and vertical. Lines inside a table become its cells, the others paragraphs.
 *
 * <p>Two steps, so that no page image outlives its reading: {@link #read} runs on the OCR worker right
 * after the page was read (it needs the image and an engine) and returns a {@link ReadPage} without
 * pixels; {@link #placed(ReadPage, double, double, double, Provenance)} turns that into blocks when the
 * document is assembled.
 */
public final class ImageRulingTables {
    public static final String ORIGIN = "image-rulings";
    /** Below the text layer's: the grid is exact but the text is OCR's. */
    static final double CONFIDENCE = 0.85;
    /**
     * Engine readings for re-reading the cells of one page. A count, not a time, so that a loaded machine
     * reads the same cells (ReadingBudget). The largest standard table page takes ~320 readings.
     */
    static final int CELLS_READINGS = 2000;
    /** Wall-clock backstop for the same, for an engine gone slow: well above a loaded machine's need. */
    static final long CELLS_MILLIS = 600_000;

    private ImageRulingTables() { }

    /**
     * A table found on a read page, in the read frame's pixels.
     *
     * @param reread whether its cells were read again one by one (false: page words only)
     */
    public record ReadTable(Table table, Box frame, double confidence, List<Warning> warnings, boolean reread, String origin) {
        public ReadTable(Table table, Box frame, double confidence, List<Warning> warnings, boolean reread) {
            this(table, frame, confidence, warnings, reread, ORIGIN);
        }
    }

    /**
     * A read page with its ruled tables rebuilt, holding no image.
     *
     * @param text   the page reading ({@link PageReader.PageText#withoutImage})
     * @param tables the tables, top to bottom
     * @param rest   the lines outside every table (read frame)
     * @param notes  what the cell reading did, for the page's reading reason
     */
    public record ReadPage(PageReader.PageText text, List<ReadTable> tables, List<Line> rest, List<String> notes) { }

    /**
     * Finds the page's ruled tables and reads their cells again with one engine of {@code service}
     * (null: keep the page words' first reading). Never throws for a content problem: a table whose cells
     * cannot be re-read keeps its first reading and a warning.
     */
    public static ReadPage read(PageReader.PageText page, OcrService service) {
        ReadingBudget budget = ReadingBudget.of(CELLS_READINGS, CELLS_MILLIS);
        List<String> notes = new ArrayList<>();
        Grids g = null;
        boolean inkLooked = false;
        if (service != null && page.readImage() != null) {
            // tables without rules from the ink, their pieces read one by one (InkAlignedTables)
            try {
                long t0 = System.nanoTime();
                g = service.withEngine(engine -> grids(page, engine, ReadingBudget.of(INK_READINGS, INK_MILLIS)));
                inkLooked = true;
                if (g != null && g.ink != null && g.ink.regions() > 0) {
                    notes.add(String.format(Locale.ROOT, "%d part(s) set in columns without rules: %d piece(s) read one by one (%d readings), %d table(s), in %.1f s",
                            g.ink.regions(), g.ink.pieces(), g.ink.calls(), g.inkRead.size(), (System.nanoTime() - t0) / 1e9));
                }
            } catch (OcrException | RuntimeException e) {
                g = null;
                notes.add("tables without rules not looked for from the ink (" + e.getMessage() + ")");
            }
        }
        if (!inkLooked) g = wordGrids(page);
        PageReader.PageText bare = page.withoutImage();
        if (g == null) return new ReadPage(bare, List.of(), page.readLines(), notes);
        List<ReadTable> tables = new ArrayList<>();
        if (service == null || page.readImage() == null) {
            for (PdfRulingTables.Found f : g.found) tables.add(firstReading(f, origin(f, g)));
            return new ReadPage(bare, tables, g.rest, notes);
        }
        long start = System.nanoTime();
        int cellsRead = 0;
        int calls = 0;
        int repeatedAgreed = 0;
        int figureReadings = 0;
        int wrappedJoined = 0;
        int shapeReadings = 0;
        int marksLeftOut = 0;
        int otherSizes = 0;
        int revotes = 0;
        for (PdfRulingTables.Found f : g.found) {
            TableBlock tb = f.block();
            boolean aligned = g.aligned.contains(f);
            boolean inkRead = g.inkRead.contains(f);
            double ch = charHeight(f.glyphs());
            CellReader reader = new CellReader(page.readImage(), page.script(), page.readDpi(),
                    ch > 0 ? ch : charHeight(page.readLines()), aligned ? 1 : g.ruleWidth);
            try {
                // without rules only the number cells' boxes are sure enough to read again (OcrAlignedTables)
                Table toRead = aligned ? OcrAlignedTables.numberCells(tb.table()) : tb.table();
                IdentityRereads.Result checked = service.withEngine(engine -> {
                    // pieces found in the ink were read one by one already
                    Table read = inkRead ? tb.table() : reader.read(engine, toRead, budget);
                    if (aligned && !inkRead) {
                        read = OcrAlignedTables.merged(read, tb.table());
                    }
                    int before = reader.calls;
                    long t0 = System.nanoTime();
                    IdentityRereads.Result r = IdentityRereads.apply(engine, reader, read, budget);
                    if (r.cells() > 0) {
                        notes.add(String.format(Locale.ROOT, "%d identit%s failed as read: %d suspect cell(s) read again (%d readings, %.1f s), %d other reading(s) offered",
                                r.failed(), r.failed() == 1 ? "y" : "ies", r.cells(), reader.calls - before, (System.nanoTime() - t0) / 1e9, r.added()));
                    }
                    return r;
                });
                Table t = checked.table();
                List<Warning> ws = tb.warnings();
                if (reader.cellsPastTimeLimit > 0) {
                    // a huge table, or (backstop) an engine gone slow: say so, never keep the first reading silently
                    ws = new ArrayList<>(ws);
                    ws.add(Warning.of("table-cells-time-limit", reader.cellsPastTimeLimit + " cell(s) kept the page reading: "
                            + (budget.ranOutOfTime() ? "the page's " + CELLS_MILLIS / 1000 + " s for reading its table cells one by one ran out"
                                    : "the page's " + CELLS_READINGS + " readings for its table cells one by one were spent")));
                }
                tables.add(new ReadTable(t, f.frame(), Math.min(tb.confidence(), CONFIDENCE), ws, true, origin(f, g)));
                cellsRead += reader.cellsRead;
                calls += reader.calls;
                repeatedAgreed += reader.repeatedAgreed;
                figureReadings += reader.figureReadings;
                wrappedJoined += reader.wrappedJoined;
                shapeReadings += reader.shapeReadings;
                marksLeftOut += reader.marksLeftOut;
                otherSizes += reader.otherSizeReadings;
                revotes += reader.revotes;
            } catch (OcrException | RuntimeException e) {
                List<Warning> ws = new ArrayList<>(tb.warnings());
                ws.add(Warning.of("table-cells-not-reread", "the table's cells could not be read one by one ("
                        + e.getMessage() + "); their text is the page reading's"));
                tables.add(new ReadTable(tb.table(), f.frame(), Math.min(tb.confidence(), CONFIDENCE) * 0.9, ws, false, origin(f, g)));
            }
        }
        notes.add(0, String.format(Locale.ROOT, "%d table cell(s) read one by one (%d readings; %d figure(s) settled by three copies read alike, %d read without specks; %d wrapped label(s) read end to end; %d figure(s) read from the table's own digit shapes; %d label(s) read without marks; %d figure(s) in doubt read at other sizes; %d vote(s) changed by the table's digits) in %.1f s",
                cellsRead, calls, repeatedAgreed, figureReadings, wrappedJoined, shapeReadings, marksLeftOut, otherSizes, revotes, (System.nanoTime() - start) / 1e9));
        return new ReadPage(bare, tables, g.rest, notes);
    }

    /**
     * Reads a page and re-reads its ruled tables' cells on the service's page pool, while the prepared
     * image is at hand (no pixels are kept after), then releases {@code permit}. The future holds the
     * {@link ReadPage} or the {@link OcrException}. The one way the PDF and image extractors read a page.
     */
    public static java.util.concurrent.Future<Object> readOnPool(OcrService service, org.nianbao.ingest.ocr.DocumentOcr ocr,
                                                                 org.nianbao.ingest.ocr.GrayImage gray, int dpi,
                                                                 java.util.concurrent.Semaphore permit) {
        return service.pageExecutor().submit(() -> {
            try {
                return read(ocr.read(gray, dpi), service);
            } catch (OcrException e) {
                return e;
            } finally {
                permit.release();
            }
        });
    }

    /**
     * Blocks of an OCR'd page in reading order, ruled tables as table blocks (first reading only, no
     * cell re-reading); {@code scale}, {@code dx}, {@code dy} map page pixels to the page's units.
     */
    public static List<LineParagraphs.Placed> placed(PageReader.PageText page, double scale, double dx, double dy, Provenance provenance) {
        return placed(read(page, null), scale, dx, dy, provenance);
    }

    /** Blocks of a read page in reading order, ruled tables as table blocks, boxes in the page's units. */
    public static List<LineParagraphs.Placed> placed(ReadPage read, double scale, double dx, double dy, Provenance provenance) {
        PageReader.PageText page = read.text();
        if (read.tables().isEmpty()) return OcrBlocks.placed(page, scale, dx, dy, provenance);
        List<LineParagraphs.Placed> out = new ArrayList<>(LineParagraphs.placed(read.rest(), provenance,
                l -> OcrBlocks.scale(page.toPage(l), scale, dx, dy)));
        AffineTransform readToPage = page.readToPage() == null ? new AffineTransform() : page.readToPage();
        for (ReadTable t : read.tables()) {
            List<Cell> cells = new ArrayList<>(t.table().cells().size());
            for (Cell c : t.table().cells()) {
                Box b = c.box() == null ? null : OcrBlocks.scale(page.toPage(new Line("", c.box(), 0, List.of())).box(), scale, dx, dy);
                cells.add(new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.text(), b, c.confidence(), c.alternatives()));
            }
            List<Warning> ws = new ArrayList<>();
            for (Warning w : t.warnings()) ws.add(new Warning(w.code(), w.message(), provenance.page()));
            Block b = new TableBlock(new Table(t.table().rows(), t.table().cols(), cells), t.origin(), t.confidence(), null, provenance, ws);
            Point2D topLeft = readToPage.transform(new Point2D.Double(t.frame().x(), t.frame().y()), null);
            out.add(new LineParagraphs.Placed(b, topLeft.getY() * scale + dy));
        }
        out.sort(java.util.Comparator.comparingDouble(LineParagraphs.Placed::top));
        return out;
    }

    private static ReadTable firstReading(PdfRulingTables.Found f, String origin) {
        TableBlock tb = f.block();
        return new ReadTable(tb.table(), f.frame(), Math.min(tb.confidence(), CONFIDENCE), tb.warnings(), false, origin);
    }

    /** A ruled table's origin is this class's; a table without rules keeps {@code aligned-columns}. */
    private static String origin(PdfRulingTables.Found f, Grids g) {
        return g.aligned.contains(f) ? f.block().origin() : ORIGIN;
    }

    /**
     * The grids of a page and the lines outside them, in the read frame; null when there are none.
     * {@code aligned}: the grids rebuilt from aligned columns (no rules), among {@code found}.
     */
    private record Grids(List<PdfRulingTables.Found> found, List<Line> rest, int ruleWidth, Set<PdfRulingTables.Found> aligned,
                         Set<PdfRulingTables.Found> inkRead, InkAlignedTables.Result ink) { }

    /** The page's tables without an engine: tables without rules from the page's words. */
    private static Grids wordGrids(PageReader.PageText page) {
        try {
            return grids(page, null, ReadingBudget.unlimited());
        } catch (OcrException e) {
            throw new IllegalStateException("no engine, no engine failure", e);
        }
    }

    /** Engine readings for finding and reading the tables without rules of one page from its ink (ReadingBudget). */
    static final int INK_READINGS = 2000;
    /** Wall-clock backstop for the same. */
    static final long INK_MILLIS = 600_000;

    /**
     * The page's tables: ruled ones from its rules, then tables without rules among the rest, from the
     * ink with {@code engine} ({@link InkAlignedTables}), else (null) from the page's words
     * ({@link OcrAlignedTables}).
     */
    private static Grids grids(PageReader.PageText page, org.nianbao.ingest.ocr.OcrEngine engine, ReadingBudget inkBudget) throws OcrException {
        List<Line> read = page.readLines();
        if (read.isEmpty()) return null;
        AffineTransform pageToRead;
        try {
            pageToRead = page.readToPage() == null ? new AffineTransform() : page.readToPage().createInverse();
        } catch (NoninvertibleTransformException e) {
            return null;
        }
        List<PdfRulings.Segment> all = new ArrayList<>();
        int ruleWidth = 1;
        double toRead = Math.sqrt(Math.abs(pageToRead.getDeterminant()));
        for (ImageRulings.Segment s : page.rulings() == null ? List.<ImageRulings.Segment>of() : page.rulings()) {
            all.add(upright(s, pageToRead));
            ruleWidth = Math.max(ruleWidth, (int) Math.ceil(s.thickness() * toRead));
        }
        List<PdfRulings.Segment> h = all.stream().filter(PdfRulings.Segment::horizontal).toList();
        List<PdfRulings.Segment> v = all.stream().filter(s -> !s.horizontal() && s.y1() > s.y0()).toList();
        // each word a pseudo-glyph in the read frame; remember its line
        List<PdfGlyph> glyphs = new ArrayList<>();
        List<Line> lineOf = new ArrayList<>();
        List<Word> wordOf = new ArrayList<>();
        for (Line l : read) {
            for (Word w : l.words()) {
                if (w.text().isBlank() || w.box() == null) continue;
                glyphs.add(new PdfGlyph(w.text(), w.box().x(), w.box().bottom(), w.box().width(), Math.max(1, w.box().height()), false));
                lineOf.add(l);
                wordOf.add(w);
            }
        }
        Provenance none = new Provenance(SourceKind.IMAGE, 0, Method.OCR, "");
        List<PdfRulingTables.Found> tables = new ArrayList<>();
        if (!h.isEmpty() && !v.isEmpty()) {
            PdfRulingTables.Result found = PdfRulingTables.find(new PdfRulings.Rulings(h, v), glyphs, none, snapPixels(page));
            // a grid of one row or one column means the inner rules were missed (faint, broken): the lines
            // read better as text than as a one-column "table"
            found.tables().stream().filter(f -> f.block().table().rows() > 1 && f.block().table().cols() > 1).forEach(tables::add);
        }
        // lines with a word in a table belong to it; the others stay text
        Set<Line> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<PdfGlyph> inTables = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PdfRulingTables.Found f : tables) inTables.addAll(f.glyphs());
        // tables without rules among the words of the other lines (whole lines: a line is text or table)
        List<PdfGlyph> free = new ArrayList<>();
        for (int i = 0; i < glyphs.size(); i++) if (inTables.contains(glyphs.get(i))) consumed.add(lineOf.get(i));
        for (int i = 0; i < glyphs.size(); i++) if (!consumed.contains(lineOf.get(i))) free.add(glyphs.get(i));
        Set<PdfRulingTables.Found> aligned = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<PdfRulingTables.Found> inkRead = Collections.newSetFromMap(new IdentityHashMap<>());
        InkAlignedTables.Result ink = null;
        if (engine != null) {
            List<Box> taken = new ArrayList<>();
            for (PdfRulingTables.Found f : tables) taken.add(f.frame());
            double em = hanHeight(free);
            ink = InkAlignedTables.find(page.readImage(), page.script(), page.readDpi(), read, taken, em, engine, inkBudget);
            for (PdfRulingTables.Found f : ink.tables()) {
                tables.add(f);
                aligned.add(f);
                inkRead.add(f);
                // the page's words inside the table are its cells' first readings: the table stands for them
                double pad = 0.3 * em;
                Box fr = f.frame();
                for (PdfGlyph w : free) {
                    double cx = w.x() + w.width() / 2;
                    double cy = w.baseline() - w.size() / 2;
                    if (cx >= fr.x() - pad && cx <= fr.right() + pad && cy >= fr.y() - pad && cy <= fr.bottom() + pad) inTables.add(w);
                }
            }
        } else {
            try {
                PdfRulingTables.Result columns = OcrAlignedTables.find(free, page.readDpi(), hanHeight(free));
                for (PdfRulingTables.Found f : columns.tables()) {
                    tables.add(f);
                    aligned.add(f);
                    inTables.addAll(f.glyphs());
                }
            } catch (RuntimeException e) {
                // the fallback is a guess: when it fails, the words stay text
            }
        }
        if (tables.isEmpty()) return null;
        tables.sort(java.util.Comparator.comparingDouble(PdfRulingTables.Found::top));
        for (int i = 0; i < glyphs.size(); i++) if (inTables.contains(glyphs.get(i))) consumed.add(lineOf.get(i));
        List<Line> rest = new ArrayList<>();
        for (Line l : read) {
            if (!consumed.contains(l)) {
                rest.add(l);
                continue;
            }
            // Tesseract may run a line of text into a table's row: the words no table took stay text
            List<Word> left = new ArrayList<>();
            for (int i = 0; i < glyphs.size(); i++) if (lineOf.get(i) == l && !inTables.contains(glyphs.get(i))) left.add(wordOf.get(i));
            Line kept = leftOver(left);
            if (kept != null) rest.add(kept);
        }
        return new Grids(tables, rest, ruleWidth, aligned, inkRead, ink);
    }

    /**
     * The words of a line that no table took, as a line of their own, or null when they are only marks
     * (a rule read as {@code |}, a speck): at least one Chinese character or two letters or digits.
     */
    static Line leftOver(List<Word> words) {
        if (words.isEmpty()) return null;
        StringBuilder text = new StringBuilder();
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        double conf = 0;
        int alnum = 0;
        for (Word w : words) {
            if (text.length() > 0) text.append(' ');
            text.append(w.text());
            x0 = Math.min(x0, w.box().x());
            y0 = Math.min(y0, w.box().y());
            x1 = Math.max(x1, w.box().right());
            y1 = Math.max(y1, w.box().bottom());
            conf += w.confidence();
            for (int k = 0; k < w.text().length(); k++) if (Character.isLetterOrDigit(w.text().charAt(k))) alnum++;
        }
        if (CellNumbers.han(text.toString()) == 0 && alnum < 2) return null;
        return new Line(text.toString(), new Box(x0, y0, x1 - x0, y1 - y0), conf / words.size(), words);
    }

    /**
     * The page's em in pixels: the median width per character of the words made only of Chinese
     * characters, two or more (the characters are square and set solid). Heights are no good here: {@code 一} is a stroke, and Tesseract now
     * and then boxes a word half as tall again as its neighbours. 0 when there are no such words.
     */
    static double hanHeight(List<PdfGlyph> words) {
        List<Double> ems = new ArrayList<>();
        for (PdfGlyph g : words) {
            int n = g.text().codePointCount(0, g.text().length());
            if (n > 0 && CellNumbers.han(g.text()) == n) ems.add(g.width() / n);
        }
        if (ems.isEmpty()) return 0;
        Collections.sort(ems);
        return ems.get(ems.size() / 2);
    }

    /** Typical character height in a table: the median height of the Chinese words read in it. */
    static double charHeight(Collection<PdfGlyph> words) {
        List<Double> hs = new ArrayList<>();
        for (PdfGlyph g : words) if (CellNumbers.han(g.text()) > 0) hs.add(g.size());
        if (hs.isEmpty()) return 0;
        Collections.sort(hs);
        return hs.get(hs.size() / 2);
    }

    /** Typical character height on the page: the median height of its text lines. */
    static double charHeight(List<Line> lines) {
        List<Double> hs = new ArrayList<>();
        for (Line l : lines) if (l.box() != null && l.text().strip().codePointCount(0, l.text().strip().length()) >= 2) hs.add(l.box().height());
        if (hs.isEmpty()) return 0;
        Collections.sort(hs);
        return hs.get(hs.size() / 2);
    }

    /** Two points (the PDF snap) in the read frame's pixels at the page's reading resolution. */
    private static double snapPixels(PageReader.PageText page) {
        double pxPerPt = (page.readDpi() > 0 ? page.readDpi() : 300) / 72.0;
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
