package org.nianbao.ingest.ocr.prep;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * Finds the ruling lines of tables and forms in a page image: long, thin, straight runs of ink,
 * horizontal or vertical. A run must be longer than {@code minLength} (0.6 inch by default), far longer
 * than any stroke of a character, so Chinese text is never mistaken for rules (Tesseract's own line
 * finder closes gaps between characters and does). Used to take rules out of the page before OCR, and
 * as evidence of table grids.
 */
public final class ImageRulings {
    private ImageRulings() { }

    /**
     * A ruling segment in image pixels: {@code (x0, y0)} to {@code (x1, y1)} inclusive, centre line,
     * with its thickness in pixels.
     */
    public record Segment(boolean horizontal, int x0, int y0, int x1, int y1, int thickness) {
        public int length() {
            return horizontal ? x1 - x0 + 1 : y1 - y0 + 1;
        }
    }

    /** Rulings of an image scanned at {@code dpi} (0 = assume 300). */
    public static List<Segment> find(GrayImage img, int dpi) {
        int d = dpi > 0 ? dpi : 300;
        int threshold = Binarize.otsu(img);
        int minLength = (int) Math.round(d * 0.6);
        int maxThickness = Math.max(3, (int) Math.round(d / 25.0));
        int gap = Math.max(1, d / 300);
        // Short rules (below) are runs of at least shortLength; the long rules are made of the runs of at
        // least minLength among them. One pass over the pixels per direction collects both.
        int shortLength = Math.max(8, (int) Math.round(d * 0.12));
        int collect = Math.min(minLength, shortLength);
        List<int[]>[] rowRuns = rowRuns(img, threshold, collect, gap);
        List<int[]>[] columnRuns = columnRuns(img, threshold, collect, gap);
        List<Segment> h = new ArrayList<>();
        List<Segment> v = new ArrayList<>();
        for (Segment s : merge(rowRuns, minLength, maxThickness, true)) if (clearSides(img, threshold, s)) h.add(s);
        for (Segment s : merge(columnRuns, minLength, maxThickness, false)) if (clearSides(img, threshold, s)) v.add(s);
        List<Segment> out = new ArrayList<>(h);
        out.addAll(v);
        if (h.isEmpty() || v.isEmpty()) return out;
        // Short rules: a rule that only runs across a row or two (the column rules of a table whose rows
        // are interrupted by a full-width row, a narrow column's rule below a merged header) is shorter
        // than minLength. It is taken when both its ends meet long rules across it, which no stroke of a
        // character does.
        int tol = maxThickness + Math.max(2, d / 100);
        for (Segment s : merge(columnRuns, shortLength, maxThickness, false)) {
            if (s.length() < minLength && anchored(s, h, tol) && clearSides(img, threshold, s)) out.add(s);
        }
        for (Segment s : merge(rowRuns, shortLength, maxThickness, true)) {
            if (s.length() < minLength && anchored(s, v, tol) && clearSides(img, threshold, s)) out.add(s);
        }
        return out;
    }

    /** Both ends of {@code s} lie on one of {@code across} (within {@code tol} pixels). */
    static boolean anchored(Segment s, List<Segment> across, int tol) {
        return meets(s.x0(), s.y0(), s.horizontal(), across, tol) && meets(s.x1(), s.y1(), s.horizontal(), across, tol);
    }

    private static boolean meets(int x, int y, boolean horizontal, List<Segment> across, int tol) {
        for (Segment a : across) {
            if (horizontal) {
                // a vertical rule at a.x0 running over y
                if (Math.abs(a.x0() - x) <= tol && y >= a.y0() - tol && y <= a.y1() + tol) return true;
            } else if (Math.abs(a.y0() - y) <= tol && x >= a.x0() - tol && x <= a.x1() + tol) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rule has paper on both sides along most of its length; a row of text whose horizontal strokes
     * happen to line up (bold or blurred type, 一 next to 二) has ink just above and below. Checked three
     * pixels beyond the rule's edge on each side: if both sides are more than a quarter ink, it is text.
     */
    static boolean clearSides(GrayImage img, int threshold, Segment s) {
        int off = s.thickness() / 2 + 3;
        int inkA = 0, inkB = 0, n = 0;
        if (s.horizontal()) {
            int ya = s.y0() - off, yb = s.y0() + off;
            for (int x = s.x0(); x <= s.x1(); x += 2) {
                n++;
                if (ya >= 0 && img.get(x, ya) < threshold) inkA++;
                if (yb < img.height() && img.get(x, yb) < threshold) inkB++;
            }
        } else {
            int xa = s.x0() - off, xb = s.x0() + off;
            for (int y = s.y0(); y <= s.y1(); y += 2) {
                n++;
                if (xa >= 0 && img.get(xa, y) < threshold) inkA++;
                if (xb < img.width() && img.get(xb, y) < threshold) inkB++;
            }
        }
        return n == 0 || !(inkA * 4 > n && inkB * 4 > n) && inkA * 2 <= n && inkB * 2 <= n;
    }

    /**
     * Paints the segments (with a two-pixel margin) in the paper's own grey and returns the cleaned
     * copy. Not white: white stripes on grey paper are a grid of their own to the page segmentation,
     * which then loses the text around it.
     */
    public static GrayImage erase(GrayImage img, List<Segment> segments) {
        if (segments.isEmpty()) return img;
        byte[] p = img.pixels().clone();
        int w = img.width();
        int h = img.height();
        byte paper = (byte) paperLevel(img);
        for (Segment s : segments) {
            int half = s.thickness() / 2 + 2;
            int xa = s.horizontal() ? s.x0() : s.x0() - half;
            int xb = s.horizontal() ? s.x1() : s.x1() + half;
            int ya = s.horizontal() ? s.y0() - half : s.y0();
            int yb = s.horizontal() ? s.y1() + half : s.y1();
            for (int y = Math.max(0, ya); y <= Math.min(h - 1, yb); y++) {
                for (int x = Math.max(0, xa); x <= Math.min(w - 1, xb); x++) p[y * w + x] = paper;
            }
        }
        return new GrayImage(w, h, p);
    }

    /** The median grey of the paper (pixels lighter than Otsu's threshold). */
    static int paperLevel(GrayImage img) {
        long[] all = Binarize.histogram(img); // one pass over the page for both the threshold and the median
        int threshold = Binarize.otsu(all);
        long n = 0;
        for (int v = threshold; v < 256; v++) n += all[v];
        long half = n / 2;
        long acc = 0;
        for (int v = Math.max(0, threshold); v < 256; v++) {
            acc += all[v];
            if (acc > half) return v;
        }
        return 255;
    }

    /** Per row: the runs of ink (darker than {@code threshold}) at least {@code minLength} long, as {start, end}. */
    @SuppressWarnings("unchecked")
    private static List<int[]>[] rowRuns(GrayImage img, int threshold, int minLength, int gap) {
        int w = img.width();
        int h = img.height();
        byte[] p = img.pixels();
        List<int[]>[] out = new List[h];
        for (int y = 0; y < h; y++) {
            List<int[]> runs = null;
            int start = -1;
            int lastInk = -1;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if ((p[row + x] & 0xFF) < threshold) {
                    if (start < 0) start = x;
                    lastInk = x;
                } else if (start >= 0 && x - lastInk > gap) {
                    if (lastInk - start + 1 >= minLength) (runs == null ? runs = new ArrayList<>() : runs).add(new int[]{start, lastInk});
                    start = -1;
                }
            }
            if (start >= 0 && lastInk - start + 1 >= minLength) (runs == null ? runs = new ArrayList<>() : runs).add(new int[]{start, lastInk});
            out[y] = runs == null ? List.of() : runs;
        }
        return out;
    }

    /**
     * Per column: the runs of ink at least {@code minLength} long, as {start, end}; the same runs a
     * walk down each column finds, but read row by row (a walk down a column touches a new cache line
     * at every pixel, which made this the slowest part of the page preparation).
     */
    @SuppressWarnings("unchecked")
    private static List<int[]>[] columnRuns(GrayImage img, int threshold, int minLength, int gap) {
        int w = img.width();
        int h = img.height();
        byte[] p = img.pixels();
        List<int[]>[] out = new List[w];
        int[] start = new int[w];
        int[] lastInk = new int[w];
        java.util.Arrays.fill(start, -1);
        java.util.Arrays.fill(lastInk, -1);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if ((p[row + x] & 0xFF) < threshold) {
                    if (start[x] < 0) start[x] = y;
                    lastInk[x] = y;
                } else if (start[x] >= 0 && y - lastInk[x] > gap) {
                    if (lastInk[x] - start[x] + 1 >= minLength) {
                        if (out[x] == null) out[x] = new ArrayList<>();
                        out[x].add(new int[]{start[x], lastInk[x]});
                    }
                    start[x] = -1;
                }
            }
        }
        for (int x = 0; x < w; x++) {
            if (start[x] >= 0 && lastInk[x] - start[x] + 1 >= minLength) {
                if (out[x] == null) out[x] = new ArrayList<>();
                out[x].add(new int[]{start[x], lastInk[x]});
            }
            if (out[x] == null) out[x] = List.of();
        }
        return out;
    }

    /**
     * Segments from the runs of each line (row or column) that are at least {@code minLength} long:
     * runs on neighbouring lines that overlap are merged into one segment whose thickness is the number
     * of lines it spans.
     */
    private static List<Segment> merge(List<int[]>[] runsPerLine, int minLength, int maxThickness, boolean horizontal) {
        List<int[]> open = new ArrayList<>();   // {start, end, firstLine, lastLine}
        List<Segment> done = new ArrayList<>();
        for (int li = 0; li < runsPerLine.length; li++) {
            List<int[]> next = new ArrayList<>();
            for (int[] r : runsPerLine[li]) {
                if (r[1] - r[0] + 1 < minLength) continue;
                int[] match = null;
                for (int[] o : open) {
                    if (o[3] == li - 1 && o[0] < r[1] && r[0] < o[1]) { match = o; break; }
                }
                if (match != null) {
                    match[0] = Math.min(match[0], r[0]);
                    match[1] = Math.max(match[1], r[1]);
                    match[3] = li;
                    next.add(match);
                    open.remove(match);
                } else {
                    next.add(new int[]{r[0], r[1], li, li});
                }
            }
            for (int[] o : open) close(o, maxThickness, horizontal, done);
            open = next;
        }
        for (int[] o : open) close(o, maxThickness, horizontal, done);
        return done;
    }

    private static void close(int[] o, int maxThickness, boolean horizontal, List<Segment> done) {
        int thickness = o[3] - o[2] + 1;
        if (thickness > maxThickness) return; // a filled area or an image, not a rule
        int centre = (o[2] + o[3]) / 2;
        done.add(horizontal ? new Segment(true, o[0], centre, o[1], centre, thickness)
                : new Segment(false, centre, o[0], centre, o[1], thickness));
    }
}
