package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A standard report table as data: its canonical grid (labels with spans, numeric slots with their
 * row and column paths), in reading order (row-major by each cell's top-left corner), which is the
 * order a flattened capture lists the cells in.
 *
 * @param id      {@code 2019-sec2}, {@code 2021-sec2}, {@code 2019-sec3}, {@code 2021-sec3}, {@code sec4}
 * @param section {@code 二}, {@code 三} or {@code 四}
 * @param format  {@code 2019}, {@code 2021}, or {@code any} when both formats share the table
 * @param rows    canonical grid rows
 * @param cols    canonical grid columns
 * @param cells   every cell in reading order; together they tile the grid exactly
 */
public record StandardTemplate(String id, String section, String format, int rows, int cols, List<TemplateCell> cells) {
    public StandardTemplate {
        List<TemplateCell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingInt(TemplateCell::row).thenComparingInt(TemplateCell::col));
        cells = List.copyOf(sorted);
        checkTiling(id, rows, cols, cells);
    }

    public List<TemplateCell> values() {
        return cells.stream().filter(TemplateCell::value).toList();
    }

    public List<TemplateCell> labels() {
        return cells.stream().filter(c -> !c.value()).toList();
    }

    /** {@code rows×cols}, as deviations print the canonical shape. */
    public String shape() {
        return rows + "×" + cols;
    }

    private static void checkTiling(String id, int rows, int cols, List<TemplateCell> cells) {
        int[][] cover = new int[rows][cols];
        for (TemplateCell c : cells) {
            for (int r = c.row(); r < c.row() + c.rowSpan(); r++) {
                for (int k = c.col(); k < c.col() + c.colSpan(); k++) {
                    if (r >= rows || k >= cols) throw new IllegalStateException(id + ": cell outside grid at " + r + "," + k);
                    cover[r][k]++;
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                if (cover[r][k] != 1) throw new IllegalStateException(id + ": grid position " + r + "," + k + " covered " + cover[r][k] + " times");
            }
        }
    }
}
