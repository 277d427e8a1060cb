package org.nianbao.ingest.table.pdf;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * Cut-outs of a prepared page image for reading one cell on its own: the cell's area inset from its
 * rules, and the image Tesseract is given — the cell's ink with a margin of white paper around it
 * (Tesseract finds text lines far more reliably with a clear border than with ink at the edge), or a
 * vertical label's characters set side by side in one line.
 */
public final class CellCrop {
    private CellCrop() { }

    /**
     * The part of a cell to look for ink in: the cell's box (between the centre lines of its rules) inset
     * by {@code inset} pixels on every side, so neither the rules nor what erasing them left behind are in it.
     * Null when nothing is left.
     */
    public static Rectangle inner(double x, double y, double width, double height, int inset) {
        int x0 = (int) Math.ceil(x) + inset;
        int y0 = (int) Math.ceil(y) + inset;
        int x1 = (int) Math.floor(x + width) - inset;
        int y1 = (int) Math.floor(y + height) - inset;
        if (x1 - x0 < 4 || y1 - y0 < 4) return null;
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    /** How far inside a cell's rules to look: half the thickest rule, the eraser's margin and a little more. */
    public static int inset(int ruleThickness, double scale) {
        return Math.max(3, ruleThickness / 2 + 2 + (int) Math.round(3 * scale));
    }

    /**
     * {@code box} of {@code img} on white paper with {@code pad} pixels of margin; pixels outside the
     * box (a neighbouring cell's text, a rule) are not copied. Pixels lighter than {@code paper} are
     * lifted to white so the margin and the cell's own paper are one tone.
     */
    public static GrayImage padded(GrayImage img, Rectangle box, int pad, int paper) {
        return padded(img, box, pad, paper, 1);
    }

    /**
     * As {@link #padded(GrayImage, Rectangle, int, int)}, enlarged {@code scale} times (bilinear) and with
     * its contrast stretched so the darkest ink is black: Tesseract reads glyphs about 40 pixels high
     * best, and a faint 200 dpi figure of 20 pixels is often not read at all (measured: a grey "0" of a
     * noisy scan is read only from 3x). {@code pad} is in output pixels.
     */
    public static GrayImage padded(GrayImage img, Rectangle box, int pad, int paper, double scale) {
        Rectangle r = box.intersection(new Rectangle(0, 0, img.width(), img.height()));
        int rw = Math.max(1, r.width);
        int rh = Math.max(1, r.height);
        int darkest = 255;
        for (int y = 0; y < r.height; y++) for (int x = 0; x < r.width; x++) darkest = Math.min(darkest, img.get(r.x + x, r.y + y));
        int range = Math.max(1, paper - darkest);
        int ow = (int) Math.round(rw * scale);
        int oh = (int) Math.round(rh * scale);
        int w = ow + 2 * pad;
        int h = oh + 2 * pad;
        byte[] out = new byte[w * h];
        Arrays.fill(out, (byte) 255);
        for (int y = 0; y < oh; y++) {
            double sy = Math.min(rh - 1, Math.max(0, (y + 0.5) / scale - 0.5));
            int y0 = (int) sy;
            int y1 = Math.min(rh - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < ow; x++) {
                double sx = Math.min(rw - 1, Math.max(0, (x + 0.5) / scale - 0.5));
                int x0 = (int) sx;
                int x1 = Math.min(rw - 1, x0 + 1);
                double fx = sx - x0;
                double v = img.get(r.x + x0, r.y + y0) * (1 - fx) * (1 - fy) + img.get(r.x + x1, r.y + y0) * fx * (1 - fy)
                        + img.get(r.x + x0, r.y + y1) * (1 - fx) * fy + img.get(r.x + x1, r.y + y1) * fx * fy;
                int o = v >= paper ? 255 : (int) Math.round((v - darkest) * 255.0 / range);
                out[(y + pad) * w + x + pad] = (byte) Math.max(0, Math.min(255, o));
            }
        }
        return new GrayImage(w, h, out);
    }

    /**
     * The cut-out set {@code copies} times side by side, {@code gap} pixels of white between copies.
     * Tesseract's line model reads a lone figure badly (a clean "0" of a 200 dpi scan comes back empty in
     * every mode, a "5" as "3"): it decides characters in context, and one glyph has none. The same
     * glyph three times over is a line it reads reliably, and whether the copies come back alike is a
     * check of the reading ({@link CellNumbers#repeated}).
     */
    public static GrayImage repeated(GrayImage img, int copies, int gap) {
        int n = Math.max(1, copies);
        int g = Math.max(0, gap);
        int w = img.width() * n + g * (n - 1);
        byte[] out = new byte[w * img.height()];
        Arrays.fill(out, (byte) 255);
        for (int c = 0; c < n; c++) {
            int x0 = c * (img.width() + g);
            for (int y = 0; y < img.height(); y++) System.arraycopy(img.pixels(), y * img.width(), out, y * w + x0, img.width());
        }
        return new GrayImage(w, img.height(), out);
    }

    /**
     * The cut-out made black and white at the midpoint between its darkest pixel and white: another view
     * of a grey figure for a second reading (Tesseract's own binarisation splits a faint stroke).
     */
    public static GrayImage blackAndWhite(GrayImage img) {
        int darkest = 255;
        for (byte b : img.pixels()) darkest = Math.min(darkest, b & 0xFF);
        int level = darkest + (255 - darkest) / 2;
        byte[] out = new byte[img.pixels().length];
        for (int i = 0; i < out.length; i++) out[i] = (img.pixels()[i] & 0xFF) < level ? 0 : (byte) 255;
        return new GrayImage(img.width(), img.height(), out);
    }

    /** How much to enlarge a cut-out whose text lines are {@code lineHeight} pixels high (1 to 4 times). */
    public static double enlargement(double lineHeight) {
        if (lineHeight <= 0) return 1;
        return Math.max(1, Math.min(4, TARGET_HEIGHT / lineHeight));
    }

    /** Height of a text line Tesseract reads best, pixels. */
    static final double TARGET_HEIGHT = 44;

    /**
     * A vertical label read as a line: its characters, top to bottom, set left to right on white paper,
     * each vertically centred, {@code gap} pixels apart, with {@code pad} of margin.
     *
     * @param lines the characters' bands {top, bottom, left, right} in image pixels (from {@link CellInk})
     */
    public static GrayImage sideBySide(GrayImage img, List<int[]> lines, int gap, int pad, int paper) {
        int height = 0;
        int width = 0;
        for (int[] l : lines) {
            height = Math.max(height, l[1] - l[0] + 1);
            width += l[3] - l[2] + 1;
        }
        width += gap * Math.max(0, lines.size() - 1) + 2 * pad;
        height += 2 * pad;
        byte[] out = new byte[width * height];
        Arrays.fill(out, (byte) 255);
        int cx = pad;
        for (int[] l : lines) {
            int lh = l[1] - l[0] + 1;
            int lw = l[3] - l[2] + 1;
            int top = pad + (height - 2 * pad - lh) / 2;
            for (int y = 0; y < lh; y++) {
                int sy = l[0] + y;
                if (sy < 0 || sy >= img.height()) continue;
                for (int x = 0; x < lw; x++) {
                    int sx = l[2] + x;
                    if (sx < 0 || sx >= img.width()) continue;
                    int v = img.get(sx, sy);
                    out[(top + y) * width + cx + x] = (byte) (v >= paper ? 255 : v);
                }
            }
            cx += lw + gap;
        }
        return new GrayImage(width, height, out);
    }
    /**
     * The grey above which a cut-out's pixels are paper and made white: halfway between the ink/paper
     * threshold and white, or lower on noisy grey paper (a 200 dpi scan's paper spreads from 200 to 250
     * and, half of it left grey, reads as specks and shadows: 两 lines of a cell read as "re"): then the
     * level the darkest fifth of the paper pixels lies below.
     */
    public static int liftLevel(GrayImage img, int threshold) {
        int half = threshold + (255 - threshold) / 2;
        long[] hist = new long[256];
        long n = 0;
        int step = Math.max(1, (int) Math.sqrt((double) img.width() * img.height() / 400_000.0));
        for (int y = 0; y < img.height(); y += step) {
            for (int x = 0; x < img.width(); x += step) {
                int v = img.get(x, y);
                if (v >= threshold) {
                    hist[v]++;
                    n++;
                }
            }
        }
        long fifth = n / 5;
        long acc = 0;
        for (int v = threshold; v < 256; v++) {
            acc += hist[v];
            if (acc > fifth) return Math.min(half, Math.max(threshold + 1, v));
        }
        return half;
    }
}
