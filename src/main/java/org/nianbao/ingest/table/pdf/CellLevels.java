package org.nianbao.ingest.table.pdf;

import java.awt.Rectangle;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * The grey levels that part ink from paper in one table cell: the page's own ({@link #threshold},
 * {@link #lift}), moved down where the cell's paper is darker or noisier than the page's allows.
 *
 * <p>Why per cell: a scan lit unevenly (the shade along a bound edge, a 200 dpi JPEG's grey corner)
 * has paper at 217 in the shaded columns of a table whose page paper is 244, and an Otsu threshold
 * over the page (226) then takes the whole shaded cell for ink: its figure is read as a block of
 * noise ({@code 人总2 ER} for 0). On a noisy 200 dpi JPEG the same threshold, 18 levels under the
 * paper, takes the paper's grain for specks, and the cut-out of a 0 holds a field of them (read 8).
 * The cell's threshold is kept as far under its own paper as the page's is under the page's paper,
 * and at least {@link #GRAIN} times the grain of its paper (its spread: upper quartile minus median,
 * as a standard deviation; the upper half of a cell is paper even where a dense label's strokes cover
 * a quarter of it); its lift (paper made white) sits two grains under its paper. A cell whose
 * paper is as light and clean as the page's keeps the page's levels exactly.
 */
record CellLevels(int threshold, int lift) {
    /** The threshold stays this many grains (standard deviations of the paper) under the paper. */
    static final double GRAIN = 4;
    /** Pixels sampled per cell at most (a median needs few). */
    static final int SAMPLES = 20_000;

    /**
     * The levels for {@code area} of {@code img} given the page's threshold, lift and paper level
     * ({@link #paper(GrayImage, Rectangle)} of the whole page).
     */
    static CellLevels of(GrayImage img, Rectangle area, int threshold, int lift, int pagePaper) {
        Rectangle r = area.intersection(new Rectangle(0, 0, img.width(), img.height()));
        if (r.isEmpty()) return new CellLevels(threshold, lift);
        int[] q = quantiles(img, r);
        int paper = q[1];
        double grain = Math.max(1, (q[2] - q[1]) / 0.674);
        int gap = (int) Math.round(Math.max(pagePaper - threshold, GRAIN * grain));
        // never below the ink: a threshold under a quarter of the page's would leave grey strokes out
        int t = Math.max(threshold / 4, Math.min(threshold, paper - gap));
        if (t >= threshold) return new CellLevels(threshold, lift);
        int l = (int) Math.round(Math.min(lift, paper - 2 * grain));
        return new CellLevels(t, Math.max(t + 1, l));
    }

    /** The paper's level in {@code r}: the median grey (most of a cell, and of a page, is paper). */
    static int paper(GrayImage img, Rectangle r) {
        return quantiles(img, r)[1];
    }

    /** Lower quartile, median and upper quartile grey of {@code r}, sampled. */
    private static int[] quantiles(GrayImage img, Rectangle r) {
        Rectangle c = r.intersection(new Rectangle(0, 0, img.width(), img.height()));
        if (c.isEmpty()) return new int[] {255, 255, 255};
        int step = Math.max(1, (int) Math.sqrt((double) c.width * c.height / SAMPLES));
        long[] hist = new long[256];
        long n = 0;
        for (int y = c.y; y < c.y + c.height; y += step) {
            for (int x = c.x; x < c.x + c.width; x += step) {
                hist[img.get(x, y)]++;
                n++;
            }
        }
        int[] out = {-1, -1, -1};
        long acc = 0;
        for (int v = 0; v < 256; v++) {
            acc += hist[v];
            if (out[0] < 0 && acc * 4 >= n) out[0] = v;
            if (out[1] < 0 && acc * 2 >= n) out[1] = v;
            if (acc * 4 >= 3 * n) {
                out[2] = v;
                break;
            }
        }
        return out;
    }
}
