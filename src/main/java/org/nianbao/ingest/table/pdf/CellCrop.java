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
        Rectangle r = box.intersection(new Rectangle(0, 0, img.width(), img.height()));
        int w = Math.max(1, r.width) + 2 * pad;
        int h = Math.max(1, r.height) + 2 * pad;
        byte[] out = new byte[w * h];
        Arrays.fill(out, (byte) 255);
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                int v = img.get(r.x + x, r.y + y);
                out[(y + pad) * w + x + pad] = (byte) (v >= paper ? 255 : v);
            }
        }
        return new GrayImage(w, h, out);
    }

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
}
