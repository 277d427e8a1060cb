package org.nianbao.ingest.ocr.prep;

import org.nianbao.ingest.ocr.GrayImage;

/**
 * The paper of a grey scan, estimated locally, and the page read against it. A grey JPEG scan has paper
 * of some grey that changes across the page (uneven light, vignetting), ink that is not black, and soft
 * stroke edges from the optics and the JPEG. Tesseract's own global threshold (Otsu) splits ink from
 * paper about half way between them, so the soft outer edge of each thin Song/Kai stroke counts as paper.
 * A scanner's bilevel mode thresholds much closer to the paper and keeps the strokes full; the same pages
 * read about three times better that way (docs/ocr.md, "Grey scans (session 7)"). Levelling the grey
 * instead (paper to white, ink stretched to black) was measured and gains little: Tesseract's line
 * recogniser normalises each line's contrast itself; where the stroke edge is cut is what matters.
 */
public final class PaperLevel {
    /** Percentile of a block's grey levels taken as its paper: most of a block is paper even in dense text. */
    static final double PAPER_PERCENTILE = 0.9;
    /** A block's paper below this share of its neighbourhood's median is taken for ink. */
    static final float OUTLIER = 0.9f;

    private PaperLevel() { }

    /** The paper's grey level estimated at every pixel, as a coarse grid interpolated on demand. */
    public static final class Paper {
        private final int width;
        private final int block;
        private final int cols;
        private final int rows;
        private final float[] grid;
        /** Per pixel column: the grid column left of it and the weight of the one right of it (rows reuse them). */
        private final int[] left;
        private final float[] rightWeight;

        Paper(int width, int block, int cols, int rows, float[] grid) {
            this.width = width;
            this.block = block;
            this.cols = cols;
            this.rows = rows;
            this.grid = grid;
            left = new int[width];
            rightWeight = new float[width];
            for (int x = 0; x < width; x++) {
                float fx = Math.max(0, Math.min(cols - 1, (x + 0.5f) / block - 0.5f));
                left[x] = (int) fx;
                rightWeight[x] = fx - left[x];
            }
        }

        /**
         * The paper along row {@code y} into {@code out} (length of the image's width): the same values as
         * {@link #at}, the grid interpolated down to the row once and then across it.
         */
        public void row(int y, float[] out) {
            float[] line = new float[cols + 1];
            gridRow(y, line);
            for (int x = 0; x < width; x++) out[x] = across(line, x);
        }

        /** The grid interpolated down to row {@code y}: {@code cols + 1} values, the last repeated. */
        void gridRow(int y, float[] line) {
            float fy = Math.max(0, Math.min(rows - 1, (y + 0.5f) / block - 0.5f));
            int y0 = (int) fy;
            int y1 = Math.min(rows - 1, y0 + 1);
            float ay = fy - y0;
            for (int c = 0; c < cols; c++) line[c] = grid[y0 * cols + c] * (1 - ay) + grid[y1 * cols + c] * ay;
            line[cols] = line[cols - 1];
        }

        /** The paper at column {@code x} of a row given by {@link #gridRow}. */
        float across(float[] line, int x) {
            int x0 = left[x];
            float ax = rightWeight[x];
            return line[x0] * (1 - ax) + line[x0 + 1] * ax;
        }

        /** The paper's grey level at pixel (x, y): bilinear between the centres of the blocks around it. */
        public float at(int x, int y) {
            float fx = Math.max(0, Math.min(cols - 1, (x + 0.5f) / block - 0.5f));
            float fy = Math.max(0, Math.min(rows - 1, (y + 0.5f) / block - 0.5f));
            int x0 = (int) fx;
            int y0 = (int) fy;
            int x1 = Math.min(cols - 1, x0 + 1);
            int y1 = Math.min(rows - 1, y0 + 1);
            float ax = fx - x0;
            float ay = fy - y0;
            float top = grid[y0 * cols + x0] * (1 - ax) + grid[y0 * cols + x1] * ax;
            float bottom = grid[y1 * cols + x0] * (1 - ax) + grid[y1 * cols + x1] * ax;
            return top * (1 - ay) + bottom * ay;
        }
    }

    /**
     * The paper estimated in blocks of about a sixth of an inch: each block's 90th percentile grey level;
     * a block much darker than the median of it and its eight neighbours (inside a heading's black strokes or
     * a picture) takes that median instead.
     */
    public static Paper paper(GrayImage img, int dpi) {
        int d = dpi > 0 ? dpi : 300;
        int block = Math.max(8, d / 6);
        int w = img.width();
        int h = img.height();
        int cols = (w + block - 1) / block;
        int rows = (h + block - 1) / block;
        byte[] px = img.pixels();
        float[] raw = new float[cols * rows];
        int[] hist = new int[256];
        for (int by = 0; by < rows; by++) {
            int ya = by * block;
            int yb = Math.min(h, ya + block);
            for (int bx = 0; bx < cols; bx++) {
                int xa = bx * block;
                int xb = Math.min(w, xa + block);
                java.util.Arrays.fill(hist, 0);
                for (int y = ya; y < yb; y++) {
                    int row = y * w;
                    for (int x = xa; x < xb; x++) hist[px[row + x] & 0xFF]++;
                }
                int n = (yb - ya) * (xb - xa);
                int want = (int) Math.ceil(n * PAPER_PERCENTILE);
                int seen = 0;
                int v = 0;
                for (; v < 255; v++) {
                    seen += hist[v];
                    if (seen >= want) break;
                }
                raw[by * cols + bx] = v;
            }
        }
        float[] grid = new float[raw.length];
        float[] nb = new float[9];
        for (int by = 0; by < rows; by++) {
            for (int bx = 0; bx < cols; bx++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = by + dy;
                        int xx = bx + dx;
                        if (yy >= 0 && yy < rows && xx >= 0 && xx < cols) nb[k++] = raw[yy * cols + xx];
                    }
                }
                java.util.Arrays.sort(nb, 0, k);
                float own = raw[by * cols + bx];
                float around = nb[k / 2];
                // a block clearly darker than the blocks around it holds more ink than paper: it takes their
                // paper; any other keeps its own (a median alone would smooth real changes of light at the edges)
                grid[by * cols + bx] = own < OUTLIER * around ? around : own;
            }
        }
        return new Paper(w, block, cols, rows, grid);
    }

    /**
     * Ink where a pixel is darker than {@code share} of the paper around it, paper elsewhere: a clean 1-bit
     * page (0 and 255) as a bilevel scanner makes it, whatever the light across the page. The cut is
     * relative to the paper only: an ink level estimated from the page was tried (three quarters of the way
     * from it to the paper) and failed on 200 dpi scans, whose blurred strokes have no dark core (the darkest
     * 0.2% of a page at 70-90, not the ink's 20-50), so the cut rose into the paper's noise (docs/ocr.md).
     */
    public static GrayImage threshold(GrayImage img, int dpi, double share) {
        Paper paper = paper(img, dpi);
        int w = img.width();
        int h = img.height();
        byte[] in = img.pixels();
        byte[] out = new byte[in.length];
        float[] line = new float[paper.cols + 1];
        float k = (float) share;
        for (int y = 0; y < h; y++) {
            paper.gridRow(y, line);
            // The paper at any pixel of the row is a weighted mean of two of these values, so it lies between
            // their least and greatest (float rounding moves it by less than 1e-4 at 255): a pixel at least
            // `light` is paper and one below `dark` ink without working out its paper (most pixels of a page).
            // The rest are cut exactly as before; PaperLevelTest holds both ways to the same pixels.
            float least = line[0], most = line[0];
            for (float v : line) {
                least = Math.min(least, v);
                most = Math.max(most, v);
            }
            double light = (double) k * most + 0.01;
            double dark = (double) k * least - 0.01;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int v = in[row + x] & 0xFF;
                if (v >= light) out[row + x] = (byte) 255;
                else if (v < dark) out[row + x] = 0;
                else out[row + x] = v < k * paper.across(line, x) ? 0 : (byte) 255;
            }
        }
        return new GrayImage(w, h, out);
    }

    /**
     * Whether the page is a grey scan as it came: neither bilevel (G4 TIFF: no grey at all) nor in a
     * scanner's document mode (paper lifted to pure white, {@link Tone#paperLiftedToWhite}). Judged from the
     * page's grey-level histogram ({@link Binarize#histogram}).
     */
    public static boolean isGreyScan(long[] hist) {
        long n = 0;
        for (long c : hist) n += c;
        long grey = n - hist[0] - hist[255];
        return grey >= 0.5 * n && hist[255] < 0.5 * n;
    }
}
