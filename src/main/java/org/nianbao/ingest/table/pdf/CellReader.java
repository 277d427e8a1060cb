package org.nianbao.ingest.table.pdf;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrEngine;
import org.nianbao.ingest.ocr.OcrException;
import org.nianbao.ingest.ocr.OcrMode;
import org.nianbao.ingest.ocr.OcrOptions;
import org.nianbao.ingest.ocr.OcrPunctuation;
import org.nianbao.ingest.ocr.OcrResult;
import org.nianbao.ingest.ocr.OcrScript;

/**
 * Reads every cell of a ruled table again on its own, once the grid is known. The page-level reading
 * sees a table as a sea of short words between erased rules and segments it badly (two-line cells
 * garbled, digits read as {@code 光} or {@code ，}); a cell cut out with a clean margin is an easy
 * image. Per cell:
 * <ul>
 *   <li>no ink (after dust and rule traces are discounted, {@link CellInk}): blank, never "0";</li>
 *   <li>a number cell ({@link CellKinds}): a digits-only line reading, which must parse as a number
 *       ({@link CellNumbers}); the Chinese reading and the page's reading, when they are other numbers,
 *       become the cell's alternatives for the identity checks;</li>
 *   <li>a vertical label (one character per line): its characters set side by side and read as a line;</li>
 *   <li>other text: the Chinese model, as one line or as a block by the cell's ink.</li>
 * </ul>
 * Works in the upright, straightened frame the page was read in; every cell is cut from one image, so
 * there is nothing to set up per cell beyond the cut-out itself.
 */
public final class CellReader {
    /** Margin of white paper around a cut-out, at 300 dpi. */
    static final int PAD = 12;
    /** Time limit for one cell. */
    static final long CELL_MILLIS = 20_000;
    /** A text cell read at or above this confidence is not read again at another size. */
    static final double SURE_TEXT = 90;
    /** Other sizes (relative to the first) an unsure text cell is read at. */
    static final double[] SECOND_SIZES = {0.75, 1.35};
    /** A digits-only reading at or above this confidence is taken alone when the page read no number there. */
    static final double SURE_NUMBER = 85;

    /** Weight of a reading of three copies of a figure that came back alike ({@link #repeatedReading}). */
    static final double REPEATED_WEIGHT = 1.5;
    /**
     * Weight of the figure read from the table's own digits in a number cell's vote: as much as three copies
     * read alike. A shape match is sure (every digit {@link DigitShapes#MIN_SCORE} like one learnt digit and
     * clearly unlike the others), and its errors are not the engine's.
     */
    static final double SHAPE_WEIGHT = 1.5;
    /** Copies of a figure set side by side for the repeated reading. */
    static final int COPIES = 3;

    /** A cell's reading: its text, other readings (most likely first), and the engine's confidence. */
    public record Reading(String text, List<String> alternatives, double confidence) { }

    private final GrayImage image;
    private final OcrScript script;
    private final int dpi;
    private final double scale;
    private final int threshold;
    private final int lift;
    /** The page's paper level, against which a shaded cell's levels are moved ({@link CellLevels}). */
    private final int pagePaper;
    /** Whether a cell gets levels of its own ({@link CellLevels}); not for a cut-out ({@link #forCutOut}). */
    private final boolean cellLevels;
    private final double charHeight;
    private final int inset;
    /** Cells read and calls made, for the page's notes. */
    int cellsRead;
    /** Cells left with the page reading because the page's budget for its cells was spent (a warning, never silent). */
    int cellsPastTimeLimit;
    int calls;
    /** Number cells settled by the repeated reading agreeing with another. */
    int repeatedAgreed;
    /** Number cells read again without the specks around their figure. */
    int figureReadings;
    /** Wrapped text cells read as one line and found to be a known label. */
    int wrappedJoined;
    /** Text cells read as a known label once marks and specks were left out. */
    int marksLeftOut;
    /** Number cells no reading made a number of, read from the shapes of the table's own digits. */
    int shapeReadings;
    /** Number cells in doubt read again at other sizes ({@link #NUMBER_SIZES}). */
    int otherSizeReadings;
    /** Number cells whose vote, cast again with all of the table's digits learnt, came out otherwise. */
    int revotes;
    /** The digits of this table, learnt from its surely read figures. */
    private final DigitShapes shapes = new DigitShapes();

    /**
     * @param image       the prepared page (upright, straightened, rules erased)
     * @param dpi         its resolution
     * @param charHeight  typical character height on the page, pixels
     * @param ruleWidth   the thickest table rule, pixels
     */
    public CellReader(GrayImage image, OcrScript script, int dpi, double charHeight, int ruleWidth) {
        this(image, script, dpi, charHeight, ruleWidth, true);
    }

    /**
     * A reader for one piece cut out of a page and set on white ({@code InkAlignedTables}' unruled
     * pieces): the image is the cell, so there is no page paper for a cell to be shaded against, and the
     * cut-out's statistics mix its paper with the white it was set on and, for a dense label, with its
     * ink. Per-cell levels ({@link CellLevels}) read those as grain and cut a label's strokes away
     * (unruled scans fell from 100% of their figures to 38% in session 7); the cut-out's own levels stand.
     */
    public static CellReader forCutOut(GrayImage image, OcrScript script, int dpi, double charHeight) {
        return new CellReader(image, script, dpi, charHeight, 1, false);
    }

    private CellReader(GrayImage image, OcrScript script, int dpi, double charHeight, int ruleWidth, boolean cellLevels) {
        this.cellLevels = cellLevels;
        this.image = image;
        this.script = script;
        this.dpi = dpi > 0 ? dpi : 300;
        this.scale = this.dpi / 300.0;
        this.threshold = org.nianbao.ingest.ocr.prep.Binarize.otsu(image);
        this.lift = CellCrop.liftLevel(image, threshold);
        this.pagePaper = CellLevels.paper(image, new Rectangle(0, 0, image.width(), image.height()));
        this.charHeight = charHeight > 0 ? charHeight : 40 * scale;
        this.inset = CellCrop.inset(ruleWidth, scale);
    }

    /** The table with every cell's text read again; cells without a box keep theirs. */
    public Table read(OcrEngine engine, Table table, ReadingBudget budget) throws OcrException {
        boolean[] numeric = CellKinds.numeric(table);
        boolean[] afterFigures = CellKinds.afterFigures(table, numeric);
        List<Cell> out = new ArrayList<>(table.cells().size());
        List<Integer> unread = new ArrayList<>();
        for (int i = 0; i < table.cells().size(); i++) {
            Cell c = table.cells().get(i);
            if (c.box() == null || budget.spent()) {
                if (c.box() != null) cellsPastTimeLimit++;
                out.add(c);
                continue;
            }
            int before = cellsRead;
            Reading r = read(engine, c.box(), c.text(), numeric[i], budget);
            boolean number = numeric[i];
            if (!number && cellsRead > before
                    && (r.text().isBlank() || figureWithJunk(r.text()) || afterFigures[i] && shortJunk(r.text()) && r.confidence() < SURE_TEXT)) {
                // ink that the Chinese model reads as nothing, in a cell the first reading did not take for a
                // number (a lone 0 the page reading missed), or as a figure with a stray letter (45 read as
                // 症5 in a row whose label kept it from counting as a number row), or as a letter or two that
                // are no label, read unsurely, where a figure stands left of it or above it (纪 for 3; a clean
                // 无 is read surely and stays): read as a number
                number = true;
                Reading again = read(engine, c.box(), c.text(), true, budget);
                if (!r.text().isBlank() && !CellNumbers.isNumber(again.text())) {
                    number = false;
                } else {
                    r = again;
                }
            }
            if (!number) r = figureAfterAll(r);
            if (number && !CellNumbers.isNumber(r.text())) unread.add(i);
            out.add(new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), r.text(), c.box(), r.confidence(), r.alternatives()));
        }
        // number cells whose readings disagreed before the table's digits were learnt: their vote again
        for (int i = 0; i < out.size(); i++) {
            Cell c = out.get(i);
            Reading again = revote(c);
            if (again == null) continue;
            revotes++;
            out.set(i, new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), again.text(), c.box(), again.confidence(), again.alternatives()));
        }
        pendingVotes.clear();
        // number cells no reading made a number of, once the table's digits are learnt from all its figures
        for (int i : unread) {
            Cell c = out.get(i);
            DigitShapes.Match m = shapeReading(c.box());
            if (m == null) continue;
            shapeReadings++;
            List<String> alts = new ArrayList<>();
            if (!c.text().isBlank()) alts.add(c.text());
            for (String a : c.alternatives()) if (!alts.contains(a) && !a.equals(m.text())) alts.add(a);
            out.set(i, new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), m.text(), c.box(), Math.min(c.confidence(), m.score() * 100), alts));
        }
        return new Table(table.rows(), table.cols(), out);
    }

    /**
     * A cell the first reading took for text whose own reading is a figure in digits' look-alikes ({@code O},
     * {@code l}; no Chinese, at most three characters): the figure. No label is spelt {@code O}.
     */
    static Reading figureAfterAll(Reading r) {
        String t = r.text();
        if (t.length() > 3 || CellNumbers.han(t) > 0 || !CellKinds.looksNumeric(t)) return r;
        String n = CellNumbers.clean(t);
        if (!CellNumbers.isNumber(n) || n.equals(t)) return r;
        List<String> alts = new ArrayList<>(List.of(t));
        for (String a : r.alternatives()) if (!alts.contains(a) && !a.equals(n)) alts.add(a);
        return new Reading(n, alts, r.confidence());
    }

    /**
     * Whether a text cell's reading is a short figure with one stray letter ({@code 症5}, {@code 才5}): at
     * most three characters, at least one a digit, at most one Chinese letter, and no known label.
     */
    static boolean figureWithJunk(String t) {
        String s = t.strip();
        int len = s.codePointCount(0, s.length());
        if (len == 0 || len > 3 || CellNumbers.han(s) > 1 || CellLexicon.known(s)) return false;
        return s.chars().anyMatch(ch -> ch >= '0' && ch <= '9');
    }

    /** Whether a text cell's reading is at most short junk: three characters or fewer, no known label. */
    static boolean shortJunk(String t) {
        String s = t.strip();
        int len = s.codePointCount(0, s.length());
        return len > 0 && len <= 3 && !CellLexicon.known(s) && CellLexicon.byLetters(s) == null;
    }

    /** The figure of a one-line number cell read from the shapes of the table's own digits, or null. */
    DigitShapes.Match shapeReading(Box box) {
        Rectangle area = CellCrop.inner(box.x(), box.y(), box.width(), box.height(), inset);
        if (area == null) return null;
        CellLevels lv = levels(area);
        CellInk.Ink ink = CellInk.measure(image, area, lv.threshold(), scale, charHeight);
        if (ink.blank() || CellInk.textLines(ink.lines(), charHeight).size() != 1) return null;
        List<DigitShapes.Glyph> g = glyphs(ink);
        return g == null ? null : shapes.read(g);
    }

    /**
     * The figure read from the shapes of the table's own digits, with the cell's unit, for the vote of a number
     * cell whose readings disagree; "" when some digit matches no learnt digit clearly.
     */
    private String shapeVote(CellInk.Ink ink, String unit) {
        List<DigitShapes.Glyph> g = glyphs(ink);
        DigitShapes.Match m = g == null ? null : shapes.read(g);
        return m == null ? "" : m.text() + unit;
    }

    /** Learns the digits of a figure read surely (digits only, one piece of ink per digit). */
    private void learn(String text, CellInk.Ink ink) {
        if (!text.matches("[0-9]+")) return;
        List<DigitShapes.Glyph> g = glyphs(ink);
        if (g != null) shapes.learn(text, g);
    }

    /**
     * The digits of a one-line figure, left to right: the figure's pieces ({@link CellInk#figure}), each
     * as tall as a digit; null when the figure has a smaller piece (a point, a sign) or none.
     */
    List<DigitShapes.Glyph> glyphs(CellInk.Ink ink) {
        List<Rectangle> boxes = new ArrayList<>();
        for (CellInk.Piece p : ink.pieces()) boxes.add(p.box());
        boolean[] keep = CellInk.figure(boxes);
        int tallest = 0;
        for (int i = 0; i < keep.length; i++) if (keep[i]) tallest = Math.max(tallest, boxes.get(i).height);
        List<CellInk.Piece> digits = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            if (boxes.get(i).height * 2 < tallest) return null;
            digits.add(ink.pieces().get(i));
        }
        if (digits.isEmpty() || digits.size() > 12) return null;
        digits.sort(java.util.Comparator.comparingInt(p -> p.box().x));
        List<DigitShapes.Glyph> out = new ArrayList<>();
        for (CellInk.Piece p : digits) {
            Rectangle b = p.box();
            if ((long) b.width * b.height > 40_000) return null;
            boolean[] px = new boolean[b.width * b.height];
            for (int q : p.pixels()) {
                int x = q % image.width() - b.x;
                int y = q / image.width() - b.y;
                if (x >= 0 && y >= 0 && x < b.width && y < b.height) px[y * b.width + x] = true;
            }
            out.add(new DigitShapes.Glyph(b.width, b.height, px));
        }
        return out;
    }

    /** Reads one cell whose box (between its rules' centre lines) is {@code box}; {@code first} is the page's reading. */
    Reading read(OcrEngine engine, Box box, String first, boolean numeric, ReadingBudget budget) throws OcrException {
        Rectangle area = CellCrop.inner(box.x(), box.y(), box.width(), box.height(), inset);
        if (area == null) return new Reading("", List.of(), 100);
        CellLevels lv = levels(area);
        CellInk.Ink ink = CellInk.measure(image, area, lv.threshold(), scale, charHeight);
        String firstClean = CellNumbers.clean(first);
        if (ink.blank()) {
            if (DEBUG_DIR != null) debugArea(area, ink, lv);
            return new Reading("", CellNumbers.isNumber(firstClean) ? List.of(firstClean) : List.of(), 90);
        }
        cellsRead++;
        if (DEBUG_DIR != null) debugArea(area, ink, lv);
        List<int[]> lines = CellInk.textLines(ink.lines(), charHeight);
        if (numeric && lines.size() > 1) {
            // a figure with a speck above or below it, too far to join its line (a 1 under a speck on a
            // 200 dpi scan was read as a block: ] and 了, then nothing): the figure's line alone
            CellInk.Ink figure = figureLine(ink, lines, charHeight);
            if (figure != null) {
                ink = figure;
                lines = figure.lines();
            }
        }
        int pad = Math.max(6, (int) Math.round(PAD * scale));
        if (CellInk.vertical(lines, charHeight)) {
            GrayImage strip = CellCrop.sideBySide(image, lines, Math.max(2, (int) Math.round(charHeight * 0.15)), 0, lv.lift());
            double k = CellCrop.enlargement(medianHeight(lines));
            GrayImage big = CellCrop.padded(strip, new Rectangle(0, 0, strip.width(), strip.height()), (int) Math.round(pad * k), 256, k);
            OcrResult r = call(engine, big, OcrMode.LINE, k, budget);
            return punctuated(tidy(textOf(r)), r.confidence());
        }
        double k = CellCrop.enlargement(medianHeight(lines));
        GrayImage crop = CellCrop.padded(image, ink.box(), (int) Math.round(pad * k), lv.lift(), k);
        if (numeric && lines.size() == 1) {
            OcrResult digits = call(engine, crop, OcrMode.NUMBER, OcrScript.LATIN, k, budget);
            String d = CellNumbers.clean(textOf(digits));
            // agreed with the page, or sure where the page read no number at all: one reading is enough
            // the figure's digits, one piece of ink each (when it is that clean): a reading with fewer digits
            // dropped one (41 read 4 by the page and by the digits pass alike), so no single reading settles it
            int pieces = digitPieces(ink);
            if (CellNumbers.isNumber(d) && !dropsDigit(d, pieces)
                    && (d.equals(firstClean) || digits.confidence() >= SURE_NUMBER && !CellNumbers.isNumber(firstClean))) {
                learn(d, ink);
                return new Reading(d, List.of(), digits.confidence());
            }
            // the figure set three times in a line: read in context, and the copies must agree
            String rep = repeatedReading(engine, crop, k, budget);
            if (CellNumbers.isNumber(rep) && !dropsDigit(rep, pieces) && (rep.equals(d) || rep.equals(firstClean)) && !hasUnitRoom(firstClean)) {
                repeatedAgreed++;
                if (rep.equals(d)) learn(rep, ink);
                return new Reading(rep, rep.equals(d) ? List.of() : otherNumbers(rep, d), digits.confidence());
            }
            // specks beside, below or inside the figure (a 200 dpi scan's dust) misread as digits: the
            // figure alone, when something was left out, read the same way
            String bare = "";
            GrayImage figure = figureOnly(ink, pad, k, lv.lift());
            if (figure != null) {
                figureReadings++;
                bare = repeatedReading(engine, figure, k, budget);
                if (CellNumbers.isNumber(bare) && !dropsDigit(bare, pieces) && (bare.equals(d) || bare.equals(rep) || bare.equals(firstClean))
                        && !hasUnitRoom(firstClean)) {
                    repeatedAgreed++;
                    List<String> alts = new ArrayList<>();
                    for (String o : List.of(d, rep)) if (CellNumbers.isNumber(o) && !o.equals(bare) && !alts.contains(o)) alts.add(o);
                    return new Reading(bare, alts, digits.confidence());
                }
            }
            OcrResult chi = call(engine, crop, OcrMode.LINE, k, budget);
            String c = CellNumbers.clean(textOf(chi));
            String unit = unitOf(c);
            // the digits-only readings with the Chinese reading's unit (the unit's character read as a digit, 元 as 7, is the unit)
            bare = CellNumbers.withUnitOf(bare, c);
            d = CellNumbers.withUnitOf(d, c);
            rep = CellNumbers.withUnitOf(rep, c);
            Ballot b2 = new Ballot("", 0);
            if (!CellNumbers.isNumber(d) || !d.equals(c)) {
                // a third opinion when the first two do not agree: the Chinese model, digits only, as a line
                OcrResult r2 = call(engine, crop, OcrMode.DIGITS, k, budget);
                String d2 = CellNumbers.withUnitOf(CellNumbers.clean(textOf(r2)), c);
                b2 = Ballot.of(d2, r2.confidence());
            }
            // the page's reading counts a little less than a sure reading of the cell, more than an unsure one;
            // three copies read alike count most (a check no single reading has), as does the table's own digits
            List<Ballot> raw = new ArrayList<>(List.of(new Ballot(bare, REPEATED_WEIGHT), new Ballot(rep, REPEATED_WEIGHT),
                    Ballot.of(d, digits.confidence()), b2, Ballot.of(c, chi.confidence()), new Ballot(firstClean, 0.9)));
            // readings that dropped a digit count less among the numbers; whether the cell is a number at all
            // is weighed on the readings as they are (a 0 broken into two arcs is still a figure)
            List<Ballot> ballots = fewerDigitsDoubted(raw, pieces);
            List<String> seenAtOtherSizes = List.of();
            List<String> leading = vote(ballots.toArray(new Ballot[0]));
            if (support(raw) < 1 || !leading.isEmpty() && dropsDigit(leading.get(0), pieces)) {
                // no sure reading made a number of it (a clean 3 read as 马, a clean 0 as nothing), or the leading
                // one dropped a digit: the engine's reading of a figure changes with its size in pixels, so read
                // it at other sizes too
                OtherSizes o = otherSizes(engine, ink, lv, pad, k, unit, pieces, budget);
                if (o.sure() != null) {
                    ballots.add(o.sure());
                    raw.add(o.sure());
                }
                seenAtOtherSizes = o.seen();
            }
            // the figure compared with the digits this table printed and the engine read surely: a check from
            // outside the engine, where the engine's readings disagree (a lone 5 whose copies read as 999)
            String shape = shapeVote(ink, unit);
            List<String> all = vote(withShape(ballots, shape));
            String label = tidy(textOf(chi));
            if (!all.isEmpty() && numberStands(c, label, support(List.of(withShape(raw, shape))))) {
                // digits not learnt yet when this cell was read: its vote is cast again once the table's are
                if (shape.isEmpty() && !unanimous(ballots)) pendingVotes.put(box, new PendingVote(ballots, unit));
                return new Reading(all.get(0), withOthers(all.subList(1, all.size()), seenAtOtherSizes, all.get(0)), digits.confidence());
            }
            // not a number after all (a header the first reading missed, or a figure no size read surely): the
            // Chinese reading stands; an unread figure is left to the identities, which solve it or flag it
            return new Reading(label, List.of(), chi.confidence());
        }
        // one band of ink much taller than a character is lines that a noisy paper's specks joined
        OcrMode mode = lines.size() <= 1 && !tallerThanALine(lines) ? OcrMode.LINE : OcrMode.BLOCK;
        OcrResult r = call(engine, crop, mode, k, budget);
        List<String> others = new ArrayList<>();
        String a = tidy(textOf(r));
        if (!numeric && !CellLexicon.known(a) && CellLexicon.byLetters(a) != null) return punctuated(a, r.confidence());
        // (a number never wraps: a cell of several lines taken for a number is a label the page misread)
        if (lines.size() >= 2 && lines.size() <= MAX_WRAPPED && !CellLexicon.known(a)) {
            Reading joined = wrappedAsOneLine(engine, lines, pad, lv.lift(), budget);
            if (joined != null) {
                wrappedJoined++;
                return new Reading(joined.text(), a.isEmpty() || a.equals(joined.text()) ? List.of() : List.of(a), joined.confidence());
            }
        }
        if (!numeric && !CellLexicon.known(a)) {
            // the letters alone (marks and specks left out), taken when they are a known label's letters:
            // the label's own punctuation is then put back
            GrayImage letters = withoutMarks(ink, pad, k, lv.lift());
            if (letters != null) {
                OcrResult rl = call(engine, letters, mode, k, budget);
                String l = tidy(textOf(rl));
                String label = CellLexicon.known(l) ? l : CellLexicon.byLetters(l);
                if (label != null) {
                    marksLeftOut++;
                    return new Reading(label, a.isEmpty() || a.equals(label) ? List.of() : List.of(a), rl.confidence());
                }
            }
        }
        if (!numeric && !CellLexicon.known(a) && (r.confidence() < SURE_TEXT || CellLexicon.known(tidy(first)) || a.length() >= 4)) {
            // The Chinese model's reading of a character changes with its size in pixels (禁 read as 茜 at
            // one size, right at another): a reading that is not sure or not a known label is tried at
            // other sizes; a known label among the readings (these, the page's) is preferred, else the
            // surest reading.
            String page = tidy(first);
            String pick = CellLexicon.known(page) ? page : null;
            OcrResult best = r;
            String bestText = a;
            for (double f : SECOND_SIZES) {
                if (pick != null) break;
                double k2 = k * f;
                GrayImage crop2 = CellCrop.padded(image, ink.box(), (int) Math.round(pad * k2), lv.lift(), k2);
                OcrResult r2 = call(engine, crop2, mode, k2, budget);
                String b = tidy(textOf(r2));
                if (!b.isEmpty() && !b.equals(a) && !others.contains(b)) others.add(b);
                if (CellLexicon.known(b)) pick = b;
                else if (r2.confidence() > best.confidence() && !b.isEmpty()) {
                    best = r2;
                    bestText = b;
                }
            }
            if (pick == null) pick = bestText;
            if (!a.isEmpty() && !a.equals(pick) && !others.contains(a)) others.add(0, a);
            others.remove(pick);
            return new Reading(pick, others, best.confidence());
        }
        String text = tidy(textOf(r));
        if (numeric) {
            String n = CellNumbers.clean(text);
            if (CellNumbers.isNumber(n)) text = n;
        }
        return new Reading(text, others, r.confidence());
    }

    /** A reading with fewer digits than its figure has pieces counts this much of its weight in the vote. */
    static final double FEWER_DIGITS_WEIGHT = 0.25;

    /**
     * Digit-sized pieces of ink of a one-line figure ({@link #glyphs}: one piece per digit, nothing smaller
     * in the figure), or 0 when that cannot be told (a point, a sign, digits touching are fewer pieces,
     * never more).
     */
    int digitPieces(CellInk.Ink ink) {
        List<DigitShapes.Glyph> g = glyphs(ink);
        return g == null ? 0 : g.size();
    }

    /**
     * Whether a number reading has fewer digits than the figure has digit-sized pieces of ink: a digit
     * was dropped (a thin 1 after a 4 at 200 dpi). Digits touching each other make fewer pieces, never
     * more, so a reading with as many digits or more is not in doubt here.
     */
    static boolean dropsDigit(String reading, int pieces) {
        if (pieces == 0 || !CellNumbers.isNumber(reading)) return false;
        int digits = 0;
        for (int i = 0; i < reading.length(); i++) if (reading.charAt(i) >= '0' && reading.charAt(i) <= '9') digits++;
        return digits < pieces;
    }

    /** The ballots, those that dropped a digit ({@link #dropsDigit}) counting {@link #FEWER_DIGITS_WEIGHT} of their weight. */
    static List<Ballot> fewerDigitsDoubted(List<Ballot> ballots, int pieces) {
        List<Ballot> out = new ArrayList<>(ballots.size());
        for (Ballot b : ballots) out.add(dropsDigit(b.text(), pieces) ? new Ballot(b.text(), b.weight() * FEWER_DIGITS_WEIGHT) : b);
        return out;
    }

    /**
     * A number cell's ink as the one line of its figure, when the other bands of ink are specks (every
     * piece outside the figure's line less than half as tall and wide as its tallest piece, the line no
     * taller than a character and a quarter); null otherwise (two lines of text, a figure and its unit
     * set under it).
     */
    static CellInk.Ink figureLine(CellInk.Ink ink, List<int[]> lines, double charHeight) {
        if (lines.size() < 2 || ink.pieces().isEmpty()) return null;
        CellInk.Piece tallest = null;
        for (CellInk.Piece p : ink.pieces()) if (tallest == null || p.box().height > tallest.box().height) tallest = p;
        int[] main = null;
        double mid = tallest.box().getCenterY();
        for (int[] l : lines) if (mid >= l[0] && mid <= l[1]) main = l;
        if (main == null || main[1] - main[0] + 1 > charHeight * 1.25) return null;
        int t = tallest.box().height;
        List<CellInk.Piece> kept = new ArrayList<>();
        Rectangle box = null;
        int total = 0;
        for (CellInk.Piece p : ink.pieces()) {
            double cy = p.box().getCenterY();
            if (cy >= main[0] && cy <= main[1]) {
                kept.add(p);
                box = box == null ? new Rectangle(p.box()) : box.union(p.box());
                total += p.pixels().length;
            } else if (Math.max(p.box().width, p.box().height) * 2 >= t) {
                return null;
            }
        }
        if (box == null || kept.size() == ink.pieces().size()) return null;
        List<int[]> one = List.of(new int[]{box.y, box.y + box.height - 1, box.x, box.x + box.width - 1});
        return new CellInk.Ink(total, box, one, kept);
    }

    /** Other sizes (relative to the usual enlargement) a number cell no sure reading made a number of is read at. */
    static final double[] NUMBER_SIZES = {0.75, 1.35};

    /**
     * What other sizes made of a doubtful figure: the ballot of a size whose two readings agreed (null when
     * none did), and every figure they read, for the cell's alternatives.
     */
    record OtherSizes(Ballot sure, List<String> seen) { }

    /**
     * A doubtful figure read again at {@link #NUMBER_SIZES}: English digits-only and three copies. A size
     * whose two readings agree (both sure, and no digit dropped: {@link #dropsDigit}) gives a ballot as strong
     * as both; a figure read once is only an
     * alternative: on a noisy 200 dpi scan a 0 with specks in it comes out as 8 or 2 at one size, and a
     * wrong figure hides the cell from the identities, which can solve an unread one. Two sizes, two
     * readings each: bounded, and spent only on cells in doubt.
     */
    private OtherSizes otherSizes(OcrEngine engine, CellInk.Ink ink, CellLevels lv, int pad, double k, String unit, int pieces,
                                  ReadingBudget budget) throws OcrException {
        otherSizeReadings++;
        Ballot sure = null;
        List<String> seen = new ArrayList<>();
        for (double f : NUMBER_SIZES) {
            if (budget.spent()) break;
            double k2 = k * f;
            GrayImage crop2 = CellCrop.padded(image, ink.box(), (int) Math.round(pad * k2), lv.lift(), k2);
            OcrResult r = call(engine, crop2, OcrMode.NUMBER, OcrScript.LATIN, k2, budget);
            String d = withUnit(CellNumbers.clean(textOf(r)), unit);
            String rep = withUnit(repeatedReading(engine, crop2, k2, budget), unit);
            for (String x : List.of(d, rep)) if (CellNumbers.isNumber(x) && !seen.contains(x)) seen.add(x);
            // (a size whose readings agree on a figure with a digit dropped settles nothing: the next is tried)
            if (sure == null && CellNumbers.isNumber(d) && d.equals(rep) && r.confidence() >= 50 && !dropsDigit(d, pieces)) {
                sure = new Ballot(d, 1 + REPEATED_WEIGHT);
            }
        }
        return new OtherSizes(sure, seen);
    }

    /** Alternatives with the figures other sizes read appended (none twice, never the cell's own text). */
    private static List<String> withOthers(List<String> alternatives, List<String> others, String text) {
        if (others.isEmpty()) return alternatives;
        List<String> out = new ArrayList<>(alternatives);
        for (String o : others) if (!o.equals(text) && !out.contains(o)) out.add(o);
        return out;
    }

    private static String withUnit(String reading, String unit) {
        return CellNumbers.isNumber(reading) && !CellNumbers.UNIT.matcher(reading).find() ? reading + unit : reading;
    }

    /** The weight behind the leading number among the ballots (0 when none is a number). */
    static double support(List<Ballot> ballots) {
        java.util.Map<String, Double> votes = new java.util.HashMap<>();
        double best = 0;
        for (Ballot b : ballots) {
            if (!CellNumbers.isNumber(b.text())) continue;
            best = Math.max(best, votes.merge(b.text(), b.weight(), Double::sum));
        }
        return best;
    }

    /** Whether every ballot that is a number says the same (then no later vote can change the cell). */
    static boolean unanimous(List<Ballot> ballots) {
        String seen = null;
        for (Ballot b : ballots) {
            if (!CellNumbers.isNumber(b.text())) continue;
            if (seen != null && !seen.equals(b.text())) return false;
            seen = b.text();
        }
        return true;
    }

    /** The ballots with the shape reading in third place (ties go to the earlier ballot). */
    static Ballot[] withShape(List<Ballot> ballots, String shape) {
        List<Ballot> all = new ArrayList<>(ballots);
        all.add(Math.min(2, all.size()), new Ballot(shape, SHAPE_WEIGHT));
        return all.toArray(new Ballot[0]);
    }

    /**
     * Whether a number cell's voted figure stands against its Chinese reading {@code chinese} (tidied:
     * {@code label}). A known label stands (a header the first reading took for a number); so does a
     * reading of two or more Chinese letters unless the figure is sure (three copies alike, the table's own
     * digits, or two readings): a lone 1 the Chinese model reads as 总区和 is junk, not a label.
     */
    static boolean numberStands(String chinese, String label, double support) {
        if (CellLexicon.known(label) || CellLexicon.byLetters(label) != null) return false;
        return CellNumbers.han(chinese.replaceAll("万元|元", "")) < 2 || support >= REPEATED_WEIGHT;
    }

    /** A number cell's ballots without the shape reading, kept to be cast again once the table's digits are learnt. */
    record PendingVote(List<Ballot> ballots, String unit) { }

    /** Number cells read before the table's digits were learnt, by box, for {@link #revote}. */
    private final java.util.Map<Box, PendingVote> pendingVotes = new java.util.HashMap<>();

    /**
     * The vote of a number cell cast again with the table's own digits, now that all of its figures were
     * read (a 5 read as 9 by most passes before any 5 was learnt); null when the shapes give no figure
     * or the outcome is the same.
     */
    Reading revote(Cell c) {
        PendingVote p = c.box() == null ? null : pendingVotes.get(c.box());
        if (p == null) return null;
        DigitShapes.Match m = shapeReading(c.box());
        if (m == null) return null;
        List<String> all = vote(withShape(p.ballots(), m.text() + p.unit()));
        if (all.isEmpty() || all.get(0).equals(c.text())) return null;
        return new Reading(all.get(0), all.subList(1, all.size()), c.confidence());
    }

    /** Wrapped lines of a text cell set end to end are read as one line when there are at most this many. */
    static final int MAX_WRAPPED = 6;

    /**
     * The lines of a wrapped text cell set end to end and read as one line, when that reading is a known
     * label ({@link CellLexicon}, punctuation aside); null otherwise. A label wrapped in a narrow merged
     * cell ({@code （四）无法提供} over {@code 供}) read as a block loses its short last line and its
     * bracket ({@code 法提}, {@code （站）昌其他处}): the block reader takes a one-character line for noise
     * and a two-line cell of thin strokes for a picture. End to end it is an ordinary line of text.
     */
    private Reading wrappedAsOneLine(OcrEngine engine, List<int[]> lines, int pad, int lift, ReadingBudget budget) throws OcrException {
        int gap = Math.max(2, (int) Math.round(charHeight * 0.25));
        GrayImage strip = CellCrop.sideBySide(image, lines, gap, 0, lift);
        double k = CellCrop.enlargement(maxHeight(lines));
        GrayImage big = CellCrop.padded(strip, new Rectangle(0, 0, strip.width(), strip.height()), (int) Math.round(pad * k), 256, k);
        OcrResult r = call(engine, big, OcrMode.LINE, k, budget);
        String t = tidy(textOf(r));
        if (CellLexicon.known(t)) return new Reading(t, List.of(), r.confidence());
        String label = CellLexicon.byLetters(t);
        return label == null ? null : new Reading(label, List.of(), r.confidence());
    }

    /** Whether a single band is more than {@link #TALL_LINE} character heights high. */
    boolean tallerThanALine(List<int[]> lines) {
        return lines.size() == 1 && lines.get(0)[1] - lines.get(0)[0] + 1 > TALL_LINE * charHeight;
    }

    /** A band of ink this many character heights high holds more than one line of text. */
    static final double TALL_LINE = 1.7;

    /** Tallest of the lines (bands {top, bottom, ...}). */
    static double maxHeight(List<int[]> lines) {
        double h = 0;
        for (int[] l : lines) h = Math.max(h, l[1] - l[0] + 1);
        return h;
    }

    /**
     * A text cell's reading with its punctuation made the known label's when every letter of it is that
     * label's and only marks differ (a vertical label's small 、 lost, a bracket half read, a speck read
     * as 。); the reading as it came is kept as the alternative.
     */
    static Reading punctuated(String reading, double confidence) {
        if (CellLexicon.known(reading)) return new Reading(reading, List.of(), confidence);
        String label = CellLexicon.byLetters(reading);
        if (label == null || label.equals(reading)) return new Reading(reading, List.of(), confidence);
        return new Reading(label, List.of(reading), confidence);
    }

    /** One reading of a number cell and how much it counts in the vote. */
    record Ballot(String text, double weight) {
        /** A reading by the engine: an unsure one (confidence under 50) counts half. */
        static Ballot of(String text, double confidence) {
            return new Ballot(text, confidence >= 50 ? 1 : 0.5);
        }
    }

    /**
     * The numbers among the readings of a cell — English model digits-only, Chinese model digits-only,
     * Chinese model, page — most weight first, ties in that order (the first is the most reliable alone).
     */
    static List<String> vote(Ballot... ballots) {
        List<String> order = new ArrayList<>();
        java.util.Map<String, Double> votes = new java.util.HashMap<>();
        for (Ballot b : ballots) {
            if (!CellNumbers.isNumber(b.text())) continue;
            if (!votes.containsKey(b.text())) order.add(b.text());
            votes.merge(b.text(), b.weight(), Double::sum);
        }
        List<String> sorted = new ArrayList<>(order);
        sorted.sort((a, b) -> Double.compare(votes.get(b), votes.get(a))); // stable: ties keep their order
        return sorted;
    }

    /** Sizes (relative to the usual enlargement) a suspect number cell is read again at. */
    static final double[] OTHER_SIZES = {0.7, 1.4};

    /**
     * Other readings of a one-line number cell that an identity puts in doubt, with preprocessing the
     * first reading did not use: the figure repeated at other sizes, and made black and white at the
     * midpoint between its ink and its paper (a grey digit's thin strokes and a bilevel scan's ragged
     * ones come out otherwise). Only readings that are numbers, most likely first; the cell's unit (万元)
     * is carried over. Empty when the cell holds no one-line figure.
     */
    List<String> moreReadings(OcrEngine engine, Box box, String text, ReadingBudget budget) throws OcrException {
        Rectangle area = CellCrop.inner(box.x(), box.y(), box.width(), box.height(), inset);
        if (area == null) return List.of();
        CellLevels lv = levels(area);
        CellInk.Ink ink = CellInk.measure(image, area, lv.threshold(), scale, charHeight);
        if (ink.blank()) return List.of();
        List<int[]> lines = CellInk.textLines(ink.lines(), charHeight);
        if (lines.size() != 1) return List.of();
        String unit = unitOf(text);
        int pad = Math.max(6, (int) Math.round(PAD * scale));
        double k = CellCrop.enlargement(medianHeight(lines));
        List<String> out = new ArrayList<>();
        // the figure read from the shapes of the table's own digits (a 0 with a blob in its hole, read
        // as 8 in every mode, is still most like the table's other 0s)
        List<DigitShapes.Glyph> g = glyphs(ink);
        DigitShapes.Match m = g == null ? null : shapes.read(g);
        if (m != null) addNumber(out, m.text(), unit);
        GrayImage figure = figureOnly(ink, pad, k, lv.lift());
        GrayImage crop = figure != null ? figure : CellCrop.padded(image, ink.box(), (int) Math.round(pad * k), lv.lift(), k);
        GrayImage bw = CellCrop.blackAndWhite(crop);
        String r = repeatedReading(engine, bw, k, budget);
        addNumber(out, r, unit);
        addNumber(out, CellNumbers.clean(textOf(call(engine, bw, OcrMode.NUMBER, OcrScript.LATIN, k, budget))), unit);
        for (double f : OTHER_SIZES) {
            double k2 = k * f;
            GrayImage other = CellCrop.padded(image, ink.box(), (int) Math.round(pad * k2), lv.lift(), k2);
            addNumber(out, repeatedReading(engine, other, k2, budget), unit);
        }
        return out;
    }

    private static void addNumber(List<String> out, String reading, String unit) {
        if (!CellNumbers.isNumber(reading)) return;
        String r = CellNumbers.UNIT.matcher(reading).find() ? reading : reading + unit;
        if (!out.contains(r)) out.add(r);
    }

    /**
     * The figure of a number cell's cut-out read as {@link #COPIES} copies side by side (English model,
     * digits only, one line): the figure when the copies came back alike, else "".
     */
    String repeatedReading(OcrEngine engine, GrayImage crop, double k, ReadingBudget budget) throws OcrException {
        OcrResult r = call(engine, CellCrop.repeated(crop, COPIES, 0), OcrMode.DIGITS, OcrScript.LATIN, k, budget);
        return CellNumbers.repeated(textOf(r), COPIES);
    }

    /**
     * The cut-out of a one-line number cell with only its figure's pieces ({@link CellInk#figure}) on
     * white paper, enlarged {@code k} times; null when every piece belongs to the figure.
     */
    GrayImage figureOnly(CellInk.Ink ink, int pad, double k, int lift) {
        List<Rectangle> boxes = new ArrayList<>();
        for (CellInk.Piece p : ink.pieces()) boxes.add(p.box());
        return onlyPieces(ink, CellInk.figure(boxes), pad, k, lift);
    }

    /**
     * The cut-out of a text cell with only its pieces of ink at least a fifth of a character across: the
     * letters without marks and specks (a speck after a bracket read as 多了: （一多了予以公开). Null when
     * nothing was left out.
     */
    GrayImage withoutMarks(CellInk.Ink ink, int pad, double k, int lift) {
        boolean[] keep = new boolean[ink.pieces().size()];
        double small = charHeight * 0.2;
        for (int i = 0; i < keep.length; i++) {
            Rectangle b = ink.pieces().get(i).box();
            keep[i] = b.width > small || b.height > small;
        }
        return onlyPieces(ink, keep, pad, k, lift);
    }

    /** The cut-out with only the kept pieces on white paper, enlarged {@code k} times; null when all are kept. */
    private GrayImage onlyPieces(CellInk.Ink ink, boolean[] keep, int pad, double k, int lift) {
        Rectangle box = null;
        boolean dropped = false;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) {
                dropped = true;
                continue;
            }
            box = box == null ? new Rectangle(ink.pieces().get(i).box()) : box.union(ink.pieces().get(i).box());
        }
        if (!dropped || box == null) return null;
        // the kept pieces' pixels and their grey edges on white: everything else in the box is paper
        byte[] px = new byte[box.width * box.height];
        java.util.Arrays.fill(px, (byte) 255);
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) continue;
            for (int p : ink.pieces().get(i).pixels()) {
                int x = p % image.width();
                int y = p / image.width();
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx - box.x;
                        int yy = y + dy - box.y;
                        if (xx < 0 || yy < 0 || xx >= box.width || yy >= box.height) continue;
                        if (x + dx >= image.width() || y + dy >= image.height()) continue;
                        px[yy * box.width + xx] = (byte) image.get(x + dx, y + dy);
                    }
                }
            }
        }
        GrayImage alone = new GrayImage(box.width, box.height, px);
        return CellCrop.padded(alone, new Rectangle(0, 0, box.width, box.height), (int) Math.round(pad * k), lift, k);
    }

    /** Whether a page reading carries a unit the digits-only readings cannot (money: 万元). */
    private static boolean hasUnitRoom(String page) {
        return CellNumbers.UNIT.matcher(page).find();
    }

    /** The other reading as an alternative when it is a number and differs from the chosen one. */
    private static List<String> otherNumbers(String chosen, String other) {
        return CellNumbers.isNumber(other) && !other.equals(chosen) ? List.of(other) : List.of();
    }

    /** Unweighted: every reading counts once. */
    static List<String> vote(String... readings) {
        Ballot[] b = new Ballot[readings.length];
        for (int i = 0; i < readings.length; i++) b[i] = new Ballot(readings[i], 1);
        return vote(b);
    }

    /** Median height of the lines (bands {top, bottom, ...}). */
    static double medianHeight(List<int[]> lines) {
        if (lines.isEmpty()) return 0;
        double[] hs = new double[lines.size()];
        for (int i = 0; i < hs.length; i++) hs[i] = lines.get(i)[1] - lines.get(i)[0] + 1;
        java.util.Arrays.sort(hs);
        return hs[hs.length / 2];
    }

    private static String unitOf(String reading) {
        java.util.regex.Matcher m = CellNumbers.UNIT.matcher(reading);
        return m.find() ? m.group(1) : "";
    }

    private OcrResult call(OcrEngine engine, GrayImage crop, OcrMode mode, double enlarged, ReadingBudget budget) throws OcrException {
        return call(engine, crop, mode, script, enlarged, budget);
    }

    private OcrResult call(OcrEngine engine, GrayImage crop, OcrMode mode, OcrScript model, double enlarged, ReadingBudget budget)
            throws OcrException {
        long left = budget.take(CELL_MILLIS);
        calls++;
        OcrResult r = engine.read(crop, null, mode, new OcrOptions((int) Math.round(dpi * enlarged), model, left));
        if (DEBUG_DIR != null) debugDump(crop, mode, r);
        return r;
    }

    /**
     * An opening mark without its partner where a round bracket closes unopened (（二）部分公开《区分…）)
     * is the model's reading of a round bracket; likewise a closing mark without its partner.
     */
    static String roundBrackets(String t) {
        String opens = "〈《【〔[";
        String closes = "〉》】〕]";
        StringBuilder sb = new StringBuilder(t);
        for (int i = 0; i < sb.length(); i++) {
            int o = opens.indexOf(sb.charAt(i));
            if (o >= 0 && t.indexOf(closes.charAt(o)) < 0 && closing(sb) > opening(sb)) sb.setCharAt(i, '（');
            int c = closes.indexOf(sb.charAt(i));
            if (c >= 0 && t.indexOf(opens.charAt(c)) < 0 && opening(sb) > closing(sb)) sb.setCharAt(i, '）');
        }
        return sb.toString();
    }

    private static int opening(CharSequence s) {
        return count(s, '（') + count(s, '(');
    }

    private static int closing(CharSequence s) {
        return count(s, '）') + count(s, ')');
    }

    private static int count(CharSequence s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /** The levels parting ink from paper in a cell's area: the page's, moved down where the cell lies in shade. */
    CellLevels levels(Rectangle area) {
        return cellLevels ? CellLevels.of(image, area, threshold, lift, pagePaper) : new CellLevels(threshold, lift);
    }

    /** Developer aid: {@code -Dnianbao.debug.cells=DIR} writes every cut-out with its reading there. */
    private static final String DEBUG_DIR = System.getProperty("nianbao.debug.cells");
    private static final java.util.concurrent.atomic.AtomicInteger DEBUG_SEQ = new java.util.concurrent.atomic.AtomicInteger();

    private void debugDump(GrayImage crop, OcrMode mode, OcrResult r) {
        try {
            java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(crop.width(), crop.height(), java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
            bi.getRaster().setDataElements(0, 0, crop.width(), crop.height(), crop.pixels());
            String name = String.format("%05d-%s-%s.png", DEBUG_SEQ.incrementAndGet(), mode, textOf(r).replaceAll("[/\\\\\\s]", "_"));
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(DEBUG_DIR));
            javax.imageio.ImageIO.write(bi, "png", java.nio.file.Path.of(DEBUG_DIR, name).toFile());
        } catch (java.io.IOException | RuntimeException e) {
            // a developer aid only
        }
    }

    /** Developer aid: the cell's area as the ink was measured in, named by whether it was blank. */
    private void debugArea(Rectangle area, CellInk.Ink ink, CellLevels lv) {
        try {
            GrayImage crop = image.crop(area.intersection(new Rectangle(0, 0, image.width(), image.height())));
            java.awt.image.BufferedImage bi = crop.toBufferedImage();
            String name = String.format("%05d-area-%s-ink%d-t%d-l%d.png", DEBUG_SEQ.incrementAndGet(), ink.blank() ? "blank" : "ink", ink.ink(), lv.threshold(), lv.lift());
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(DEBUG_DIR));
            javax.imageio.ImageIO.write(bi, "png", java.nio.file.Path.of(DEBUG_DIR, name).toFile());
        } catch (java.io.IOException | RuntimeException e) {
            // a developer aid only
        }
    }

    /** The reading's lines joined as one cell text (wrapped lines of a cell belong together). */
    static String textOf(OcrResult r) {
        StringBuilder sb = new StringBuilder();
        for (Line l : r.lines()) {
            String t = l.text().strip();
            if (t.isEmpty()) continue;
            if (sb.length() > 0) {
                int before = sb.codePointBefore(sb.length());
                int after = t.codePointAt(0);
                if (!org.nianbao.ingest.ocr.CjkSpacing.isWide(before) && !org.nianbao.ingest.ocr.CjkSpacing.isWide(after)
                        && Character.isLetterOrDigit(before) && Character.isLetterOrDigit(after)) sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    /**
     * A text cell's reading tidied: marks a rule leaves at its ends ({@code |}, {@code ]}, {@code 丨}) and
     * specks read as punctuation at its start go (no cell starts with {@code ，} or {@code 。}); Chinese
     * punctuation as on the page ({@link OcrPunctuation}); {@code 三\本} is {@code 三、本}; a lone
     * {@code 〈} or {@code 〉} is the model's reading of a round bracket.
     */
    static String tidy(String s) {
        String t = s.strip().replaceAll("^[|丨\\[\\]_，。、,.·'`:：;；*•\\s]+|[|丨\\[\\]_，、,'`*•·\\-\\s]+$", "");
        t = t.replaceAll("(?<=\\p{IsHan})\\\\(?=\\p{IsHan})", "、");
        t = OcrPunctuation.fix(t);
        t = roundBrackets(t);
        // "1 .属于" → "1.属于": an enumerator's full stop sits right after its digit
        t = t.replaceAll("^([0-9]{1,2})\\s+([.、．])", "$1$2");
        return t.strip();
    }
}
