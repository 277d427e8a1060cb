package org.nianbao.ingest.ocr;

import java.awt.Rectangle;

/**
 * Hands the engine it wraps every text image narrowed across by a fixed factor, and maps the boxes it
 * reads back onto the image as given.
 *
 * <p>Why: the Chinese model's network scales each text line to 48 pixels high and then steps along it
 * a few pixels at a time, so the recognition's cost follows the line's width at that height, and that
 * recognition is most of a page's CPU. Han characters are square, and a model trained on many fonts reads
 * them a little narrower just as well; the line is read in fewer steps. Layout and thresholding work on
 * fewer pixels too. How far to go, and what it costs in accuracy, is measured in docs/ocr.md ("Narrowed
 * reading"). Figures read alone ({@link OcrMode#DIGITS}, {@link OcrMode#NUMBER}) and vertical text are
 * handed over as they are: a table cell is short, and a digit narrowed looks like another digit sooner
 * than a character does.
 */
final class NarrowedEngine implements OcrEngine {
    /** Width of the image the engine reads, as a share of the width given; {@code -Dnianbao.ocr.narrow=1} turns it off. */
    static final double FACTOR = Double.parseDouble(System.getProperty("nianbao.ocr.narrow", "0.85"));

    private final OcrEngine inner;
    private final double factor;

    NarrowedEngine(OcrEngine inner, double factor) {
        if (!(factor > 0.2 && factor <= 1)) throw new IllegalArgumentException("narrowing factor out of range: " + factor);
        this.inner = inner;
        this.factor = factor;
    }

    /** {@code engine} narrowed by {@link #FACTOR}, or itself when narrowing is off. */
    static OcrEngine wrap(OcrEngine engine) {
        return FACTOR >= 1 ? engine : new NarrowedEngine(engine, FACTOR);
    }

    /** The engine behind {@code e} when it is a narrowed one, else {@code e}. */
    static OcrEngine unwrap(OcrEngine e) {
        return e instanceof NarrowedEngine n ? n.inner : e;
    }

    @Override
    public OcrResult read(GrayImage image, Rectangle region, OcrMode mode, OcrOptions options) throws OcrException {
        if (mode == OcrMode.DIGITS || mode == OcrMode.NUMBER || mode == OcrMode.VERTICAL) {
            return inner.read(image, region, mode, options);
        }
        // a region is cut out first, so only its pixels are narrowed
        RegionCut cut = region == null ? null : RegionCut.of(image, region, RegionCut.MARGIN);
        if (region != null && cut == null) return OcrResult.empty(0);
        GrayImage given = cut == null ? image : cut.image();
        int width = Math.max(1, (int) Math.round(given.width() * factor));
        if (width == given.width()) return inner.read(image, region, mode, options);
        GrayImage narrow = narrow(given, width);
        double sx = (double) width / given.width();
        Rectangle r = null;
        if (cut != null) {
            Rectangle c = cut.region();
            int x0 = (int) Math.floor(c.x * sx);
            int x1 = Math.min(width, (int) Math.ceil((c.x + c.width) * sx));
            r = new Rectangle(x0, c.y, Math.max(1, x1 - x0), c.height);
        }
        OcrResult read = inner.read(narrow, r, mode, options).moved(sx, 1, 0, 0);
        return cut == null ? read : cut.toPage(read);
    }

    /**
     * {@code src} resampled to {@code width} columns, each output pixel the mean of the source pixels
     * it covers (partly covered ones by their share), in 12-bit fixed point.
     */
    static GrayImage narrow(GrayImage src, int width) {
        int sw = src.width();
        int h = src.height();
        if (width >= sw) throw new IllegalArgumentException("not narrower: " + width + " of " + sw);
        double step = (double) sw / width;
        int taps = (int) Math.ceil(step) + 1;
        int[] first = new int[width];
        int[] weight = new int[width * taps];
        for (int x = 0; x < width; x++) {
            double a = x * step;
            double b = Math.min(sw, (x + 1) * step);
            int s = (int) a;
            first[x] = s;
            int total = 0;
            int biggest = 0;
            for (int k = 0; k < taps; k++) {
                int p = s + k;
                double overlap = p < sw ? Math.max(0, Math.min(b, p + 1) - Math.max(a, p)) : 0;
                int wgt = (int) Math.round(overlap / (b - a) * 4096);
                weight[x * taps + k] = wgt;
                total += wgt;
                if (wgt > weight[x * taps + biggest]) biggest = k;
            }
            weight[x * taps + biggest] += 4096 - total; // the weights of a pixel add up to exactly one
        }
        byte[] in = src.pixels();
        byte[] out = new byte[width * h];
        for (int y = 0; y < h; y++) {
            int row = y * sw;
            int o = y * width;
            for (int x = 0; x < width; x++) {
                int p = row + first[x];
                int wi = x * taps;
                int sum = 2048;
                for (int k = 0; k < taps; k++) {
                    int wgt = weight[wi + k];
                    if (wgt != 0) sum += wgt * (in[p + k] & 0xFF);
                }
                out[o + x] = (byte) (sum >> 12);
            }
        }
        return new GrayImage(width, h, out);
    }

    @Override
    public Orientation detectOrientation(GrayImage image, int dpi) throws OcrException {
        return inner.detectOrientation(image, dpi);
    }

    @Override
    public boolean alive() {
        return inner.alive();
    }

    @Override
    public void close() {
        inner.close();
    }
}
