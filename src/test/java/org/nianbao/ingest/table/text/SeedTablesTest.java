package org.nianbao.ingest.table.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.StandardTable.KeyedValue;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Table;

/**
 * The five real captures: every table comes out as the standard grid (shape and spans), every numeric
 * cell is keyed with the value the capture prints (expected values typed in from reading the seeds).
 */
class SeedTablesTest {
    static final NianbaoIngest INGEST = new NianbaoIngest();

    static Document run(String seed) {
        return INGEST.process(Path.of("fixtures/seeds/" + seed));
    }

    static List<TableBlock> tables(Document d) {
        List<TableBlock> out = new ArrayList<>();
        for (Block b : d.blocks()) if (b instanceof TableBlock t) out.add(t);
        return out;
    }

    static List<String> values(StandardTable st) {
        List<String> out = new ArrayList<>();
        for (KeyedValue v : st.values()) out.add(v.value());
        return out;
    }

    static List<String> list(String spaceSeparated) {
        return List.of(spaceSeparated.trim().split("\\s+"));
    }

    static List<String> zeros(int n) {
        return Collections.nCopies(n, "0");
    }

    /** The cell anchored at (r, c); fails when (r, c) is covered by a cell anchored elsewhere. */
    static Cell anchor(Table t, int r, int c) {
        Cell cell = t.cellAt(r, c);
        assertNotNull(cell);
        assertEquals(r, cell.row(), "anchor row at " + r + "," + c);
        assertEquals(c, cell.col(), "anchor col at " + r + "," + c);
        return cell;
    }

    static void span(Table t, int r, int c, int rowSpan, int colSpan, String textKey) {
        Cell cell = anchor(t, r, c);
        assertEquals(rowSpan, cell.rowSpan(), "row span of " + cell.text());
        assertEquals(colSpan, cell.colSpan(), "col span of " + cell.text());
        assertTrue(cell.text().replaceAll("[\\s()（）]", "").contains(textKey), cell.text() + " should contain " + textKey);
    }

    /** Spans every standard grid has; the 2019/2021 differences are passed in. */
    static void sec2Spans2019(Table t) {
        assertEquals(18, t.rows());
        assertEquals(4, t.cols());
        span(t, 0, 0, 1, 4, "第二十条第一项");
        span(t, 7, 0, 1, 1, "其他对外管理服务事项");
        span(t, 13, 2, 1, 2, "本年增/减");
        span(t, 14, 2, 1, 2, "");
        span(t, 16, 2, 1, 2, "采购总金额");
        span(t, 17, 0, 1, 1, "政府集中采购");
        span(t, 1, 1, 1, 1, "本年新制作数量");
        span(t, 1, 2, 1, 1, "本年新公开数量");
        span(t, 1, 3, 1, 1, "对外公开总数量");
    }

    static void sec3Spans(Table t, boolean of2019) {
        assertEquals(of2019 ? 26 : 28, t.rows());
        assertEquals(10, t.cols());
        span(t, 0, 0, 3, 3, "本列数据的勾稽关系");
        span(t, 0, 3, 1, 7, "申请人情况");
        span(t, 1, 3, 2, 1, "自然人");
        span(t, 1, 4, 1, 5, "法人或其他组织");
        span(t, 1, 9, 2, 1, "总计");
        span(t, 2, 8, 1, 1, "其他");
        span(t, 3, 0, 1, 3, "一、本年新收政府信息公开申请数量");
        span(t, 5, 0, of2019 ? 20 : 22, 1, "三、本年度办理结果");
        span(t, 5, 1, 1, 2, "一予以公开");
        span(t, 7, 1, 8, 1, "三不予公开");
        span(t, 7, 2, 1, 1, "1.属于国家秘密");
        span(t, 15, 1, 3, 1, "四无法提供");
        span(t, 18, 1, 5, 1, "五不予处理");
        if (of2019) {
            span(t, 23, 1, 1, 2, "六其他处理");
        } else {
            span(t, 23, 1, 3, 1, "六其他处理");
            span(t, 25, 2, 1, 1, "3.其他");
        }
        span(t, of2019 ? 24 : 26, 1, 1, 2, "七总计");
        span(t, of2019 ? 25 : 27, 0, 1, 3, "四、结转下年度继续办理");
    }

    static void sec4Spans(Table t) {
        assertEquals(4, t.rows());
        assertEquals(15, t.cols());
        span(t, 0, 0, 1, 5, "行政复议");
        span(t, 0, 5, 1, 10, "行政诉讼");
        span(t, 1, 0, 2, 1, "结果维持");
        span(t, 1, 4, 2, 1, "总计");
        span(t, 1, 5, 1, 5, "未经复议直接起诉");
        span(t, 1, 10, 1, 5, "复议后起诉");
        span(t, 2, 14, 1, 1, "总计");
    }

    /** Per-seed recovery, written to target/seed-table-recovery.txt for the report. */
    static final java.util.Map<String, String> RECOVERY = new java.util.TreeMap<>();

    @org.junit.jupiter.api.AfterAll
    static void writeRecovery() throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        RECOVERY.forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        java.nio.file.Files.createDirectories(Path.of("target"));
        java.nio.file.Files.writeString(Path.of("target/seed-table-recovery.txt"), b.toString());
    }

    /** Numeric cells keyed with exactly the expected value, out of the template's numeric cells. */
    static void recordRecovery(Document d, List<List<String>> expected) {
        List<TableBlock> ts = tables(d);
        int exact = 0;
        int total = 0;
        for (int i = 0; i < expected.size(); i++) {
            total += expected.get(i).size();
            if (i >= ts.size() || ts.get(i).standard() == null) continue;
            List<String> got = values(ts.get(i).standard());
            for (int k = 0; k < Math.min(got.size(), expected.get(i).size()); k++) if (expected.get(i).get(k).equals(got.get(k))) exact++;
        }
        RECOVERY.put(java.nio.file.Path.of(d.source()).getFileName().toString(),
                exact + "/" + total + " numeric cells exact, " + ts.size() + " tables");
    }

    static void checkSeed(Document d, String sec2Id, List<String> sec2, boolean of2019) {
        recordRecovery(d, List.of(sec2, zeros(of2019 ? 161 : 175), zeros(15)));
        List<TableBlock> ts = tables(d);
        assertEquals(3, ts.size(), "three standard tables");
        assertEquals(sec2Id, ts.get(0).standard().template());
        assertEquals(sec2, values(ts.get(0).standard()));
        String sec3Id = of2019 ? "2019-sec3" : "2021-sec3";
        assertEquals(sec3Id, ts.get(1).standard().template());
        assertEquals(zeros(of2019 ? 161 : 175), values(ts.get(1).standard()));
        assertEquals("sec4", ts.get(2).standard().template());
        assertEquals(zeros(15), values(ts.get(2).standard()));
        sec3Spans(ts.get(1).table(), of2019);
        sec4Spans(ts.get(2).table());
        for (TableBlock t : ts) {
            for (StandardTable.IdentityCheck c : t.standard().checks()) assertEquals("passed", c.status(), c.description());
            assertTrue(t.confidence() >= 0.9, "template-laid grids are confident");
        }
        assertEquals(of2019 ? "2019" : "2021", d.metadata().get("report-format"));
    }

    @Test
    void seed000PipeRowsWithUnevenCounts() {
        Document d = run("000_78855fc2a014f9fc.txt");
        checkSeed(d, "2019-sec2", list("0 0 0  26 26 26  0 0 0  0 0 0  1 1 1  0 0 0  0 0  0 0"), true);
        Table sec2 = tables(d).get(0).table();
        sec2Spans2019(sec2);
        // the capture truncated both headers to 本年新; the template restores them, with a warning
        assertTrue(tables(d).get(0).warnings().stream().anyMatch(w -> w.code().equals("table-header-restored")));
        // the 9-cell row (二)部分公开… sits under the 10-cell row 三、本年度办理结果 | (一)予以公开 …: the rowspan
        Table sec3 = tables(d).get(1).table();
        assertEquals("三、本年度办理结果", sec3.textGrid()[6][0]);
        // cell text as the normaliser canonicalises it (full-width punctuation in Chinese text)
        assertEquals("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", sec3.textGrid()[6][1]);
        assertEquals("pipe-rows", tables(d).get(1).origin());
    }

    @Test
    void seed001TabPrefixedCells() {
        Document d = run("001_c5f879456b805937.txt");
        checkSeed(d, "2019-sec2", list("0 0 0  0 0 0  0 0 0  0 0 0  0 0 0  0 0 0  0 0  16 109123"), true);
        TableBlock sec2 = tables(d).get(0);
        sec2Spans2019(sec2.table());
        StandardTable st = sec2.standard();
        KeyedValue amount = st.values().get(21);
        assertEquals("第二十条第（九）项 > 政府集中采购", amount.rowPath());
        assertEquals("采购总金额", amount.colPath());
        assertEquals("109123", amount.value());
        assertEquals("16", st.values().get(20).value());
        // （三）\n不予公开 and 其他对外管理\n\n服务事项: cells wrapped over lines are joined
        assertEquals("（三）不予公开", tables(d).get(1).table().textGrid()[7][1]);
        assertEquals("其他对外管理服务事项", sec2.table().textGrid()[7][0]);
        // the text contract: every row at full width, merged text repeated
        String row = tables(d).get(1).text().split("\n")[7];
        assertEquals("三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0", row);
    }

    @Test
    void seed002OneCellPerLine() {
        Document d = run("002_e3978633e113c1b8.txt");
        checkSeed(d, "2019-sec2", list("0 0 0  12 12 12  0 0 0  0 0 0  46 12 4  0 0 0  0 0  0 0"), true);
        Table sec2 = tables(d).get(0).table();
        sec2Spans2019(sec2);
        // 本年新\n制作数量 is one cell
        assertEquals("本年新制作数量", sec2.textGrid()[1][1]);
        StandardTable st = tables(d).get(0).standard();
        KeyedValue penalty = st.values().get(12);
        assertEquals("第二十条第（六）项 > 行政处罚", penalty.rowPath());
        assertEquals("上一年项目数量", penalty.colPath());
        assertEquals("46", penalty.value());
        // the section headings between the tables stay headings
        assertTrue(d.blocks().stream().anyMatch(b -> b.text().equals("三、收到和处理政府信息公开申请情况")));
    }

    @Test
    void seed003HasNoTableAndSaysSo() {
        Document d = run("003_f8ba18986d429270.txt");
        assertEquals(0, tables(d).size());
        assertTrue(d.warnings().stream().anyMatch(w -> w.code().equals("tables-missing") && w.message().contains("二、三、四")),
                d.warnings().toString());
    }

    @Test
    void seed004TsvWithEmptyMergedCells() {
        Document d = run("004_45b37724e5fb3c0a.txt");
        checkSeed(d, "2021-sec2", list("0 0 0  0 0 0  0  3 0  0"), false);
        Table sec2 = tables(d).get(0).table();
        assertEquals(14, sec2.rows());
        assertEquals(4, sec2.cols());
        span(sec2, 5, 1, 1, 3, "本年处理决定数量");
        span(sec2, 9, 1, 1, 3, "3");
        span(sec2, 12, 1, 1, 3, "本年收费金额");
        // 总计 is listed out of order in the capture's first header row; it still lands in its column
        span(tables(d).get(1).table(), 1, 9, 2, 1, "总计");
        // 结果 维持 (a line-broken header) is tidied
        assertEquals("结果维持", tables(d).get(2).table().textGrid()[1][0]);
        StandardTable st = tables(d).get(0).standard();
        assertEquals("第二十条第（六）项 > 行政处罚", st.values().get(7).rowPath());
        assertEquals("本年处理决定数量", st.values().get(7).colPath());
    }

    @Test
    void noWarningsAboutLostTextOnTheSeeds() {
        for (String seed : List.of("000_78855fc2a014f9fc.txt", "001_c5f879456b805937.txt", "002_e3978633e113c1b8.txt", "004_45b37724e5fb3c0a.txt")) {
            Document d = run(seed);
            assertTrue(d.allWarnings().stream().noneMatch(w -> w.code().equals("table-text-unplaced") || w.code().equals("tables-missing")),
                    seed + ": " + d.allWarnings());
        }
    }

    /** A page number inside a pipe table splits it in two; the parts are stitched back into one grid. */
    @Test
    void pipeTableCutByAPageNumberIsStitched(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(Path.of("fixtures/seeds/000_78855fc2a014f9fc.txt"));
        lines.add(37, "- 2 -");
        Path p = tmp.resolve("split.txt");
        java.nio.file.Files.write(p, lines);
        Document d = INGEST.process(p);
        checkSeed(d, "2019-sec2", list("0 0 0  26 26 26  0 0 0  0 0 0  1 1 1  0 0 0  0 0  0 0"), true);
        assertTrue(tables(d).get(1).warnings().stream().anyMatch(w -> w.code().equals("table-stitched")));
        // the normaliser removes the page number between the two halves (page furniture)
        assertTrue(d.blocks().stream().noneMatch(b -> b.text().equals("- 2 -")), "the page number is removed as furniture");
        assertEquals(1L, d.edits().counts().get("page-numbers-removed"));
        RECOVERY.remove("split.txt");
    }

    /** A stray number among one-cell-per-line cells: the row's own total (I3) says which number is stray. */
    @Test
    void strayNumberInACellStreamIsLeftOutByTheRowTotal(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(Path.of("fixtures/seeds/002_e3978633e113c1b8.txt"));
        int at = lines.indexOf("6.属于四类过程性信息") + 4; // after the row's second value
        lines.add(at, "");
        lines.add(at, "3");
        Path p = tmp.resolve("noise.txt");
        java.nio.file.Files.write(p, lines);
        Document d = INGEST.process(p);
        checkSeed(d, "2019-sec2", list("0 0 0  12 12 12  0 0 0  0 0 0  46 12 4  0 0 0  0 0  0 0"), true);
        assertTrue(tables(d).get(1).warnings().stream().anyMatch(w -> w.code().equals("table-text-unplaced") && w.message().endsWith(": 3")),
                tables(d).get(1).warnings().toString());
        RECOVERY.remove("noise.txt");
    }
}
