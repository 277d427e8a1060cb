package org.nianbao.ingest.eval.gen;

import java.util.Map;
import org.nianbao.ingest.eval.layout.LayoutCell;
import org.nianbao.ingest.eval.layout.TableLayout;

/** A standard table layout with this report's numbers in its value cells (text exactly as printed). */
public record FilledTable(TableLayout layout, Map<String, String> values) {
    public FilledTable {
        values = Map.copyOf(values);
    }

    public static String pos(int row, int col) {
        return row + "," + col;
    }

    /** The printed text of a cell: its fixed text, or its value. */
    public String text(LayoutCell cell) {
        if (!cell.isValue()) return cell.text();
        String v = values.get(pos(cell.row(), cell.col()));
        if (v == null) throw new IllegalStateException("no value for " + cell);
        return v;
    }

    public String value(int row, int col) {
        return values.get(pos(row, col));
    }

    /** The grid as text with a merged cell's text in its anchor position only ("" elsewhere). */
    public String[][] anchorGrid() {
        String[][] g = new String[layout.rows()][layout.cols()];
        for (String[] row : g) java.util.Arrays.fill(row, "");
        for (LayoutCell c : layout.cells()) g[c.row()][c.col()] = text(c);
        return g;
    }

    /** The grid as text with a merged cell's text repeated in every position it covers. */
    public String[][] repeatedGrid() {
        String[][] g = new String[layout.rows()][layout.cols()];
        for (LayoutCell c : layout.cells()) {
            for (int r = c.row(); r < c.row() + c.rowSpan(); r++) {
                for (int k = c.col(); k < c.col() + c.colSpan(); k++) g[r][k] = text(c);
            }
        }
        return g;
    }
}
