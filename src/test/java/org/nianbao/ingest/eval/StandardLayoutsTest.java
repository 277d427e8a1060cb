package org.nianbao.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.eval.layout.LayoutCell;
import org.nianbao.ingest.eval.layout.StandardLayouts;
import org.nianbao.ingest.eval.layout.TableLayout;

/** The encoded layouts agree with report-format.md (grid sizes, spans, numeric cell counts). */
class StandardLayoutsTest {

    @Test
    void gridSizesAndValueCountsMatchTheFormat() {
        assertShape(StandardLayouts.active(2021), 14, 4, 10);
        assertShape(StandardLayouts.active(2019), 18, 4, 22);
        assertShape(StandardLayouts.requests(2021), 28, 10, 175);
        assertShape(StandardLayouts.requests(2019), 26, 10, 161);
        assertShape(StandardLayouts.appeals(2021), 4, 15, 15);
        int total2019 = StandardLayouts.forFormat(2019).stream().mapToInt(t -> t.valueCells().size()).sum();
        int total2021 = StandardLayouts.forFormat(2021).stream().mapToInt(t -> t.valueCells().size()).sum();
        assertEquals(198, total2019);
        assertEquals(200, total2021);
    }

    @Test
    void resultsLabelSpansTheOutcomeRows() {
        assertEquals(20, cellWithText(StandardLayouts.requests(2019), "三、本年度办理结果").rowSpan());
        assertEquals(22, cellWithText(StandardLayouts.requests(2021), "三、本年度办理结果").rowSpan());
        assertEquals(3, cellWithText(StandardLayouts.requests(2021), "（六）其他处理").rowSpan());
        assertEquals(2, cellWithText(StandardLayouts.requests(2019), "（六）其他处理").colSpan());
        LayoutCell note = cellWithText(StandardLayouts.requests(2021), StandardLayouts.NOTE_TEXT);
        assertEquals(3, note.rowSpan());
        assertEquals(3, note.colSpan());
        assertEquals(10, cellWithText(StandardLayouts.appeals(2021), "行政诉讼").colSpan());
    }

    @Test
    void valueKeysAreUniqueAndPathsLookRight() {
        for (int format : List.of(2019, 2021)) {
            Set<String> keys = new HashSet<>();
            for (TableLayout t : StandardLayouts.forFormat(format)) {
                for (LayoutCell c : t.valueCells()) assertTrue(keys.add(t.id() + c.key()), "duplicate key " + c.key());
            }
        }
        TableLayout t = StandardLayouts.requests(2021);
        LayoutCell secret = t.cellAt(7, 4);
        assertEquals("三、本年度办理结果 > （三）不予公开 > 1.属于国家秘密", secret.rowPath());
        assertEquals("申请人情况 > 法人或其他组织 > 商业企业", secret.colPath());
        assertEquals("行政诉讼 > 复议后起诉 > 总计", StandardLayouts.appeals(2021).cellAt(3, 14).colPath());
    }

    private static void assertShape(TableLayout t, int rows, int cols, int values) {
        assertEquals(rows, t.rows(), t.id() + " rows");
        assertEquals(cols, t.cols(), t.id() + " cols");
        assertEquals(values, t.valueCells().size(), t.id() + " values");
    }

    private static LayoutCell cellWithText(TableLayout t, String text) {
        return t.cells().stream().filter(c -> c.text().equals(text)).findFirst().orElseThrow();
    }
}
