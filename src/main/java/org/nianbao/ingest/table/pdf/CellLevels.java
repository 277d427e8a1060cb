package org.nianbao.ingest.table.pdf;

import java.awt.Rectangle;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * The grey levels that part ink from paper in one table cell: the page's own ({@link #threshold},
 * {@link #lift}), moved down where the cell's paper is darker than the page's.
 *
 * <p>Why per cell: a scan lit unevenly (the shade along a bound edge, a 200 dpi JPEG's grey corner)
 * has paper at 217 in the shaded columns of a table whose page paper is 244, and an Otsu threshold
 * over the page (226) then takes the whole shaded cell for ink: its figure is read as a block of
 * noise ({@code 人总2 ER} for 0) and its lift leaves the paper grey in the cut-out. Moving both levels
 * down by as much as the cell's paper is darker keeps the page's distance between paper and ink.
 * A cell whose paper is as light as the page's keeps the page's levels exactly.
 */
record CellLevels(int threshold, int lift) {
    /** The cell's paper must be at least this much darker than the page's before the levels move. */
    static final int SHADE = 6;
    /** Pixels sampled per cell at most (a median needs few). */
    static final int SAMPLES = 20_000;

    /**
     * The levels for {@code area} of {@code img} given the page's threshold, lift and paper level
     * ({@link #paper(GrayImage, Rectangle)} of the whole page).
     */
    static CellLevels of(GrayImage img, Rectangle area, int threshold, int lift, int pagePaper) {
        Rectangle r = area.intersection(new Rectangle(0, 0, img.width(), img.height()));
        if (r.isEmpty()) return new CellLevels(threshold, lift);
        int shade = pagePaper - paper(img, r);
        if (shade < SHADE) return new CellLevels(threshold, lift);
        // never below the ink: a threshold under a quarter of the paper's level would leave grey strokes out
        int t = Math.max(threshold / 4, threshold - shade);
        return new CellLevels(t, Math.max(t + 1, lift - shade));
    }

    /** The paper's level in {@code r}: the median grey (most of a cell, and of a page, is paper). */
    static int paper(GrayImage img, Rectangle r) {
        Rectangle c = r.intersection(new Rectangle(0, 0, img.width(), img.height()));
        if (c.isEmpty()) return 255;
        int step = Math.max(1, (int) Math.sqrt((double) c.width * c.height / SAMPLES));
        long[] hist = new long[256];
        long n = 0;
        for (int y = c.y; y < c.y + c.height; y += step) {
            for (int x = c.x; x < c.x + c.width; x += step) {
                hist[img.get(x, y)]++;
                n++;
            }
        }
        long acc = 0;
        for (int v = 0; v < 256; v++) {
            acc += hist[v];
            if (acc * 2 >= n) return v;
        }
        return 255;
    }
}
