package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.StandardTable.IdentityCheck;
import org.nianbao.ingest.model.Table;

class IdentityCheckerTest {
    private static StandardTable keyed(Table grid) {
        Alignment a = GridStreams.recognize(grid);
        assertNotNull(a, "grid not recognised");
        return StandardTableBuilder.build(a, grid);
    }

    private static List<IdentityCheck> checks(StandardTable st, String id, String status) {
        return st.checks().stream().filter(c -> c.id().equals(id) && c.status().equals(status)).toList();
    }

    /** Pingtan 2020 (2019 format), reference §6: I1 holds, I2 fails on the 总计 column (21 vs 27). */
    @Test
    void pingtanBreaksI2ButNotI1() {
        Map<String, String> natural = new HashMap<>();
        natural.put("new", "21");
        natural.put("carried", "0");
        natural.put("open", "7");
        natural.put("partial", "6");
        natural.put("unable.1", "4");
        natural.put("unable.3", "3");
        natural.put("ignore.2", "3");
        natural.put("other", "4");
        natural.put("total", "21");
        natural.put("next", "0");
        Table grid = Grids.canonical(StandardTemplates.byId("2019-sec3"), c ->
                c.colId().equals("natural") || c.colId().equals("total") ? natural.getOrDefault(c.rowId(), "0") : "0");
        StandardTable st = keyed(grid);
        assertEquals("2019-sec3", st.template());
        assertEquals(161, st.values().size());
        assertEquals(7, checks(st, "I1", "passed").size());
        List<IdentityCheck> i2 = checks(st, "I2", "failed");
        assertEquals(2, i2.size(), "I2 fails for 自然人 and 总计");
        IdentityCheck total = i2.stream().filter(c -> c.description().contains("申请人情况 > 总计")).findFirst().orElseThrow();
        assertTrue(total.detail().contains("21 vs 27"), total.detail());
        assertEquals(20, total.cells().size(), "the total and its 19 result rows (2019 format)");
        assertTrue(total.cells().contains("r24c9"), "（七）总计 is grid row 24 in 2019: " + total.cells());
        assertEquals(23, checks(st, "I3", "passed").size());
        assertEquals(1, checks(st, "I7", "passed").size());
    }

    /** 上海市人民政府办公厅 2019: 总计 blank (&nbsp;) on the detail rows — blank is not 0, so the checks are skipped. */
    @Test
    void blanksSkipInsteadOfFailing() {
        List<String> withTotal = List.of("new", "carried", "total", "next");
        Table grid = Grids.canonical(StandardTemplates.byId("2019-sec3"), c ->
                c.colId().equals("total") && !withTotal.contains(c.rowId()) ? "&nbsp;" : "0");
        StandardTable st = keyed(grid);
        long blanks = st.values().stream().filter(v -> v.value() == null).count();
        assertEquals(19, blanks);
        assertEquals(19, checks(st, "I3", "skipped").size());
        assertEquals(4, checks(st, "I3", "passed").size());
        IdentityCheck i2Total = st.checks().stream().filter(c -> c.id().equals("I2") && c.description().contains("> 总计"))
                .findFirst().orElseThrow();
        assertEquals("skipped", i2Total.status());
        assertTrue(i2Total.detail().contains("blank"));
        assertEquals(7, checks(st, "I1", "passed").size());
    }

    @Test
    void sectionFourTotals() {
        long[] row = DigitStreams.sec4Row("21317000001324019");
        Table ok = Grids.canonical(StandardTemplates.byId("sec4"), c -> Long.toString(row[c.col()]));
        StandardTable st = keyed(ok);
        assertEquals(3, st.checks().stream().filter(c -> c.id().matches("I[456]") && c.status().equals("passed")).count());
        assertEquals("行政诉讼 > 复议后起诉 > 总计", st.values().get(14).colPath());
        assertEquals("19", st.values().get(14).value());

        Table bad = Grids.canonical(StandardTemplates.byId("sec4"), c -> c.col() == 4 ? "9" : Long.toString(row[c.col()]));
        StandardTable broken = keyed(bad);
        IdentityCheck i4 = broken.checks().stream().filter(c -> c.id().equals("I4")).findFirst().orElseThrow();
        assertEquals("failed", i4.status());
        assertEquals(List.of("r3c4", "r3c0", "r3c1", "r3c2", "r3c3"), i4.cells());
    }

    @Test
    void i7AllowsSignedChangesButNotNegativeCounts() {
        Table grid = Grids.canonical(StandardTemplates.byId("2019-sec2"), c ->
                c.colId().equals("change") ? "-2" : c.colId().equals("amount") ? "251000元" : "1");
        StandardTable st = keyed(grid);
        assertEquals("passed", checks(st, "I7", "passed").get(0).status());
        KeyedValueAssert.has(st, "第二十条第（九）项 > 政府集中采购", "采购总金额", "251000");

        Table negative = Grids.canonical(StandardTemplates.byId("2019-sec2"), c -> c.rowId().equals("rules") && c.colId().equals("made") ? "-1" : "1");
        StandardTable bad = keyed(negative);
        IdentityCheck i7 = bad.checks().stream().filter(c -> c.id().equals("I7")).findFirst().orElseThrow();
        assertEquals("failed", i7.status());
        assertEquals(List.of("r2c1"), i7.cells());
    }

    /** OCR misreadings (O for 0, l2 for 12) still fill their slots; I7 names them instead of a silent 0. */
    @Test
    void misreadNumbersKeepTheirPlaceAndFailI7() {
        Table grid = Grids.canonical(StandardTemplates.byId("sec4"), c -> c.col() == 1 ? "O" : c.col() == 12 ? "l2" : "0");
        StandardTable st = keyed(grid);
        assertEquals(15, st.values().size());
        assertEquals("O", st.values().get(1).text());
        assertEquals(null, st.values().get(1).value());
        IdentityCheck i7 = checks(st, "I7", "failed").get(0);
        assertEquals(List.of("r3c1", "r3c12"), i7.cells());
        assertEquals("skipped", st.checks().get(0).status(), "I4 cannot be checked with a misread cell");
    }

    /**
     * A figure OCR read as junk letters (纪 for 3) after other figures of its row keeps its slot: taken for
     * a label it fell outside the template and slid the row's later figures one slot on.
     */
    @Test
    void junkAfterFiguresKeepsItsSlot() {
        long[] row = DigitStreams.sec4Row("21317000001324019");
        Table grid = Grids.canonical(StandardTemplates.byId("sec4"), c -> c.col() == 4 ? "纪" : c.col() == 1 ? "日昌" : Long.toString(row[c.col()]));
        StandardTable st = keyed(grid);
        assertEquals(15, st.values().size());
        assertEquals("纪", st.values().get(4).text());
        assertEquals(null, st.values().get(4).value());
        assertEquals("日昌", st.values().get(1).text());
        assertEquals("3", st.values().get(2).value());
        assertEquals("19", st.values().get(14).value());
        assertEquals(List.of("r3c1", "r3c4"), checks(st, "I7", "failed").get(0).cells());
        assertTrue(st.deviations().stream().noneMatch(d -> d.startsWith("cells outside the template")), st.deviations().toString());
    }

    /** The first figure of a row read as a letter (了 for 4) stands below figures of its column: a figure, not part of the label. */
    @Test
    void junkBelowFiguresKeepsItsSlot() {
        Table grid = Grids.canonical(StandardTemplates.byId("2021-sec3"), c ->
                c.rowId().equals("total") && c.col() == 3 ? "了" : "1");
        StandardTable st = keyed(grid);
        StandardTable.KeyedValue kv = st.values().stream()
                .filter(v -> v.rowPath().endsWith("（七）总计") && v.colPath().equals("申请人情况 > 自然人")).findFirst().orElseThrow();
        assertEquals("了", kv.text());
        assertTrue(st.deviations().stream().noneMatch(d -> d.startsWith("label variant")), st.deviations().toString());
    }

    /** Small assertion helper over keyed values. */
    static final class KeyedValueAssert {
        static void has(StandardTable st, String rowPath, String colPath, String value) {
            StandardTable.KeyedValue kv = st.values().stream()
                    .filter(v -> v.rowPath().equals(rowPath) && v.colPath().equals(colPath)).findFirst()
                    .orElseThrow(() -> new AssertionError("no value at " + rowPath + " | " + colPath));
            assertEquals(value, kv.value(), rowPath + " | " + colPath);
        }
    }
}
