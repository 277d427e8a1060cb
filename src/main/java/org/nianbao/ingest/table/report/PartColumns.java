package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

/**
 * Puts the two parts of a table cut by a page break on one column grid when the parts were ruled with
 * different numbers of columns. A part holds only the columns its own rules show: section 三's first
 * page may end on the row {@code 一、本年新收…} whose label spans the three label columns, so that part
 * has one label column where the continuation has three, and stitched column by column every figure of
 * the first part lands two columns left of its place. The cells' boxes tell where each column lies:
 * each edge of the part with fewer columns is matched to an edge of the other, measured from the
 * table's left edge (the parts lie on different pages, a little shifted).
 */
final class PartColumns {
    /** An edge matches another within this share of the narrowest column of the wider part. */
    static final double TOLERANCE = 0.3;

    private PartColumns() { }

    /**
     * The {@code narrow} part laid on the columns of {@code wide}: each column edge of the narrow part is
     * mapped to the edge of the wide part at the same place, cells widened to span the columns they
     * cover. Null when the parts do not line up that way (an edge with no counterpart, no boxes, the
     * tables of different widths), or when they already have the same number of columns.
     */
    static Table onto(Table narrow, Table wide) {
        if (narrow.cols() >= wide.cols()) return null;
        double[] n = edges(narrow);
        double[] w = edges(wide);
        if (n == null || w == null) return null;
        double minWidth = Double.MAX_VALUE;
        for (int i = 0; i + 1 < w.length; i++) minWidth = Math.min(minWidth, w[i + 1] - w[i]);
        if (minWidth <= 0) return null;
        double tol = TOLERANCE * minWidth;
        int[] map = new int[n.length];
        int from = 0;
        for (int i = 0; i < n.length; i++) {
            int best = -1;
            for (int j = from; j < w.length; j++) {
                if (Math.abs(n[i] - w[j]) <= tol && (best < 0 || Math.abs(n[i] - w[j]) < Math.abs(n[i] - w[best]))) best = j;
            }
            if (best < 0) return null;
            map[i] = best;
            from = best + 1;
        }
        if (map[0] != 0 || map[n.length - 1] != w.length - 1) return null;
        List<Cell> cells = new ArrayList<>(narrow.cells().size());
        for (Cell c : narrow.cells()) {
            int col = map[c.col()];
            int span = map[Math.min(c.col() + c.colSpan(), narrow.cols())] - col;
            cells.add(new Cell(c.row(), col, c.rowSpan(), Math.max(1, span), c.text(), c.box(), c.confidence(), c.alternatives()));
        }
        return Table.normalized(narrow.rows(), wide.cols(), cells).table();
    }

    /**
     * The column edges of a table (cols + 1 of them), from the left edge of the table: each column's left
     * edge is the median left of the boxed cells starting in it, the last edge the median right of the
     * boxed cells ending at the table's right. Null when a column has no boxed cell starting in it or
     * the edges do not increase.
     */
    static double[] edges(Table t) {
        if (t.cols() < 1) return null;
        List<List<Double>> lefts = new ArrayList<>();
        for (int c = 0; c < t.cols(); c++) lefts.add(new ArrayList<>());
        List<Double> rights = new ArrayList<>();
        for (Cell c : t.cells()) {
            Box b = c.box();
            if (b == null || b.width() <= 0) continue;
            lefts.get(c.col()).add(b.x());
            if (c.col() + c.colSpan() >= t.cols()) rights.add(b.right());
        }
        double[] e = new double[t.cols() + 1];
        for (int c = 0; c < t.cols(); c++) {
            if (lefts.get(c).isEmpty()) return null;
            e[c] = median(lefts.get(c));
        }
        if (rights.isEmpty()) return null;
        e[t.cols()] = median(rights);
        double left = e[0];
        for (int i = 0; i < e.length; i++) {
            e[i] -= left;
            if (i > 0 && e[i] <= e[i - 1]) return null;
        }
        return e;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
