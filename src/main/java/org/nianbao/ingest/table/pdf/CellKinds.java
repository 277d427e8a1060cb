package org.nianbao.ingest.table.pdf;

import java.util.List;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

/**
 * Which cells of a ruled table hold numbers, judged from a first reading of the table (the page OCR's
 * words dropped into the cells) and the company a cell keeps: a cell reads as a number itself, or it
 * stands in a row and a column of numbers and its reading is too short to be a label (a misread
 * {@code 2} comes out as {@code 光} or {@code 加区}; a header such as {@code 其他} stands in a row of
 * text). Number cells are read again digits-only.
 */
public final class CellKinds {
    private CellKinds() { }

    /** Whether a first reading looks like a number on its own. */
    static boolean looksNumeric(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return false;
        if (CellNumbers.isNumber(CellNumbers.clean(t))) return true;
        return CellNumbers.digitShare(t) >= 0.5 && CellNumbers.han(t) <= 1;
    }

    /** For each cell of {@code table.cells()}, in order: does it hold a number? */
    public static boolean[] numeric(Table table) {
        List<Cell> cells = table.cells();
        boolean[] looks = new boolean[cells.size()];
        for (int i = 0; i < cells.size(); i++) looks[i] = looksNumeric(cells.get(i).text());
        // twice: cells taken for numbers in the first round (a lone misread character among numbers)
        // make their row and column count as numbers in the second
        boolean[] first = judge(table, looks, looks);
        return judge(table, looks, first);
    }

    /**
     * For each cell: does a number cell stand left of it in its row, or above it in its column? A table
     * prints its labels left of its figures and its headers above them, so a short reading there that is
     * no label is a figure misread ({@code 纪} for 3 in section 四's 总计, whose page reading was too long
     * to count as a number).
     */
    static boolean[] afterFigures(Table table, boolean[] numeric) {
        List<Cell> cells = table.cells();
        int[] leftmost = new int[table.rows()];
        int[] topmost = new int[table.cols()];
        java.util.Arrays.fill(leftmost, Integer.MAX_VALUE);
        java.util.Arrays.fill(topmost, Integer.MAX_VALUE);
        for (int i = 0; i < cells.size(); i++) {
            if (!numeric[i]) continue;
            Cell c = cells.get(i);
            leftmost[c.row()] = Math.min(leftmost[c.row()], c.col());
            topmost[c.col()] = Math.min(topmost[c.col()], c.row());
        }
        boolean[] out = new boolean[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            out[i] = leftmost[c.row()] < c.col() || topmost[c.col()] < c.row();
        }
        return out;
    }

    private static boolean[] judge(Table table, boolean[] looks, boolean[] counted) {
        List<Cell> cells = table.cells();
        int[] rowNum = new int[table.rows()], rowAll = new int[table.rows()];
        int[] colNum = new int[table.cols()], colAll = new int[table.cols()];
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (c.text().isBlank()) continue;
            rowAll[c.row()]++;
            colAll[c.col()]++;
            if (counted[i]) {
                rowNum[c.row()]++;
                colNum[c.col()]++;
            }
        }
        boolean[] out = new boolean[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            if (looks[i]) {
                out[i] = true;
                continue;
            }
            String t = c.text().strip();
            double row = share(rowNum[c.row()], rowAll[c.row()]);
            double col = share(colNum[c.col()], colAll[c.col()]);
            int han = CellNumbers.han(t);
            int len = t.codePointCount(0, t.length());
            out[i] = han <= 1 && len <= 4 && (row >= 0.5 || col >= 0.5)
                    || han <= 3 && len <= 3 && row >= 0.5 && col >= 0.5;
        }
        return out;
    }

    private static double share(int n, int all) {
        return all == 0 ? 0 : (double) n / all;
    }
}
