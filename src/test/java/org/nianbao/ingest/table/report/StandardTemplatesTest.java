package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The templates against the reference (report-format.md §2–§5): shapes, numeric cell counts, paths. */
class StandardTemplatesTest {
    private static void shape(String id, int rows, int cols, int values) {
        StandardTemplate t = StandardTemplates.byId(id);
        assertEquals(rows, t.rows(), id);
        assertEquals(cols, t.cols(), id);
        assertEquals(values, t.values().size(), id + " numeric cells");
    }

    @Test
    void shapesAndNumericCellsMatchTheReference() {
        shape("2019-sec2", 18, 4, 22);
        shape("2021-sec2", 14, 4, 10);
        shape("2019-sec3", 26, 10, 161);
        shape("2021-sec3", 28, 10, 175);
        shape("sec4", 4, 15, 15);
    }

    @Test
    void everyValueHasAUniqueKeyAndPath() {
        for (StandardTemplate t : StandardTemplates.all()) {
            Set<String> keys = new HashSet<>();
            Set<String> paths = new HashSet<>();
            for (TemplateCell c : t.values()) {
                assertTrue(keys.add(c.slotKey()), t.id() + " duplicate " + c.slotKey());
                assertTrue(paths.add(c.rowPath() + "|" + c.colPath()), t.id() + " duplicate path " + c.rowPath() + "|" + c.colPath());
                assertTrue(!c.colPath().isEmpty());
            }
        }
    }

    @Test
    void spansFromTheReference() {
        StandardTemplate s19 = StandardTemplates.byId("2019-sec3");
        StandardTemplate s21 = StandardTemplates.byId("2021-sec3");
        assertEquals(20, s19.cells().stream().filter(c -> c.label().equals("三、本年度办理结果")).findFirst().orElseThrow().rowSpan());
        assertEquals(22, s21.cells().stream().filter(c -> c.label().equals("三、本年度办理结果")).findFirst().orElseThrow().rowSpan());
        TemplateCell deny = s21.cells().stream().filter(c -> c.label().equals("（三）不予公开")).findFirst().orElseThrow();
        assertEquals(8, deny.rowSpan());
        TemplateCell item = s21.values().stream().filter(c -> c.rowId().equals("deny.1") && c.colId().equals("business")).findFirst().orElseThrow();
        assertEquals("三、本年度办理结果 > （三）不予公开 > 1.属于国家秘密", item.rowPath());
        assertEquals("申请人情况 > 法人或其他组织 > 商业企业", item.colPath());
        assertEquals(7, item.row());
        assertEquals(4, item.col());
        TemplateCell change = StandardTemplates.byId("2019-sec2").values().stream().filter(c -> c.rowId().equals("fees") && c.colId().equals("change"))
                .findFirst().orElseThrow();
        assertEquals(2, change.colSpan());
        assertEquals(ValueKind.SIGNED, change.kind());
        assertEquals(ValueKind.DECIMAL, StandardTemplates.byId("2021-sec2").values().get(9).kind());
    }
}
