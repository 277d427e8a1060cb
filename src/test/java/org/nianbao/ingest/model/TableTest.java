package org.nianbao.ingest.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    @Test
    void normalizedFillsHolesAndRepeatsMergedTextInTheGrid() {
        // a 3x3 grid: a tall cell on the left, a wide cell on top right, one hole
        Table t = Table.normalized(3, 3, List.of(
                Cell.of(0, 0, 3, 1, "三、本年度办理结果"),
                Cell.of(0, 1, 1, 2, "（一）予以公开"),
                Cell.of(1, 1, 1, 1, "1"))).table();
        assertEquals(6, t.cells().size(), "3 given cells + 3 empty cells for the holes");
        String[][] g = t.textGrid();
        assertArrayEquals(new String[] {"三、本年度办理结果", "（一）予以公开", "（一）予以公开"}, g[0]);
        assertArrayEquals(new String[] {"三、本年度办理结果", "1", ""}, g[1]);
        assertArrayEquals(new String[] {"三、本年度办理结果", "", ""}, g[2]);
    }

    @Test
    void overlappingCellsAreShrunkAndCounted() {
        Table.Repaired r = Table.normalized(2, 2, List.of(
                Cell.of(0, 0, 2, 2, "big"),
                Cell.of(1, 1, 1, 1, "inside"),
                Cell.of(0, 5, 1, 1, "outside")));
        assertEquals(2, r.repairs());
        assertEquals(1, r.table().cells().size());
        assertEquals("big", r.table().cellAt(1, 1).text());
    }

    @Test
    void spanIsClippedToTheGrid() {
        Table.Repaired r = Table.normalized(2, 2, List.of(Cell.of(0, 0, 1, 9, "wide")));
        assertEquals(2, r.table().cellAt(0, 1).colSpan());
        assertEquals(1, r.repairs());
    }
}
