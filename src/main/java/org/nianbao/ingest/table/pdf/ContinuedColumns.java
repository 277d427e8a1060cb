package org.nianbao.ingest.table.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;

/**
 * Gives the two parts of a ruled table continued on the next page the same columns. A part sees only
 * the column rules its own rows draw: the first part of table 三 may hold only header rows whose label
 * cell spans the three label columns of the rows below, so it has two columns fewer than the second
 * part and the stitcher would join them misaligned. When the last table of a page and the first table
 * of the next page have the same left and right edges and the column lines of one are all column lines
 * of the other, the part with fewer is re-cut on the other's lines (a cell keeps its extent and gains
 * colSpan).
 */
public final class ContinuedColumns {
    private ContinuedColumns() { }

    /** Pages with the continued parts of ruled tables re-cut on shared columns. */
    public static List<Page> align(List<Page> pages) {
        List<Page> out = new ArrayList<>(pages);
        for (int i = 0; i + 1 < out.size(); i++) {
            Page p = out.get(i);
            Page q = out.get(i + 1);
            int ai = lastTable(p.blocks());
            int bi = firstTable(q.blocks());
            if (ai < 0 || bi < 0) continue;
            TableBlock a = (TableBlock) p.blocks().get(ai);
            TableBlock b = (TableBlock) q.blocks().get(bi);
            double[] ea = edges(a.table());
            double[] eb = edges(b.table());
            if (ea == null || eb == null) continue;
            double snap = snap(a, b, ea);
            // a scanned page lies a little differently on the scanner than the one before: the second part
            // may stand shifted sideways (the width stays); a PDF's pages do not move
            double dx = scanned(a, b) ? ea[0] - eb[0] : 0;
            if (Math.abs(dx) > MAX_SCAN_SHIFT * (ea[1] - ea[0])) continue;
            if (Math.abs(ea[0] - (eb[0] + dx)) > snap || Math.abs(ea[1] - (eb[1] + dx)) > snap) continue;
            double[] xa = union(columnLines(a.table()), List.of(), snap);
            double[] xb = shifted(union(columnLines(b.table()), List.of(), snap), dx);
            // one part's column lines must all be lines of the other: parts of one table, not two tables that happen to align
            if (xa.length == xb.length || !(subset(xa, xb, snap) || subset(xb, xa, snap))) continue;
            double[] xs = xa.length > xb.length ? xa : xb;
            out.set(i, replace(p, ai, a.withTable(recut(a.table(), xs))));
            out.set(i + 1, replace(out.get(i + 1), bi, b.withTable(recut(b.table(), shifted(xs, -dx)))));
        }
        return out;
    }

    /** The largest sideways shift between two scanned parts, as a share of the table's width. */
    static final double MAX_SCAN_SHIFT = 0.05;

    private static boolean scanned(TableBlock a, TableBlock b) {
        return ImageRulingTables.ORIGIN.equals(a.origin()) || ImageRulingTables.ORIGIN.equals(b.origin());
    }

    private static double[] shifted(double[] xs, double dx) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = xs[i] + dx;
        return out;
    }

    private static boolean ours(Block b) {
        return b instanceof TableBlock t && (PdfRulingTables.ORIGIN.equals(t.origin()) || ImageRulingTables.ORIGIN.equals(t.origin()));
    }

    /**
     * How close two column lines must be to be one: the PDF snap for vector rules; for tables read from
     * scans, whose pages lie a little differently on the scanner, half a percent of the table's width.
     */
    private static double snap(TableBlock a, TableBlock b, double[] edges) {
        return scanned(a, b) ? Math.max(RulingGrid.SNAP, (edges[1] - edges[0]) * 0.005) : RulingGrid.SNAP;
    }

    private static int lastTable(List<Block> blocks) {
        for (int i = blocks.size() - 1; i >= 0; i--) if (blocks.get(i) instanceof TableBlock) return ours(blocks.get(i)) ? i : -1;
        return -1;
    }

    private static int firstTable(List<Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) if (blocks.get(i) instanceof TableBlock) return ours(blocks.get(i)) ? i : -1;
        return -1;
    }

    private static Page replace(Page p, int index, Block b) {
        List<Block> blocks = new ArrayList<>(p.blocks());
        blocks.set(index, b);
        return p.withBlocks(blocks);
    }

    /** Left and right edge of the table (its first and last column line), or null if no cell has a box. */
    private static double[] edges(Table t) {
        List<Double> xs = columnLines(t);
        return xs.size() < 2 ? null : new double[] {xs.get(0), xs.get(xs.size() - 1)};
    }

    /**
     * One x per column line of the grid: the median of the cell edges standing on it. On a scan the
     * boxes are mapped back onto the slightly skewed page, so one rule's x drifts from row to row; a
     * median per grid line keeps that drift from turning one rule into several.
     */
    static List<Double> columnLines(Table t) {
        List<List<Double>> at = new ArrayList<>();
        for (int k = 0; k <= t.cols(); k++) at.add(new ArrayList<>());
        for (Cell c : t.cells()) {
            if (c.box() == null) continue;
            at.get(c.col()).add(c.box().x());
            at.get(Math.min(t.cols(), c.col() + c.colSpan())).add(c.box().right());
        }
        List<Double> xs = new ArrayList<>();
        for (List<Double> l : at) {
            if (l.isEmpty()) continue;
            java.util.Collections.sort(l);
            xs.add(l.get(l.size() / 2));
        }
        return xs;
    }

    private static double[] union(List<Double> a, List<Double> b, double snap) {
        TreeSet<Double> all = new TreeSet<>(a);
        all.addAll(b);
        List<Double> out = new ArrayList<>();
        for (double x : all) if (out.isEmpty() || x - out.get(out.size() - 1) > snap) out.add(x);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean subset(double[] small, double[] big, double snap) {
        for (double x : small) if (Math.abs(big[nearest(big, x)] - x) > snap) return false;
        return true;
    }

    private static int nearest(double[] xs, double x) {
        int best = 0;
        for (int i = 1; i < xs.length; i++) if (Math.abs(xs[i] - x) < Math.abs(xs[best] - x)) best = i;
        return best;
    }

    static Table recut(Table t, double[] xs) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : t.cells()) {
            if (c.box() == null) {
                if (!c.text().isEmpty()) return t; // cannot place it: leave the table as it is
                continue; // filler: normalisation adds it again
            }
            Box box = c.box();
            int col = nearest(xs, box.x());
            int end = nearest(xs, box.right());
            if (end <= col) return t;
            cells.add(new Cell(c.row(), col, c.rowSpan(), end - col, c.text(), box, c.confidence(), c.alternatives()));
        }
        return Table.normalized(t.rows(), xs.length - 1, cells).table();
    }
}
