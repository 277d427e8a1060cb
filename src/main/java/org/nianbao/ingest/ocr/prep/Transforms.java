package org.nianbao.ingest.ocr.prep;

import java.awt.geom.AffineTransform;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * Geometric steps on grey pages, each returning the new image with the transform that maps the
 * input's coordinates to the output's, so boxes found on the prepared page can be mapped back to the
 * page as it was given.
 */
public final class Transforms {
    private Transforms() { }

    /** An image and the transform from the original image's pixel coordinates to this image's. */
    public record Transformed(GrayImage image, AffineTransform toImage) { }

    /** Scales by {@code factor}: area averaging when shrinking, bilinear when enlarging. */
    public static Transformed scale(GrayImage src, double factor) {
        return scale(src, factor, false);
    }

    /**
     * Scales by {@code factor}: area averaging when shrinking; when enlarging, bilinear, or with
     * {@code repeatPixels} each pixel repeated (nearest neighbour), which keeps a coarse scan's edges hard.
     */
    public static Transformed scale(GrayImage src, double factor, boolean repeatPixels) {
        int w = Math.max(1, (int) Math.round(src.width() * factor));
        int h = Math.max(1, (int) Math.round(src.height() * factor));
        byte[] out = factor < 1 ? shrink(src, w, h) : repeatPixels ? nearest(src, w, h) : enlarge(src, w, h);
        return new Transformed(new GrayImage(w, h, out), AffineTransform.getScaleInstance((double) w / src.width(), (double) h / src.height()));
    }

    private static byte[] shrink(GrayImage src, int w, int h) {
        byte[] out = new byte[w * h];
        double sx = (double) src.width() / w;
        double sy = (double) src.height() / h;
        // each output column's source columns, worked out once for all rows (the same numbers as per pixel)
        int[] from = new int[w];
        int[] to = new int[w];
        for (int x = 0; x < w; x++) {
            from[x] = (int) (x * sx);
            to[x] = Math.max(from[x] + 1, Math.min(src.width(), (int) ((x + 1) * sx)));
        }
        byte[] px = src.pixels();
        int sw = src.width();
        for (int y = 0; y < h; y++) {
            int y0 = (int) (y * sy);
            int y1 = Math.max(y0 + 1, Math.min(src.height(), (int) ((y + 1) * sy)));
            for (int x = 0; x < w; x++) {
                int x0 = from[x];
                int x1 = to[x];
                int sum = 0;
                for (int yy = y0; yy < y1; yy++) {
                    int row = yy * sw;
                    for (int xx = x0; xx < x1; xx++) sum += px[row + xx] & 0xFF;
                }
                out[y * w + x] = (byte) (sum / ((y1 - y0) * (x1 - x0)));
            }
        }
        return out;
    }

    private static byte[] nearest(GrayImage src, int w, int h) {
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(src.height() - 1, (int) ((long) y * src.height() / h));
            for (int x = 0; x < w; x++) out[y * w + x] = src.pixels()[sy * src.width() + Math.min(src.width() - 1, (int) ((long) x * src.width() / w))];
        }
        return out;
    }

    private static byte[] enlarge(GrayImage src, int w, int h) {
        byte[] out = new byte[w * h];
        double sx = (double) src.width() / w;
        double sy = (double) src.height() / h;
        int sw = src.width();
        int sh = src.height();
        byte[] p = src.pixels();
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min(sh - 1, (int) fy);
            int y1 = Math.min(sh - 1, y0 + 1);
            double dy = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min(sw - 1, (int) fx);
                int x1 = Math.min(sw - 1, x0 + 1);
                double dx = fx - x0;
                double top = (p[y0 * sw + x0] & 0xFF) * (1 - dx) + (p[y0 * sw + x1] & 0xFF) * dx;
                double bot = (p[y1 * sw + x0] & 0xFF) * (1 - dx) + (p[y1 * sw + x1] & 0xFF) * dx;
                out[y * w + x] = (byte) Math.round(top * (1 - dy) + bot * dy);
            }
        }
        return out;
    }

    /** Turns the page clockwise by a multiple of 90 degrees, exactly (no resampling). */
    public static Transformed quarterTurn(GrayImage src, int clockwiseDegrees) {
        int q = Math.floorMod(clockwiseDegrees, 360) / 90;
        int w = src.width();
        int h = src.height();
        byte[] p = src.pixels();
        if (q == 0) return new Transformed(src, new AffineTransform());
        int ow = q % 2 == 0 ? w : h;
        int oh = q % 2 == 0 ? h : w;
        byte[] out = new byte[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int nx, ny;
                switch (q) {
                    case 1 -> { nx = h - 1 - y; ny = x; }
                    case 2 -> { nx = w - 1 - x; ny = h - 1 - y; }
                    default -> { nx = y; ny = w - 1 - x; }
                }
                out[ny * ow + nx] = p[y * w + x];
            }
        }
        AffineTransform t = new AffineTransform();
        // pixel-edge coordinates: a point (x, y) of the source lands at these coordinates of the output
        switch (q) {
            case 1 -> { t.translate(h, 0); t.quadrantRotate(1); }
            case 2 -> { t.translate(w, h); t.quadrantRotate(2); }
            default -> { t.translate(0, w); t.quadrantRotate(3); }
        }
        return new Transformed(new GrayImage(ow, oh, out), t);
    }

    /**
     * Rotates by a small angle about the centre (positive = clockwise on screen), keeping the size;
     * corners that come into view are paper white. Bilinear, straight on the pixel array: Java2D's
     * general affine path took over a second per 300 dpi page (measured).
     *
     * <p>Fixed point: the source position is carried along each output row to 2^-32 pixel (so it stays
     * within 10^-5 pixel of the exact position across a page), and the bilinear weights are 11-bit
     * fractions; the pixels whose four neighbours lie inside the image (one run per row, all but the
     * rim and the corners) are read without edge tests. The result is the exact (double) rotation
     * ({@code PrepReference.rotateSmall} in the tests) to within one grey level, at about 40% of its CPU (docs/ocr.md).
     */
    public static Transformed rotateSmall(GrayImage src, double clockwiseDegrees) {
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
        final double one = 4294967296.0; // 2^32
        long stepX = Math.round(cos * one);
        long stepY = Math.round(-sin * one);
        long insideX = (long) (w - 1) << 32; // x0 < w - 1: the right neighbour is in the image
        long insideY = (long) (h - 1) << 32;
        for (int y = 0; y < h; y++) {
            // the output pixel centre (x + 0.5, y + 0.5) comes from the inverse rotation of it, in
            // pixel-index space (minus 0.5): sx = cos·dx + sin·dy + cx − 0.5, sy = −sin·dx + cos·dy + cy − 0.5
            double dy = y + 0.5 - cy;
            double dx0 = 0.5 - cx;
            long fx0 = Math.round((cos * dx0 + sin * dy + cx - 0.5) * one);
            long fy0 = Math.round((-sin * dx0 + cos * dy + cy - 0.5) * one);
            int row = y * w;
            // The pixels whose four neighbours are all inside the image form one run [a, b) of the row
            // (the source walks a straight line): found from both ends, then read without bounds checks.
            int a = 0;
            while (a < w && !inside(fx0 + a * stepX, fy0 + a * stepY, insideX, insideY)) {
                out[row + a] = rim(in, w, h, fx0 + a * stepX, fy0 + a * stepY);
                a++;
            }
            int b = w;
            while (b > a && !inside(fx0 + (b - 1) * stepX, fy0 + (b - 1) * stepY, insideX, insideY)) {
                b--;
                out[row + b] = rim(in, w, h, fx0 + b * stepX, fy0 + b * stepY);
            }
            long fx = fx0 + a * stepX;
            long fy = fy0 + a * stepY;
            for (int x = a; x < b; x++, fx += stepX, fy += stepY) {
                int i = (int) (fy >> 32) * w + (int) (fx >> 32);
                int wx = (int) (fx >>> 21) & 0x7FF; // the fraction's top 11 bits
                int wy = (int) (fy >>> 21) & 0x7FF;
                int p00 = in[i] & 0xFF;
                int p10 = in[i + 1] & 0xFF;
                int p01 = in[i + w] & 0xFF;
                int p11 = in[i + w + 1] & 0xFF;
                int top = (p00 << 11) + (p10 - p00) * wx;
                int bottom = (p01 << 11) + (p11 - p01) * wx;
                out[row + x] = (byte) (((top << 11) + (bottom - top) * wy + (1 << 21)) >> 22);
            }
        }
        return new Transformed(new GrayImage(w, h, out), t);
    }

    /** Whether the source position (32-bit fixed point) has all four bilinear neighbours inside the image. */
    private static boolean inside(long fx, long fy, long insideX, long insideY) {
        return fx >= 0 && fy >= 0 && fx < insideX && fy < insideY;
    }

    /** A pixel at the image's rim or beyond: neighbours outside the image are paper white. */
    private static byte rim(byte[] in, int w, int h, long fx, long fy) {
        long x0 = fx >> 32; // floor, also for negative positions
        long y0 = fy >> 32;
        if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) return (byte) 255;
        int wx = (int) (fx >>> 21) & 0x7FF;
        int wy = (int) (fy >>> 21) & 0x7FF;
        int ix = (int) x0;
        int iy = (int) y0;
        int p00 = pixel(in, w, h, ix, iy);
        int p10 = pixel(in, w, h, ix + 1, iy);
        int p01 = pixel(in, w, h, ix, iy + 1);
        int p11 = pixel(in, w, h, ix + 1, iy + 1);
        int top = (p00 << 11) + (p10 - p00) * wx;
        int bottom = (p01 << 11) + (p11 - p01) * wx;
        return (byte) (((top << 11) + (bottom - top) * wy + (1 << 21)) >> 22);
    }

    /** A pixel, paper white outside the image. */
    private static int pixel(byte[] p, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 255 : p[y * w + x] & 0xFF;
    }
}
