package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Pipeline;

class StandardTableStageTest {
    private static final Provenance P = new Provenance(SourceKind.HTML, 1, Method.HTML, "test");

    private static TableBlock block(Table t) {
        return new TableBlock(t, "html-spans", 1.0, null, P, List.of());
    }

    private static Document doc(List<List<Block>> pages) {
        List<Page> ps = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) ps.add(new Page(i + 1, 0, 0, new PageReading(Method.HTML, "test"), pages.get(i), List.of()));
        return new Document("test.html", SourceKind.HTML, "UTF-8", "0", ps, Status.done(), List.of(), Edits.none(), Map.of());
    }

    private static Document apply(Document d) {
        return new StandardTableStage().apply(d, Context.defaults());
    }

    private static List<TableBlock> tables(Document d) {
        List<TableBlock> out = new ArrayList<>();
        for (Block b : d.blocks()) if (b instanceof TableBlock t) out.add(t);
        return out;
    }

    private static HeadingBlock heading(String text) {
        return new HeadingBlock(text, 2, P, List.of());
    }

    @Test
    void stageOrderIsAccepted() {
        // it needs normalised text, so it is accepted after the normaliser and refused on its own
        Pipeline.checkOrder(List.of(new org.nianbao.ingest.normalize.NormalizeStage(), new StandardTableStage()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Pipeline.checkOrder(List.of(new StandardTableStage())));
        assertTrue(new StandardTableStage().provides().contains(org.nianbao.ingest.pipeline.Capability.STANDARD_TABLES));
    }

    /**
     * 上海市人民政府办公厅 2019 style: section 二 as a 5-column grid (the row labels span two columns).
     * Cells are keyed by their labels; the canonical shape is reported.
     */
    @Test
    void fiveColumnSectionTwoIsKeyedLogically() {
        StandardTemplate t = StandardTemplates.byId("2019-sec2");
        List<Cell> cells = new ArrayList<>();
        int[] n = {0};
        for (TemplateCell c : t.cells()) {
            // widen column 0 to two grid columns; everything else moves one column right
            int col = c.col() == 0 ? 0 : c.col() + 1;
            int span = c.col() == 0 ? c.colSpan() + 1 : c.colSpan();
            String text = c.value() ? (c.colId().equals("amount") ? "251000元" : Integer.toString(++n[0])) : c.label();
            cells.add(Cell.of(c.row(), col, c.rowSpan(), span, text));
        }
        Table five = Table.normalized(18, 5, cells).table();
        Document d = apply(doc(List.of(List.of(block(five)))));
        StandardTable st = tables(d).get(0).standard();
        assertNotNull(st);
        assertEquals("2019-sec2", st.template());
        assertEquals(22, st.values().size());
        assertTrue(st.deviations().get(0).contains("18×5") && st.deviations().get(0).contains("18×4"), st.deviations().toString());
        StandardTable.KeyedValue first = st.values().get(0);
        assertEquals("第二十条第（一）项 > 规章", first.rowPath());
        assertEquals("本年新制作数量", first.colPath());
        assertEquals("1", first.value());
        assertEquals(2, first.col(), "position in the grid as it is");
        StandardTable.KeyedValue amount = st.values().get(21);
        assertEquals("采购总金额", amount.colPath());
        assertEquals("251000", amount.value());
        assertEquals("251000元", amount.text());
    }

    /** A 2021-format report (section 二 says so) whose section 三 still has the single 2019 （六） row. */
    @Test
    void oldStyleRowInNewFormatReport() {
        Document d = apply(doc(List.of(List.of(block(Grids.zeros("2021-sec2")), block(Grids.zeros("2019-sec3"))))));
        StandardTable sec3 = tables(d).get(1).standard();
        assertEquals("2021-sec3", sec3.template());
        assertTrue(sec3.deviations().get(0).contains("2019 format"), sec3.deviations().toString());
        assertTrue(sec3.values().stream().anyMatch(v -> v.rowPath().equals("三、本年度办理结果 > （六）其他处理")));
        assertEquals("2021", d.metadata().get("report-format"));
    }

    @Test
    void labelVariantsAndMissingRowsAreDeviations() {
        StandardTemplate t = StandardTemplates.byId("2021-sec3");
        List<Cell> cells = new ArrayList<>();
        for (TemplateCell c : t.cells()) {
            if (c.row() == 14) continue; // 8.属于行政查询事项 not printed
            int row = c.row() > 14 ? c.row() - 1 : c.row();
            int rowSpan = c.row() < 14 && c.row() + c.rowSpan() > 14 ? c.rowSpan() - 1 : c.rowSpan();
            String text = c.value() ? "0" : c.label().replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开");
            cells.add(Cell.of(row, c.col(), rowSpan, c.colSpan(), text));
        }
        Table grid = Table.normalized(27, 10, cells).table();
        Document d = apply(doc(List.of(List.of(block(grid)))));
        StandardTable st = tables(d).get(0).standard();
        assertEquals("2021-sec3", st.template());
        assertEquals(168, st.values().size());
        String devs = String.join("\n", st.deviations());
        assertTrue(devs.contains("missing row: 三、本年度办理结果 > （三）不予公开 > 8.属于行政查询事项"), devs);
        assertTrue(devs.contains("label variant: '2.其他法律行政止公开'"), devs);
        assertTrue(devs.contains("27×10"), devs);
        // blank is not 0: with a row missing, I2 cannot be checked
        assertTrue(st.checks().stream().filter(c -> c.id().equals("I2")).allMatch(c -> c.status().equals("skipped")));
    }

    /** Section 三 cut by a page break inside （三）不予公开; the continuation repeats the three header rows. */
    @Test
    void tableContinuedOnTheNextPageIsStitched() {
        stitched(false);
    }

    /** Same, but the continuation writes one empty cell per row where the cut labels were. */
    @Test
    void continuationWithOneEmptyCellPerRow() {
        stitched(true);
    }

    private void stitched(boolean emptyPerRow) {
        Table whole = Grids.canonical(StandardTemplates.byId("2021-sec3"), c -> Integer.toString(c.row() * 10 + c.col()));
        String[][] g = whole.textGrid();
        Table top = Table.normalized(11, 10, clip(whole, 0, 11, 0)).table();
        List<Cell> bottom = new ArrayList<>();
        for (Cell c : whole.cells()) if (c.row() < 3) bottom.add(c); // repeated header
        for (Cell c : clip(whole, 11, 28, 3)) {
            // the cut row-spanning labels are not repeated on the next page: empty cells there
            if (emptyPerRow && c.text().isEmpty() && c.rowSpan() > 1) {
                for (int r = 0; r < c.rowSpan(); r++) bottom.add(Cell.of(c.row() + r, c.col(), 1, c.colSpan(), ""));
            } else {
                bottom.add(c);
            }
        }
        Table cont = Table.normalized(20, 10, bottom).table();
        ParagraphBlock pageNo = new ParagraphBlock("- 3 -", List.of(), P, List.of());
        Document d = apply(doc(List.of(List.of(heading("三、收到和处理政府信息公开申请情况"), block(top), pageNo), List.of(block(cont)))));
        List<TableBlock> ts = tables(d);
        assertEquals(1, ts.size(), "one table after stitching");
        TableBlock t = ts.get(0);
        assertEquals(28, t.table().rows());
        assertEquals(10, t.table().cols());
        assertEquals(g.length, t.table().rows());
        Cell three = t.table().cellAt(20, 0);
        assertEquals("三、本年度办理结果", three.text());
        assertEquals(5, three.row());
        assertEquals(22, three.rowSpan(), "the row-spanning label is carried over the break");
        Cell deny = t.table().cellAt(12, 1);
        assertEquals("（三）不予公开", deny.text());
        assertEquals(8, deny.rowSpan());
        assertEquals("2021-sec3", t.standard().template());
        assertEquals(175, t.standard().values().size());
        assertTrue(t.warnings().stream().anyMatch(w -> w.code().equals("table-stitched") && w.message().contains("3 repeated header")),
                t.warnings().toString());
        for (int r = 0; r < 28; r++) for (int c = 0; c < 10; c++) assertEquals(g[r][c], t.table().textGrid()[r][c], r + "," + c);
        // the page number stays
        assertTrue(d.blocks().stream().anyMatch(b -> b.text().equals("- 3 -")));
    }

    /**
     * A ruled PDF prints a cut label in the part that holds its middle: the upper part keeps an empty stub
     * of 三、本年度办理结果 (and of （四）无法提供 when the break falls inside it), the lower part the text.
     */
    @Test
    void cutLabelPrintedInTheLowerPartIsJoinedWithItsStub() {
        Table whole = Grids.canonical(StandardTemplates.byId("2021-sec3"), c -> Integer.toString(c.row() * 10 + c.col()));
        String[][] g = whole.textGrid();
        int cut = 16; // inside （四）无法提供 (rows 15–17)
        List<Cell> upper = new ArrayList<>();
        List<Cell> lower = new ArrayList<>();
        for (Cell c : whole.cells()) {
            int end = c.row() + c.rowSpan();
            if (end <= cut) {
                upper.add(c);
            } else if (c.row() >= cut) {
                lower.add(Cell.of(c.row() - cut, c.col(), c.rowSpan(), c.colSpan(), c.text()));
            } else {
                boolean textBelow = c.row() + c.rowSpan() / 2.0 >= cut;
                upper.add(Cell.of(c.row(), c.col(), cut - c.row(), c.colSpan(), textBelow ? "" : c.text()));
                lower.add(Cell.of(0, c.col(), end - cut, c.colSpan(), textBelow ? c.text() : ""));
            }
        }
        Table top = Table.normalized(cut, 10, upper).table();
        Table cont = Table.normalized(28 - cut, 10, lower).table();
        Document d = apply(doc(List.of(List.of(heading("三、收到和处理政府信息公开申请情况"), block(top)), List.of(block(cont)))));
        List<TableBlock> ts = tables(d);
        assertEquals(1, ts.size());
        Table t = ts.get(0).table();
        assertEquals(28, t.rows());
        Cell three = t.cellAt(5, 0);
        assertEquals("三、本年度办理结果", three.text());
        assertEquals(22, three.rowSpan());
        Cell none = t.cellAt(15, 1);
        assertEquals("（四）无法提供", none.text());
        assertEquals(15, none.row());
        assertEquals(3, none.rowSpan());
        for (int r = 0; r < 28; r++) for (int c = 0; c < 10; c++) assertEquals(g[r][c], t.textGrid()[r][c], r + "," + c);
    }

    /** Only the last row (四、结转下年度继续办理) was pushed to the next page: it still joins the table. */
    @Test
    void lastRowAloneOnTheNextPageIsStitched() {
        Table whole = Grids.canonical(StandardTemplates.byId("2021-sec3"), c -> Integer.toString(c.row() * 10 + c.col()));
        String[][] g = whole.textGrid();
        Table top = Table.normalized(27, 10, clip(whole, 0, 27, 0)).table();
        Table last = Table.normalized(1, 10, clip(whole, 27, 28, 0)).table();
        Document d = apply(doc(List.of(List.of(heading("三、收到和处理政府信息公开申请情况"), block(top)), List.of(block(last)))));
        List<TableBlock> ts = tables(d);
        assertEquals(1, ts.size());
        assertEquals(28, ts.get(0).table().rows());
        for (int c = 0; c < 10; c++) assertEquals(g[27][c], ts.get(0).table().textGrid()[27][c]);
    }

    /** Rows [from, to) of a grid moved to start at row {@code newTop}, spans clipped; cut labels left empty. */
    private static List<Cell> clip(Table t, int from, int to, int newTop) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : t.cells()) {
            int top = Math.max(c.row(), from);
            int bottom = Math.min(c.row() + c.rowSpan(), to);
            if (bottom <= top) continue;
            String text = c.row() < from ? "" : c.text();
            out.add(Cell.of(top - from + newTop, c.col(), bottom - top, c.colSpan(), text));
        }
        return out;
    }

    @Test
    void twoDifferentTablesAreNotStitched() {
        Document d = apply(doc(List.of(List.of(block(Grids.zeros("2019-sec2"))), List.of(block(Grids.zeros("2019-sec3"))))));
        assertEquals(2, tables(d).size());
        assertEquals("2019-sec2", tables(d).get(0).standard().template());
        assertEquals("2019-sec3", tables(d).get(1).standard().template());
    }

    @Test
    void nonStandardGridIsLeftAlone() {
        Table t = Table.normalized(2, 3, List.of(Cell.of(0, 0, 1, 1, "项目"), Cell.of(0, 1, 1, 1, "数量"), Cell.of(0, 2, 1, 1, "金额"),
                Cell.of(1, 0, 1, 1, "办公用品"), Cell.of(1, 1, 1, 1, "3"), Cell.of(1, 2, 1, 1, "120"))).table();
        Document d = apply(doc(List.of(List.of(block(t)))));
        assertNull(tables(d).get(0).standard());
        assertNull(d.metadata().get("report-format"));
    }

    @Test
    void missingTablesWarnOnlyWhereATableShouldBe() {
        Document none = apply(doc(List.of(List.of(heading("二、主动公开政府信息情况"), block(Grids.zeros("2019-sec2")),
                heading("三、收到和处理政府信息公开申请情况"), block(Grids.zeros("2019-sec3")),
                heading("四、政府信息公开行政复议、行政诉讼情况"), block(Grids.zeros("sec4")), heading("五、存在的主要问题及改进情况")))));
        assertTrue(none.warnings().stream().noneMatch(w -> w.code().equals("tables-missing")));

        ImageBlock img = new ImageBlock("t3.png", null, "", "", false, P, List.of());
        Document one = apply(doc(List.of(List.of(heading("二、主动公开政府信息情况"), block(Grids.zeros("2019-sec2")),
                heading("三、收到和处理政府信息公开申请情况"), img,
                heading("四、政府信息公开行政复议、行政诉讼情况"), block(Grids.zeros("sec4"))))));
        var w = one.warnings().stream().filter(x -> x.code().equals("tables-missing")).findFirst().orElseThrow();
        assertTrue(w.message().startsWith("section 三 has"), w.message());
        assertTrue(w.message().contains("images that were not rebuilt"), w.message());

        Document plain = apply(doc(List.of(List.of(new ParagraphBlock("一段普通的文字。", List.of(), P, List.of())))));
        assertTrue(plain.warnings().isEmpty());
    }

    @Test
    void identityFailuresBecomeAWarningOnTheTable() {
        Table bad = Grids.canonical(StandardTemplates.byId("sec4"), c -> c.col() == 4 ? "9" : "1");
        Document d = apply(doc(List.of(List.of(block(bad)))));
        TableBlock t = tables(d).get(0);
        assertTrue(t.warnings().stream().anyMatch(w -> w.code().equals("identity-failed") && w.message().contains("I4")), t.warnings().toString());
    }

    /** OCR-style noise: one wrong character in many labels, two headers lost. Values still keyed right. */
    @Test
    void noisyLabelsAreStillRecognised() {
        StandardTemplate t = StandardTemplates.byId("2021-sec3");
        List<Cell> cells = new ArrayList<>();
        int[] n = {0};
        for (TemplateCell c : t.cells()) {
            String text;
            if (c.value()) {
                text = Integer.toString(++n[0]);
            } else if (c.label().equals("科研机构") || c.label().equals("申请人情况")) {
                text = "";
            } else if (c.label().length() > 4) {
                int k = c.label().length() / 2;
                text = c.label().substring(0, k) + "口" + c.label().substring(k + 1);
            } else {
                text = c.label();
            }
            cells.add(Cell.of(c.row(), c.col(), c.rowSpan(), c.colSpan(), text));
        }
        Table grid = Table.normalized(t.rows(), t.cols(), cells).table();
        Document d = apply(doc(List.of(List.of(block(grid)))));
        StandardTable st = tables(d).get(0).standard();
        assertEquals("2021-sec3", st.template());
        assertEquals(175, st.values().size());
        for (int i = 0; i < 175; i++) assertEquals(Integer.toString(i + 1), st.values().get(i).value());
        assertTrue(st.deviations().stream().anyMatch(x -> x.startsWith("label variant")));
    }

    /** Section 二 printed as four separate small tables (one per 第二十条 item): stitched into one. */
    @Test
    void sectionTwoSubTablesAreStitched() {
        Table whole = Grids.canonical(StandardTemplates.byId("2021-sec2"), c -> Integer.toString(c.row()));
        int[][] parts = {{0, 4}, {4, 7}, {7, 11}, {11, 14}};
        List<Block> blocks = new ArrayList<>();
        for (int[] p : parts) blocks.add(block(Table.normalized(p[1] - p[0], 4, clip(whole, p[0], p[1], 0)).table()));
        Document d = apply(doc(List.of(blocks)));
        List<TableBlock> ts = tables(d);
        assertEquals(1, ts.size());
        assertEquals(14, ts.get(0).table().rows());
        assertEquals("2021-sec2", ts.get(0).standard().template());
        assertEquals(10, ts.get(0).standard().values().size());
        assertEquals("13", ts.get(0).standard().values().get(9).value());
    }
}
