package org.nianbao.ingest.table.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nianbao.ingest.extract.pdf.PdfRulings.Segment;

/**
 * Ruling lines turned into table grids: collinear pieces merged (small gaps tolerated, near-equal
 * coordinates snapped), rulings that touch grouped into one table each, the grid lines of a table
 * (every distinct x of its vertical rules, every distinct y of its horizontal ones), and for each
 * boundary between two neighbouring grid positions whether a rule is actually drawn there — an
 * unruled boundary means the two positions belong to one merged cell.
 *
 * <p>Pure geometry in page points (top-left origin); no text. Bounded: at most {@link #MAX_SEGMENTS}
 * rulings per page and {@link #MAX_LINES} grid lines per direction are considered.
 */
public final class RulingGrid {
    /** Coordinates closer than this (points) are the same line; gaps shorter than this are bridged. */
    static final double SNAP = 2.0;
    static final int MAX_SEGMENTS = 20_000;
    static final int MAX_LINES = 400;

    /** One table's grid: x and y of its grid lines and which internal boundaries are ruled. */
    public record Grid(double[] xs, double[] ys, boolean[][] vRuled, boolean[][] hRuled) {
        public int rows() {
            return ys.length - 1;
        }

        public int cols() {
            return xs.length - 1;
        }

        public double left() {
            return xs[0];
        }

        public double right() {
            return xs[xs.length - 1];
        }

        public double top() {
            return ys[0];
        }

        public double bottom() {
            return ys[ys.length - 1];
        }

        /** Is the boundary between (r, c) and (r, c + 1) ruled? */
        public boolean ruledRightOf(int r, int c) {
            return vRuled[r][c];
        }

        /** Is the boundary between (r, c) and (r + 1, c) ruled? */
        public boolean ruledBelow(int r, int c) {
            return hRuled[r][c];
        }
    }

    private RulingGrid() { }

    /** The table grids on a page, top to bottom; a grid has at least two cells. */
    public static List<Grid> find(List<Segment> horizontal, List<Segment> vertical) {
        return find(horizontal, vertical, SNAP);
    }

    /** As {@link #find(List, List)} with the snap distance in the segments' units (pixels for a scan). */
    public static List<Grid> find(List<Segment> horizontal, List<Segment> vertical, double snap) {
        List<Line> h = merge(horizontal, true, snap);
        List<Line> v = merge(vertical, false, snap);
        if (h.size() + v.size() > MAX_SEGMENTS || h.size() < 2 || v.size() < 2) return List.of();
        // group touching rulings (union-find over h ∪ v; index h first then v)
        int n = h.size() + v.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < h.size(); i++) {
            Line a = h.get(i);
            for (int j = 0; j < v.size(); j++) {
                Line b = v.get(j);
                if (b.at >= a.from - snap && b.at <= a.to + snap && a.at >= b.from - snap && a.at <= b.to + snap) {
                    union(parent, i, h.size() + j);
                }
            }
        }
        List<Grid> grids = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (done[root]) continue;
            done[root] = true;
            List<Line> hs = new ArrayList<>();
            List<Line> vs = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                if (find(parent, k) != root) continue;
                if (k < h.size()) hs.add(h.get(k));
                else vs.add(v.get(k - h.size()));
            }
            Grid g = grid(hs, vs, snap);
            if (g != null) grids.add(g);
        }
        grids.sort(Comparator.comparingDouble(Grid::top).thenComparingDouble(Grid::left));
        return grids;
    }

    private static Grid grid(List<Line> hs, List<Line> vs, double snap) {
        if (hs.size() < 2 || vs.size() < 2) return null;
        double[] ys = distinct(hs, snap);
        double[] xs = distinct(vs, snap);
        if (xs.length < 2 || ys.length < 2 || xs.length > MAX_LINES || ys.length > MAX_LINES) return null;
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        if (rows * cols < 2) return null;
        boolean[][] vRuled = new boolean[rows][Math.max(0, cols - 1)];
        boolean[][] hRuled = new boolean[Math.max(0, rows - 1)][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c + 1 < cols; c++) vRuled[r][c] = covered(vs, xs[c + 1], ys[r], ys[r + 1], snap);
        }
        for (int r = 0; r + 1 < rows; r++) {
            for (int c = 0; c < cols; c++) hRuled[r][c] = covered(hs, ys[r + 1], xs[c], xs[c + 1], snap);
        }
        return new Grid(xs, ys, vRuled, hRuled);
    }

    /** Is the stretch [from, to] of the line at {@code at} drawn by some ruling (allowing for the snap)? */
    private static boolean covered(List<Line> lines, double at, double from, double to, double snap) {
        double len = to - from;
        double margin = Math.min(snap * 2, len / 4);
        for (Line l : lines) {
            if (Math.abs(l.at - at) > snap) continue;
            // the rule must run through most of the stretch: a tick at a corner does not split a cell
            double overlap = Math.min(l.to, to - margin) - Math.max(l.from, from + margin);
            if (overlap >= (len - 2 * margin) * 0.6) return true;
        }
        return false;
    }

    private static double[] distinct(List<Line> lines, double snap) {
        double[] at = lines.stream().mapToDouble(l -> l.at).sorted().toArray();
        List<Double> out = new ArrayList<>();
        int i = 0;
        while (i < at.length) {
            int j = i;
            double sum = 0;
            while (j < at.length && at[j] - at[i] <= snap) sum += at[j++];
            out.add(sum / (j - i));
            i = j;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A merged ruling: at a fixed y (horizontal) or x (vertical), running from..to along the other axis. */
    record Line(double at, double from, double to) { }

    /** Merges collinear, overlapping or nearly touching segments of one direction. */
    static List<Line> merge(List<Segment> segments, boolean horizontal, double snap) {
        List<Line> raw = new ArrayList<>();
        int limit = Math.min(segments.size(), MAX_SEGMENTS);
        for (int i = 0; i < limit; i++) {
            Segment s = segments.get(i);
            Line l = horizontal ? new Line(s.y0(), s.x0(), s.x1()) : new Line(s.x0(), s.y0(), s.y1());
            if (l.to - l.from >= 1.0) raw.add(l);
        }
        raw.sort(Comparator.comparingDouble(Line::at));
        // snap: runs of near-equal `at` share their mean
        List<Line> snapped = new ArrayList<>();
        int i = 0;
        while (i < raw.size()) {
            int j = i;
            double sum = 0;
            while (j < raw.size() && raw.get(j).at - raw.get(i).at <= snap) sum += raw.get(j++).at;
            double at = sum / (j - i);
            List<Line> run = new ArrayList<>(raw.subList(i, j));
            run.sort(Comparator.comparingDouble(Line::from));
            Line cur = null;
            for (Line l : run) {
                if (cur != null && l.from <= cur.to + snap) {
                    cur = new Line(at, cur.from, Math.max(cur.to, l.to));
                } else {
                    if (cur != null) snapped.add(cur);
                    cur = new Line(at, l.from, l.to);
                }
            }
            if (cur != null) snapped.add(cur);
            i = j;
        }
        return snapped;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        p[find(p, a)] = find(p, b);
    }
}
