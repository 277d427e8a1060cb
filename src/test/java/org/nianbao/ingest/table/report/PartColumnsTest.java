package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

class PartColumnsTest {
    /** Column lefts of the wide part (three label columns, then four figures), page 2, shifted by 5. */
    private static final double[] WIDE = {82, 130, 200, 305, 338, 371, 404, 437};
    private static final double WIDE_RIGHT = 470;

    private static Cell boxed(int row, int col, int colSpan, String text, double x, double right) {
        return new Cell(row, col, 1, colSpan, text, new Box(x, 100 + row * 20, right - x, 18), 90);
    }

    /** Page 1's part: one label column (the row's label spans the three), then the five figures. */
    private static Table narrow() {
        double[] x = {77, 300, 333, 366, 399, 432};
        List<Cell> cells = new ArrayList<>();
        cells.add(boxed(0, 0, 1, "一、本年新收政府信息公开申请数量", x[0], x[1]));
        for (int c = 1; c <= 5; c++) cells.add(boxed(0, c, 1, String.valueOf(c), x[c], c < 5 ? x[c + 1] : 465));
        return new Table(1, 6, cells);
    }

    private static Table wide() {
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < WIDE.length; c++) {
                cells.add(boxed(r, c, 1, c < 3 ? "label" + c : "0", WIDE[c], c + 1 < WIDE.length ? WIDE[c + 1] : WIDE_RIGHT));
            }
        }
        return new Table(2, 8, cells);
    }

    @Test
    void figuresLandInTheColumnsAtTheirPlace() {
        Table t = PartColumns.onto(narrow(), wide());
        assertEquals(8, t.cols());
        String[][] g = t.textGrid();
        String label = "一、本年新收政府信息公开申请数量";
        assertArrayEquals(new String[]{label, label, label, "1", "2", "3", "4", "5"}, g[0]);
        assertEquals(3, t.cellAt(0, 0).colSpan());
    }

    @Test
    void stitchedPartsKeepTheirFiguresUnderTheirHeaders() {
        Table joined = TableStitcher.join(narrow(), wide()).table();
        assertEquals(8, joined.cols());
        assertEquals("1", joined.textGrid()[0][3]);
        assertEquals("0", joined.textGrid()[1][3]);
    }

    @Test
    void partsThatDoNotLineUpAreLeftAlone() {
        // the narrow part's second edge lies between two of the wide part's
        List<Cell> cells = new ArrayList<>();
        cells.add(boxed(0, 0, 1, "a", 77, 240));
        cells.add(boxed(0, 1, 1, "1", 240, 465));
        assertNull(PartColumns.onto(new Table(1, 2, cells), wide()));
        // no boxes (a text capture): nothing to go by
        assertNull(PartColumns.onto(new Table(1, 2, List.of(Cell.of(0, 0, 1, 1, "a"), Cell.of(0, 1, 1, 1, "1"))), wide()));
        // same number of columns: nothing to do
        assertNull(PartColumns.onto(wide(), wide()));
    }
}
