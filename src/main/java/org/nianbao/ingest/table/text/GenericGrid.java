package org.nianbao.ingest.table.text;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.table.report.NumberCell;

/**
 * Grids for tables that match no standard template, from rows of cell texts. The merges are
 * guesses (callers flag lower confidence):
 * <ul>
 *   <li>{@link #fromUnevenRows}: rows whose merged cells were simply left out (pipe rows). A row with
 *   a single cell spans the table; a data row (ending in a number) below another data row is
 *   right-aligned and its missing leading cells are the row-spans of the cells above; other short rows
 *   are left-aligned and their last cell spans the rest.</li>
 *   <li>{@link #fromPositionalRows}: rows whose merged positions are kept as empty cells (TSV, tabbed
 *   cells). Cells stay in place; an empty cell left of a data row's numbers, under a label, is that
 *   label's row-span.</li>
 * </ul>
 */
final class GenericGrid {
    static final int MAX_COLS = 200;
    /** Largest generic grid built (rows × columns); bigger runs stay text. */
    static final int MAX_CELLS = 100_000;

    private GenericGrid() { }

    /** Whether rows fit a generic grid: no row wider than {@link #MAX_COLS}, at most {@link #MAX_CELLS} positions. */
    static boolean fits(List<List<String>> rows) {
        int cols = 0;
        for (List<String> r : rows) {
            if (r.size() > MAX_COLS) return false;
            cols = Math.max(cols, r.size());
        }
        return (long) cols * rows.size() <= MAX_CELLS;
    }

    /** A cell being built: mutable spans. */
    private static final class Spec {
        final int row;
        final int col;
        int rowSpan;
        final int colSpan;
        final String text;

        Spec(int row, int col, int rowSpan, int colSpan, String text) {
            this.row = row;
            this.col = col;
            this.rowSpan = rowSpan;
            this.colSpan = colSpan;
            this.text = text;
        }
    }

    static Table fromUnevenRows(List<List<String>> rows) {
        int cols = 1;
        for (List<String> r : rows) cols = Math.max(cols, Math.min(MAX_COLS, r.size()));
        Spec[][] owner = new Spec[rows.size()][cols];
        List<Spec> specs = new ArrayList<>();
        boolean previousHasNumbers = false;
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int k = Math.min(row.size(), cols);
            boolean hasNumbers = k > 0 && NumberCell.isNumber(row.get(k - 1));
            if (k == cols) {
                for (int c = 0; c < k; c++) place(specs, owner, new Spec(r, c, 1, 1, row.get(c)));
            } else if (k <= 1) {
                place(specs, owner, new Spec(r, 0, 1, cols, k == 0 ? "" : row.get(0)));
            } else if (hasNumbers && previousHasNumbers) {
                int missing = cols - k;
                for (int c = 0; c < missing; c++) {
                    Spec above = owner[r - 1][c];
                    if (above != null && owner[r][c] == null && above.row + above.rowSpan == r) {
                        above.rowSpan++;
                        for (int cc = above.col; cc < above.col + above.colSpan && cc < cols; cc++) owner[r][cc] = above;
                    }
                    if (owner[r][c] == null) place(specs, owner, new Spec(r, c, 1, 1, ""));
                }
                for (int i = 0; i < k; i++) place(specs, owner, new Spec(r, missing + i, 1, 1, row.get(i)));
            } else {
                for (int i = 0; i < k - 1; i++) place(specs, owner, new Spec(r, i, 1, 1, row.get(i)));
                place(specs, owner, new Spec(r, k - 1, 1, cols - k + 1, row.get(k - 1)));
            }
            previousHasNumbers = hasNumbers;
        }
        return toTable(rows.size(), cols, specs);
    }

    static Table fromPositionalRows(List<List<String>> rows) {
        int cols = 1;
        for (List<String> r : rows) cols = Math.max(cols, Math.min(MAX_COLS, r.size()));
        Spec[][] owner = new Spec[rows.size()][cols];
        List<Spec> specs = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int firstNumber = -1;
            for (int c = 0; c < Math.min(row.size(), cols); c++) {
                if (NumberCell.isNumber(row.get(c))) {
                    firstNumber = c;
                    break;
                }
            }
            for (int c = 0; c < cols; c++) {
                String text = c < row.size() ? row.get(c) : "";
                if (r > 0 && text.isBlank() && c < firstNumber) {
                    Spec above = owner[r - 1][c];
                    if (above != null && !above.text.isBlank() && !NumberCell.isNumber(above.text)
                            && above.colSpan == 1 && above.row + above.rowSpan == r) {
                        above.rowSpan++;
                        owner[r][c] = above;
                        continue;
                    }
                }
                place(specs, owner, new Spec(r, c, 1, 1, text));
            }
        }
        return toTable(rows.size(), cols, specs);
    }

    private static void place(List<Spec> specs, Spec[][] owner, Spec s) {
        specs.add(s);
        for (int r = s.row; r < s.row + s.rowSpan && r < owner.length; r++) {
            for (int c = s.col; c < s.col + s.colSpan && c < owner[r].length; c++) owner[r][c] = s;
        }
    }

    private static Table toTable(int rows, int cols, List<Spec> specs) {
        List<Cell> cells = new ArrayList<>(specs.size());
        for (Spec s : specs) cells.add(Cell.of(s.row, s.col, s.rowSpan, s.colSpan, s.text));
        return Table.normalized(rows, cols, cells).table();
    }
}
