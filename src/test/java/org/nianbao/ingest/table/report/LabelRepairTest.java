package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.pipeline.Context;

/** Labels OCR misread by a character or two are restored in OCR grids, and only there. */
class LabelRepairTest {
    private static final Provenance P = new Provenance(SourceKind.IMAGE, 1, Method.OCR, "test");

    /** The canonical 2021 section 三 grid, numbered values, labels passed through {@code label}. */
    private static Table sec3(Function<String, String> label) {
        StandardTemplate t = StandardTemplates.byId("2021-sec3");
        List<Cell> cells = new ArrayList<>();
        int n = 0;
        for (TemplateCell c : t.cells()) {
            String text = c.value() ? Integer.toString(++n) : label.apply(c.label());
            cells.add(Cell.of(c.row(), c.col(), c.rowSpan(), c.colSpan(), text));
        }
        return Table.normalized(t.rows(), t.cols(), cells).table();
    }

    private static TableBlock run(Table grid, String origin) {
        TableBlock tb = new TableBlock(grid, origin, 0.9, null, P, List.of());
        Page page = new Page(1, 0, 0, new PageReading(Method.OCR, "test"), List.<Block>of(tb), List.of());
        Document d = new Document("t.png", SourceKind.IMAGE, "", "0", List.of(page), Status.done(), List.of(), Edits.none(), Map.of());
        Document out = new StandardTableStage().apply(d, Context.defaults());
        for (Block b : out.blocks()) if (b instanceof TableBlock t) return t;
        throw new AssertionError("no table");
    }

    private static boolean gridHas(Table t, String text) {
        return t.cells().stream().anyMatch(c -> c.text().equals(text));
    }

    private static Function<String, String> misread(Map<String, String> swaps) {
        return label -> swaps.getOrDefault(label, label);
    }

    @Test
    void misreadLabelsOfAnOcrGridAreRestoredAndReported() {
        Table grid = sec3(misread(Map.of("（三）不予公开", "（三）不巴公开", "2.其他法律行政法规禁止公开", "2.其他法律行政法规茜止公开",
                "4.保护第三方合法权益", "4.保护第三方台法权益")));
        TableBlock tb = run(grid, IdentityCorrector.OCR_ORIGIN);
        StandardTable st = tb.standard();
        assertEquals("2021-sec3", st.template());
        assertTrue(gridHas(tb.table(), "（三）不予公开"), "group label restored");
        assertTrue(gridHas(tb.table(), "2.其他法律行政法规禁止公开"));
        assertTrue(gridHas(tb.table(), "4.保护第三方合法权益"));
        assertFalse(gridHas(tb.table(), "（三）不巴公开"));
        String devs = String.join("\n", st.deviations());
        assertTrue(devs.contains("label read as '（三）不巴公开' taken for '（三）不予公开'"), devs);
        assertTrue(devs.contains("label read as '2.其他法律行政法规茜止公开' taken for '2.其他法律行政法规禁止公开'"), devs);
        assertFalse(devs.contains("label variant"), devs);
        assertTrue(tb.warnings().stream().anyMatch(w -> w.code().equals("table-label-restored")
                && w.message().contains("'（三）不巴公开' → '（三）不予公开'")), tb.warnings().toString());
        // the numbers are keyed as before
        assertEquals(175, st.values().size());
        for (int i = 0; i < 175; i++) assertEquals(Integer.toString(i + 1), st.values().get(i).value());
    }

    /** An exact source prints what it prints: the same texts in an HTML grid stay, reported as variants. */
    @Test
    void exactSourcesKeepTheirLabels() {
        Table grid = sec3(misread(Map.of("2.其他法律行政法规禁止公开", "2.其他法律行政法规茜止公开", "（三）不予公开", "（三）不巴公开")));
        TableBlock tb = run(grid, "html-spans");
        assertTrue(gridHas(tb.table(), "2.其他法律行政法规茜止公开"));
        assertTrue(gridHas(tb.table(), "（三）不巴公开"));
        String devs = String.join("\n", tb.standard().deviations());
        assertTrue(devs.contains("label variant: '2.其他法律行政法规茜止公开' for '2.其他法律行政法规禁止公开'"), devs);
        assertFalse(devs.contains("label read as"), devs);
        assertTrue(tb.warnings().stream().noneMatch(w -> w.code().equals("table-label-restored")));
    }

    /** Characters an exact source lost in decoding (U+FFFD, UTF-8 read as GBK) are filled from the one label that fits; nothing else changes. */
    @Test
    void charactersLostInDecodingAreFilledFromTheTemplate() {
        Table grid = sec3(misread(Map.of("三、本年度办理结果", "三\uFFFD本年度办理结果", "（三）不予公开", "（三）不予公\uFFFD",
                "2.其他法律行政法规禁止公开", "2.其他法律行政法规茜止公开", "（四）无法提供", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD提供")));
        TableBlock tb = run(grid, "html-spans");
        assertTrue(gridHas(tb.table(), "三、本年度办理结果"));
        assertTrue(gridHas(tb.table(), "（三）不予公开"));
        // a misread stays as printed in an exact source, and so does a label mostly lost: too little of it is left to name it
        assertTrue(gridHas(tb.table(), "2.其他法律行政法规茜止公开"));
        assertTrue(gridHas(tb.table(), "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD提供"));
        String devs = String.join("\n", tb.standard().deviations());
        assertTrue(devs.contains("label '三\uFFFD本年度办理结果' with 1 character lost in decoding (U+FFFD) taken for '三、本年度办理结果'"), devs);
    }

    @Test
    void onlyALabelWithSomethingLostAndEnoughLeftIsFilled() {
        StandardTemplate t = StandardTemplates.byId("2021-sec3");
        int k = -1;
        for (int i = 0; i < t.cells().size(); i++) if (t.cells().get(i).label().equals("1.属于国家秘密")) k = i;
        assertEquals("1.属于国家秘密", LabelRepair.lostOnly(t, k, "1.属于国家秘\uFFFD"));
        assertEquals(null, LabelRepair.lostOnly(t, k, "1.属于国家秘密"), "nothing lost, nothing to fill");
        assertEquals(null, LabelRepair.lostOnly(t, k, "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD秘密"), "too little left to name it");
        assertEquals(null, LabelRepair.lostOnly(t, k, "1.属于国家机\uFFFD"), "a character that is there must be the label's");
    }

    /** A label that differs by more than a misread (a reworded row) is not taken for the template's, even from OCR. */
    @Test
    void reallyDifferentLabelsAreNotSwallowed() {
        Table grid = sec3(misread(Map.of("2.其他法律行政法规禁止公开", "2.其他法规不得公开的", "（五）不予处理", "（五）暂不处理申请")));
        TableBlock tb = run(grid, IdentityCorrector.OCR_ORIGIN);
        assertTrue(gridHas(tb.table(), "2.其他法规不得公开的"));
        assertTrue(gridHas(tb.table(), "（五）暂不处理申请"));
        assertTrue(tb.standard().deviations().stream().noneMatch(d -> d.startsWith("label read as")), tb.standard().deviations().toString());
    }

    /** Short labels one character apart (总计 / （七）总计 once the brackets go) are ambiguous unless the cell stands where the template has it. */
    @Test
    void ambiguousShortLabelIsRestoredOnlyInPlace() {
        Table grid = sec3(misread(Map.of("（七）总计", "（七）总汁")));
        TableBlock inPlace = run(grid, IdentityCorrector.OCR_ORIGIN);
        assertTrue(gridHas(inPlace.table(), "（七）总计"), "in the template's own position, one edit apart and rivals two");
    }

    /** A group label in its own merged cell over exactly its items may be misread more: its place names it. */
    @Test
    void groupLabelInItsPlaceIsRestoredFromAWorseReading() {
        TableBlock tb = run(sec3(misread(Map.of("（四）无法提供", "人无法1 :提"))), IdentityCorrector.OCR_ORIGIN);
        assertTrue(gridHas(tb.table(), "（四）无法提供"), tb.standard().deviations().toString());
        // the same misreading of a one-row label is too far from its text
        TableBlock row = run(sec3(misread(Map.of("（一）予以公开", "人以1 :开"))), IdentityCorrector.OCR_ORIGIN);
        assertTrue(gridHas(row.table(), "人以1 :开"));
    }

    /**
     * The tall cell over every result row (三、本年度办理结果, often set vertically) read as one character of
     * junk is restored by its place and span alone; a short group's junk reading is not (seed 59, scan200-jpg:
     * 全 cost a parser all 175 figures of the table).
     */
    @Test
    void theTallResultGroupCellReadAsJunkIsRestoredByItsPlace() {
        TableBlock tb = run(sec3(misread(Map.of("三、本年度办理结果", "全"))), IdentityCorrector.OCR_ORIGIN);
        assertTrue(gridHas(tb.table(), "三、本年度办理结果"), tb.standard().deviations().toString());
        assertFalse(gridHas(tb.table(), "全"));
        TableBlock exact = run(sec3(misread(Map.of("三、本年度办理结果", "全"))), "html");
        assertTrue(gridHas(exact.table(), "全"), "an exact source keeps what it prints");
        TableBlock shortGroup = run(sec3(misread(Map.of("（四）无法提供", "全"))), IdentityCorrector.OCR_ORIGIN);
        assertTrue(gridHas(shortGroup.table(), "全"), "a three-row group is not named by its place alone");
    }

    /** The rows [from, to) of {@code t} as a table of their own (cells cut at both ends), one label replaced. */
    private static Table part(Table t, int from, int to, String label, String readAs, double confidence) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : t.cells()) {
            int top = Math.max(c.row(), from);
            int end = Math.min(c.row() + c.rowSpan(), to);
            if (end <= top) continue;
            String text = c.text().equals(label) ? readAs : c.text();
            cells.add(new Cell(top - from, c.col(), end - top, c.colSpan(), text, null, confidence));
        }
        return Table.normalized(to - from, t.cols(), cells).table();
    }

    /** Table 三 printed over two pages: the first part's rows above {@code cut}, the rest on the next page. */
    private static TableBlock runTwoParts(Table whole, int cut, String label, String firstReads, String secondReads, String origin) {
        double confidence = origin.equals(IdentityCorrector.OCR_ORIGIN) ? 90 : 100; // exact sources: 100
        TableBlock a = new TableBlock(part(whole, 0, cut, label, firstReads, confidence), origin, 0.9, null, P, List.of());
        Provenance p2 = new Provenance(SourceKind.IMAGE, 2, Method.OCR, "test");
        TableBlock b = new TableBlock(part(whole, cut, whole.rows(), label, secondReads, confidence), origin, 0.9, null, p2, List.of());
        Page page1 = new Page(1, 0, 0, new PageReading(Method.OCR, "test"), List.<Block>of(a), List.of());
        Page page2 = new Page(2, 0, 0, new PageReading(Method.OCR, "test"), List.<Block>of(b), List.of());
        Document d = new Document("t.pdf", SourceKind.IMAGE, "", "0", List.of(page1, page2), Status.done(), List.of(), Edits.none(), Map.of());
        Document out = new StandardTableStage().apply(d, Context.defaults());
        for (Block x : out.blocks()) if (x instanceof TableBlock t && t.standard() != null) return t;
        throw new AssertionError("no standard table");
    }

    private static Cell cellAt(Table t, int row, int col) {
        for (Cell c : t.cells()) if (c.row() == row && c.col() == col) return c;
        return null;
    }

    /**
     * A group cell cut by a page break, one piece read as its label and the other as junk (unseen seeds 59
     * and 67, 200 dpi: 全 above the break, 馈志生 or 宪 below it) is one cell with its label again, so a parser
     * finds the rows beside the junk piece; a piece that reads as another label, or an exact source, is left.
     */
    @Test
    void aGroupCellCutByAPageBreakWithAJunkPieceIsOneCellAgain() {
        StandardTemplate t = StandardTemplates.byId("2021-sec3");
        Table whole = sec3(l -> l);
        TemplateCell tall = t.cells().stream().filter(c -> c.label().equals("三、本年度办理结果")).findFirst().orElseThrow();
        int cut = tall.row() + 12;
        for (String[] reads : new String[][] {{"三、本年度办理结果", "馈志生"}, {"全", "三、本年度办理结果"}, {"三、本年度办理结果", "宪"}}) {
            TableBlock tb = run(whole, cut, reads);
            Cell c = cellAt(tb.table(), tall.row(), tall.col());
            assertEquals("三、本年度办理结果", c.text(), String.join("/", reads));
            assertEquals(tall.rowSpan(), c.rowSpan(), String.join("/", reads));
            assertFalse(gridHas(tb.table(), reads[1].equals("三、本年度办理结果") ? reads[0] : reads[1]));
            assertTrue(tb.warnings().stream().anyMatch(w -> w.code().equals("table-label-restored")));
            assertFalse(tb.standard().deviations().stream().anyMatch(s -> s.startsWith("cells outside")), tb.standard().deviations().toString());
        }
        // a piece that reads as another label is no junk piece of this one
        TableBlock other = runTwoParts(whole, cut, "三、本年度办理结果", "三、本年度办理结果", "（五）不予处理", IdentityCorrector.OCR_ORIGIN);
        assertTrue(gridHas(other.table(), "（五）不予处理"));
        assertEquals(cut - tall.row(), cellAt(other.table(), tall.row(), tall.col()).rowSpan());
        // an exact source prints what it prints
        TableBlock exact = runTwoParts(whole, cut, "三、本年度办理结果", "三、本年度办理结果", "馈志生", "html");
        assertTrue(gridHas(exact.table(), "馈志生"));
    }

    private static TableBlock run(Table whole, int cut, String[] reads) {
        return runTwoParts(whole, cut, "三、本年度办理结果", reads[0], reads[1], IdentityCorrector.OCR_ORIGIN);
    }

    /** A label standing where the template has it may be one character further off: a bracket read as two letters. */
    @Test
    void aLabelInItsPlaceSurvivesABracketReadAsTwoLetters() {
        TableBlock tb = run(sec3(misread(Map.of("（一）予以公开", "（一上了予以公开"))), IdentityCorrector.OCR_ORIGIN);
        assertTrue(gridHas(tb.table(), "（一）予以公开"), tb.standard().deviations().toString());
        assertFalse(gridHas(tb.table(), "（一上了予以公开"));
    }

    @Test
    void editDistanceIsBounded() {
        assertEquals(1, LabelRepair.editDistance("三不予公开", "三不巴公开", 3));
        assertEquals(0, LabelRepair.editDistance("总计", "总计", 1));
        assertEquals(2, LabelRepair.editDistance("总计", "七总汁", 3));
        assertEquals(2, LabelRepair.editDistance("abcdef", "xyzdef", 1)); // past the cap: cap + 1
        assertEquals(1, LabelRepair.allowedEdits(4));
        assertEquals(3, LabelRepair.allowedEdits(14));
    }
}
