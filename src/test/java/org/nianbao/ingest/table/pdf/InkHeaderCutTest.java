package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.table.pdf.InkLayoutTest.Page;

/** Header lines of neighbouring columns read as one piece, and lines of two cells set at different heights. */
class InkHeaderCutTest {
    static final int EM = InkLayoutTest.EM;

    @Test
    void figureColumnsAreTheMiddlesOfRunsOfFiguresOneUnderTheOther() {
        List<Rectangle> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            boxes.add(new Rectangle(100, 100 + 80 * r, 300, EM));
            texts.add("一、本年新收");
            boxes.add(new Rectangle(600 + r % 2, 100 + 80 * r, 20, 27));
            texts.add("0");
            boxes.add(new Rectangle(740, 100 + 80 * r, 40, 27));
            texts.add("12");
        }
        // a figure alone in its column is no column of figures
        boxes.add(new Rectangle(1000, 100, 20, 27));
        texts.add("5");
        double[] cols = InkAlignedTables.figureColumns(boxes, texts, EM);
        assertEquals(2, cols.length);
        assertEquals(611, cols[0], 1);
        assertEquals(760, cols[1], 0.01);
    }

    @Test
    void aHeaderPieceIsCutWhereTheColumnsOfFiguresMeet() {
        // 自然人 and 商业企 centred over their figures, 0.7 em apart: closer than a column gap
        Page p = new Page(1200, 300);
        int pitch = (int) (EM * 3.7);
        int c0 = 300;
        int c1 = c0 + pitch;
        int c2 = c1 + pitch;
        p.chars(c0 - 3 * EM / 2, 100, 3);
        p.chars(c1 - 3 * EM / 2, 100, 3);
        p.chars(c2 - 3 * EM / 2, 100, 3);
        InkLayout.Mask m = p.mask();
        Rectangle piece = InkLayout.inkBox(m, new Rectangle(0, 0, 1200, 300));
        // one piece at a column gap of an em
        assertEquals(1, InkLayout.columns(m, piece, EM).size());
        List<Rectangle> parts = InkAlignedTables.splitAtColumns(m, piece, new double[] {c0, c1, c2}, EM);
        assertEquals(3, parts.size(), parts.toString());
        assertEquals(c0 - 3 * EM / 2 + 2, parts.get(0).x);
        assertEquals(c2 - 3 * EM / 2 + 2, parts.get(2).x);
    }

    @Test
    void aHeaderSpanningColumnsOrAGapAwayFromTheirMeetingStaysWhole() {
        Page p = new Page(1600, 300);
        // 法人或其他组织 over several columns: characters set solid
        p.chars(300, 100, 7);
        InkLayout.Mask m = p.mask();
        Rectangle spanning = InkLayout.inkBox(m, new Rectangle(0, 0, 1600, 300));
        assertEquals(List.of(spanning), InkAlignedTables.splitAtColumns(m, spanning, new double[] {250, 400, 550}, EM));
        // a gap of 0.6 em, but in the middle of a column (beside a bracket), not where two columns meet
        Page q = new Page(1600, 300);
        q.chars(300, 100, 3);
        q.chars(300 + 3 * EM + 24, 100, 3);
        InkLayout.Mask mq = q.mask();
        Rectangle bracket = InkLayout.inkBox(mq, new Rectangle(0, 0, 1600, 300));
        assertEquals(1, InkAlignedTables.splitAtColumns(mq, bracket, new double[] {200, 1000}, EM).size());
        // no columns of figures: nothing to cut by
        assertEquals(1, InkAlignedTables.splitAtColumns(mq, bracket, new double[] {}, EM).size());
    }

    @Test
    void linesOfTwoCellsSetAtDifferentHeightsAreNoLargerLine() {
        // （六）其他处 beside the last line of its neighbour's label, 0.4 em lower, half an em apart
        Page p = new Page(1600, 300);
        p.chars(100, 100, 5);
        p.chars(100 + 5 * EM + 20, 116, 8);
        InkLayout.Mask m = p.mask();
        Rectangle band = InkLayout.inkBox(m, new Rectangle(0, 0, 1600, 300));
        assertTrue(band.height > InkLayout.LARGER_LINE * EM, band.toString());
        assertTrue(InkLayout.offsetLines(m, band, EM));
        // a heading of characters 1.4 em tall is a larger line
        Page h = new Page(1600, 300);
        for (int i = 0; i < 8; i++) h.ink(100 + i * 58, 100, 54, 54);
        InkLayout.Mask mh = h.mask();
        assertFalse(InkLayout.offsetLines(mh, InkLayout.inkBox(mh, new Rectangle(0, 0, 1600, 300)), EM));
    }

    @Test
    void aTableWhoseLastRowHasOffsetLabelLinesIsOneRegion() {
        Page p = new Page(1600, 1200);
        InkLayoutTest.paragraph(p, 60, 4);
        InkLayoutTest.table(p, 400, 4);
        // the last row: a group label beside the last line of a long label, a little lower, then the figures
        int y = 400 + 4 * (int) (EM * 2.2);
        p.chars(100, y + 16, 5);
        p.chars(100 + 5 * EM + 20, y, 8);
        int fy = y + (int) (EM * 1.6);
        p.chars(100 + 5 * EM + 20, fy, 8);
        for (int c = 0; c < 3; c++) p.figure(800 + c * 250, fy, 1);
        List<Rectangle> regions = InkLayout.regions(p.mask(), EM);
        assertEquals(1, regions.size(), regions.toString());
        Rectangle r = regions.get(0);
        assertTrue(r.y + r.height >= fy + EM - 6, r + " ends above the last row at " + fy);
        assertEquals(400, r.y);
    }

    static Table grid(String[][] rows) {
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) for (int c = 0; c < rows[r].length; c++) cells.add(new Cell(r, c, 1, 1, rows[r][c], null, 100));
        return new Table(rows.length, rows[0].length, cells);
    }

    @Test
    void aLoneFigureInTheMiddleColumnAndItsHeaderSpanTheFigureColumns() {
        Table t = InkAlignedTables.spanned(grid(new String[][] {
                {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                {"规章", "0", "1", "4"},
                {"信息内容", "", "本年处理决定数量", ""},
                {"行政许可", "", "490", ""},
                {"行政强制", "", "5", ""}}));
        assertEquals(3, t.cellAt(2, 1).colSpan());
        assertEquals("本年处理决定数量", t.cellAt(2, 1).text());
        assertEquals(3, t.cellAt(3, 3).colSpan());
        assertEquals("490", t.cellAt(3, 2).text());
        assertEquals("5", t.cellAt(4, 1).text());
        assertEquals(1, t.cellAt(1, 2).colSpan());
        // a figure with another beside it, or a header over no lone figure, stays in its column
        Table u = InkAlignedTables.spanned(grid(new String[][] {
                {"规章", "0", "1", "4"},
                {"信息内容", "", "上一年", ""},
                {"行政许可", "", "3", "7"}}));
        assertEquals(1, u.cellAt(1, 2).colSpan());
        assertEquals(1, u.cellAt(2, 2).colSpan());
    }

    /** One glyph per text, each a segment of its line at baseline {@code y}. */
    static AlignedColumnTables.TextLine line(double y, Object... xAndText) {
        List<org.nianbao.ingest.extract.pdf.PdfGlyph> g = new ArrayList<>();
        for (int i = 0; i < xAndText.length; i += 2) {
            String t = (String) xAndText[i + 1];
            g.add(new org.nianbao.ingest.extract.pdf.PdfGlyph(t, ((Number) xAndText[i]).doubleValue(), y, t.length() * 10.0, 10, false));
        }
        return AlignedColumnTables.lines(g).get(0);
    }

    @Test
    void aNarrowLabelColumnStartsWhereItsNeighboursLabelsStart() {
        // 1.、2.、3. labels start at x=200; a group label ends at 160 on one of their lines; no gap shows the column
        List<AlignedColumnTables.TextLine> lines = List.of(
                line(100, 100, "（四）无法提", 200, "1.本机关不掌握", 400, "0", 500, "0"),
                line(130, 200, "2.没有现成信息", 400, "0", 500, "0"),
                line(160, 200, "3.补正后申请", 400, "0", 500, "0"),
                line(190, 100, "（五）不予处理处理处理", 400, "0", 500, "0"));
        double[] bounds = AlignedColumnTables.labelStartBounds(lines, new double[] {380, 480}, 10);
        assertEquals(3, bounds.length);
        assertEquals(197.5, bounds[0], 0.01);
        // a bound just left of the starts already: nothing added
        assertEquals(3, AlignedColumnTables.labelStartBounds(lines, new double[] {190, 380, 480}, 10).length);
        // starts with no label ending beside them (centred 信息内容 rows): no column
        List<AlignedColumnTables.TextLine> alone = List.of(
                line(100, 200, "信息内容", 400, "0"), line(130, 200, "信息内容", 400, "0"), line(160, 200, "信息内容", 400, "0"));
        assertEquals(1, AlignedColumnTables.labelStartBounds(alone, new double[] {380}, 10).length);
    }

    @Test
    void aLabelCutAfterItsBracketIsJoinedBeforeItsNextLineIsStacked() {
        List<Rectangle> boxes = new ArrayList<>(List.of(
                new Rectangle(505, 1906, 95, 36),    // （四）
                new Rectangle(618, 1906, 109, 35),   // 无法提
                new Rectangle(769, 1929, 446, 36),   // 2.没有现成信息需要另行制
                new Rectangle(505, 1956, 35, 35)));  // 供
        List<String> texts = new ArrayList<>(List.of("（四）", "无法提", "2.没有现成信息需要另行制", "供"));
        InkAlignedTables.afterBrackets(boxes, texts, 36);
        assertEquals(List.of("（四）无法提", "2.没有现成信息需要另行制", "供"), texts);
        List<InkAlignedTables.Stacked> s = InkAlignedTables.stacked(boxes, texts, 36);
        assertTrue(s.stream().anyMatch(x -> x.text().equals("（四）无法提供")), s.toString());
        // an item of its own after a bracket stays apart
        List<Rectangle> b2 = new ArrayList<>(List.of(new Rectangle(100, 100, 150, 36), new Rectangle(270, 100, 300, 36)));
        List<String> t2 = new ArrayList<>(List.of("（三）不予", "（一）予以公开"));
        InkAlignedTables.afterBrackets(b2, t2, 36);
        assertEquals(2, t2.size());
    }
}
