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
        boolean[] ink = new boolean[w * h];
        for (int i = 0; i < p.length; i++) ink[i] = (p[i] & 0xFF) < threshold;
        byte[] out = null;
        int removed = 0;
        int[] stack = new int[maxInk * 4 + 16];
        boolean[] seen = new boolean[w * h];
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || seen[start]) continue;
            // flood the component, giving up as soon as it is larger than a speck
            int n = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int x0 = w, y0 = h, x1 = -1, y1 = -1;
            boolean big = false;
            while (top > 0) {
                int i = stack[--top];
                n++;
                int x = i % w;
                int y = i / w;
                x0 = Math.min(x0, x); x1 = Math.max(x1, x);
                y0 = Math.min(y0, y); y1 = Math.max(y1, y);
                if (n > maxInk || x1 - x0 >= maxSide || y1 - y0 >= maxSide) {
                    big = true;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                        int j = ny * w + nx;
                        if (ink[j] && !seen[j]) {
                            seen[j] = true;
                            if (top < stack.length) stack[top++] = j;
                            else big = true;
                        }
                    }
                }
            }
            if (big) continue;
            if (!isolated(ink, w, h, x0, y0, x1, y1, clear)) continue;
            if (out == null) out = p.clone();
            for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) if (ink[y * w + x]) out[y * w + x] = (byte) 255;
            removed++;
        }
        return new Result(out == null ? img : new GrayImage(w, h, out), removed);
    }

    /** No ink in a ring of {@code clear} pixels around the box. */
    private static boolean isolated(boolean[] ink, int w, int h, int x0, int y0, int x1, int y1, int clear) {
        int ax = Math.max(0, x0 - clear), bx = Math.min(w - 1, x1 + clear);
        int ay = Math.max(0, y0 - clear), by = Math.min(h - 1, y1 + clear);
        for (int y = ay; y <= by; y++) {
            for (int x = ax; x <= bx; x++) {
                if (x >= x0 && x <= x1 && y >= y0 && y <= y1) continue;
                if (ink[y * w + x]) return false;
            }
        }
        return true;
    }
}
