package org.nianbao.ingest.ocr.prep;

import org.nianbao.ingest.ocr.GrayImage;

/**
 * Tone curve for the page the engine reads. A gamma above 1 darkens the mid-greys — the soft edges
 * of strokes — while paper white and ink black stay where they are, so thin strokes of the Song and
 * Kai faces come out fuller. Measured on generated full-report scans (docs/ocr.md): pages whose paper
 * was lifted to pure white by the scanner ("document mode" PNGs) lost the outer edge of every stroke
 * and read markedly worse than the same scans as grey JPEGs.
 */
public final class Tone {
    /** A page whose paper was lifted to white has at least this share of its pixels pure white ... */
    static final double MIN_WHITE = 0.5;
    /** ... and is still a grey image: at least this share of pixels between black and white (not bilevel). */
    static final double MIN_GREY = 0.01;
    /** Coarser document-mode scans were measured worse darkened (docs/ocr.md): the gamma is for 240 dpi and finer. */
    public static final int MIN_DPI = 240;

    private Tone() { }

    /**
     * Whether the page looks like a scanner's "document mode" output: paper lifted to pure white (most
     * pixels 255) while strokes keep grey edges. Grey scans as they come (JPEG in a PDF, camera pictures)
     * have paper of some grey with noise and almost no pixel at 255; bilevel scans (G4 TIFF) have no grey.
     * Only the first kind had its strokes thinned by the lift and reads better darkened (docs/ocr.md).
     * Judged from the page's grey-level histogram ({@link Binarize#histogram}).
     */
    public static boolean paperLiftedToWhite(long[] hist) {
        long n = 0;
        for (long c : hist) n += c;
        if (n == 0) return false;
        long white = hist[255];
        long grey = n - hist[0] - hist[255];
        return white >= MIN_WHITE * n && grey >= MIN_GREY * n;
    }

    /** The page through {@code out = 255 * (in / 255) ^ gamma}; the page itself when gamma is 1. */
    public static GrayImage gamma(GrayImage img, double gamma) {
        if (gamma == 1) return img;
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) lut[v] = (byte) Math.round(255 * Math.pow(v / 255.0, gamma));
        byte[] in = img.pixels();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) out[i] = lut[in[i] & 0xFF];
        return new GrayImage(img.width(), img.height(), out);
    }
}
