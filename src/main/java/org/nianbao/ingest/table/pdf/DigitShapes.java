package org.nianbao.ingest.table.pdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The digits of one table, learnt from its own figures: the table prints dozens of figures in one face
 * at one size, most of which the engine reads surely. A figure it cannot read — a 0 with a speck on its
 * stroke that every mode returns as nothing, a 0 with a blob in its hole read as 8 in every mode — is
 * compared, digit by digit, with the digits the same table printed and the engine read surely. The
 * comparison is of ink pixels at the page's own scale (no resizing: every figure of a table has the
 * same size), shifted a few pixels to the best fit, each pixel allowed one pixel of play: a speck adds
 * a few unmatched pixels, a different digit leaves whole strokes unmatched.
 *
 * <p>A reading from shapes is given only when every digit of the figure matches one learnt digit well
 * ({@link #MIN_SCORE}) and clearly better than any other ({@link #MARGIN}), among the learnt digits with
 * as many holes as it ({@link #holes}: 0 has one, 8 two, 1 none). Pixel likeness alone does not part 0
 * from 8 in a bold face (their outlines are one), but a blob in a 0's hole leaves it one hole.
 */
final class DigitShapes {
    /** A digit matches a learnt one when this share of their ink agrees (F1 of the two directions). */
    static final double MIN_SCORE = 0.95;
    /** The best digit must beat the next by this much. */
    static final double MARGIN = 0.05;
    /** Learnt samples kept per digit (the most typical are kept). */
    static final int SAMPLES = 5;
    /** Samples gathered per digit before the most typical are chosen (bounds the work). */
    static final int MAX_GATHERED = 12;

    /** A digit's ink: {@code ink[y * width + x]}. */
    record Glyph(int width, int height, boolean[] ink) {
        int count() {
            int n = 0;
            for (boolean b : ink) if (b) n++;
            return n;
        }

        boolean at(int x, int y) {
            return x >= 0 && y >= 0 && x < width && y < height && ink[y * width + x];
        }

        /** Ink at (x, y) or one of its eight neighbours. */
        boolean near(int x, int y) {
            for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) if (at(x + dx, y + dy)) return true;
            return false;
        }
    }

    /** A figure read from shapes: its digits, and the weakest digit's score. */
    record Match(String text, double score) { }

    private final Map<Character, List<Glyph>> gathered = new LinkedHashMap<>();
    private Map<Character, List<Glyph>> learnt;

    /**
     * Learns the digits of a figure read surely: {@code text} must be digits only, one glyph per digit,
     * left to right; anything else is ignored.
     */
    void learn(String text, List<Glyph> glyphs) {
        if (text == null || !text.matches("[0-9]+") || glyphs.size() != text.length()) return;
        for (int i = 0; i < glyphs.size(); i++) {
            List<Glyph> l = gathered.computeIfAbsent(text.charAt(i), k -> new ArrayList<>());
            if (l.size() < MAX_GATHERED) l.add(glyphs.get(i));
        }
        learnt = null;
    }

    /** Digits learnt so far. */
    int digitsKnown() {
        return gathered.size();
    }

    /** The figure the glyphs (left to right) are, or null when some glyph is no clear match. */
    Match read(List<Glyph> glyphs) {
        if (glyphs.isEmpty()) return null;
        Map<Character, List<Glyph>> samples = samples();
        if (samples.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        double weakest = 1;
        for (Glyph g : glyphs) {
            char best = 0;
            double bestScore = 0;
            double second = 0;
            int holes = holes(g);
            for (Map.Entry<Character, List<Glyph>> e : samples.entrySet()) {
                if (holesOf(e.getValue()) != holes) continue;
                double s = 0;
                for (Glyph t : e.getValue()) {
                    // a figure is never its own evidence (a sure reading of it may have been learnt)
                    if (t.width() == g.width() && t.height() == g.height() && Arrays.equals(t.ink(), g.ink())) continue;
                    s = Math.max(s, similarity(g, t));
                }
                if (s > bestScore) {
                    second = bestScore;
                    bestScore = s;
                    best = e.getKey();
                } else if (s > second) {
                    second = s;
                }
            }
            if (bestScore < MIN_SCORE || bestScore - second < MARGIN) return null;
            sb.append(best);
            weakest = Math.min(weakest, bestScore);
        }
        String t = sb.toString();
        // a count has no leading zero: such a reading is no figure
        if (t.length() > 1 && t.charAt(0) == '0') return null;
        return new Match(t, weakest);
    }

    /** The holes most samples of a digit have. */
    private static int holesOf(List<Glyph> samples) {
        int[] n = new int[4];
        for (Glyph g : samples) n[Math.min(3, holes(g))]++;
        int best = 0;
        for (int i = 1; i < n.length; i++) if (n[i] > n[best]) best = i;
        return best;
    }

    /**
     * Holes in a glyph: regions of paper (four-connected, at least {@link #MIN_HOLE} pixels) that do not
     * reach the edge of its box.
     */
    static int holes(Glyph g) {
        int w = g.width() + 2;
        int h = g.height() + 2;
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[w * h];
        int holes = 0;
        boolean first = true;
        // the frame around the box is paper: the first region filled is the outside
        for (int start = 0; start < w * h; start++) {
            int sx = start % w - 1;
            int sy = start / w - 1;
            if (seen[start] || g.at(sx, sy)) continue;
            int size = 0;
            int sp = 0;
            stack[sp++] = start;
            seen[start] = true;
            while (sp > 0) {
                int p = stack[--sp];
                size++;
                int x = p % w;
                int y = p / w;
                int[] next = {p - 1, p + 1, p - w, p + w};
                boolean[] ok = {x > 0, x < w - 1, y > 0, y < h - 1};
                for (int k = 0; k < 4; k++) {
                    if (!ok[k] || seen[next[k]] || g.at(next[k] % w - 1, next[k] / w - 1)) continue;
                    seen[next[k]] = true;
                    stack[sp++] = next[k];
                }
            }
            if (!first && size >= MIN_HOLE) holes++;
            first = false;
        }
        return holes;
    }

    /** Paper regions smaller than this (pin-holes of a scan) are no hole. */
    static final int MIN_HOLE = 4;

    /** The most typical samples of each digit (those most like the others of their digit). */
    private Map<Character, List<Glyph>> samples() {
        if (learnt != null) return learnt;
        Map<Character, List<Glyph>> out = new LinkedHashMap<>();
        for (Map.Entry<Character, List<Glyph>> e : gathered.entrySet()) {
            List<Glyph> all = e.getValue();
            if (all.size() <= SAMPLES) {
                out.put(e.getKey(), List.copyOf(all));
                continue;
            }
            double[] typical = new double[all.size()];
            for (int i = 0; i < all.size(); i++) {
                for (int j = 0; j < all.size(); j++) if (i != j) typical[i] += similarity(all.get(i), all.get(j));
            }
            Integer[] order = new Integer[all.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(typical[b], typical[a]));
            List<Glyph> kept = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) kept.add(all.get(order[i]));
            out.put(e.getKey(), kept);
        }
        learnt = out;
        return out;
    }

    /**
     * How alike two glyphs are, 0..1: at the best shift (centres aligned, then up to a few pixels either
     * way), the share of each one's ink that has ink of the other within one pixel, the two shares'
     * harmonic mean.
     */
    static double similarity(Glyph a, Glyph b) {
        int na = a.count();
        int nb = b.count();
        if (na == 0 || nb == 0) return 0;
        int reach = Math.max(2, (int) Math.round(0.1 * Math.max(a.height(), b.height())));
        int cx = (b.width() - a.width()) / 2;
        int cy = (b.height() - a.height()) / 2;
        double best = 0;
        for (int dy = cy - reach; dy <= cy + reach; dy++) {
            for (int dx = cx - reach; dx <= cx + reach; dx++) {
                // a's pixel (x, y) lies on b's (x + dx, y + dy)
                int pa = 0;
                for (int y = 0; y < a.height(); y++) {
                    for (int x = 0; x < a.width(); x++) if (a.ink()[y * a.width() + x] && b.near(x + dx, y + dy)) pa++;
                }
                int pb = 0;
                for (int y = 0; y < b.height(); y++) {
                    for (int x = 0; x < b.width(); x++) if (b.ink()[y * b.width() + x] && a.near(x - dx, y - dy)) pb++;
                }
                double p = (double) pa / na;
                double r = (double) pb / nb;
                if (p + r > 0) best = Math.max(best, 2 * p * r / (p + r));
            }
        }
        return best;
    }
}
