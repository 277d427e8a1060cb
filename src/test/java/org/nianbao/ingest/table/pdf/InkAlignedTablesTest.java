package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.extract.pdf.PdfGlyph;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.Word;

class InkAlignedTablesTest {
    static final double EM = 40;

    /** A grid from rows of cell texts, every cell 1×1. */
    static Table grid(String[][] rows) {
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) for (int c = 0; c < rows[r].length; c++) cells.add(new Cell(r, c, 1, 1, rows[r][c], null, 90));
        return new Table(rows.length, rows[0].length, cells);
    }

    @Test
    void tallLabelsMoveUpToTheRowStartingTheirList() {
        Table t = grid(new String[][] {
                {"二、上年结转", "", "", "0", "0"},
                {"", "（一）予以公开", "", "1", "1"},
                {"", "", "1.属于国家秘密", "2", "2"},
                {"", "", "2.其他法律行政法规禁止公开", "3", "3"},
                {"三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”", "4", "4"},
                {"", "", "1.本机关不掌握相关政府信息", "5", "5"},
                {"", "（四）无法提供", "2.没有现成信息需要另行制作", "6", "6"},
        });
        Table h = InkAlignedTables.hoisted(t);
        assertEquals("三、本年度办理结果", h.cellAt(1, 0).text());
        assertEquals("", h.cellAt(4, 0).text());
        assertEquals("（三）不予公开", h.cellAt(2, 1).text());
        assertEquals("（四）无法提供", h.cellAt(5, 1).text());
        assertEquals("", h.cellAt(6, 1).text());
        // nothing else moved
        assertEquals("二、上年结转", h.cellAt(0, 0).text());
        assertEquals("2.没有现成信息需要另行制作", h.cellAt(6, 2).text());
    }

    @Test
    void aLabelWithNoListBesideItStaysWhereItIs() {
        Table t = grid(new String[][] {
                {"规章", "", "0", "0"},
                {"", "", "1", "1"},
                {"行政强制", "", "2", "2"},
        });
        Table h = InkAlignedTables.hoisted(t);
        assertEquals("行政强制", h.cellAt(2, 0).text());
        assertEquals("", h.cellAt(1, 0).text());
    }

    @Test
    void linesOfOneCellAreJoinedRowsAndFiguresAreNot() {
        List<Rectangle> boxes = List.of(
                new Rectangle(100, 100, 400, 40),   // 1.申请人无正当理由逾
                new Rectangle(100, 152, 400, 40),   // 期不补正、行政机关不 (12 px of leading)
                new Rectangle(100, 204, 80, 40),    // 申请
                new Rectangle(100, 300, 120, 40),   // 3.其他: a row further down
                new Rectangle(700, 140, 40, 28),    // a figure
                new Rectangle(700, 175, 40, 28));   // a figure close under it: figures never join
        List<String> texts = List.of("1.申请人无正当理由逾", "期不补正、行政机关不", "申请", "3.其他", "77", "15");
        List<InkAlignedTables.Stacked> s = InkAlignedTables.stacked(boxes, texts, EM);
        assertEquals(4, s.size());
        assertEquals("1.申请人无正当理由逾期不补正、行政机关不申请", s.get(0).text());
        assertEquals(new Rectangle(100, 100, 400, 144), s.get(0).box());
        assertEquals("3.其他", s.get(1).text());
    }

    @Test
    void linesOfNeighbouringColumnsAreNotJoined() {
        List<Rectangle> boxes = List.of(new Rectangle(100, 100, 180, 40), new Rectangle(400, 150, 300, 40));
        List<InkAlignedTables.Stacked> s = InkAlignedTables.stacked(boxes, List.of("（三）不予", "4.保护第三方合法权益"), EM);
        assertEquals(2, s.size());
    }

    static PdfGlyph glyph(String text, double x, double top, double w, double h) {
        return new PdfGlyph(text, x, top + h, w, h, false);
    }

    static double middle(PdfGlyph g) {
        return g.baseline() - g.size() / 2;
    }

    @Test
    void aLabelSetAThirdOfAnEmAboveItsFiguresDoesNotSplitTheirRow() {
        // four rows of a label and three figures; the last row's label sits 14 px (0.35 em) above its
        // figures, whose middles are a pixel apart: taken as they are, the line grouping puts the first
        // figure on the label's line and the other two on a line of their own
        List<Rectangle> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            int top = 46 + r * 100;
            boxes.add(new Rectangle(100, r == 3 ? top - 20 : top - 6, 160, 41));
            texts.add((r + 1) + ".申请项目");
            for (int k = 0; k < 3; k++) {
                boxes.add(new Rectangle(400 + 200 * k, k == 0 || r < 3 ? top : top + 1, 20, 28));
                texts.add(String.valueOf(10 * (r + 1) + k));
            }
        }
        List<PdfRulingTables.Found> found = InkAlignedTables.assembled(boxes, texts, 0, 500, 300, EM);
        assertEquals(1, found.size());
        Table t = found.get(0).block().table();
        int row = -1;
        for (Cell c : t.cells()) if (c.text().equals("4.申请项目")) row = c.row();
        assertTrue(row >= 0, "label lost");
        for (String figure : new String[] {"40", "41", "42"}) {
            boolean onRow = false;
            for (Cell c : t.cells()) onRow |= c.text().equals(figure) && c.row() == row;
            assertTrue(onRow, figure + " not on its label's row");
        }
        assertEquals(4, t.rows());
    }

    @Test
    void aTallLabelAloneOnItsLineMovesOntoTheNearestRowOfFigures() {
        List<PdfGlyph> g = new ArrayList<>();
        for (double y : new double[] {100, 300, 500}) {
            g.add(glyph("7", 700, y, 20, 28));
            g.add(glyph("0", 800, y, 20, 28));
            g.add(glyph("7", 900, y, 20, 28));
        }
        g.add(glyph("2.申请人逾期未按收费通知要求缴纳费用", 300, 300 - 30, 300, 88));
        g.add(glyph("（六）其他处理", 100, 240, 150, 88));          // centred at 284, between nothing
        g.add(glyph("信息内容", 100, 390, 150, 40));                // a header label with text beside it
        g.add(glyph("本年处理决定数量", 700, 390, 300, 40));
        g.add(glyph("第二十条第（五）项", 400, 620, 400, 40));       // a caption under the last row
        List<PdfGlyph> out = InkAlignedTables.snapped(g, EM);
        PdfGlyph six = out.get(10);
        assertEquals("（六）其他处理", six.text());
        assertEquals(314, middle(six), 0.01);
        assertEquals(middle(g.get(11)), middle(out.get(11)), 0.01);
        assertEquals(middle(g.get(13)), middle(out.get(13)), 0.01);
    }

    @Test
    void anglesBracketsInChineseTextAreRoundOnes() {
        assertEquals("（二）部分公开（区分处理的）", InkAlignedTables.brackets("（二）部分公开〈区分处理的〉"));
        assertEquals("〈1〉", InkAlignedTables.brackets("〈1〉"));
    }

    @Test
    void aPieceIsReadAsAFigureWhenThePageReadANumberOrItIsShortAndHasNoChinese() {
        assertTrue(InkAlignedTables.figure("2228", new Rectangle(0, 0, 85, 29), EM));
        assertTrue(InkAlignedTables.figure("", new Rectangle(0, 0, 19, 28), EM));
        assertFalse(InkAlignedTables.figure("", new Rectangle(0, 0, 90, 40), EM));
        assertFalse(InkAlignedTables.figure("其他", new Rectangle(0, 0, 19, 28), EM));
    }

    @Test
    void thePageTextOfAPieceIsTheWordsCentredInIt() {
        Line l = new Line("规章 0", new Box(0, 0, 600, 40), 90, List.of(
                new Word("规章", new Box(100, 100, 80, 40), 90), new Word("0", new Box(500, 105, 20, 28), 90)));
        assertEquals("0", InkAlignedTables.pageText(List.of(l), new Rectangle(498, 106, 22, 28), EM));
        assertEquals("规章", InkAlignedTables.pageText(List.of(l), new Rectangle(102, 101, 76, 38), EM));
    }

    @Test
    void aTiltIsMeasuredFromPiecesSideBySide() {
        List<Rectangle> pieces = new ArrayList<>();
        for (int r = 0; r < 4; r++) for (int c = 0; c < 5; c++) pieces.add(new Rectangle(700 + c * 130, 100 + r * 90 - c * 2, 20, 28));
        assertEquals(-2 / 130.0, InkAlignedTables.slope(pieces, EM), 1e-3);
        assertEquals(0, InkAlignedTables.slope(pieces.subList(0, 3), EM));
    }

    @Test
    void aBarBeforeAFigureIsAMinusSign() {
        InkLayoutTest.Page p = new InkLayoutTest.Page(300, 100);
        p.ink(100, 44, 10, 3);      // the bar of '-', at the figure's middle height
        p.ink(114, 30, 14, 28);     // the '2'
        InkLayoutTest.Page q = new InkLayoutTest.Page(300, 100);
        q.ink(100, 30, 14, 28);     // '1'
        q.ink(118, 30, 14, 28);     // '2'
        Rectangle piece = new Rectangle(100, 30, 28, 28);
        assertTrue(InkAlignedTables.leadingMinus(p.image(), piece, 128, EM));
        assertFalse(InkAlignedTables.leadingMinus(q.image(), new Rectangle(100, 30, 32, 28), 128, EM));
    }
}
