package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.TableBlock;

/** Grids built by the HTML extractor (html-spans) are recognised and keyed in place by the stage. */
class HtmlStandardTablesTest {
    @Test
    void htmlReportTablesAreKeyed() {
        Document d = new NianbaoIngest().process(Path.of("fixtures/html/report-utf8.html"));
        List<StandardTable> sts = new ArrayList<>();
        for (Block b : d.blocks()) if (b instanceof TableBlock t && t.standard() != null) sts.add(t.standard());
        assertEquals(List.of("2021-sec2", "2021-sec3", "sec4"), sts.stream().map(StandardTable::template).toList());
        assertEquals(List.of(10, 175, 15), sts.stream().map(s -> s.values().size()).toList());
        StandardTable.KeyedValue fee = sts.get(0).values().get(9);
        assertEquals("本年收费金额（单位：万元）", fee.colPath());
        assertEquals("85.6", fee.value());
        StandardTable.KeyedValue newTotal = sts.get(1).values().get(6);
        assertEquals("一、本年新收政府信息公开申请数量", newTotal.rowPath());
        assertEquals("申请人情况 > 总计", newTotal.colPath());
        assertEquals("19", newTotal.value());
        for (StandardTable st : sts) for (var c : st.checks()) assertEquals("passed", c.status(), c.description() + " " + c.detail());
        assertEquals("2021", d.metadata().get("report-format"));
    }
}
