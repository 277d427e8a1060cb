package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

/**
 * Second reading of text lines that hold a Chinese word read with almost no confidence. On clean
 * 300 dpi scans the page segmentation sometimes leaves part of the first character of a line out
 * of the line (the 亻 of 信 at the left margin: "信息" read as "言恩", confidence 3) or splits a
 * character across words; read as a single line (PSM 7) across the whole text column, the line
 * usually comes out right. The new reading replaces the line only when it is as long, keeps its
 * Chinese, and is clearly more confident (on average, or at its weakest word) — measured on generated full-report scans (scripts/eval).
 *
 * <p>Ink in the line's band that no word covers (text the segmentation left out: the 亻 of a 信 at
 * the margin, a phrase dropped from the middle) also sends the line to a second reading, which is kept
 * when it recovers Chinese without losing confidence.
 *
 * <p>A line box as high as two lines (the segmentation grew a line's box into its neighbour and lost
 * the start of the line, or read it as look-alikes) is read again on its own rows — those no other line
 * covers — and replaced by what is found there when that is a better reading (measured on generated
 * full-report scans, scan300-png: 15 of 26 edits came from two such boxes).
 *
 * <p>Table rows (words far apart) are left alone: cells are re-read by the table code. The band is
 * cut out of the page and sent alone, so a re-read costs a line's worth of pixels, not a page's.
 */
final class WeakWordReread {
    /** A Chinese word below this confidence marks its line for a second reading. */
    static final double WEAK = 20;
    /**
     * A line needs this many Chinese characters to be judged weak. Three, not six: a short heading or the
     * last line of a paragraph ((二)改进情况 read as 一)改进情史, 形式。 as 形鸭。) is worth a line's read too;
     * a table cell's text re-read across the column comes back too long to be taken.
     */
    static final int SHORT_WEAK = 3;
    /** The new reading must be this much more confident on average (0..100). */
    static final double GAIN = 3;
    /** ... or its weakest word this much more confident, the average not lower. */
    static final double MIN_GAIN = 20;
    /** ... or, losing one Chinese character, this much more confident on average (its weakest word by MIN_GAIN). */
    static final double FAR_GAIN = 10;
    /** A reading that leaves out only the weak words may be this much less confident than the words it keeps. */
    static final double DROP_SLACK = 5;
    /** A reading that only adds what was left out (or mends the first character) is kept from this mean confidence. */
    static final double MIN_RECOVERED_CONFIDENCE = 60;
    /** A weak Chinese word this many text-line heights wide per character is a smear, not a character ({@link #smeared}). */
    static final double SMEAR_WIDTH = 2.5;
    /** ... or this many text-line heights high. */
    static final double SMEAR_HEIGHT = 1.6;
    /** Characters read at least this confidently (and of about a line's height) place a smeared line's rows. */
    static final double CORE_CONFIDENCE = 50;
    /** A line box this many times the page's median line height holds two lines. */
    static final double TALL = 1.8;
    /** Uncovered ink over this many line heights of columns marks a line that left text out. */
    static final double MISSED_INK = 0.04;
    /** ... for a line whose words stand as far apart as table cells: a character's worth. */
    static final double ROW_MISSED_INK = 1.0;
    /** Darker than this is ink (prepared pages: paper near white, ink near black). */
    static final int INK = 128;
    /** Lines re-read per page at most: a page full of weak words is a bad scan, not a segmentation slip. */
    static final int MAX_LINES = 12;

    private WeakWordReread() { }

    static OcrResult apply(OcrEngine engine, GrayImage image, OcrResult r, OcrOptions options) throws OcrException {
        List<Line> all = r.lines();
        LineReread.TextColumn column = LineReread.TextColumn.ofChinesePage(all);
        if (column == null) return r; // judged by Chinese words only
        double left = column.left();
        double right = column.right();
        double medianHeight = medianTextHeight(all);
        List<OcrResult.Paragraph> out = new ArrayList<>();
        boolean changed = false;
        int budget = MAX_LINES;
        int index = 0;
        for (OcrResult.Paragraph p : r.paragraphs()) {
            List<Line> lines = new ArrayList<>();
            for (Line l : p.lines()) {
                // the line above as it now stands: a tall line replaced by its own rows no longer reaches into this one
                Line prev = !lines.isEmpty() ? lines.get(lines.size() - 1)
                        : !out.isEmpty() ? out.get(out.size() - 1).lines().get(out.get(out.size() - 1).lines().size() - 1) : null;
                Line next = index + 1 < all.size() ? all.get(index + 1) : null;
                index++;
                if (budget > 0 && tall(l, medianHeight)) {
                    budget--;
                    List<Line> split = readTall(engine, image, l, all, left, right, medianHeight, options);
                    if (RereadLog.on()) RereadLog.note("tall", l, split == null || split.isEmpty() ? null : split.get(0), split != null);
                    if (split != null) {
                        lines.addAll(split);
                        changed = true;
                        continue;
                    }
                }
                boolean missed = budget > 0 && missedText(image, l, left, right);
                // a smear read as one character hides the text around it, and its gaps make the line look like
                // a table row; among lines of running text it is a line to read again all the same
                boolean smeared = budget > 0 && smeared(l, medianHeight) && (runningText(prev) || runningText(next));
                if (budget <= 0 || !missed && !weak(l) && !smeared) {
                    lines.add(l);
                    continue;
                }
                budget--;
                Line again = readBand(engine, image, l, prev, next, left, right, options);
                String kind = missed ? (weak(l) ? "missed+weak" : "missed") : smeared ? "smeared" : "weak";
                if (again != null && (missed && recovers(again, l) || smeared && recoversSmear(again, l, medianHeight))) {
                    if (RereadLog.on()) RereadLog.note(kind + ":recovers", l, again, true);
                    lines.add(again);
                    changed = true;
                    continue;
                }
                if (smeared) {
                    // the smear's box reaches into the lines around it, and so does the band cut from it: read
                    // only the rows of the line's well-read characters
                    Line core = readCore(engine, image, l, left, right, medianHeight, options);
                    if (core != null && recoversSmear(core, l, medianHeight)) {
                        if (RereadLog.on()) RereadLog.note("smeared:core", l, core, true);
                        lines.add(core);
                        changed = true;
                        continue;
                    }
                }
                // a row-like line re-read only for its smear is taken only when the smear's text comes back (above)
                if (again != null && (missed || weak(l)) && better(again, l)) {
                    if (RereadLog.on()) RereadLog.note(kind + ":better", l, again, true);
                    lines.add(again);
                    changed = true;
                    continue;
                }
                if (RereadLog.on()) RereadLog.note(kind, l, again, false);
                lines.add(l);
            }
            if (!lines.isEmpty()) out.add(new OcrResult.Paragraph(lines));
        }
        return changed ? new OcrResult(out, r.confidence(), r.millis()) : r;
    }

    /**
     * A line that left text out: ink in its band that its words do not cover. A line whose words stand far
     * apart looks like a table row; it counts only when a gap holds a whole character's worth of ink (the
     * gaps of a real row are blank: a phrase dropped from running text is not).
     */
    static boolean missedText(GrayImage image, Line l, double left, double right) {
        int han = hanCount(l.text());
        if (han < 2) return false;
        boolean row = LineParagraphs.isRow(l);
        if (row && han < 6) return false;
        return uncoveredInk(image, l, left, right) >= (row ? ROW_MISSED_INK : MISSED_INK) * l.box().height();
    }

    /**
     * A line holding a Chinese "character" read at almost no confidence from something no character is
     * the size of: wider than {@link #SMEAR_WIDTH} or taller than {@link #SMEAR_HEIGHT} times the page's text
     * line. The layout took a stretch of the line and a speck just below it for one blob; the
     * text under it is lost (seed 89: 确保依申请公开工作依法有序开展 read as 站人导, 明确各科室工作职责，落 as 及).
     */
    static boolean smeared(Line l, double medianHeight) {
        if (medianHeight <= 0 || hanCount(l.text()) < 2) return false;
        for (Word w : l.words()) {
            int han = hanCount(w.text());
            if (han == 0 || w.confidence() >= WEAK) continue;
            if (tooWide(w, han, medianHeight) || w.box().height() > SMEAR_HEIGHT * medianHeight) return true;
        }
        return false;
    }

    /** A word wider than {@link #SMEAR_WIDTH} text-line heights for each of its {@code han} characters. */
    private static boolean tooWide(Word w, int han, double medianHeight) {
        return w.box().width() > SMEAR_WIDTH * medianHeight * han;
    }

    /**
     * A reading of a smeared line that brings back the text under the smear: more Chinese, clearly more
     * confident and confident enough on its own, with at most one weak character and no smear across of its
     * own (a line read alone comes back with boxes as high as its band, so height says nothing there). How
     * much more is bounded only by the band it was read from (a 254-pixel smear on 61-pixel lines hid 13
     * characters).
     */
    static boolean recoversSmear(Line again, Line old, double medianHeight) {
        double mean1 = meanConfidence(again);
        if (hanCount(again.text()) <= hanCount(old.text()) || mean1 < meanConfidence(old) + FAR_GAIN
                || mean1 < MIN_RECOVERED_CONFIDENCE) return false;
        int weak = 0;
        for (Word w : again.words()) {
            int han = hanCount(w.text());
            if (han == 0 || w.confidence() >= WEAK) continue;
            weak += han;
            if (weak > 1 || tooWide(w, han, medianHeight)) return false;
        }
        return true;
    }

    /** A line of running Chinese text: enough of it, words close together. */
    static boolean runningText(Line l) {
        return l != null && hanCount(l.text()) >= 6 && !LineParagraphs.isRow(l);
    }

    /** A line of running Chinese text (not a table row) with a Chinese word read at almost no confidence. */
    static boolean weak(Line l) {
        if (hanCount(l.text()) < SHORT_WEAK || LineParagraphs.isRow(l)) return false;
        for (Word w : l.words()) {
            if (w.confidence() < WEAK && hanCount(w.text()) > 0) return true;
        }
        return false;
    }

    /**
     * A line of running Chinese text whose box is as high as two lines: the segmentation took two
     * lines for one and read only part of them (the start of the upper line is lost).
     */
    static boolean tall(Line l, double medianHeight) {
        return medianHeight > 0 && l.box().height() > TALL * medianHeight && hanCount(l.text()) >= 6 && !LineParagraphs.isRow(l);
    }

    /**
     * The tall line's own rows read again: the rows of its box that no other line covers (a box grown
     * into the line below or above holds a slice of that line, which makes the engine drop characters),
     * as a single line, or as a block when they are as high as two lines. Its reading replaces the line
     * when it holds clearly more Chinese at about the same confidence, or is a better reading of as much.
     */
    private static List<Line> readTall(OcrEngine engine, GrayImage image, Line l, List<Line> all, double left, double right,
                                       double medianHeight, OcrOptions options) throws OcrException {
        int[] rows = ownRows(l, all, 0.3 * medianHeight);
        if (rows == null || rows[1] - rows[0] < 0.6 * medianHeight) return null;
        Rectangle band = new Rectangle((int) Math.floor(Math.min(left, l.box().x())), rows[0],
                (int) Math.ceil(Math.max(right, l.box().right()) - Math.min(left, l.box().x())), rows[1] - rows[0]);
        boolean twoLines = band.height > TALL * medianHeight;
        OcrResult got = RegionCut.readBand(engine, image, band, twoLines ? OcrMode.BLOCK : OcrMode.LINE, options);
        if (got == null) return null;
        List<Line> lines = new ArrayList<>();
        int han = 0;
        double conf = 0;
        int words = 0;
        for (Line g : got.lines()) {
            for (Word w : g.words()) {
                conf += w.confidence();
                words++;
            }
            if (g.words().isEmpty()) continue;
            lines.add(g);
            han += hanCount(g.text());
        }
        if (words == 0) return null;
        if (lines.size() == 1 && (better(lines.get(0), l) || recovers(lines.get(0), l))) return lines;
        if (han < hanCount(l.text()) + 3) return null;
        return conf / words >= meanConfidence(l) - 5 ? lines : null;
    }

    /**
     * The longest run of rows of {@code l}'s box, widened by {@code pad} above and below (the engine reads a
     * line best with a margin), that no other line's box covers, as {top, bottom}; null when none. Other
     * lines count where they overlap {@code l} horizontally.
     */
    static int[] ownRows(Line l, List<Line> all, double pad) {
        int top = (int) Math.floor(l.box().y() - pad);
        int bottom = (int) Math.ceil(l.box().bottom() + pad);
        if (bottom <= top) return null;
        boolean[] covered = new boolean[bottom - top];
        for (Line o : all) {
            if (o == l) continue;
            Box b = o.box();
            if (b.right() <= l.box().x() || b.x() >= l.box().right()) continue;
            int y0 = (int) Math.max(top, Math.floor(b.y()));
            int y1 = (int) Math.min(bottom, Math.ceil(b.bottom()));
            for (int y = y0; y < y1; y++) covered[y - top] = true;
        }
        int bestTop = -1;
        int bestLen = 0;
        for (int y = 0; y < covered.length; ) {
            if (covered[y]) {
                y++;
                continue;
            }
            int start = y;
            while (y < covered.length && !covered[y]) y++;
            if (y - start > bestLen) {
                bestLen = y - start;
                bestTop = start;
            }
        }
        return bestLen == 0 ? null : new int[] {top + bestTop, top + bestTop + bestLen};
    }

    /** The median height of the running-text lines (not table rows, whose cells are often smaller type). */
    static double medianTextHeight(List<Line> lines) {
        List<Line> text = lines.stream().filter(l -> hanCount(l.text()) >= 6 && !LineParagraphs.isRow(l)).toList();
        return medianHeight(text.size() >= 3 ? text : lines);
    }

    private static double medianHeight(List<Line> lines) {
        double[] h = lines.stream().mapToDouble(l -> l.box().height()).sorted().toArray();
        return h.length == 0 ? 0 : h[h.length / 2];
    }

    /**
     * Columns of ink in the line's band (its middle three fifths, across the text column) that the
     * line's words do not cover: text the segmentation left out of the line — the 亻 of a 信 at the margin, a phrase
     * dropped from the middle.
     */
    static int uncoveredInk(GrayImage image, Line l, double left, double right) {
        double h = l.box().height();
        int y0 = (int) Math.max(0, Math.round(l.box().y() + h * 0.2));
        int y1 = (int) Math.min(image.height(), Math.round(l.box().bottom() - h * 0.2));
        int x0 = (int) Math.max(0, Math.floor(Math.min(left, l.box().x())));
        int x1 = (int) Math.min(image.width(), Math.ceil(Math.max(right, l.box().right())));
        if (y1 - y0 < 3 || x1 <= x0) return 0;
        // LSTM character boxes are approximate (a 60-pixel character may get a 28-pixel box), so the line
        // counts as covered from its first word to its last, except gaps between words wider than a line
        // height (where a phrase may have been dropped)
        boolean[] covered = new boolean[x1 - x0];
        double pad = h * 0.1;
        List<Word> ws = l.words();
        for (int i = 0; i < ws.size(); i++) {
            Box b = ws.get(i).box();
            double prevRight = i == 0 ? Double.NaN : ws.get(i - 1).box().right();
            double from = i > 0 && b.x() - prevRight <= h ? prevRight - pad : b.x() - pad;
            double to = b.right() + pad;
            int a = (int) Math.max(x0, Math.floor(from));
            int e = (int) Math.min(x1, Math.ceil(to));
            for (int x = a; x < e; x++) covered[x - x0] = true;
        }
        int columns = 0;
        byte[] px = image.pixels();
        int w = image.width();
        for (int x = x0; x < x1; x++) {
            if (covered[x - x0]) continue;
            int dark = 0;
            for (int y = y0; y < y1 && dark < 2; y++) if ((px[y * w + x] & 0xFF) < INK) dark++;
            if (dark >= 2) columns++;
        }
        return columns;
    }

    /**
     * A reading of a line that had ink left out: it holds more Chinese at about the same confidence, or
     * as much Chinese starting further left (the lost left part of the first character) at about the
     * same confidence; or, at a mean confidence of {@link #MIN_RECOVERED_CONFIDENCE} or more, it only adds
     * characters to what was read (a dropped phrase), or changes only the first character while starting
     * further left (言 read for a 信 whose 亻 was cut off).
     */
    static boolean recovers(Line again, Line old) {
        int han0 = hanCount(old.text());
        int han1 = hanCount(again.text());
        double mean0 = meanConfidence(old);
        double mean1 = meanConfidence(again);
        if (han1 > han0 && han1 <= han0 + 12 && mean1 >= mean0 - 5) return true;
        String t0 = old.text().replaceAll("\\s", "");
        String t1 = again.text().replaceAll("\\s", "");
        int n0 = t0.length();
        int n1 = t1.length();
        boolean furtherLeft = again.box().x() < old.box().x() - 0.2 * old.box().height();
        if (han1 == han0 && Math.abs(n1 - n0) <= 1 && furtherLeft && mean1 >= mean0 - 2) return true;
        if (mean1 < MIN_RECOVERED_CONFIDENCE) return false;
        // the same reading with characters added where the ink was left out, nothing read before changed
        // (a phrase dropped from the middle: its characters come back less confident than the rest)
        if (han1 > han0 && han1 <= han0 + 12 && isSubsequence(t0, t1)) return true;
        // only the first character changed, read from ink further left (the 亻 of 信 cut off at the margin: 言)
        return furtherLeft && n0 == n1 && n0 > 1 && t0.substring(t0.offsetByCodePoints(0, 1)).equals(t1.substring(t1.offsetByCodePoints(0, 1)));
    }

    /** Every character of {@code a} appears in {@code b}, in order. */
    static boolean isSubsequence(String a, String b) {
        int j = 0;
        for (int i = 0; i < b.length() && j < a.length(); i++) if (a.charAt(j) == b.charAt(i)) j++;
        return j == a.length();
    }

    /**
     * The new reading is as long (±2 characters: a punctuation mark the first reading missed or made up),
     * keeps the Chinese, and is clearly more confident.
     */
    static boolean better(Line again, Line old) {
        int n0 = old.text().replaceAll("\\s", "").length();
        int n1 = again.text().replaceAll("\\s", "").length();
        if (Math.abs(n1 - n0) > 2) return false;
        double mean0 = meanConfidence(old);
        double mean1 = meanConfidence(again);
        int lostHan = hanCount(old.text()) - hanCount(again.text());
        // a character read from nothing (a 人 from a stroke of the line below) is lost by a far more confident reading
        if (lostHan == 1 && mean1 >= mean0 + FAR_GAIN && minConfidence(again) >= minConfidence(old) + MIN_GAIN) return true;
        if (dropsOnlyWeakWords(again, old)) return true;
        if (lostHan > 0) return false;
        // clearly more confident overall, or the weak spot read well without the rest getting worse
        return mean1 >= mean0 + GAIN && minConfidence(again) >= minConfidence(old)
                || mean1 >= mean0 && minConfidence(again) >= minConfidence(old) + MIN_GAIN;
    }

    /**
     * The second reading is the first with its weak Chinese words (below {@link #WEAK}) left out and nothing
     * else changed, at about the confidence of the words both kept: a character the first reading made of
     * nothing (分类有要求, 和六、其他…, read at 0–17 between two well-read characters with no ink of its own)
     * that the same band read again as one line does not hold. Both readings are the engine's; a weak
     * character the second reading keeps, or a line that changes anywhere else, is judged by the rules above.
     */
    static boolean dropsOnlyWeakWords(Line again, Line old) {
        StringBuilder kept = new StringBuilder();
        double sum = 0;
        int n = 0;
        boolean dropped = false;
        for (Word w : old.words()) {
            if (w.confidence() < WEAK && hanCount(w.text()) > 0) {
                dropped = true;
                continue;
            }
            kept.append(w.text());
            int k = Math.max(1, w.text().codePointCount(0, w.text().length()));
            sum += w.confidence() * k;
            n += k;
        }
        if (!dropped || n == 0 || hanCount(kept.toString()) < SHORT_WEAK) return false;
        String t1 = again.text().replaceAll("\\s", "");
        return t1.equals(kept.toString().replaceAll("\\s", "")) && meanConfidence(again) >= sum / n - DROP_SLACK;
    }

    /**
     * Reads the rows of a smeared line's well-read characters (their tops to their bottoms, a quarter line
     * more each way) across the column, as a single line; boxes come back in the page's pixels. Null when
     * fewer than two characters are read well enough to place the line.
     */
    private static Line readCore(OcrEngine engine, GrayImage image, Line l, double left, double right,
                                 double medianHeight, OcrOptions options) throws OcrException {
        double top = Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        int n = 0;
        for (Word w : l.words()) {
            Box b = w.box();
            if (hanCount(w.text()) == 0 || w.confidence() < CORE_CONFIDENCE
                    || b.height() > 1.3 * medianHeight || b.height() < 0.5 * medianHeight) continue;
            top = Math.min(top, b.y());
            bottom = Math.max(bottom, b.bottom());
            n++;
        }
        if (n < 2) return null;
        double x0 = Math.min(left, l.box().x());
        double x1 = Math.max(right, l.box().right());
        Rectangle band = new Rectangle((int) Math.floor(x0), (int) Math.floor(top - 0.25 * medianHeight),
                (int) Math.ceil(x1 - x0), (int) Math.ceil(bottom - top + 0.5 * medianHeight));
        return asLine(RegionCut.readBand(engine, image, band, OcrMode.LINE, options));
    }

    /**
     * Reads the line's band (between its neighbours, across the column) as a single line; boxes come back
     * in the page's pixels.
     */
    private static Line readBand(OcrEngine engine, GrayImage image, Line l, Line prev, Line next, double left, double right,
                                 OcrOptions options) throws OcrException {
        double h = l.box().height();
        // up to the neighbours, but never into the line's own box: a neighbour whose box grew into this line
        // (two lines taken for one) would otherwise cut it in half
        double top = prev == null ? l.box().y() - h * 0.3 : Math.min(l.box().y(), Math.max(prev.box().bottom(), l.box().y() - h * 0.3));
        double bottom = next == null ? l.box().bottom() + h * 0.3 : Math.max(l.box().bottom(), Math.min(next.box().y(), l.box().bottom() + h * 0.3));
        Rectangle band = new Rectangle((int) Math.floor(Math.min(left, l.box().x())), (int) Math.floor(top),
                (int) Math.ceil(Math.max(right, l.box().right()) - Math.min(left, l.box().x())), (int) Math.ceil(bottom - top));
        return asLine(RegionCut.readBand(engine, image, band, OcrMode.LINE, options));
    }

    /** A band's reading as one line (its lines' words together), or null when nothing was read. */
    private static Line asLine(OcrResult got) {
        if (got == null) return null;
        List<Line> lines = got.lines();
        if (lines.isEmpty()) return null;
        List<Word> words = new ArrayList<>();
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Line g : lines) {
            for (Word w : g.words()) {
                Box b = w.box();
                words.add(w);
                x0 = Math.min(x0, b.x());
                y0 = Math.min(y0, b.y());
                x1 = Math.max(x1, b.right());
                y1 = Math.max(y1, b.bottom());
            }
        }
        if (words.isEmpty()) return null;
        Box box = new Box(x0, y0, x1 - x0, y1 - y0);
        double conf = 0;
        for (Line g : lines) conf += g.confidence();
        return new Line(CjkSpacing.joinWords(words, box.height()), box, conf / lines.size(), words);
    }


    private static double meanConfidence(Line l) {
        double sum = 0;
        int n = 0;
        for (Word w : l.words()) {
            int k = Math.max(1, w.text().codePointCount(0, w.text().length()));
            sum += w.confidence() * k;
            n += k;
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double minConfidence(Line l) {
        double min = 100;
        for (Word w : l.words()) min = Math.min(min, w.confidence());
        return min;
    }

    private static int hanCount(String s) {
        return org.nianbao.ingest.util.Han.count(s);
    }
}
