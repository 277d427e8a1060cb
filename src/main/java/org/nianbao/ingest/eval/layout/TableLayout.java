package org.nianbao.ingest.eval.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The grid of one standard table as the official format draws it: size, cells with spans, and for
 * every numeric cell its row path and column path. Written independently of the pipeline's own
 * table templates so that the evaluation does not grade the pipeline against itself.
 *
 * @param id      {@code 二}, {@code 三} or {@code 四} (the report section the table belongs to)
 * @param name    a short human name
 * @param format  2019 or 2021
 */
public record TableLayout(String id, String name, int format, int rows, int cols, List<LayoutCell> cells) {
    public TableLayout {
        cells = new ArrayList<>(cells);
        cells.sort(Comparator.comparingInt(LayoutCell::row).thenComparingInt(LayoutCell::col));
        cells = List.copyOf(cells);
        checkTiling(rows, cols, cells);
    }

    /** Every grid position is covered by exactly one cell; a layout that fails this is a bug. */
    private static void checkTiling(int rows, int cols, List<LayoutCell> cells) {
        int[][] owner = new int[rows][cols];
        for (int i = 0; i < cells.size(); i++) {
            LayoutCell c = cells.get(i);
            if (c.row() + c.rowSpan() > rows || c.col() + c.colSpan() > cols) {
                throw new IllegalStateException("cell outside grid: " + c);
            }
            for (int r = c.row(); r < c.row() + c.rowSpan(); r++) {
                for (int k = c.col(); k < c.col() + c.colSpan(); k++) {
                    if (owner[r][k] != 0) throw new IllegalStateException("overlap at " + r + "," + k + ": " + c);
                    owner[r][k] = i + 1;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                if (owner[r][k] == 0) throw new IllegalStateException("hole at " + r + "," + k);
            }
        }
    }

    public List<LayoutCell> valueCells() {
        return cells.stream().filter(LayoutCell::isValue).toList();
    }

    /** The cell covering (r, c). */
    public LayoutCell cellAt(int r, int c) {
        for (LayoutCell cell : cells) if (cell.covers(r, c)) return cell;
        throw new IllegalArgumentException("no cell at " + r + "," + c);
    }

    /** Cells anchored in row r, left to right. */
    public List<LayoutCell> anchoredIn(int r) {
        return cells.stream().filter(c -> c.row() == r).toList();
    }
}
