package org.nianbao.ingest.ocr;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.prep.Despeckle;
import org.nianbao.ingest.ocr.prep.ImageRulings;
import org.nianbao.ingest.ocr.prep.Skew;
import org.nianbao.ingest.ocr.prep.TextSize;
import org.nianbao.ingest.ocr.prep.Transforms;

/**
 * Reads one page image: prepares it (resolution, skew, table rules), OCRs it with one pooled engine,
 * turns it if it was scanned upside down or sideways, repairs what the Chinese model predictably gets
 * wrong, and maps every box back onto the page as given. Each step is switchable so its worth can be
 * measured ({@code scripts/ocr-eval}); the defaults are the steps that won.
 */
public final class PageReader {
    /**
     * @param resample         bring pages far from 300 dpi to 300 dpi
     * @param deskew           straighten pages skewed by more than 0.1 degree
     * @param orientation      detect pages turned by 90/180/270 degrees and read them upright
     * @param removeRulings    take table and form rules out before OCR (they are read as junk otherwise)
     * @param rereadEnumerators repair list markers like (=) by counting their strokes ({@link EnumeratorRepair})
     * @param punctuation      full-width punctuation in Chinese context
     * @param mode             page segmentation for the page
     * @param despeckle        remove isolated dust and drop lone low-confidence marks read from it
     */
    public record Options(boolean resample, boolean deskew, boolean orientation, boolean removeRulings,
                          boolean rereadEnumerators, boolean punctuation, OcrMode mode, boolean despeckle) {
        public static Options defaults() {
            return new Options(true, true, true, true, true, true, OcrMode.COLUMN, true);
        }
    }

    /**
     * A read page, boxes in the coordinates of the image as given.
     *
     * @param paragraphs lines grouped in paragraphs, reading order
     * @param confidence mean character confidence 0..100
     * @param rotated    clockwise degrees the page was turned to read it (0, 90, 180, 270)
     * @param skew       degrees of skew corrected
     * @param rulings    table/form rules found on the page (image coordinates as given)
     * @param notes      what was done, for the page's reading reason
     * @param millis     total time
     * @param readImage  the prepared image the lines were read from (upright, straightened, rules erased), for
     *                   reading parts of it again (table cells); null once that is done ({@link #withoutImage})
     * @param script     the model the page was read with
     * @param readDpi    the resolution of {@code readImage}
     */
    public record PageText(List<OcrResult.Paragraph> paragraphs, double confidence, int rotated, double skew,
                           List<ImageRulings.Segment> rulings, List<String> notes, long millis,
                           List<Line> readLines, AffineTransform readToPage, GrayImage readImage,
                           OcrScript script, int readDpi) {
        public PageText(List<OcrResult.Paragraph> paragraphs, double confidence, int rotated, double skew,
                        List<ImageRulings.Segment> rulings, List<String> notes, long millis,
                        List<Line> readLines, AffineTransform readToPage) {
            this(paragraphs, confidence, rotated, skew, rulings, notes, millis, readLines, readToPage, null, OcrScript.SIMPLIFIED, 300);
        }

        /** The same reading without the prepared image, so a page waiting to be assembled holds no pixels. */
        public PageText withoutImage() {
            return readImage == null ? this : new PageText(paragraphs, confidence, rotated, skew, rulings, notes, millis,
                    readLines, readToPage, null, script, readDpi);
        }

        /** The lines as they were read: upright and straight, in the prepared image's pixels. */
        public List<Line> readLines() {
            return readLines;
        }

        /** Maps a line from the prepared image back onto the page as given. */
        public Line toPage(Line l) {
            return mapLine(l, readToPage);
        }

        public List<Line> lines() {
            List<Line> all = new ArrayList<>();
            for (OcrResult.Paragraph p : paragraphs) all.addAll(p.lines());
            return all;
        }

        public String text() {
            return new OcrResult(paragraphs, confidence, millis).text();
        }
    }

    /** Below this mean confidence a page is suspected of being turned (upright Chinese reads at 85-95). */
    static final double SUSPECT_CONFIDENCE = 70;
    /** OSD orientation confidence from which its verdict is tried. */
    static final double OSD_MIN_CONFIDENCE = 1.5;
    /** Upscaling never makes a prepared page larger than this. */
    static final long MAX_PREPARED_PIXELS = 60_000_000L;

    /** {@link WeakWordReread}; {@code -Dnianbao.ocr.weakReread=false} turns it off for measurement. */
    static final boolean WEAK_REREAD = !"false".equals(System.getProperty("nianbao.ocr.weakReread"));
    /**
     * {@link org.nianbao.ingest.ocr.prep.Tone}: gamma of the page the engine reads for its text lines (table cells are read as scanned), for pages scanned at
     * {@code Tone.MIN_DPI} or more whose paper was lifted to white (scanners' document mode, {@code
     * Tone.paperLiftedToWhite}); {@code -Dnianbao.ocr.gamma=1} reads them as scanned. Measured on the
     * generated full-report scans (scripts/eval-scans 2 21), scan300-png: CER 0.84% → 0.49%. Grey scans (tried: 200 dpi lose) and bilevel pages (G4 TIFF: table cells lost) are
     * left as they are. See docs/ocr.md.
     */
    static final double GAMMA = Double.parseDouble(System.getProperty("nianbao.ocr.gamma", "1.6"));
    /**
     * Grey scans as they came (grey paper, soft stroke edges: JPEG pages, PDFs of JPEGs) are read 1-bit,
     * thresholded at this share of the local paper ({@link
     * org.nianbao.ingest.ocr.prep.PaperLevel#threshold}); {@code -Dnianbao.ocr.greyThreshold=0} reads them as
     * scanned. Measured on held-out seed 47 and 23 (docs/ocr.md, "Grey scans (session 7)").
     */
    static final double GREY_INK_SHARE = Double.parseDouble(System.getProperty("nianbao.ocr.greyThreshold", "0.78"));
    /** Coarse scans of known resolution enlarged by repeating pixels (see {@link #read}); {@code -Dnianbao.ocr.repeatPixels=false} for bilinear. */
    static final boolean REPEAT_PIXELS = !"false".equals(System.getProperty("nianbao.ocr.repeatPixels"));
    /** {@link MissedLines}; {@code -Dnianbao.ocr.missedLines=false} turns it off for measurement. */
    static final boolean MISSED_LINES = !"false".equals(System.getProperty("nianbao.ocr.missedLines"));
    /** {@link ShortLineReread}; {@code -Dnianbao.ocr.shortLines=false} turns it off for measurement. */
    static final boolean SHORT_LINES = !"false".equals(System.getProperty("nianbao.ocr.shortLines"));
    /** {@link DoubledLines}; {@code -Dnianbao.ocr.doubledLines=false} turns it off for measurement. */
    static final boolean DOUBLED_LINES = !"false".equals(System.getProperty("nianbao.ocr.doubledLines"));
    /** {@link SemicolonRepair}; {@code -Dnianbao.ocr.semicolons=false} turns it off for measurement. */
    static final boolean SEMICOLONS = !"false".equals(System.getProperty("nianbao.ocr.semicolons"));

    private final OcrService service;
    private final Options options;

    public PageReader(OcrService service, Options options) {
        this.service = service;
        this.options = options;
    }

    public PageReader(OcrService service) {
        this(service, Options.defaults());
    }

    /** Reads a page scanned at {@code dpi} (0 = unknown, taken as 300) within {@code timeoutMillis} (0 = the pool's limit). */
    public PageText read(GrayImage page, int dpi, OcrScript script, long timeoutMillis) throws OcrException {
        long start = System.nanoTime();
        long budget = timeoutMillis > 0 ? timeoutMillis : service.config().timeoutMillis();
        long deadline = System.currentTimeMillis() + budget;
        List<String> notes = new ArrayList<>();
        GrayImage img = page;
        AffineTransform toImg = new AffineTransform();
        int effDpi = dpi > 0 ? dpi : 300;
        if (options.resample() && dpi > 0 && (dpi < 240 || dpi > 420)) {
            double factor = 300.0 / dpi;
            double room = Math.sqrt((double) MAX_PREPARED_PIXELS / ((double) img.width() * img.height()));
            if (factor > room) factor = Math.max(1, room); // never enlarge a huge page past the ceiling
            // a coarse scan (200 dpi) is enlarged by repeating pixels, as a PDF viewer draws it: its digits and
            // strokes keep hard edges. Measured against bilinear on scripts/generate --count 4 --seed 11 --forms
            // scan200-jpg --scan-pages 2-3 (page sets): numeric cells 79.6% → 97.4%, CER 0.77% → 0.51%; on
            // scripts/eval-scans 2 21 scan200-jpg: CER 0.91% → 0.77%, cells 95.0% → 94.2%. Web pictures of
            // unknown resolution (below), and pictures of 150 dpi or less (factor 2 and more), are still
            // enlarged smoothly: doubling the pixels of the committed set's 150 dpi table pictures (html-img)
            // cost two thirds of their cells.
            Transforms.Transformed t = Transforms.scale(img, factor, REPEAT_PIXELS && factor < 2);
            img = t.image();
            toImg.preConcatenate(t.toImage());
            notes.add("resampled " + dpi + "→" + Math.round(dpi * factor) + " dpi");
            effDpi = (int) Math.round(dpi * factor);
        } else if (options.resample() && dpi == 0) {
            // Unknown resolution (web pictures, screenshots): judge by the text itself. Tesseract reads
            // lines about 30-60 pixels high best; screen text is often 12-16.
            int line = TextSize.lineHeight(img);
            double factor = line <= 0 ? 1 : line < 24 ? Math.min(4, 36.0 / line) : line > 120 ? 60.0 / line : 1;
            if (factor != 1 && (long) (img.width() * factor) * (long) (img.height() * factor) <= MAX_PREPARED_PIXELS) {
                Transforms.Transformed t = Transforms.scale(img, factor);
                img = t.image();
                toImg.preConcatenate(t.toImage());
                notes.add(String.format("scaled %.1fx for %d-pixel text lines", factor, line));
            }
            effDpi = 300;
        }
        double skew = 0;
        if (options.deskew()) {
            skew = Skew.estimate(img, effDpi);
            if (Math.abs(skew) >= 0.1) {
                Transforms.Transformed t = Transforms.rotateSmall(img, -skew);
                img = t.image();
                toImg.preConcatenate(t.toImage());
                notes.add(String.format("deskewed %.2f°", skew));
            } else {
                skew = 0;
            }
        }
        List<ImageRulings.Segment> rulings = List.of();
        if (options.removeRulings()) {
            rulings = ImageRulings.find(img, effDpi);
            if (!rulings.isEmpty()) {
                img = ImageRulings.erase(img, rulings);
                notes.add(rulings.size() + " ruling lines removed");
            }
        }
        if (options.despeckle()) {
            Despeckle.Result d = Despeckle.clean(img, effDpi);
            if (d.removed() > 0) {
                img = d.image();
                notes.add(d.removed() + " specks removed");
            }
        }
        // Document-mode pages are darkened and grey scans thresholded close to their paper, for the text lines
        // only (TextLineImage). The table cells, and the search for tables without rules, read the page as
        // scanned: darkened, a clean drawn 果 in a tall label read as 采 (ImageCellsIT).
        final GrayImage asScanned = img;
        org.nianbao.ingest.ocr.prep.TextLineImage.Choice lineImage =
                org.nianbao.ingest.ocr.prep.TextLineImage.choose(page, img, dpi, effDpi, GAMMA, GREY_INK_SHARE);
        boolean toned = lineImage.changed();
        if (toned) {
            img = lineImage.image();
            notes.add(lineImage.note());
        }
        final GrayImage prepared = img;
        final int readDpi = effDpi;
        final List<ImageRulings.Segment> rules = rulings;
        Attempt best = service.withEngine(engine -> {
            Attempt a = new Attempt(prepared, new AffineTransform(), 0,
                    engine.read(prepared, null, options.mode(), options(readDpi, script, deadline)));
            if (options.orientation() && suspicious(a.result)) {
                a = tryOrientations(engine, a, readDpi, script, deadline, notes);
            }
            // one row of print found twice by the layout is made one line first: every later step judges lines by their neighbours
            if (DOUBLED_LINES) a = a.with(DoubledLines.apply(engine, a.image, a.result, a.rotated == 0 ? rules : List.of(),
                    options(readDpi, script, deadline)));
            a = a.with(LineReread.apply(engine, a.image, a.result, options(readDpi, script, deadline)));
            if (WEAK_REREAD) a = a.with(WeakWordReread.apply(engine, a.image, a.result, options(readDpi, script, deadline)));
            if (SHORT_LINES) a = a.with(ShortLineReread.apply(engine, a.image, a.result, options(readDpi, script, deadline), notes));
            // rules are found on the upright page: a turned page is searched without them
            if (MISSED_LINES) a = a.with(MissedLines.recover(engine, a.image, a.result, a.rotated == 0 ? rules : List.of(),
                    options(readDpi, script, deadline)));
            if (options.despeckle()) a = a.with(NoiseMarks.drop(a.result));
            if (options.rereadEnumerators()) a = a.with(EnumeratorRepair.repair(a.result, a.image));
            if (options.punctuation() && SEMICOLONS) a = a.with(SemicolonRepair.repair(a.result, a.image));
            return a;
        });
        if (best.rotated != 0) notes.add("turned " + best.rotated + "° to read");
        AffineTransform total = new AffineTransform(toImg);
        total.preConcatenate(best.toTurned);
        AffineTransform back;
        try {
            back = total.createInverse();
        } catch (NoninvertibleTransformException e) {
            back = new AffineTransform();
        }
        List<OcrResult.Paragraph> upright = fixText(best.result);
        List<OcrResult.Paragraph> mapped = new ArrayList<>();
        List<Line> readLines = new ArrayList<>();
        for (OcrResult.Paragraph p : upright) {
            List<Line> ls = new ArrayList<>();
            for (Line l : p.lines()) {
                readLines.add(l);
                ls.add(mapLine(l, back));
            }
            mapped.add(new OcrResult.Paragraph(ls));
        }
        List<ImageRulings.Segment> rulingsBack = mapRulings(rulings, toImg);
        long millis = (System.nanoTime() - start) / 1_000_000;
        GrayImage forCells = !toned ? best.image
                : best.rotated == 0 ? asScanned : Transforms.quarterTurn(asScanned, best.rotated).image();
        return new PageText(mapped, best.result.confidence(), best.rotated, skew, rulingsBack, notes, millis, readLines, back,
                forCells, script, readDpi);
    }

    private record Attempt(GrayImage image, AffineTransform toTurned, int rotated, OcrResult result) {
        Attempt with(OcrResult r) {
            return new Attempt(image, toTurned, rotated, r);
        }
    }

    private static boolean suspicious(OcrResult r) {
        return r.characters() < 20 || r.confidence() < SUSPECT_CONFIDENCE;
    }

    /** Reads the page turned the way OSD says (or upside down when OSD cannot tell); keeps the better reading. */
    private Attempt tryOrientations(OcrEngine engine, Attempt upright, int dpi, OcrScript script, long deadline,
                                    List<String> notes) throws OcrException {
        OcrEngine.Orientation o = engine.detectOrientation(upright.image, dpi);
        List<Integer> turns = new ArrayList<>();
        if (o.rotate() != 0 && o.confidence() >= OSD_MIN_CONFIDENCE) turns.add(o.rotate());
        else if (o.confidence() < OSD_MIN_CONFIDENCE) turns.add(180);
        notes.add(String.format("orientation check: OSD says turn %d° (confidence %.1f)", o.rotate(), o.confidence()));
        Attempt best = upright;
        for (int turn : turns) {
            Transforms.Transformed t = Transforms.quarterTurn(upright.image, turn);
            OcrResult r = engine.read(t.image(), null, options.mode(), options(dpi, script, deadline));
            if (score(r) > score(best.result) * 1.1) best = new Attempt(t.image(), t.toImage(), turn, r);
        }
        return best;
    }

    private static double score(OcrResult r) {
        return r.confidence() * Math.sqrt(Math.max(1, r.characters()));
    }

    private OcrOptions options(int dpi, OcrScript script, long deadline) throws OcrException {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) throw new OcrException(OcrException.Kind.TIMEOUT, "page time limit reached");
        return new OcrOptions(dpi, script, left);
    }

    /** Line text with punctuation repaired (quote state carried through each paragraph). */
    private List<OcrResult.Paragraph> fixText(OcrResult r) {
        if (!options.punctuation()) return r.paragraphs();
        List<OcrResult.Paragraph> out = new ArrayList<>();
        for (OcrResult.Paragraph p : r.paragraphs()) {
            OcrPunctuation.QuoteState quotes = new OcrPunctuation.QuoteState();
            List<String> texts = new ArrayList<>();
            for (Line l : p.lines()) texts.add(OcrPunctuation.fix(l.text(), quotes));
            texts = OcrPunctuation.fixParagraph(texts);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                Line l = p.lines().get(i);
                lines.add(new Line(texts.get(i), l.box(), l.confidence(), l.words()));
            }
            out.add(new OcrResult.Paragraph(lines));
        }
        return out;
    }

    static Line mapLine(Line l, AffineTransform t) {
        if (t.isIdentity()) return l;
        List<Word> words = new ArrayList<>(l.words().size());
        for (Word w : l.words()) words.add(new Word(w.text(), map(w.box(), t), w.confidence()));
        return new Line(l.text(), map(l.box(), t), l.confidence(), words);
    }

    /**
     * Maps a box through {@code t}. Quarter turns and scaling map exactly; under a small rotation
     * (deskew) the box keeps its size around its mapped centre, since the bounding box of a rotated
     * line would be far taller than the line.
     */
    static Box map(Box b, AffineTransform t) {
        if (t.isIdentity()) return b;
        Point2D c = t.transform(new Point2D.Double(b.x() + b.width() / 2, b.y() + b.height() / 2), null);
        Point2D vw = t.deltaTransform(new Point2D.Double(b.width(), 0), null);
        Point2D vh = t.deltaTransform(new Point2D.Double(0, b.height()), null);
        double lw = vw.distance(0, 0);
        double lh = vh.distance(0, 0);
        boolean widthStaysHorizontal = Math.abs(vw.getX()) >= Math.abs(vw.getY());
        double w = widthStaysHorizontal ? lw : lh;
        double h = widthStaysHorizontal ? lh : lw;
        return new Box(c.getX() - w / 2, c.getY() - h / 2, w, h);
    }

    private static List<ImageRulings.Segment> mapRulings(List<ImageRulings.Segment> segs, AffineTransform pageToPrepared) {
        if (segs.isEmpty() || pageToPrepared.isIdentity()) return segs;
        AffineTransform back;
        try {
            back = pageToPrepared.createInverse();
        } catch (NoninvertibleTransformException e) {
            return segs;
        }
        List<ImageRulings.Segment> out = new ArrayList<>();
        double scale = Math.sqrt(Math.abs(back.getDeterminant()));
        for (ImageRulings.Segment s : segs) {
            Point2D a = back.transform(new Point2D.Double(s.x0(), s.y0()), null);
            Point2D b = back.transform(new Point2D.Double(s.x1(), s.y1()), null);
            out.add(new ImageRulings.Segment(s.horizontal(), (int) Math.round(a.getX()), (int) Math.round(a.getY()),
                    (int) Math.round(b.getX()), (int) Math.round(b.getY()), Math.max(1, (int) Math.round(s.thickness() * scale))));
        }
        return out;
    }
}
