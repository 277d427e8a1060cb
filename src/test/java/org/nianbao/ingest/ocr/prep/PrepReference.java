package org.nianbao.ingest.ocr.prep;

import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * The page preparation steps as they were before they were made faster: the references
 * {@link FastPrepTest} holds the new ones to, and {@link PrepAB} times them against.
 */
public final class PrepReference {
    private PrepReference() { }

    // ---- despeckle as it was (boolean arrays for ink and seen) ----

    public static Despeckle.Result despeckle(GrayImage img, int dpi) {
        int d = dpi > 0 ? dpi : 300;
        int maxSide = Math.max(2, Math.round(d / 60f));        // 5 px at 300 dpi
        int maxInk = maxSide * maxSide / 2 + 2;
        int clear = Math.max(3, Math.round(d / 40f));          // 7-8 px of white all round at 300 dpi
        int w = img.width();
        int h = img.height();
        int threshold = Binarize.otsu(img);
        byte[] p = img.pixels();
        boolean[] ink = new boolean[w * h];
        for (int i = 0; i < p.length; i++) ink[i] = (p[i] & 0xFF) < threshold;
        byte[] out = null;
        int removed = 0;
        int[] stack = new int[maxInk * 4 + 16];
        boolean[] seen = new boolean[w * h];
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || seen[start]) continue;
            // flood the component, giving up as soon as it is larger than a speck
            int n = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            boolean big = false;
            while (top > 0) {
                int i = stack[--top];
                n++;
                int x = i % w;
                int y = i / w;
                x0 = Math.min(x0, x); x1 = Math.max(x1, x);
                y0 = Math.min(y0, y); y1 = Math.max(y1, y);
                if (n > maxInk || x1 - x0 >= maxSide || y1 - y0 >= maxSide) {
                    big = true;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                        int j = ny * w + nx;
                        if (ink[j] && !seen[j]) {
                            seen[j] = true;
                            if (top < stack.length) stack[top++] = j;
                            else big = true;
                        }
                    }
                }
            }
            if (big) continue;
            if (!isolated(ink, w, h, x0, y0, x1, y1, clear)) continue;
            if (out == null) out = p.clone();
            for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) if (ink[y * w + x]) out[y * w + x] = (byte) 255;
            removed++;
        }
        return new Despeckle.Result(out == null ? img : new GrayImage(w, h, out), removed);
    }

    private static boolean isolated(boolean[] ink, int w, int h, int x0, int y0, int x1, int y1, int clear) {
        int ax = Math.max(0, x0 - clear), bx = Math.min(w - 1, x1 + clear);
        int ay = Math.max(0, y0 - clear), by = Math.min(h - 1, y1 + clear);
        for (int y = ay; y <= by; y++) {
            for (int x = ax; x <= bx; x++) {
                if (x >= x0 && x <= x1 && y >= y0 && y <= y1) continue;
                if (ink[y * w + x]) return false;
            }
        }
        return true;
    }

    // ---- the ruling finder as it was (one walk along every row, then down every column) ----

    public static List<ImageRulings.Segment> find(GrayImage img, int dpi) {
        int d = dpi > 0 ? dpi : 300;
        int threshold = Binarize.otsu(img);
        int minLength = (int) Math.round(d * 0.6);
        int maxThickness = Math.max(3, (int) Math.round(d / 25.0));
        int gap = Math.max(1, d / 300);
        List<ImageRulings.Segment> h = new ArrayList<>();
        List<ImageRulings.Segment> v = new ArrayList<>();
        for (ImageRulings.Segment s : scan(img, threshold, minLength, maxThickness, gap, true)) if (ImageRulings.clearSides(img, threshold, s)) h.add(s);
        for (ImageRulings.Segment s : scan(img, threshold, minLength, maxThickness, gap, false)) if (ImageRulings.clearSides(img, threshold, s)) v.add(s);
        List<ImageRulings.Segment> out = new ArrayList<>(h);
        out.addAll(v);
        if (h.isEmpty() || v.isEmpty()) return out;
        int shortLength = Math.max(8, (int) Math.round(d * 0.12));
        int tol = maxThickness + Math.max(2, d / 100);
        for (ImageRulings.Segment s : scan(img, threshold, shortLength, maxThickness, gap, false)) {
            if (s.length() < minLength && ImageRulings.anchored(s, h, tol) && ImageRulings.clearSides(img, threshold, s)) out.add(s);
        }
        for (ImageRulings.Segment s : scan(img, threshold, shortLength, maxThickness, gap, true)) {
            if (s.length() < minLength && ImageRulings.anchored(s, v, tol) && ImageRulings.clearSides(img, threshold, s)) out.add(s);
        }
        return out;
    }

    private static List<ImageRulings.Segment> scan(GrayImage img, int threshold, int minLength, int maxThickness, int gap, boolean horizontal) {
        int w = img.width();
        int h = img.height();
        int lines = horizontal ? h : w;
        int along = horizontal ? w : h;
        byte[] p = img.pixels();
        List<int[]> open = new ArrayList<>();
        List<ImageRulings.Segment> done = new ArrayList<>();
        for (int li = 0; li < lines; li++) {
            List<int[]> runs = new ArrayList<>();
            int start = -1;
            int lastInk = -1;
            for (int a = 0; a < along; a++) {
                int v = horizontal ? p[li * w + a] & 0xFF : p[a * w + li] & 0xFF;
                if (v < threshold) {
                    if (start < 0) start = a;
                    lastInk = a;
                } else if (start >= 0 && a - lastInk > gap) {
                    if (lastInk - start + 1 >= minLength) runs.add(new int[]{start, lastInk});
                    start = -1;
                }
            }
            if (start >= 0 && lastInk - start + 1 >= minLength) runs.add(new int[]{start, lastInk});
            List<int[]> next = new ArrayList<>();
            for (int[] r : runs) {
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

    private static void close(int[] o, int maxThickness, boolean horizontal, List<ImageRulings.Segment> done) {
        int thickness = o[3] - o[2] + 1;
        if (thickness > maxThickness) return;
        int centre = (o[2] + o[3]) / 2;
        done.add(horizontal ? new ImageRulings.Segment(true, o[0], centre, o[1], centre, thickness)
                : new ImageRulings.Segment(false, centre, o[0], centre, o[1], thickness));
    }

    /** The paper's median grey as it was: Otsu's threshold from one pass, the median from a second. */
    public static int paperLevel(GrayImage img) {
        int threshold = Binarize.otsu(img);
        long[] hist = new long[256];
        long n = 0;
        for (byte b : img.pixels()) {
            int v = b & 0xFF;
            if (v >= threshold) {
                hist[v]++;
                n++;
            }
        }
        long half = n / 2;
        long acc = 0;
        for (int v = 0; v < 256; v++) {
            acc += hist[v];
            if (acc > half) return v;
        }
        return 255;
    }

    /**
     * {@link Transforms#rotateSmall} in double arithmetic, as it was until the fixed-point version replaced it:
     * the reference the tests hold the fast one to.
     */
    public static Transforms.Transformed rotateSmall(GrayImage src, double clockwiseDegrees) {
        int w = src.width();
        int h = src.height();
        AffineTransform t = AffineTransform.getRotateInstance(Math.toRadians(clockwiseDegrees), w / 2.0, h / 2.0);
        double rad = Math.toRadians(clockwiseDegrees);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        double cx = w / 2.0;
        double cy = h / 2.0;
        byte[] in = src.pixels();
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            // the output pixel centre (x + 0.5, y + 0.5) comes from the inverse rotation of it, in
            // pixel-index space (minus 0.5): sx = cos·dx + sin·dy + cx − 0.5, sy = −sin·dx + cos·dy + cy − 0.5
            double dy = y + 0.5 - cy;
            double dx0 = 0.5 - cx;
            double sx = cos * dx0 + sin * dy + cx - 0.5;
            double sy = -sin * dx0 + cos * dy + cy - 0.5;
            int row = y * w;
            for (int x = 0; x < w; x++, sx += cos, sy -= sin) {
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
                    out[row + x] = (byte) 255;
                    continue;
                }
                double fx = sx - x0;
                double fy = sy - y0;
                int p00 = pixel(in, w, h, x0, y0);
                int p10 = pixel(in, w, h, x0 + 1, y0);
                int p01 = pixel(in, w, h, x0, y0 + 1);
                int p11 = pixel(in, w, h, x0 + 1, y0 + 1);
                double top = p00 + (p10 - p00) * fx;
                double bottom = p01 + (p11 - p01) * fx;
                out[row + x] = (byte) (int) Math.round(top + (bottom - top) * fy);
            }
        }
        return new Transforms.Transformed(new GrayImage(w, h, out), t);
    }

    /** A pixel, paper white outside the image. */
    private static int pixel(byte[] p, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 255 : p[y * w + x] & 0xFF;
    }
}
