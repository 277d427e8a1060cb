package org.nianbao.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.eval.gen.FilledTable;
import org.nianbao.ingest.eval.gen.ReportGenerator;
import org.nianbao.ingest.eval.gen.SyntheticReport;
import org.nianbao.ingest.eval.layout.LayoutCell;
import org.nianbao.ingest.eval.layout.StandardLayouts;
import org.nianbao.ingest.eval.render.FlatTextRenderer;
import org.nianbao.ingest.eval.render.HtmlRenderer;

/** Generated numbers satisfy identities I1–I7 of report-format.md §6, and generation is deterministic. */
class GeneratorIdentitiesTest {
    private final ReportGenerator gen = new ReportGenerator();

    private List<SyntheticReport> sample() {
        List<SyntheticReport> list = new ArrayList<>();
        for (long seed = 1; seed <= 15; seed++) for (int i = 0; i < 4; i++) list.add(gen.generate(seed, i));
        return list;
    }

    @Test
    void identitiesHoldOnEveryGeneratedReport() {
        int nonZero = 0;
        int big = 0;
        int decimals = 0;
        for (SyntheticReport r : sample()) {
            FilledTable t3 = r.table("三");
            int rows = StandardLayouts.requestRows(r.format()).size();
            int first = 3;
            int total = first + rows - 2;
            int carryNext = first + rows - 1;
            for (int c = 3; c < 10; c++) {
                // I1: new + carried = total + carried to next year
                assertEquals(n(t3, first, c) + n(t3, first + 1, c), n(t3, total, c) + n(t3, carryNext, c), r.id() + " I1 col " + c);
                // I2: （七）总计 = sum of the outcome rows
                int sum = 0;
                for (int row = first + 2; row < total; row++) sum += n(t3, row, c);
                assertEquals(n(t3, total, c), sum, r.id() + " I2 col " + c);
            }
            // I3: 总计 column = sum of applicant columns, every data row
            for (int row = first; row < first + rows; row++) {
                int sum = 0;
                for (int c = 3; c < 9; c++) sum += n(t3, row, c);
                assertEquals(n(t3, row, 9), sum, r.id() + " I3 row " + row);
            }
            // I4–I6
            FilledTable t4 = r.table("四");
            for (int g = 0; g < 3; g++) {
                int sum = 0;
                for (int o = 0; o < 4; o++) sum += n(t4, 3, g * 5 + o);
                assertEquals(n(t4, 3, g * 5 + 4), sum, r.id() + " I" + (4 + g));
            }
            // I7: value kinds
            for (FilledTable t : r.tables()) {
                for (LayoutCell c : t.layout().valueCells()) {
                    String v = t.text(c);
                    switch (c.kind()) {
                        case COUNT -> assertTrue(v.matches("\\d+"), r.id() + " count " + c.key() + " = " + v);
                        case SIGNED -> assertTrue(v.matches("[+-]?\\d+"), r.id() + " signed " + c.key() + " = " + v);
                        case AMOUNT -> assertTrue(v.matches("\\d+(\\.\\d+)?"), r.id() + " amount " + v);
                        case MONEY -> assertTrue(v.matches("\\d+(\\.\\d+)?(元|万元)?"), r.id() + " money " + v);
                    }
                    if (!v.equals("0")) nonZero++;
                    if (v.matches("\\d{3,}")) big++;
                    if (v.contains(".")) decimals++;
                }
            }
        }
        // plausibility: mostly zeros, but some counts, some large counts and some decimal money
        assertTrue(nonZero > 100, "non-zero values: " + nonZero);
        assertTrue(big > 5, "large counts: " + big);
        assertTrue(decimals > 5, "decimal amounts: " + decimals);
    }

    @Test
    void bothFormatsAndTheRightTablesAreGenerated() {
        assertEquals(2019, gen.generate(3, 0).format());
        assertEquals(2021, gen.generate(3, 1).format());
        SyntheticReport r = gen.generate(3, 1);
        assertEquals(28, r.table("三").layout().rows());
        assertTrue(r.title().matches(".+(市|区|县).+局20\\d\\d年政府信息公开工作年度报告"), r.title());
        assertEquals(List.of("title", "一", "二", "三", "四", "五", "六", "closing"),
                r.sections().stream().map(s -> s.key()).filter(k -> !k.equals("intro")).toList());
    }

    @Test
    void sameSeedSameReport() {
        SyntheticReport a = gen.generate(42, 3);
        SyntheticReport b = new ReportGenerator().generate(42, 3);
        assertEquals(a, b);
        assertEquals(HtmlRenderer.render(a, "utf-8", null), HtmlRenderer.render(b, "utf-8", null));
        assertEquals(FlatTextRenderer.render(a, FlatTextRenderer.Style.TAB), FlatTextRenderer.render(b, FlatTextRenderer.Style.TAB));
        assertArrayEquals(a.table("三").repeatedGrid(), b.table("三").repeatedGrid());
        SyntheticReport other = gen.generate(43, 3);
        assertTrue(!a.equals(other), "a different seed gives a different report");
    }

    private static int n(FilledTable t, int row, int col) {
        return Integer.parseInt(t.value(row, col));
    }
}
