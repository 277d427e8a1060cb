package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

class IdentityRereadsTest {
    @Test
    void theCellWhereFailingSumsCrossComesFirst() {
        // a failing column sum (I2) and a failing row sum (I3) cross at r9c4
        List<String> column = List.of("r20c4", "r5c4", "r9c4", "r12c4");
        List<String> row = List.of("r9c10", "r9c3", "r9c4", "r9c5");
        assertEquals(List.of("r9c4"), IdentityRereads.suspects(List.of(column, row), 8));
        // one failing identity: its cells, as many as allowed
        assertEquals(List.of("r20c4", "r5c4", "r9c4"), IdentityRereads.suspects(List.of(column), 3));
    }

    @Test
    void aTableThatIsNoStandardTableIsLeftAlone() throws Exception {
        Table t = new Table(2, 2, List.of(new Cell(0, 0, 1, 1, "名称", null, 90), new Cell(0, 1, 1, 1, "数量", null, 90),
                new Cell(1, 0, 1, 1, "甲", null, 90), new Cell(1, 1, 1, 1, "3", null, 90)));
        IdentityRereads.Result r = IdentityRereads.apply(null, null, t, ReadingBudget.unlimited());
        assertSame(t, r.table());
        assertEquals(0, r.cells());
    }
}
