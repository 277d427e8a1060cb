package org.nianbao.ingest.ocr.prep;

import org.nianbao.ingest.ocr.GrayImage;

/**
 * Estimates how far a scanned page is turned from straight, by projection profiles: at the right
 * angle the rows of text are sharpest, so the sum of squared row sums of ink is largest. Works on a
 * reduced copy (about 100 dpi), so it costs tens of milliseconds per page.
 */
public final class Skew {
    /** Largest skew searched, in degrees; beyond this a page is turned, not skewed. */
    public static final double MAX_DEGREES = 6;

    private Skew() { }

    /**
     * The page's skew in degrees, positive when the text lines run down to the right (rotate the page
     * by the negative of this to straighten it); 0 when the page has too little ink to tell.
     */
    public static double estimate(GrayImage img, int dpi) {
        int factor = Math.max(1, (int) Math.round((dpi > 0 ? dpi : 300) / 100.0));
        GrayImage small = factor > 1 ? Transforms.scale(img, 1.0 / factor).image() : img;
        int w = small.width();
        int h = small.height();
        int threshold = Binarize.otsu(small);
        // collect ink pixels (cap their number: sampling keeps big dark pages fast)
        int ink = 0;
        for (byte b : small.pixels()) if ((b & 0xFF) < threshold) ink++;
        if (ink < 200 || ink > small.pixels().length / 2) return 0;
        int stride = Math.max(1, ink / 200_000);
        int[] xs = new int[ink / stride + 1];
        int[] ys = new int[ink / stride + 1];
        int n = 0;
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((small.pixels()[y * w + x] & 0xFF) < threshold && k++ % stride == 0 && n < xs.length) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        double best = 0;
        double bestScore = score(xs, ys, n, h, w, 0);
        // coarse then fine search
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += 0.5) {
            double s = score(xs, ys, n, h, w, a);
            if (s > bestScore) { bestScore = s; best = a; }
        }
        double centre = best;
        for (double a = centre - 0.5; a <= centre + 0.5 + 1e-9; a += 0.05) {
            double s = score(xs, ys, n, h, w, a);
            if (s > bestScore) { bestScore = s; best = a; }
        }
        return Math.round(best * 100) / 100.0;
    }

    private static double score(int[] xs, int[] ys, int n, int h, int w, double degrees) {
        double t = Math.tan(Math.toRadians(degrees));
        int pad = (int) Math.ceil(Math.abs(t) * w) + 1;
        long[] rows = new long[h + 2 * pad];
        for (int i = 0; i < n; i++) {
            int r = (int) Math.round(ys[i] - xs[i] * t) + pad;
            if (r >= 0 && r < rows.length) rows[r]++;
        }
        double s = 0;
        for (long v : rows) s += (double) v * v;
        return s;
    }
}
