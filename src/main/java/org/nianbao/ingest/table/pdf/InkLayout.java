package org.nianbao.ingest.table.pdf;

import java.awt.Rectangle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.InkPieces;

/**
 * The layout of a page's ink without rules: where its text lines and the pieces of them set apart by
 * wide white gaps are, found from the pixels alone (a recursive XY cut), not from the engine's page
 * segmentation. Tesseract's page reading of a dense table without rules runs rows together and drops
 * labels; the white gaps between a table's rows and columns are plain in the image.
 *
 * <p>Two uses: {@link #regions} finds the parts of a page set as aligned columns (runs of lines cut by
 * wide gaps into several pieces), {@link #pieces} cuts such a part into one-line pieces, each of which
 * is read on its own.
 *
 * <p>Specks (scanner dust) are left out of the ink before any cut, and so are marks too big to be a
 * character (a scanner's dark border, what is left of an erased rule), so neither bridges a gap.
 * Everything is bounded: the mask is one region's, the cut keeps a work list of at most
 * {@link #MAX_PIECES} pieces.
 */
public final class InkLayout {
    /** A white gap this wide (em) between two pieces of a line cuts it: the column gap of a table. */
    static final double COLUMN_GAP = 1.0;
    /** White rows (em) that separate two lines: any clear row, after specks are gone. */
    static final double LINE_GAP = 0.05;
    /** Ink pieces smaller than this (em², area) and this (em, both sides) are specks. */
    static final double SPECK_AREA = 0.012;
    static final double SPECK_SIDE = 0.2;
    /** A mark smaller than this (em², area; em, both sides) with no other ink within {@link #STRAY_REACH} em is dust. */
    static final double STRAY_AREA = 0.03;
    static final double STRAY_SIDE = 0.25;
    static final double STRAY_REACH = 0.5;
    /** A connected mark taller than this (em) or wider than {@link #MAX_MARK_WIDTH} is no character. */
    static final double MAX_MARK_HEIGHT = 3.0;
    static final double MAX_MARK_WIDTH = 8.0;
    /**
     * The column gap (pixels) for a line {@code height} pixels high: {@link #COLUMN_GAP} of the line's
     * own type size when it is one line set larger than the table's (running text, a heading: a comma
     * there leaves a gap of more than the table's em), else of the table's em.
     */
    static int columnGap(int height, double em) {
        double unit = height > LARGER_LINE * em && height < TWO_LINES * em ? height : em;
        return Math.max(2, (int) Math.round(COLUMN_GAP * unit));
    }

    /** A line this much taller than the em (and less than {@link #TWO_LINES}) is set in a larger type. */
    static final double LARGER_LINE = 1.2;
    /** Ink this tall (em) may be two lines of the table's type. */
    static final double TWO_LINES = 1.9;

    /** A piece taller than this (em) that no cut splits holds several lines ... */
    static final double KNOT_HEIGHT = 1.6;
    /** ... and is cut at gaps this wide (em). */
    static final double KNOT_GAP = 0.5;
    /** A region holds at least this many lines cut into three pieces or more. */
    static final int MIN_TABLE_LINES = 3;
    /** Lines further apart than this (em) are not one region. */
    static final double MAX_REGION_GAP = 2.5;
    /** A line of one piece joins a region only when narrower than this share of the page's text: a heading, not running text. */
    static final double NARROW_LINE = 0.6;
    /** Bounds the work for a hostile page. */
    static final int MAX_PIECES = 20_000;
    static final long MAX_PIXELS = 40_000_000L;

    private InkLayout() { }

    /** Dark pixels of one rectangle of the page, specks and oversized marks left out. */
    public record Mask(Rectangle area, boolean[] dark) {
        boolean at(int x, int y) {
            return dark[(y - area.y) * area.width + (x - area.x)];
        }

        /** Leaves {@code r} out of the ink (a ruled table already rebuilt). */
        public void clear(Rectangle r) {
            Rectangle c = r.intersection(area);
            for (int y = c.y; y < c.y + c.height; y++) {
                for (int x = c.x; x < c.x + c.width; x++) dark[(y - area.y) * area.width + (x - area.x)] = false;
            }
        }
    }

    /** The cleaned ink of {@code area} of {@code img} (pixels darker than {@code threshold}); null when too big. */
    public static Mask mask(GrayImage img, Rectangle area, int threshold, double em) {
        Rectangle r = area.intersection(new Rectangle(0, 0, img.width(), img.height()));
        if (r.isEmpty() || (long) r.width * r.height > MAX_PIXELS) return null;
        int w = r.width;
        int h = r.height;
        boolean[] dark = InkPieces.dark(img, r, threshold);
        int speckArea = (int) Math.ceil(SPECK_AREA * em * em);
        double speckSide = SPECK_SIDE * em;
        double maxH = MAX_MARK_HEIGHT * em;
        double maxW = MAX_MARK_WIDTH * em;
        int strayArea = (int) Math.ceil(STRAY_AREA * em * em);
        double straySide = STRAY_SIDE * em;
        List<int[]> strays = new ArrayList<>();
        List<int[]> specks = new ArrayList<>();
        List<int[]> speckPixels = new ArrayList<>();
        InkPieces.each(dark, w, h, piece -> {
            int n = piece.size();
            int x0 = piece.x0(), y0 = piece.y0(), x1 = piece.x1(), y1 = piece.y1();
            int pw = x1 - x0 + 1;
            int ph = y1 - y0 + 1;
            boolean speck = n < speckArea && pw < speckSide && ph < speckSide;
            boolean huge = ph > maxH || pw > maxW;
            if (huge) {
                for (int k : piece.pixels()) dark[k] = false;
            } else if (speck) {
                specks.add(new int[]{x0, y0, x1, y1, n});
                speckPixels.add(piece.pixels());
            } else if (n < strayArea && pw < straySide && ph < straySide) {
                strays.add(new int[]{x0, y0, x1, y1, n});
            }
        });
        // a colon's dots are the size of specks, and a colon's dot is all that holds the two halves of a
        // label together across its white (为：第 stands a column gap apart without it): a speck with
        // another small mark right above or below it is a colon or a semicolon, and stays
        List<int[]> small = new ArrayList<>(specks);
        small.addAll(strays);
        boolean[] paired = pairedAbove(small, em);
        for (int i = 0; i < specks.size(); i++) {
            if (paired[i]) continue;
            for (int k : speckPixels.get(i)) dark[k] = false;
        }
        if (strays.size() > 0) {
            List<int[]> lone = new ArrayList<>(strays.size());
            for (int i = 0; i < strays.size(); i++) if (!paired[specks.size() + i]) lone.add(strays.get(i));
            strays.clear();
            strays.addAll(lone);
        }
        // a small mark with no other ink near it is dust, not a stop or a comma beside its character:
        // in a column gap it would hold the columns together
        int reach = (int) Math.ceil(STRAY_REACH * em);
        List<int[]> isolated = new ArrayList<>();
        for (int[] b : strays) {
            int count = 0;
            for (int y = Math.max(0, b[1] - reach); y <= Math.min(h - 1, b[3] + reach); y++) {
                for (int x = Math.max(0, b[0] - reach); x <= Math.min(w - 1, b[2] + reach); x++) if (dark[y * w + x]) count++;
            }
            if (count <= b[4]) isolated.add(b);
        }
        for (int[] b : isolated) {
            for (int y = b[1]; y <= b[3]; y++) for (int x = b[0]; x <= b[2]; x++) dark[y * w + x] = false;
        }
        return new Mask(r, dark);
    }

    /** Marks of a colon: centres at most this far (em) apart across ... */
    static final double COLON_ALIGN = 0.15;
    /** ... and at most this far (em) apart up and down (a colon's dots are about a third of an em apart). */
    static final double COLON_SPAN = 0.6;
    /** More small marks than this on a page (noise): none is taken for a colon. */
    static final int MAX_SMALL_MARKS = 20_000;

    /**
     * For each small mark ({x0, y0, x1, y1, area}), whether another one lies right above or below it:
     * centres within {@link #COLON_ALIGN} em across and {@link #COLON_SPAN} em up and down, not touching.
     */
    static boolean[] pairedAbove(List<int[]> marks, double em) {
        boolean[] out = new boolean[marks.size()];
        if (marks.size() > MAX_SMALL_MARKS) return out;
        Integer[] order = new Integer[marks.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(marks.get(a)[0] + marks.get(a)[2], marks.get(b)[0] + marks.get(b)[2]));
        double align = COLON_ALIGN * em;
        double span = COLON_SPAN * em;
        for (int i = 0; i < order.length; i++) {
            int[] a = marks.get(order[i]);
            double ax = (a[0] + a[2]) / 2.0;
            double ay = (a[1] + a[3]) / 2.0;
            for (int j = i + 1; j < order.length; j++) {
                int[] b = marks.get(order[j]);
                double bx = (b[0] + b[2]) / 2.0;
                if (bx - ax > align) break;
                double dy = Math.abs((b[1] + b[3]) / 2.0 - ay);
                boolean apart = b[1] > a[3] + 1 || a[1] > b[3] + 1;
                if (dy <= span && apart) {
                    out[order[i]] = true;
                    out[order[j]] = true;
                }
            }
        }
        return out;
    }

    /** The smallest rectangle holding all ink of {@code r} (inside the mask), or null when there is none. */
    static Rectangle inkBox(Mask m, Rectangle r) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if (m.at(x, y)) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /** {@code r} (tight to its ink) cut at white rows at least {@code gap} high: bands top to bottom. */
    static List<Rectangle> rows(Mask m, Rectangle r, int gap) {
        boolean[] ink = new boolean[r.height];
        for (int y = 0; y < r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if (m.at(x, r.y + y)) {
                    ink[y] = true;
                    break;
                }
            }
        }
        List<int[]> runs = runs(ink, gap);
        List<Rectangle> out = new ArrayList<>(runs.size());
        for (int[] run : runs) out.add(new Rectangle(r.x, r.y + run[0], r.width, run[1] - run[0]));
        return out;
    }

    /** {@code r} (tight to its ink) cut at white columns at least {@code gap} wide: pieces left to right. */
    static List<Rectangle> columns(Mask m, Rectangle r, int gap) {
        boolean[] ink = new boolean[r.width];
        for (int x = 0; x < r.width; x++) {
            for (int y = r.y; y < r.y + r.height; y++) {
                if (m.at(r.x + x, y)) {
                    ink[x] = true;
                    break;
                }
            }
        }
        List<int[]> runs = runs(ink, gap);
        List<Rectangle> out = new ArrayList<>(runs.size());
        for (int[] run : runs) out.add(new Rectangle(r.x + run[0], r.y, run[1] - run[0], r.height));
        return out;
    }

    /** Runs of ink [start, end) separated by at least {@code gap} clear positions. */
    static List<int[]> runs(boolean[] ink, int gap) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        int lastInk = -1;
        for (int i = 0; i < ink.length; i++) {
            if (!ink[i]) continue;
            if (start < 0) start = i;
            else if (i - lastInk - 1 >= gap) {
                out.add(new int[]{start, lastInk + 1});
                start = i;
            }
            lastInk = i;
        }
        if (start >= 0) out.add(new int[]{start, lastInk + 1});
        return out;
    }

    /**
     * {@code area} cut into one-line pieces: cut at clear rows into lines, a line cut at gaps of
     * {@link #COLUMN_GAP} em into pieces, and each piece cut again the same way, until nothing cuts.
     * Each piece is tight to its ink, and no other ink lies inside it. Top to bottom, left to right.
     */
    public static List<Rectangle> pieces(Mask m, Rectangle area, double em) {
        int lineGap = Math.max(1, (int) Math.round(LINE_GAP * em));
        // inside a part set in columns every line is of the table's type: two cells' lines set at
        // different heights make a band as tall as one larger line
        int columnGap = Math.max(2, (int) Math.round(COLUMN_GAP * em));
        List<Rectangle> out = new ArrayList<>();
        Rectangle start = inkBox(m, area.intersection(m.area()));
        if (start == null) return out;
        Deque<Rectangle> work = new ArrayDeque<>();
        work.push(start);
        while (!work.isEmpty() && out.size() < MAX_PIECES) {
            Rectangle r = work.pop();
            List<Rectangle> parts = rows(m, r, lineGap);
            if (parts.size() <= 1) parts = columns(m, r, columnGap);
            // lines of neighbouring cells set at different heights (a header of two-line cells beside a
            // one-line cell centred on them) hold each other together: such a knot, taller than a line,
            // is cut at narrower gaps, which no line of text has inside a word
            if (parts.size() <= 1 && r.height > KNOT_HEIGHT * em) parts = columns(m, r, Math.max(2, (int) Math.round(KNOT_GAP * em)));
            if (parts.size() <= 1) {
                out.add(r);
                continue;
            }
            // depth first, in reading order
            for (int i = parts.size() - 1; i >= 0; i--) {
                Rectangle t = inkBox(m, parts.get(i));
                if (t != null) work.push(t);
            }
        }
        out.sort((a, b) -> a.y != b.y ? Integer.compare(a.y, b.y) : Integer.compare(a.x, b.x));
        return out;
    }

    /**
     * Parts of the page that may hold tables without rules: runs of neighbouring lines (ink bands) of
     * which at least {@link #MIN_TABLE_LINES} are cut by wide gaps into three pieces or more; lines of
     * one narrow piece (a caption, a heading over columns) and of two pieces may join a run, full-width
     * running text ends it. Paragraphs never qualify: their lines have no gap of a column's width.
     */
    public static List<Rectangle> regions(Mask m, double em) {
        Rectangle all = inkBox(m, m.area());
        List<Rectangle> out = new ArrayList<>();
        if (all == null) return out;
        int lineGap = Math.max(1, (int) Math.round(LINE_GAP * em));
        List<Rectangle> lines = rows(m, all, lineGap);
        if (lines.size() > MAX_PIECES) return out;
        double textWidth = all.width;
        List<Rectangle> run = new ArrayList<>();
        int multi = 0;
        Rectangle prev = null;
        for (Rectangle line : lines) {
            Rectangle tight = inkBox(m, line);
            if (tight == null) continue;
            // lines of two cells set at different heights make a band as tall as one larger line
            boolean offset = offsetLines(m, tight, em);
            int pieces = columns(m, tight, offset ? Math.max(2, (int) Math.round(COLUMN_GAP * em)) : columnGap(tight.height, em)).size();
            // a narrow line of one piece is a caption or a header over columns, unless set larger (a heading)
            boolean larger = tight.height > LARGER_LINE * em && tight.height < TWO_LINES * em && !offset;
            boolean joins = pieces >= 2 || tight.width < NARROW_LINE * textWidth && !larger;
            boolean near = prev == null || tight.y - (prev.y + prev.height) <= MAX_REGION_GAP * em;
            if (!joins || !near) {
                if (multi >= MIN_TABLE_LINES) out.add(union(run));
                run.clear();
                multi = 0;
            }
            if (joins) {
                run.add(tight);
                if (pieces >= 3) multi++;
            }
            prev = tight;
        }
        if (multi >= MIN_TABLE_LINES) out.add(union(run));
        return out;
    }

    /** A piece of a band no taller than this (em) is one line of the table's type. */
    static final double LINE_HEIGHT = 1.15;

    /**
     * Whether a band taller than a line of the table's type is lines of the table's type set at
     * different heights (a label of two lines beside the last line of its neighbour's three): cut at
     * gaps of {@link #KNOT_GAP} em it falls into two pieces or more, none taller than
     * {@link #LINE_HEIGHT} em. A heading set larger has characters as tall as its band.
     */
    static boolean offsetLines(Mask m, Rectangle band, double em) {
        if (band.height <= LARGER_LINE * em || band.height >= TWO_LINES * em) return false;
        List<Rectangle> parts = columns(m, band, Math.max(2, (int) Math.round(KNOT_GAP * em)));
        if (parts.size() < 2) return false;
        for (Rectangle p : parts) {
            Rectangle t = inkBox(m, p);
            if (t != null && t.height > LINE_HEIGHT * em) return false;
        }
        return true;
    }

    /**
     * The em (pixels) the pieces show: the most common height of the pieces of Chinese text ({@code
     * chinese} says which; a line of characters is about an em high, figures are shorter), the smaller
     * on a tie; when there are at least {@link #MIN_EM_PIECES}, else
     * {@code provisional}. The page's words give only a rough em on a table page (the engine's words there
     * run characters of two lines together).
     *
     * <p>Most common, not median: the pieces are plain lines of characters, all of one height, and lines
     * holding a bracket, a quotation mark or a list number, one to six pixels taller. The median falls
     * between the two and moves by a pixel when the page's reading calls one more piece Chinese (a page
     * read 1-bit and the same page read grey did: 43 against 42), and every cut of the ink path is in
     * em: a pixel decided whether a colon's dot was a speck and a header was cut in two.
     */
    public static double em(List<Rectangle> pieces, java.util.function.Predicate<Rectangle> chinese, double provisional) {
        java.util.TreeMap<Integer, Integer> count = new java.util.TreeMap<>();
        int n = 0;
        for (Rectangle p : pieces) {
            if (p.height >= 0.5 * provisional && p.height <= 2 * provisional && chinese.test(p)) {
                count.merge(p.height, 1, Integer::sum);
                n++;
            }
        }
        if (n < MIN_EM_PIECES) return provisional;
        int best = -1;
        int bestCount = -1;
        for (var e : count.entrySet()) {
            int h = e.getKey();
            int c = e.getValue();
            if (c > bestCount) {
                best = h;
                bestCount = c;
            }
        }
        return best;
    }

    /** Wide pieces needed to measure the em from the ink. */
    static final int MIN_EM_PIECES = 5;

    static Rectangle union(List<Rectangle> rs) {
        Rectangle u = new Rectangle(rs.get(0));
        for (Rectangle r : rs) u = u.union(r);
        return u;
    }
}
