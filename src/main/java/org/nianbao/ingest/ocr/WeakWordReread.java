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
 * <p>A line box as high as two lines (the segmentation merged two lines and lost the start of the
 * upper one) is read again as a block and replaced by the lines found, when they hold more Chinese.
 *
 * <p>Table rows (words far apart) are left alone: cells are re-read by the table code. The band is
 * cut out of the page and sent alone, so a re-read costs a line's worth of pixels, not a page's.
 */
final class WeakWordReread {
    /** A Chinese word below this confidence marks its line for a second reading. */
    static final double WEAK = 20;
    /** The new reading must be this much more confident on average (0..100). */
    static final double GAIN = 3;
    /** ... or its weakest word this much more confident, the average not lower. */
    static final double MIN_GAIN = 20;
    /** ... or, losing one Chinese character, this much more confident on average (its weakest word by MIN_GAIN). */
    static final double FAR_GAIN = 10;
    /** A line box this many times the page's median line height holds two lines. */
    static final double TALL = 1.8;
    /** Uncovered ink over this many line heights of columns marks a line that left text out. */
    static final double MISSED_INK = 0.04;
    /** Darker than this is ink (prepared pages: paper near white, ink near black). */
    static final int INK = 128;
    /**
     * A weak line not mended by its second reading can be read once more enlarged by this factor
     * ({@code -Dnianbao.ocr.rescale=1.5}). Off (0) by default: on the generated full-report scans it
     * changed no character on any form (72 edits either way) and cost about 0.3 CPU s a page.
     */
    static final double RESCALE = Double.parseDouble(System.getProperty("nianbao.ocr.rescale", "0"));
    static final double WEAK_GAMMA = Double.parseDouble(System.getProperty("nianbao.ocr.weakGamma", "1"));
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
                Line prev = index > 0 ? all.get(index - 1) : null;
                Line next = index + 1 < all.size() ? all.get(index + 1) : null;
                index++;
                if (budget > 0 && tall(l, medianHeight)) {
                    budget--;
                    List<Line> split = readTall(engine, image, l, all, left, right, medianHeight, options);
                    if (split != null) {
                        lines.addAll(split);
                        changed = true;
                        continue;
                    }
                }
                boolean missed = budget > 0 && !LineParagraphs.isRow(l) && hanCount(l.text()) >= 2
                        && uncoveredInk(image, l, left, right) >= MISSED_INK * l.box().height();
                if (System.getProperty("nianbao.debug.weak") != null) System.err.println("LINE budget=" + budget + " missed=" + missed + " ink=" + uncoveredInk(image, l, left, right) + " weak=" + weak(l) + " " + l.text());
                if (budget <= 0 || !missed && !weak(l)) {
                    lines.add(l);
                    continue;
                }
                budget--;
                Line again = readBand(engine, image, l, prev, next, left, right, 1, options);
                if (missed && again != null && recovers(again, l)) {
                    lines.add(again);
                    changed = true;
                    continue;
                }
                if (again != null && better(again, l)) {
                    lines.add(again);
                    changed = true;
                    continue;
                }
                // the same pixels at another size: the model's reading of a look-alike (密 as 窖, 费 as 锅)
                // changes with the scale, and the right one is usually read with confidence
                Line scaled = weak(l) && RESCALE > 0 ? readBand(engine, image, l, prev, next, left, right, RESCALE, options) : null;
                if (scaled == null && weak(l) && WEAK_GAMMA != 1) scaled = readBand(engine, image, l, prev, next, left, right, 1, WEAK_GAMMA, options);
                if (System.getProperty("nianbao.debug.weak") != null) System.err.println("WEAK " + l.text() + " | again=" + (again == null ? null : again.text()) + " | toned=" + (scaled == null ? null : scaled.text() + " " + meanConfidence(scaled) + "/" + minConfidence(scaled)) + " old " + meanConfidence(l) + "/" + minConfidence(l));
                if (scaled != null && better(scaled, l) && commonAsBefore(scaled, l)) {
                    lines.add(scaled);
                    changed = true;
                } else {
                    lines.add(l);
                }
            }
            if (!lines.isEmpty()) out.add(new OcrResult.Paragraph(lines));
        }
        return changed ? new OcrResult(out, r.confidence(), r.millis()) : r;
    }

    /** A line of running Chinese text (not a table row) with a Chinese word read at almost no confidence. */
    static boolean weak(Line l) {
        if (hanCount(l.text()) < 6 || LineParagraphs.isRow(l)) return false;
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
                (int) Math.ceil(Math.max(right, l.box().right()) - Math.min(left, l.box().x())), rows[1] - rows[0])
                .intersection(new Rectangle(0, 0, image.width(), image.height()));
        if (band.isEmpty() || band.height < 8 || band.width < 8) return null;
        boolean twoLines = band.height > TALL * medianHeight;
        OcrResult got = engine.read(image.crop(band), null, twoLines ? OcrMode.BLOCK : OcrMode.LINE, options).moved(1, band.x, band.y);
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
        if (System.getProperty("nianbao.debug.weak") != null) System.err.println("TALL " + l.text() + " " + l.box() + " rows " + rows[0] + ".." + rows[1] + " -> " + lines.stream().map(x -> x.text() + "@" + meanConfidence(x) + "/" + minConfidence(x)).toList() + " vs " + meanConfidence(l) + "/" + minConfidence(l));
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
     * same confidence.
     */
    static boolean recovers(Line again, Line old) {
        int han0 = hanCount(old.text());
        int han1 = hanCount(again.text());
        double mean0 = meanConfidence(old);
        double mean1 = meanConfidence(again);
        if (han1 > han0 && han1 <= han0 + 12 && mean1 >= mean0 - 5) return true;
        int n0 = old.text().replaceAll("\\s", "").length();
        int n1 = again.text().replaceAll("\\s", "").length();
        return han1 == han0 && Math.abs(n1 - n0) <= 1 && again.box().x() < old.box().x() - 0.2 * old.box().height()
                && mean1 >= mean0 - 2;
    }

    /** The new reading is as long (±1 character), keeps the Chinese, and is clearly more confident. */
    static boolean better(Line again, Line old) {
        int n0 = old.text().replaceAll("\\s", "").length();
        int n1 = again.text().replaceAll("\\s", "").length();
        if (Math.abs(n1 - n0) > 1) return false;
        double mean0 = meanConfidence(old);
        double mean1 = meanConfidence(again);
        int lostHan = hanCount(old.text()) - hanCount(again.text());
        // a character read from nothing (a 人 from a stroke of the line below) is lost by a far more confident reading
        if (lostHan == 1 && mean1 >= mean0 + FAR_GAIN && minConfidence(again) >= minConfidence(old) + MIN_GAIN) return true;
        if (lostHan > 0) return false;
        // clearly more confident overall, or the weak spot read well without the rest getting worse
        return mean1 >= mean0 + GAIN && minConfidence(again) >= minConfidence(old)
                || mean1 >= mean0 && minConfidence(again) >= minConfidence(old) + MIN_GAIN;
    }

    /**
     * Reads the line's band (between its neighbours, across the column) as a single line, the band
     * enlarged by {@code scale} first when it is not 1; boxes come back in the page's pixels.
     */
    private static Line readBand(OcrEngine engine, GrayImage image, Line l, Line prev, Line next, double left, double right,
                                 double scale, OcrOptions options) throws OcrException {
        return readBand(engine, image, l, prev, next, left, right, scale, 1, options);
    }

    private static Line readBand(OcrEngine engine, GrayImage image, Line l, Line prev, Line next, double left, double right,
                                 double scale, double gamma, OcrOptions options) throws OcrException {
        double h = l.box().height();
        // up to the neighbours, but never into the line's own box: a neighbour whose box grew into this line
        // (two lines taken for one) would otherwise cut it in half
        double top = prev == null ? l.box().y() - h * 0.3 : Math.min(l.box().y(), Math.max(prev.box().bottom(), l.box().y() - h * 0.3));
        double bottom = next == null ? l.box().bottom() + h * 0.3 : Math.max(l.box().bottom(), Math.min(next.box().y(), l.box().bottom() + h * 0.3));
        Rectangle band = new Rectangle((int) Math.floor(Math.min(left, l.box().x())), (int) Math.floor(top),
                (int) Math.ceil(Math.max(right, l.box().right()) - Math.min(left, l.box().x())), (int) Math.ceil(bottom - top))
                .intersection(new Rectangle(0, 0, image.width(), image.height()));
        if (band.isEmpty() || band.height < 8 || band.width < 8) return null;
        GrayImage crop = image.crop(band);
        if (scale != 1) crop = org.nianbao.ingest.ocr.prep.Transforms.scale(crop, scale).image();
        if (gamma != 1) crop = org.nianbao.ingest.ocr.prep.Tone.gamma(crop, gamma);
        OcrResult got = engine.read(crop, null, OcrMode.LINE, options).moved(scale, band.x, band.y);
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


    /**
     * The new reading has no more rare characters (outside GB2312) than the old one: a confident
     * reading that swaps a common character for a rare one is a misreading of another kind.
     */
    static boolean commonAsBefore(Line again, Line old) {
        return rare(again.text()) <= rare(old.text());
    }

    private static int rare(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && !org.nianbao.ingest.util.CommonHanzi.isCommon(c)) n++;
        }
        return n;
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
