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
