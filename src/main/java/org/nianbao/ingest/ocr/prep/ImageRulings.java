package org.nianbao.ingest.ocr.prep;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * Finds the ruling lines of tables and forms in a page image: long, thin, straight runs of ink,
 * horizontal or vertical. A run must be longer than {@code minLength} (0.6 inch by default), far longer
 * than any stroke of a character, so Chinese text is never mistaken for rules (Tesseract's own line
 * finder closes gaps between characters and does). Used to take rules out of the page before OCR, and
 * as evidence of table grids.
 */
public final class ImageRulings {
    private ImageRulings() { }

    /**
     * A ruling segment in image pixels: {@code (x0, y0)} to {@code (x1, y1)} inclusive, centre line,
     * with its thickness in pixels.
     */
    public record Segment(boolean horizontal, int x0, int y0, int x1, int y1, int thickness) {
        public int length() {
            return horizontal ? x1 - x0 + 1 : y1 - y0 + 1;
        }
    }

    /** Rulings of an image scanned at {@code dpi} (0 = assume 300). */
    public static List<Segment> find(GrayImage img, int dpi) {
        int d = dpi > 0 ? dpi : 300;
        int threshold = Binarize.otsu(img);
        int minLength = (int) Math.round(d * 0.6);
        int maxThickness = Math.max(3, (int) Math.round(d / 25.0));
        int gap = Math.max(1, d / 150);
        List<Segment> out = new ArrayList<>();
        out.addAll(scan(img, threshold, minLength, maxThickness, gap, true));
        out.addAll(scan(img, threshold, minLength, maxThickness, gap, false));
        return out;
    }

    /** Paints the segments white (with a one-pixel margin) and returns the cleaned copy. */
    public static GrayImage erase(GrayImage img, List<Segment> segments) {
        byte[] p = img.pixels().clone();
        int w = img.width();
        int h = img.height();
        for (Segment s : segments) {
            int half = s.thickness() / 2 + 2;
            int xa = s.horizontal() ? s.x0() : s.x0() - half;
            int xb = s.horizontal() ? s.x1() : s.x1() + half;
            int ya = s.horizontal() ? s.y0() - half : s.y0();
            int yb = s.horizontal() ? s.y1() + half : s.y1();
            for (int y = Math.max(0, ya); y <= Math.min(h - 1, yb); y++) {
                for (int x = Math.max(0, xa); x <= Math.min(w - 1, xb); x++) p[y * w + x] = (byte) 255;
            }
        }
        return new GrayImage(w, h, p);
    }

    /**
     * Runs along rows (horizontal) or columns (vertical); neighbouring runs one line apart that overlap
     * are merged into one segment whose thickness is the number of lines it spans.
     */
    private static List<Segment> scan(GrayImage img, int threshold, int minLength, int maxThickness, int gap, boolean horizontal) {
        int w = img.width();
        int h = img.height();
        int lines = horizontal ? h : w;
        int along = horizontal ? w : h;
        byte[] p = img.pixels();
        List<int[]> open = new ArrayList<>();   // {start, end, firstLine, lastLine, sumCentre}
        List<Segment> done = new ArrayList<>();
        for (int li = 0; li < lines; li++) {
            List<int[]> runs = new ArrayList<>();
            int start = -1;
            int lastInk = -1;
            for (int a = 0; a < along; a++) {
                int v = horizontal ? p[li * w + a] & 0xFF : p[a * w + li] & 0xFF;
                if (v < threshold) {
                    if (start < 0) start = a;
                    lastInk = a;
                } else if (start >= 0 && a - lastInk > gap) {
                    if (lastInk - start + 1 >= minLength) runs.add(new int[]{start, lastInk});
                    start = -1;
                }
            }
            if (start >= 0 && lastInk - start + 1 >= minLength) runs.add(new int[]{start, lastInk});
            List<int[]> next = new ArrayList<>();
            for (int[] r : runs) {
                int[] match = null;
                for (int[] o : open) {
                    if (o[3] == li - 1 && o[0] < r[1] && r[0] < o[1]) { match = o; break; }
                }
                if (match != null) {
                    match[0] = Math.min(match[0], r[0]);
                    match[1] = Math.max(match[1], r[1]);
                    match[3] = li;
                    next.add(match);
                    open.remove(match);
                } else {
                    next.add(new int[]{r[0], r[1], li, li});
                }
            }
            for (int[] o : open) close(o, maxThickness, horizontal, done);
            open = next;
        }
        for (int[] o : open) close(o, maxThickness, horizontal, done);
        return done;
    }

    private static void close(int[] o, int maxThickness, boolean horizontal, List<Segment> done) {
        int thickness = o[3] - o[2] + 1;
        if (thickness > maxThickness) return; // a filled area or an image, not a rule
        int centre = (o[2] + o[3]) / 2;
        done.add(horizontal ? new Segment(true, o[0], centre, o[1], centre, thickness)
                : new Segment(false, centre, o[0], centre, o[1], thickness));
    }
}
