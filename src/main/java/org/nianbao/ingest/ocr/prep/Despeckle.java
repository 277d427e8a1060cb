package org.nianbao.ingest.ocr.prep;

import org.nianbao.ingest.ocr.GrayImage;

/**
 * Removes dust: tiny isolated blots of ink that the model reads as full stops and quotes. A blot is
 * removed when its ink fits in a small square (about 0.5 mm at the page's resolution) and no other ink
 * is near it; Chinese full stops and commas are bigger and sit next to characters, so they stay.
 */
public final class Despeckle {
    private Despeckle() { }

    /** The cleaned copy and how many specks went. */
    public record Result(GrayImage image, int removed) { }

    public static Result clean(GrayImage img, int dpi) {
        int d = dpi > 0 ? dpi : 300;
        int maxSide = Math.max(2, Math.round(d / 60f));        // 5 px at 300 dpi
        int maxInk = maxSide * maxSide / 2 + 2;
        int clear = Math.max(3, Math.round(d / 40f));          // 7-8 px of white all round at 300 dpi
        int w = img.width();
        int h = img.height();
        int threshold = Binarize.otsu(img);
        byte[] p = img.pixels();
        // Ink is tested on the pixels themselves and "seen" kept in a bit set: two page-sized boolean
        // arrays cost more to fill and to walk (cache misses) than the flood itself.
        long[] seen = new long[(p.length + 63) >>> 6];
        byte[] out = null;
        int removed = 0;
        int cap = maxInk * 4 + 16;
        int[] stackX = new int[cap];
        int[] stackY = new int[cap];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int start = row + x;
                if ((p[start] & 0xFF) >= threshold || (seen[start >>> 6] & 1L << start) != 0) continue;
                // flood the component, giving up on it as a speck as soon as it is larger than one
                int n = 0;
                int top = 0;
                stackX[top] = x;
                stackY[top++] = y;
                seen[start >>> 6] |= 1L << start;
                int x0 = w, y0 = h, x1 = -1, y1 = -1;
                boolean big = false;
                while (top > 0) {
                    top--;
                    int cx = stackX[top];
                    int cy = stackY[top];
                    n++;
                    if (cx < x0) x0 = cx;
                    if (cx > x1) x1 = cx;
                    if (cy < y0) y0 = cy;
                    if (cy > y1) y1 = cy;
                    if (n > maxInk || x1 - x0 >= maxSide || y1 - y0 >= maxSide) big = true;
                    int ya = Math.max(0, cy - 1), yb = Math.min(h - 1, cy + 1);
                    int xa = Math.max(0, cx - 1), xb = Math.min(w - 1, cx + 1);
                    for (int ny = ya; ny <= yb; ny++) {
                        int nrow = ny * w;
                        for (int nx = xa; nx <= xb; nx++) {
                            int j = nrow + nx;
                            if ((p[j] & 0xFF) < threshold && (seen[j >>> 6] & 1L << j) == 0) {
                                seen[j >>> 6] |= 1L << j;
                                if (top < cap) {
                                    stackX[top] = nx;
                                    stackY[top++] = ny;
                                } else {
                                    big = true;
                                }
                            }
                        }
                    }
                }
                if (big) continue;
                if (!isolated(p, threshold, w, h, x0, y0, x1, y1, clear)) continue;
                if (out == null) out = p.clone();
                for (int yy = y0; yy <= y1; yy++) {
                    for (int xx = x0; xx <= x1; xx++) if ((p[yy * w + xx] & 0xFF) < threshold) out[yy * w + xx] = (byte) 255;
                }
                removed++;
            }
        }
        return new Result(out == null ? img : new GrayImage(w, h, out), removed);
    }

    /** No ink in a ring of {@code clear} pixels around the box. */
    private static boolean isolated(byte[] p, int threshold, int w, int h, int x0, int y0, int x1, int y1, int clear) {
        int ax = Math.max(0, x0 - clear), bx = Math.min(w - 1, x1 + clear);
        int ay = Math.max(0, y0 - clear), by = Math.min(h - 1, y1 + clear);
        for (int y = ay; y <= by; y++) {
            for (int x = ax; x <= bx; x++) {
                if (x >= x0 && x <= x1 && y >= y0 && y <= y1) continue;
                if ((p[y * w + x] & 0xFF) < threshold) return false;
            }
        }
        return true;
    }
}
