package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.junit.jupiter.api.Test;

/** A table's last row(s) printed alone at the top of the next page and read back as text lines. */
class TextRowsStitchTest {
    private static final StandardTemplate SEC3 = StandardTemplates.byId(StandardTemplates.SEC3_2021);

    /** The canonical 2021 table 三 with distinct figures (so a misplaced figure shows). */
    private static Table full() {
        int[] n = {0};
        return Grids.canonical(SEC3, c -> String.valueOf(n[0]++ % 9 + 1));
    }

    /** The first {@code rows} rows of {@code t} as a table of their own (cells cut at the bottom). */
    private static Table top(Table t, int rows) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : t.cells()) {
            if (c.row() >= rows) continue;
            int span = Math.min(c.rowSpan(), rows - c.row());
            cells.add(Cell.of(c.row(), c.col(), span, c.colSpan(), c.text()));
        }
        return Table.normalized(rows, t.cols(), cells).table();
    }

    private static String lastRowText(Table t) {
        String[] row = t.textGrid()[t.rows() - 1];
        StringBuilder b = new StringBuilder(row[0]);
        for (int c = 3; c < row.length; c++) b.append(' ').append(row[c]);
        return b.toString();
    }

    private static Provenance prov(int page) {
        return new Provenance(SourceKind.PDF, page, Method.OCR, "test");
    }

    private static Page page(int n, Block... blocks) {
        return new Page(n, 600, 800, new PageReading(Method.OCR, "test"), List.of(blocks), List.of());
    }

    private static TableBlock tableBlock(Table t) {
        return new TableBlock(t, "image-rulings", 0.9, null, prov(1), List.of());
    }

    private static Set<String> spans(Table t) {
        Set<String> out = new HashSet<>();
        for (Cell c : t.cells()) if (c.rowSpan() > 1 || c.colSpan() > 1) out.add(c.row() + "," + c.col() + "," + c.rowSpan() + "," + c.colSpan());
        return out;
    }

    private static void assertSameGrid(Table want, Table got) {
        assertEquals(want.rows(), got.rows());
        assertEquals(want.cols(), got.cols());
        assertEquals(spans(want), spans(got));
        for (int r = 0; r < want.rows(); r++) {
            assertEquals(List.of(want.textGrid()[r]), List.of(got.textGrid()[r]), "row " + r);
        }
    }

    @Test
    void aLastRowReadAsAHeadingOnTheNextPageIsStitched() {
        Table whole = full();
        Table above = top(whole, whole.rows() - 1);
        // OCR runs the first figure into the label; the block came out as a heading (it starts with 四、)
        String text = lastRowText(whole).replaceFirst(" ", "");
        assertTrue(text.startsWith("四、结转下年度继续办理"), text);
        List<Page> pages = List.of(
                page(1, tableBlock(above)),
                page(2, new HeadingBlock(text, 2, prov(2), List.of(), List.of()),
                        new HeadingBlock("四、政府信息公开行政复议、行政诉讼情况", 2, prov(2), List.of(), List.of())));
        List<Page> out = TableStitcher.stitch(pages);
        TableBlock joined = assertInstanceOf(TableBlock.class, out.get(0).blocks().get(0));
        assertSameGrid(whole, joined.table());
        assertEquals(1, out.get(1).blocks().size(), "the row's text is now in the table");
        assertTrue(joined.warnings().stream().anyMatch(w -> w.code().equals("table-stitched")));
    }

    @Test
    void twoSubRowsUnderARowSpanningLabelTakeTheirTemplateColumns() {
        Table whole = full();
        // cut before （六）其他处理 3.其他 … ; rows of 三、本年度办理结果 continue: the label spans them down
        int cut = whole.rows() - 3;
        Table above = top(whole, cut);
        String[] g1 = whole.textGrid()[cut];
        String[] g2 = whole.textGrid()[cut + 1];
        String line1 = g1[2] + " " + String.join(" ", List.of(g1).subList(3, g1.length));
        String line2 = g2[1] + " " + String.join(" ", List.of(g2).subList(3, g2.length));
        String line3 = lastRowText(whole);
        ParagraphBlock p = new ParagraphBlock(line1 + "\n" + line2 + "\n" + line3, List.of(), prov(2), List.of());
        List<Page> out = TableStitcher.stitch(List.of(page(1, tableBlock(above)), page(2, p)));
        TableBlock joined = assertInstanceOf(TableBlock.class, out.get(0).blocks().get(0));
        assertEquals(whole.rows(), joined.table().rows());
        assertEquals(whole.cols(), joined.table().cols());
        for (int r = cut; r < whole.rows(); r++) {
            assertEquals(List.of(whole.textGrid()[r]), List.of(joined.table().textGrid()[r]), "row " + r);
        }
        assertTrue(out.get(1).blocks().isEmpty());
    }

    @Test
    void aLineWithAnotherFigureCountStaysText() {
        Table whole = full();
        Table above = top(whole, whole.rows() - 1);
        ParagraphBlock p = new ParagraphBlock("四、结转下年度继续办理 0 0 0 0", List.of(), prov(2), List.of());
        List<Page> out = TableStitcher.stitch(List.of(page(1, tableBlock(above)), page(2, p)));
        assertEquals(above.rows(), ((TableBlock) out.get(0).blocks().get(0)).table().rows());
        assertEquals(p, out.get(1).blocks().get(0));
    }

    @Test
    void figuresTheTemplateDoesNotExplainStayText() {
        Table whole = full();
        Table above = whole; // the table is complete: nothing is missing below it
        ParagraphBlock p = new ParagraphBlock("截至2023年底 共有 12 34 5 6 7 8 9", List.of(), prov(2), List.of());
        List<Page> out = TableStitcher.stitch(List.of(page(1, tableBlock(above)), page(2, p)));
        assertEquals(whole.rows(), ((TableBlock) out.get(0).blocks().get(0)).table().rows());
        assertEquals(p, out.get(1).blocks().get(0));
    }

    @Test
    void readsLabelAndFiguresOfALine() {
        TextRows.Row r = TextRows.row("四、结转下年度继续办理0 0 0 0 0 0 12", null, List.of());
        assertNotNull(r);
        assertEquals("四、结转下年度继续办理", r.label());
        assertEquals(List.of("0", "0", "0", "0", "0", "0", "12"), r.figures());
        assertNull(TextRows.row("2023年，本机关共收到申请12件。", null, List.of()));
        assertNull(TextRows.row("第 3 页", null, List.of()));
    }

    /**
     * Table 二 (2019) whose last row 政府集中采购 went over the page and came back as a line whose label ends in a
     * speck read as a full stop (unseen seed 67, scan200-pdf: the row was lost to a parser).
     */
    @Test
    void aLastRowWhoseLabelEndsInAStrayFullStopIsStitched() {
        int[] n = {0};
        Table whole = Grids.canonical(StandardTemplates.byId(StandardTemplates.SEC2_2019), c -> String.valueOf(n[0]++ % 9 + 1));
        String[] last = whole.textGrid()[whole.rows() - 1];
        assertEquals("政府集中采购", last[0]);
        String line = last[0] + "。" + last[1] + " " + last[2];
        HeadingBlock next = new HeadingBlock("三、收到和处理政府信息公开申请情况", 2, prov(2), List.of(), List.of());
        List<Page> out = TableStitcher.stitch(List.of(page(1, tableBlock(top(whole, whole.rows() - 1))),
                page(2, new ParagraphBlock(line, List.of(), prov(2), List.of()), next)));
        TableBlock joined = assertInstanceOf(TableBlock.class, out.get(0).blocks().get(0));
        assertSameGrid(whole, joined.table());
        // only the one trailing mark goes: a sentence with a mark inside stays a sentence
        assertNull(TextRows.row("本年收到申请，均已办结。 3 4", null, List.of()));
        assertEquals("政府集中采购", TextRows.row("政府集中采购。0 0", null, List.of()).label());
    }

    /**
     * Table 二 (2019)'s last row over the page, its second figure set a little higher than the label and
     * given back by the page reading as a block of its own, read before the row (unseen seed 67, 300 dpi
     * and TIFF: {@code 0} then {@code 政府集中采购 0}; the row had one figure too few and stayed text). The
     * loose figure level with the line goes back into it, where it stands from left to right.
     */
    @Test
    void aFigureSetApartFromItsRowIsPutBackWhenLevelWithIt() {
        int[] n = {0};
        Table whole = Grids.canonical(StandardTemplates.byId(StandardTemplates.SEC2_2019), c -> String.valueOf(n[0]++ % 9 + 1));
        String[] last = whole.textGrid()[whole.rows() - 1];
        assertEquals("政府集中采购", last[0]);
        HeadingBlock next = new HeadingBlock("三、收到和处理政府信息公开申请情况", 2, prov(2), List.of(), List.of());
        for (boolean looseFirst : new boolean[] {true, false}) {
            org.nianbao.ingest.model.Word label = new org.nianbao.ingest.model.Word(last[0], new org.nianbao.ingest.model.Box(114, 113, 62, 10), 96);
            org.nianbao.ingest.model.Word first = new org.nianbao.ingest.model.Word(last[1], new org.nianbao.ingest.model.Box(265, 113, 5, 7), 96);
            org.nianbao.ingest.model.Line row = new org.nianbao.ingest.model.Line(last[0] + " " + last[1],
                    new org.nianbao.ingest.model.Box(114, 112.4, 156, 10), 96, List.of(label, first));
            org.nianbao.ingest.model.Word second = new org.nianbao.ingest.model.Word(last[2], new org.nianbao.ingest.model.Box(421.7, 110.4, 4.6, 7), 96);
            org.nianbao.ingest.model.Line alone = new org.nianbao.ingest.model.Line(last[2], second.box(), 96, List.of(second));
            ParagraphBlock rowBlock = new ParagraphBlock(row.text(), List.of(row), prov(2), List.of());
            ParagraphBlock looseBlock = new ParagraphBlock(alone.text(), List.of(alone), prov(2), List.of());
            Page p2 = looseFirst ? page(2, looseBlock, rowBlock, next) : page(2, rowBlock, looseBlock, next);
            List<Page> out = TableStitcher.stitch(List.of(page(1, tableBlock(top(whole, whole.rows() - 1))), p2));
            TableBlock joined = assertInstanceOf(TableBlock.class, out.get(0).blocks().get(0), "loose first: " + looseFirst);
            assertSameGrid(whole, joined.table());
            assertEquals(List.of(next), out.get(1).blocks(), "the loose figure went into the table with its row");
        }
        // not level (a page number under the row): stays apart, and the row alone has a figure too few
        org.nianbao.ingest.model.Word label = new org.nianbao.ingest.model.Word("政府集中采购", new org.nianbao.ingest.model.Box(114, 113, 62, 10), 96);
        org.nianbao.ingest.model.Word fig = new org.nianbao.ingest.model.Word("0", new org.nianbao.ingest.model.Box(265, 113, 5, 7), 96);
        org.nianbao.ingest.model.Line row = new org.nianbao.ingest.model.Line("政府集中采购 0", new org.nianbao.ingest.model.Box(114, 112, 156, 10), 96, List.of(label, fig));
        org.nianbao.ingest.model.Word pn = new org.nianbao.ingest.model.Word("3", new org.nianbao.ingest.model.Box(300, 760, 5, 7), 96);
        org.nianbao.ingest.model.Line pageNumber = new org.nianbao.ingest.model.Line("3", pn.box(), 96, List.of(pn));
        boolean[] used = new boolean[1];
        ParagraphBlock rowBlock = new ParagraphBlock(row.text(), List.of(row), prov(2), List.of());
        assertEquals(rowBlock, TextRows.withLevelFigures(rowBlock, List.of(new ParagraphBlock("3", List.of(pageNumber), prov(2), List.of())), used));
        assertTrue(!used[0]);
        assertTrue(TextRows.looseFigures(new ParagraphBlock("3", List.of(pageNumber), prov(2), List.of())));
        assertTrue(!TextRows.looseFigures(rowBlock));
    }

    /** The rows of {@code t} from {@code from} on as a table of their own. */
    private static Table bottom(Table t, int from) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : t.cells()) {
            int end = c.row() + c.rowSpan();
            if (end <= from) continue;
            int top = Math.max(c.row(), from);
            cells.add(Cell.of(top - from, c.col(), end - top, c.colSpan(), c.text()));
        }
        return Table.normalized(t.rows() - from, t.cols(), cells).table();
    }

    @Test
    void aSmallLastPartOfTwoRowsIsStitchedThoughItAddsFewerThanMinGainCells() {
        // table 二 (2021): page 1 ends on the caption row 第二十条第（八）项, page 2 holds its header and figure row
        int[] n = {0};
        Table whole = Grids.canonical(StandardTemplates.byId(StandardTemplates.SEC2_2021), c -> String.valueOf(n[0]++ % 9 + 1));
        int cut = whole.rows() - 2;
        assertEquals("信息内容", whole.textGrid()[cut][0]);
        List<Page> pages = List.of(page(1, tableBlock(top(whole, cut))),
                page(2, new ParagraphBlock("- 2 -", List.of(), prov(2), List.of()), tableBlock(bottom(whole, cut))));
        List<Page> out = TableStitcher.stitch(pages);
        TableBlock joined = assertInstanceOf(TableBlock.class, out.get(0).blocks().get(0));
        assertSameGrid(whole, joined.table());
    }

    @Test
    void aCompleteTableIsNotJoinedWithTheNextTable() {
        int[] n = {0};
        Table two = Grids.canonical(StandardTemplates.byId(StandardTemplates.SEC2_2021), c -> String.valueOf(n[0]++ % 9 + 1));
        Table three = full();
        List<Page> out = TableStitcher.stitch(List.of(page(1, tableBlock(two)), page(2, tableBlock(three))));
        assertEquals(two.rows(), ((TableBlock) out.get(0).blocks().get(0)).table().rows());
        assertEquals(three.rows(), ((TableBlock) out.get(1).blocks().get(0)).table().rows());
    }

    @Test
    void aCaptionAHeaderAndAFigureRowReadAsTextAreStitched() {
        // a table without rules: its last three rows on the next page are too few for the column finder
        int[] n = {0};
        Table whole = Grids.canonical(StandardTemplates.byId(StandardTemplates.SEC2_2021), c -> String.valueOf(n[0]++ % 9 + 1));
        int cut = whole.rows() - 3;
        assertEquals("第二十条第（八）项", whole.textGrid()[cut][0]);
        String[][] g = whole.textGrid();
        ParagraphBlock caption = new ParagraphBlock(g[cut][0], List.of(), prov(2), List.of());
        ParagraphBlock rest = new ParagraphBlock(g[cut + 1][0] + " " + g[cut + 1][1] + "\n" + g[cut + 2][0] + g[cut + 2][1],
                List.of(), prov(2), List.of());
        HeadingBlock next = new HeadingBlock("三、收到和处理政府信息公开申请情况", 2, prov(2), List.of(), List.of());
        List<Page> out = TableStitcher.stitch(List.of(page(1, tableBlock(top(whole, cut))), page(2, caption, rest, next)));
        TableBlock joined = assertInstanceOf(TableBlock.class, out.get(0).blocks().get(0));
        assertSameGrid(whole, joined.table());
        assertEquals(List.of(next), out.get(1).blocks(), "the heading after the rows stays");
    }

    @Test
    void labelLinesWithoutFiguresAfterThemStayText() {
        Table whole = full();
        Table above = top(whole, whole.rows() - 1);
        ParagraphBlock p = new ParagraphBlock("四、结转下年度继续办理", List.of(), prov(2), List.of());
        HeadingBlock h = new HeadingBlock("四、政府信息公开行政复议、行政诉讼情况", 2, prov(2), List.of(), List.of());
        List<Page> out = TableStitcher.stitch(List.of(page(1, tableBlock(above)), page(2, p, h)));
        assertEquals(above.rows(), ((TableBlock) out.get(0).blocks().get(0)).table().rows());
        assertEquals(List.of(p, h), out.get(1).blocks());
    }
}
