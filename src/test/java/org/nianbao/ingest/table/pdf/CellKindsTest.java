package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

class CellKindsTest {
    /** A header row of text over rows of a label and numbers, as the page OCR first read them. */
    @Test
    void numbersByTheirReadingAndByTheCompanyTheyKeep() {
        String[][] grid = {
                {"", "自然人", "商业企业", "其他", "总计"},
                {"一、本年新收", "3", "1", "0", "4"},
                {"二、上年结转", "光", "", "0", "加区"},
                {"（一）予以公开", "0", "0", "，", "0"},
        };
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < grid.length; r++) for (int c = 0; c < grid[r].length; c++) cells.add(Cell.of(r, c, 1, 1, grid[r][c]));
        Table t = new Table(grid.length, grid[0].length, cells);
        boolean[] numeric = CellKinds.numeric(t);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).col() == 0 && i > 0) sb.append('/');
            sb.append(numeric[i] ? 'N' : 't');
        }
        // the blank top-left label cell stands in a text row and a text column; headers such as 其他 stay text
        assertEquals("ttttt/tNNNN/tNNNN/tNNNN", sb.toString());
    }

    @Test
    void aNumberOnItsOwnIsANumberAnywhere() {
        assertEquals(true, CellKinds.looksNumeric("153.04"));
        assertEquals(true, CellKinds.looksNumeric("1 2"));
        assertEquals(false, CellKinds.looksNumeric("1.属于国家秘密"));
        assertEquals(false, CellKinds.looksNumeric(""));
    }
}
