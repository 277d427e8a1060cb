package org.nianbao.ingest.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A table as a grid of cells and nothing more (the tabula-java view). Every grid position is
 * covered by exactly one cell; {@link #normalized} fills holes with empty cells and clips overlaps so
 * writers can rely on that.
 */
public record Table(int rows, int cols, List<Cell> cells) {
    public Table {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative table size");
        cells = List.copyOf(cells);
    }

    /**
     * Builds a table whose cells exactly tile the grid: cells are clipped to the grid, a cell that
     * overlaps an earlier one loses the overlapped positions (it is shrunk to its first free row/col
     * run, or dropped if nothing remains and its text is empty), and holes get empty cells.
     * Returns the table plus the number of repairs made, so callers can warn.
     */
    public static Repaired normalized(int rows, int cols, List<Cell> input) {
        Cell[][] owner = new Cell[rows][cols];
        List<Cell> out = new ArrayList<>();
        int repairs = 0;
        List<Cell> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparingInt(Cell::row).thenComparingInt(Cell::col));
        for (Cell c : sorted) {
            if (c.row() >= rows || c.col() >= cols) { repairs++; continue; }
            int rs = Math.min(c.rowSpan(), rows - c.row());
            int cs = Math.min(c.colSpan(), cols - c.col());
            if (owner[c.row()][c.col()] != null) {
                repairs++;
                continue; // anchor already taken: the text goes to the overlap report by the caller
            }
            // shrink the column span to the first taken position in the first row
            int maxCs = 0;
            while (maxCs < cs && owner[c.row()][c.col() + maxCs] == null) maxCs++;
            int maxRs = 0;
            outer:
            while (maxRs < rs) {
                for (int k = 0; k < maxCs; k++) {
                    if (owner[c.row() + maxRs][c.col() + k] != null) break outer;
                }
                maxRs++;
            }
            if (maxRs != c.rowSpan() || maxCs != c.colSpan()) repairs++;
            Cell placed = new Cell(c.row(), c.col(), maxRs, maxCs, c.text(), c.box(), c.confidence(), c.alternatives());
            for (int r = 0; r < maxRs; r++) for (int k = 0; k < maxCs; k++) owner[c.row() + r][c.col() + k] = placed;
            out.add(placed);
        }
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                if (owner[r][k] == null) {
                    Cell empty = new Cell(r, k, 1, 1, "", null, 100);
                    owner[r][k] = empty;
                    out.add(empty);
                }
            }
        }
        out.sort(Comparator.comparingInt(Cell::row).thenComparingInt(Cell::col));
        return new Repaired(new Table(rows, cols, out), repairs);
    }

    public record Repaired(Table table, int repairs) { }

    /** The cell covering grid position (r, c), or null if none (only possible for un-normalised tables). */
    public Cell cellAt(int r, int c) {
        for (Cell cell : cells) if (cell.covers(r, c)) return cell;
        return null;
    }

    /** The grid as text, a merged cell's text repeated in every position it covers. */
    public String[][] textGrid() {
        String[][] grid = new String[rows][cols];
        for (Cell cell : cells) {
            for (int r = cell.row(); r < cell.row() + cell.rowSpan() && r < rows; r++) {
                for (int c = cell.col(); c < cell.col() + cell.colSpan() && c < cols; c++) {
                    grid[r][c] = cell.text();
                }
            }
        }
        for (String[] row : grid) for (int c = 0; c < cols; c++) if (row[c] == null) row[c] = "";
        return grid;
    }

    /** Rows as lists of cell texts, anchored cells only (for code that walks a table row by row). */
    public List<List<Cell>> rowsOfCells() {
        List<List<Cell>> result = new ArrayList<>();
        for (int r = 0; r < rows; r++) result.add(new ArrayList<>());
        for (Cell cell : cells) result.get(cell.row()).add(cell);
        return result;
    }
}
