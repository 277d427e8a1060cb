package org.nianbao.ingest.table.pdf;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.InkPieces;

/**
 * The ink inside one table cell of a prepared page image: how much there is, where it is, and how it is
 * laid out in lines. Decides what the cell reader does with the cell: nothing (blank), read one line,
 * read a block, or read a vertical column of characters.
 *
 * <p>Ink is counted in connected pieces; pieces smaller than {@link #MIN_PIECE} pixels (dust the
 * despeckler left, JPEG crumbs) and long thin pieces hugging the cell's edge (what is left of an erased
 * rule) do not count, so a cell holding only such marks is blank and stays blank, never "0" or "|".
 */
public final class CellInk {
    /** Pieces smaller than this many pixels (at 300 dpi) are noise. */
    static final int MIN_PIECE = 6;
    /** A cell with less ink than this (at 300 dpi) holds nothing readable; a printed "1" has about 100. */
    static final int MIN_INK = 40;
    /** Largest cell examined, in pixels; a bigger "cell" is not a table cell (bounds the work). */
    static final long MAX_PIXELS = 4_000_000L;

    /**
     * @param ink   dark pixels in pieces that count
     * @param box   bounding box of those pieces in image pixels, or null when blank
     * @param lines horizontal bands of ink (top, bottom inclusive) in image pixels, top to bottom
     */
    public record Ink(int ink, Rectangle box, List<int[]> lines, List<Piece> pieces) {
        public Ink(int ink, Rectangle box, List<int[]> lines) {
            this(ink, box, lines, List.of());
        }

        public boolean blank() {
            return box == null;
        }
    }

    /**
     * One connected piece of ink that counts.
     *
     * @param box    its bounding box in image pixels
     * @param pixels its pixels as indices {@code y * width + x} into the image
     */
    public record Piece(Rectangle box, int[] pixels) { }

    private CellInk() { }

    /**
     * Measures the ink of {@code area} (already inset from the rules) in {@code img}; {@code threshold}
     * separates ink from paper (Otsu over the page); {@code scale} is the image's dpi / 300.
     */
    public static Ink measure(GrayImage img, Rectangle area, int threshold, double scale) {
        return measure(img, area, threshold, scale, 0);
    }

    /**
     * As {@link #measure(GrayImage, Rectangle, int, double)}; with the table's character height known
     * ({@code charHeight} > 0), small pieces standing apart from the text (a speck beside a figure,
     * read as {@code “} or {@code *}) are left out too.
     */
    public static Ink measure(GrayImage img, Rectangle area, int threshold, double scale, double charHeight) {
        Rectangle r = area.intersection(new Rectangle(0, 0, img.width(), img.height()));
        if (r.isEmpty() || (long) r.width * r.height > MAX_PIXELS) return new Ink(0, null, List.of());
        int w = r.width;
        int h = r.height;
        boolean[] dark = InkPieces.dark(img, r, threshold);
        clearEdgeRules(dark, w, h, scale);
        int minPiece = Math.max(2, (int) Math.round(MIN_PIECE * scale * scale));
        int minInk = Math.max(8, (int) Math.round(MIN_INK * scale * scale));
        boolean[] keep = new boolean[w * h];
        List<int[]> boxes = new ArrayList<>();     // {x0, y0, x1, y1, size}
        List<int[]> members = new ArrayList<>();
        InkPieces.each(dark, w, h, piece -> {
            if (piece.size() < minPiece) return;
            if (ruleRemnant(piece.x0(), piece.y0(), piece.x1(), piece.y1(), w, h, scale)) return;
            boxes.add(new int[]{piece.x0(), piece.y0(), piece.x1(), piece.y1(), piece.size()});
            members.add(piece.pixels());
        });
        boolean[] apart = strays(boxes, charHeight);
        dustBands(boxes, apart, charHeight);
        List<Piece> pieces = new ArrayList<>();
        int total = 0;
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int i = 0; i < boxes.size(); i++) {
            if (apart[i]) continue;
            int[] b = boxes.get(i);
            int[] m = members.get(i);
            int[] px = new int[m.length];
            for (int k = 0; k < m.length; k++) {
                keep[m[k]] = true;
                px[k] = (r.y + m[k] / w) * img.width() + r.x + m[k] % w;
            }
            pieces.add(new Piece(new Rectangle(r.x + b[0], r.y + b[1], b[2] - b[0] + 1, b[3] - b[1] + 1), px));
            total += b[4];
            x0 = Math.min(x0, b[0]); x1 = Math.max(x1, b[2]);
            y0 = Math.min(y0, b[1]); y1 = Math.max(y1, b[3]);
        }
        if (total < minInk) return new Ink(total, null, List.of());
        Rectangle box = new Rectangle(r.x + x0, r.y + y0, x1 - x0 + 1, y1 - y0 + 1);
        return new Ink(total, box, lines(keep, w, h, r, scale), pieces);
    }

    /**
     * Rows near the top and bottom edge that are mostly ink, and columns near the sides that are, are
     * what is left of the cell's rules (a rule bent by the scan, a corner where two meet): cleared
     * before the pieces are counted.
     */
    static void clearEdgeRules(boolean[] dark, int w, int h, double scale) {
        int band = Math.max(3, (int) Math.round(8 * scale));
        for (int y = 0; y < h; y++) {
            if (y >= band && y < h - band) continue;
            int n = 0;
            for (int x = 0; x < w; x++) if (dark[y * w + x]) n++;
            if (n * 2 > w) for (int x = 0; x < w; x++) dark[y * w + x] = false;
        }
        for (int x = 0; x < w; x++) {
            if (x >= band && x < w - band) continue;
            int n = 0;
            for (int y = 0; y < h; y++) if (dark[y * w + x]) n++;
            if (n * 2 > h) for (int y = 0; y < h; y++) dark[y * w + x] = false;
        }
    }

    /**
     * Small pieces (less than a fifth of a character across) farther than most of a character from every
     * bigger piece, or more than {@link #CLOSE} of one away level with the middle of the nearest ones
     * ({@link #midHeight}): specks, not the dot of a figure or a Chinese full stop, which stand close to
     * text and low.
     * With no character height known, nothing is a stray. With no bigger piece at all, every piece is one:
     * a cell holding nothing but specks is empty paper with dust on it (the empty part of a tall merged
     * label cell on a 200 dpi scan, whose three specks one under another read as a vertical label
     * {@code 中昌卡}); no figure, letter or sign is that small (a 1 is tall, a minus sign wide).
     */
    static boolean[] strays(List<int[]> boxes, double charHeight) {
        boolean[] out = new boolean[boxes.size()];
        if (charHeight <= 0) return out;
        double small = charHeight * 0.2;
        boolean[] big = new boolean[boxes.size()];
        boolean anyBig = false;
        for (int i = 0; i < boxes.size(); i++) {
            int[] b = boxes.get(i);
            big[i] = b[2] - b[0] + 1 > small || b[3] - b[1] + 1 > small;
            anyBig |= big[i];
        }
        if (!anyBig) {
            java.util.Arrays.fill(out, true);
            return out;
        }
        double reach = charHeight * 0.7;
        double close = charHeight * CLOSE;
        for (int i = 0; i < boxes.size(); i++) {
            if (big[i]) continue;
            int[] a = boxes.get(i);
            boolean near = false;
            for (int j = 0; j < boxes.size() && !near; j++) {
                if (!big[j]) continue;
                int[] b = boxes.get(j);
                int dx = Math.max(0, Math.max(b[0] - a[2], a[0] - b[2]));
                int dy = Math.max(0, Math.max(b[1] - a[3], a[1] - b[3]));
                double d = Math.hypot(dx, dy);
                near = d <= close || d <= reach && !midHeight(a, b);
            }
            out[i] = !near;
        }
        return out;
    }

    /**
     * Which pieces of a one-line number cell are the figure: its digits (pieces at least half as tall as
     * the tallest), what lies level with them over their width (a decimal point, the parts of a broken
     * digit), and a sign just before them. Not the figure: a mark before the digits that is no sign (a
     * speck on the baseline read as a decimal point: ".0" → "20"), anything after them or above or below
     * their band, and a speck inside a digit's box (in the hole of a 0, read as "@" or "8").
     *
     * @return for each piece, whether it belongs to the figure (all true when there is no digit-sized piece)
     */
    static boolean[] figure(List<Rectangle> pieces) {
        boolean[] out = new boolean[pieces.size()];
        int tallest = 0;
        for (Rectangle p : pieces) tallest = Math.max(tallest, p.height);
        if (tallest == 0) return out;
        int x0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, top = Integer.MAX_VALUE, bottom = Integer.MIN_VALUE;
        boolean[] digit = new boolean[pieces.size()];
        for (int i = 0; i < pieces.size(); i++) {
            Rectangle p = pieces.get(i);
            digit[i] = p.height * 2 >= tallest;
            if (!digit[i]) continue;
            x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x + p.width - 1);
            top = Math.min(top, p.y); bottom = Math.max(bottom, p.y + p.height - 1);
        }
        double band = bottom - top + 1;
        for (int i = 0; i < pieces.size(); i++) {
            Rectangle p = pieces.get(i);
            if (digit[i]) {
                out[i] = true;
                continue;
            }
            double cy = p.y + (p.height - 1) / 2.0;
            double cx = p.x + (p.width - 1) / 2.0;
            if (cy < top || cy > bottom) {                             // above or below the digits,
                out[i] = brokenOff(p, pieces, digit);                  // unless a digit's own part
                continue;
            }
            if (p.x > x1) continue;                                    // after the figure
            if (p.x + p.width - 1 < x0) {                              // before it: only a sign
                boolean mid = cy > top + band * 0.25 && cy < bottom - band * 0.25;
                out[i] = mid && p.width >= p.height * 0.8 && p.width >= band * 0.25 && x0 - (p.x + p.width) <= band;
                continue;
            }
            boolean inside = false;
            for (int j = 0; j < pieces.size() && !inside; j++) {
                if (!digit[j]) continue;
                Rectangle d = pieces.get(j);
                inside = Math.max(p.width, p.height) <= band * 0.25 && d.contains(p)
                        && Math.abs(cx - d.getCenterX()) < d.width * 0.3 && Math.abs(cy - d.getCenterY()) < d.height * 0.3;
            }
            out[i] = !inside;
        }
        return out;
    }

    /**
     * Whether a piece above or below the digits' band is a part of a lone digit broken off it: a thin grey
     * 5 comes as its bowl and its flag, and the bowl alone sets the band (seed 67's lone 5, whose cut-out
     * without specks kept the bowl, read 999). Such a part lies right on a digit piece (a gap of at most
     * {@link #BROKEN_GAP} of its height), over at least half its width, is at least half as wide as it,
     * and the two together are no taller than {@link #BROKEN_TALL} times the digit piece. A speck above
     * or below a figure is narrower than that, or farther.
     */
    static boolean brokenOff(Rectangle p, List<Rectangle> pieces, boolean[] digit) {
        for (int j = 0; j < pieces.size(); j++) {
            if (!digit[j]) continue;
            Rectangle d = pieces.get(j);
            int gap = Math.max(p.y - (d.y + d.height), d.y - (p.y + p.height));
            int overlap = Math.min(p.x + p.width, d.x + d.width) - Math.max(p.x, d.x);
            int tall = Math.max(p.y + p.height, d.y + d.height) - Math.min(p.y, d.y);
            if (gap <= Math.max(2, d.height * BROKEN_GAP) && overlap * 2 >= p.width && p.width * 2 >= d.width
                    && tall <= d.height * BROKEN_TALL) return true;
        }
        return false;
    }

    /** Largest gap (share of the digit piece's height) between a digit and a part broken off it. */
    static final double BROKEN_GAP = 0.15;
    /** Largest height of a digit with its broken-off part, in heights of the digit piece. */
    static final double BROKEN_TALL = 1.8;

    /**
     * Marks as apart the pieces of a band of rows that holds nothing but small pieces (less than a fifth
     * of a character across) when another band holds a bigger one: a row of dust under a label (a 200 dpi
     * scan's specks along a rule) is no line of text, and taken for one it makes a one-line label a block
     * the engine reads worse. A band is a run of rows the pieces cover, pieces apart left out.
     */
    static void dustBands(List<int[]> boxes, boolean[] apart, double charHeight) {
        if (charHeight <= 0 || boxes.isEmpty()) return;
        double small = charHeight * 0.2;
        Integer[] order = new Integer[boxes.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(boxes.get(a)[1], boxes.get(b)[1]));
        List<List<Integer>> bands = new ArrayList<>();
        int bottom = Integer.MIN_VALUE;
        for (int i : order) {
            if (apart[i]) continue;
            int[] b = boxes.get(i);
            if (bands.isEmpty() || b[1] > bottom) {
                bands.add(new ArrayList<>());
                bottom = b[3];
            }
            bands.get(bands.size() - 1).add(i);
            bottom = Math.max(bottom, b[3]);
        }
        if (bands.size() < 2) return;
        boolean[] dust = new boolean[bands.size()];
        boolean anyText = false;
        for (int k = 0; k < bands.size(); k++) {
            boolean allSmall = true;
            for (int i : bands.get(k)) {
                int[] b = boxes.get(i);
                if (b[2] - b[0] + 1 > small || b[3] - b[1] + 1 > small) allSmall = false;
            }
            dust[k] = allSmall;
            anyText |= !allSmall;
        }
        if (!anyText) return;
        for (int k = 0; k < bands.size(); k++) if (dust[k]) for (int i : bands.get(k)) apart[i] = true;
    }

    /** A small piece this close (in character heights) to a bigger one belongs to it, wherever it sits. */
    static final double CLOSE = 0.3;

    /**
     * Whether small piece {@code a} sits level with the middle of {@code b} (its centre in the middle
     * third of b's height). Marks that belong beside a character sit low (a decimal point, 、 ，。) or
     * high (quotes); a speck a little way off at mid-height beside a figure is dust, read as a digit
     * ("2" and a speck read as "26").
     */
    static boolean midHeight(int[] a, int[] b) {
        double centre = (a[1] + a[3]) / 2.0;
        double h = b[3] - b[1] + 1;
        return centre > b[1] + h / 3 && centre < b[3] - h / 3;
    }

    /**
     * A piece touching the cell's edge that is long and thin along that edge is the trace of a rule the
     * eraser missed (a rule slightly bent or thicker than measured), not a character.
     */
    static boolean ruleRemnant(int x0, int y0, int x1, int y1, int w, int h, double scale) {
        int pw = x1 - x0 + 1;
        int ph = y1 - y0 + 1;
        int thin = Math.max(3, (int) Math.round(6 * scale));
        boolean touchesTopOrBottom = y0 <= 1 || y1 >= h - 2;
        boolean touchesSide = x0 <= 1 || x1 >= w - 2;
        if (ph <= thin && pw >= Math.max(4 * ph, w / 3) && touchesTopOrBottom) return true;
        return pw <= thin && ph >= Math.max(4 * pw, h / 3) && touchesSide;
    }

    /** Bands of rows with ink as {top, bottom, left, right} in image pixels; a blank row or two closes a band. */
    static List<int[]> lines(boolean[] keep, int w, int h, Rectangle r, double scale) {
        int[] rowInk = new int[h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if (keep[y * w + x]) rowInk[y]++;
        List<int[]> out = new ArrayList<>();
        int start = -1;
        int last = -1;
        int gap = Math.max(1, (int) Math.round(2 * scale));
        for (int y = 0; y <= h; y++) {
            boolean ink = y < h && rowInk[y] > 0;
            if (ink && start < 0) {
                start = y;
            } else if (start >= 0 && (y == h || ink && y - last > gap)) {
                out.add(band(keep, w, start, last, r));
                start = ink ? y : -1;
            }
            if (ink) last = y;
        }
        return out;
    }

    private static int[] band(boolean[] keep, int w, int top, int bottom, Rectangle r) {
        int left = w, right = -1;
        for (int y = top; y <= bottom; y++) {
            for (int x = 0; x < w; x++) {
                if (keep[y * w + x]) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return new int[]{r.y + top, r.y + bottom, r.x + left, r.x + right};
    }

    /**
     * Text lines from ink bands: a character with a gap between its strokes (三, 二, 旦) makes several
     * thin bands; neighbours are joined while the joined band stays within one character height.
     *
     * @param charHeight the page's typical character height in pixels
     */
    public static List<int[]> textLines(List<int[]> bands, double charHeight) {
        List<int[]> out = new ArrayList<>();
        for (int[] b : bands) out.add(b.clone());
        boolean joined = true;
        while (joined && out.size() > 1) {
            joined = false;
            int best = -1;
            int bestHeight = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < out.size(); i++) {
                int hgt = out.get(i + 1)[1] - out.get(i)[0] + 1;
                boolean thin = out.get(i)[1] - out.get(i)[0] + 1 < charHeight * 0.7 || out.get(i + 1)[1] - out.get(i + 1)[0] + 1 < charHeight * 0.7;
                if (thin && hgt <= charHeight * 1.25 && hgt < bestHeight) {
                    best = i;
                    bestHeight = hgt;
                }
            }
            if (best >= 0) {
                int[] a = out.get(best);
                int[] b = out.remove(best + 1);
                a[1] = b[1];
                a[2] = Math.min(a[2], b[2]);
                a[3] = Math.max(a[3], b[3]);
                joined = true;
            }
        }
        return out;
    }

    /**
     * Whether the lines are characters set one under another (a tall narrow cell's vertical label): at
     * least three lines of text (specks aside), none wider than about one character of its height.
     */
    public static boolean vertical(List<int[]> lines, double charHeight) {
        int tallest = 0;
        for (int[] l : lines) tallest = Math.max(tallest, l[1] - l[0] + 1);
        int text = 0;
        for (int[] l : lines) {
            int width = l[3] - l[2] + 1;
            int height = l[1] - l[0] + 1;
            if (height < tallest * 0.4 && width < tallest * 0.6) continue; // a speck or a mark such as 、
            if (width > Math.max(height, tallest * 0.8) * 1.4) return false;
            text++;
        }
        return text >= 3;
    }
}
