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
    private Tone() { }

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
