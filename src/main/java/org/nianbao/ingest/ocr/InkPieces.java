package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The ink of a rectangle of a page as a mask, and its eight-connected pieces: the one flood fill shared
 * by the cell reader and the search for tables without rules ({@code table.pdf.CellInk}, {@code InkLayout})
 * and the list-marker repair ({@link EnumeratorRepair}).
 */
public final class InkPieces {
    private InkPieces() { }

    /**
     * One connected piece of a mask.
     *
     * @param pixels its pixels as indices {@code y * width + x} into the mask, in the order the fill found them
     */
    public record Piece(int[] pixels, int x0, int y0, int x1, int y1) {
        public int size() {
            return pixels.length;
        }

        public int width() {
            return x1 - x0 + 1;
        }

        public int height() {
            return y1 - y0 + 1;
        }
    }

    /** Pixels of {@code r} (inside {@code img}) darker than {@code threshold}, row by row. */
    public static boolean[] dark(GrayImage img, Rectangle r, int threshold) {
        int w = r.width;
        int h = r.height;
        boolean[] dark = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) dark[y * w + x] = img.get(r.x + x, r.y + y) < threshold;
        }
        return dark;
    }

    /**
     * Hands every eight-connected piece of {@code dark} (a {@code w}×{@code h} mask) to {@code each}, in
     * the order of their first pixel row by row. The mask is not changed, so {@code each} may clear a
     * piece's pixels from it.
     */
    public static void each(boolean[] dark, int w, int h, Consumer<Piece> each) {
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[1024];
        int[] piece = new int[1024];
        for (int start = 0; start < w * h; start++) {
            if (!dark[start] || seen[start]) continue;
            int sp = 0;
            int n = 0;
            stack[sp++] = start;
            seen[start] = true;
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            while (sp > 0) {
                int p = stack[--sp];
                if (n == piece.length) piece = Arrays.copyOf(piece, n * 2);
                piece[n++] = p;
                int px = p % w;
                int py = p / w;
                x0 = Math.min(x0, px);
                x1 = Math.max(x1, px);
                y0 = Math.min(y0, py);
                y1 = Math.max(y1, py);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        int ny = py + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                        int q = ny * w + nx;
                        if (dark[q] && !seen[q]) {
                            seen[q] = true;
                            if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                            stack[sp++] = q;
                        }
                    }
                }
            }
            each.accept(new Piece(Arrays.copyOf(piece, n), x0, y0, x1, y1));
        }
    }
}
