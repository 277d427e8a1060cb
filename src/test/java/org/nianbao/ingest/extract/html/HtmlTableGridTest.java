package org.nianbao.ingest.extract.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

class HtmlTableGridTest {
    private static HtmlTableGrid.Result grid(String tableHtml) {
        Element t = Jsoup.parse("<html><body>" + tableHtml + "</body></html>").selectFirst("table");
        return HtmlTableGrid.build(t);
    }

    private static void assertCell(Table t, int row, int col, int rowSpan, int colSpan, String text) {
        Cell c = t.cellAt(row, col);
        assertEquals(row, c.row(), "anchor row of " + text);
        assertEquals(col, c.col(), "anchor col of " + text);
        assertEquals(rowSpan, c.rowSpan(), "rowspan of " + text);
        assertEquals(colSpan, c.colSpan(), "colspan of " + text);
        assertEquals(text, c.text());
    }

    /** The 2021 section-三 header: three header rows over 10 columns, then data rows under rowspans. */
    @Test
    void section3HeaderSpansBecomeTheTemplateGrid() {
        String html = "<table><thead>"
                + "<tr><td rowspan=3 colspan=3>（本列数据的勾稽关系为：第一项加第二项之和，<br>等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>"
                + "<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>"
                + "<tr><td>商业<br>企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
                + "</thead><tbody>"
                + "<tr><td colspan=3>一、本年新收政府信息公开申请数量</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>21</td></tr>"
                + "<tr><td rowspan=3>三、本年度办理结果</td><td colspan=2>（一）予以公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>"
                + "<tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>"
                + "<tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>&nbsp;</td></tr>"
                + "</tbody></table>";
        Table t = grid(html).table();
        assertEquals(7, t.rows());
        assertEquals(10, t.cols());
        assertCell(t, 0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
        assertCell(t, 0, 3, 1, 7, "申请人情况");
        assertCell(t, 1, 3, 2, 1, "自然人");
        assertCell(t, 1, 4, 1, 5, "法人或其他组织");
        assertCell(t, 1, 9, 2, 1, "总计");
        String[] h2 = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
        for (int c = 0; c < 5; c++) assertCell(t, 2, 4 + c, 1, 1, h2[c]);
        // every position of the header is covered by the right cell
        assertEquals("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", t.cellAt(2, 2).text());
        assertEquals("自然人", t.cellAt(2, 3).text());
        assertEquals("总计", t.cellAt(2, 9).text());
        assertCell(t, 3, 0, 1, 3, "一、本年新收政府信息公开申请数量");
        assertCell(t, 3, 9, 1, 1, "21");
        assertCell(t, 4, 0, 3, 1, "三、本年度办理结果");
        assertCell(t, 4, 1, 1, 2, "（一）予以公开");
        assertCell(t, 5, 1, 2, 1, "（三）不予公开");
        assertCell(t, 5, 2, 1, 1, "1.属于国家秘密");
        assertCell(t, 6, 2, 1, 1, "2.其他法律行政法规禁止公开");
        assertCell(t, 6, 3, 1, 1, "0");
        assertCell(t, 6, 9, 1, 1, ""); // &nbsp; only: blank, not "0"
        assertArrayEquals(new String[] {"三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", ""},
                t.textGrid()[6]);
    }

    @Test
    void rowspanZeroRunsToTheEndOfItsRowGroup() {
        Table t = grid("<table><tbody><tr><td rowspan=0>A</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>"
                + "<tbody><tr><td>B</td><td>4</td></tr></tbody></table>").table();
        assertEquals(4, t.rows());
        assertCell(t, 0, 0, 3, 1, "A");
        assertCell(t, 2, 1, 1, 1, "3");
        assertCell(t, 3, 0, 1, 1, "B");
    }

    @Test
    void absurdSpansAreBounded() {
        HtmlTableGrid.Result r = grid("<table><tr><td colspan=100000>标题</td></tr><tr><td rowspan=99999>甲</td><td>1</td></tr><tr><td>2</td></tr></table>");
        Table t = r.table();
        // colspan 100000 is clamped, then the columns in which no cell starts fold away
        assertEquals(2, t.cols());
        assertEquals(3, t.rows());
        assertCell(t, 0, 0, 1, 2, "标题");
        assertCell(t, 1, 0, 2, 1, "甲"); // rowspan stops at the last row
        assertEquals(Integer.valueOf(1000), Integer.valueOf(HtmlTableGrid.span("99999999999999999999", 1)));
        assertEquals(1, HtmlTableGrid.span("x", 1));
        assertEquals(3, HtmlTableGrid.span(" 3px", 1));
    }

    @Test
    void missingCellsAreFilledAndEmptyRowsFold() {
        Table t = grid("<table><tr><td>a</td><td>b</td><td>c</td></tr><tr></tr><tr><td>d</td></tr></table>").table();
        assertEquals(2, t.rows());
        assertEquals(3, t.cols());
        assertArrayEquals(new String[] {"d", "", ""}, t.textGrid()[1]);
        // the grid is tiled: every position has exactly one cell
        int covered = 0;
        for (Cell c : t.cells()) covered += c.rowSpan() * c.colSpan();
        assertEquals(6, covered);
    }

    @Test
    void footerRowsGoLastWhereverTheyAreWritten() {
        Table t = grid("<table><tfoot><tr><td>合计</td><td>9</td></tr></tfoot><thead><tr><th>项目</th><th>数量</th></tr></thead>"
                + "<tbody><tr><td>甲</td><td>9</td></tr></tbody></table>").table();
        assertEquals("项目", t.cellAt(0, 0).text());
        assertEquals("甲", t.cellAt(1, 0).text());
        assertEquals("合计", t.cellAt(2, 0).text());
    }

    @Test
    void cellTextJoinsLinesWithoutSpacesBetweenChineseOnly() {
        Table t = grid("<table><tr><td><p>本年新</p><p>制作数量</p></td><td>Total<br>count</td>"
                + "<td>  政府\n  信息 </td><td>2021<br>年</td></tr></table>").table();
        assertArrayEquals(new String[] {"本年新制作数量", "Total count", "政府信息", "2021年"}, t.textGrid()[0]);
    }

    @Test
    void overlappingSpansAreRepairedAndCounted() {
        // row 2's cell with colspan=2 collides with the rowspan from row 1 in a browser-like way
        HtmlTableGrid.Result r = grid("<table><tr><td>a</td><td rowspan=2>b</td></tr><tr><td colspan=3>c</td></tr></table>");
        Table t = r.table();
        assertEquals("b", t.cellAt(1, 1).text());
        assertTrue(t.cells().stream().anyMatch(c -> c.text().equals("c")));
        assertTrue(r.repairs() > 0, "the collision is reported");
    }

    /**
     * The fuzz finding 7553043666788841646: a 547-cell row above 65 one-cell rows. Dropping the spans
     * alone still left a 66×547 grid, 98% filler, that the writers copied into a 4.3 MB JSON; the rows
     * now go into grids of similar-length rows, each holding just its cells.
     */
    @Test
    void rowsOfVeryDifferentLengthsAreSplitNotPaddedWithFiller() {
        StringBuilder s = new StringBuilder("<table><tr>");
        for (int i = 0; i < 547; i++) s.append("<td>").append(i % 10).append("</td>");
        s.append("</tr>");
        for (int r = 1; r <= 65; r++) s.append("<tr><td>").append(r).append("</td></tr>");
        HtmlTableGrid.Result g = grid(s.append("</table>").toString());
        assertTrue(g.split());
        assertEquals(2, g.parts().size());
        assertEquals(1, g.parts().get(0).rows());
        assertEquals(547, g.parts().get(0).cols());
        assertEquals(65, g.parts().get(1).rows());
        assertEquals(1, g.parts().get(1).cols());
        assertEquals("65", g.parts().get(1).cellAt(64, 0).text());
        long positions = g.parts().stream().mapToLong(t -> (long) t.rows() * t.cols()).sum();
        assertEquals(547 + 65, positions, "no filler at all");
    }

    @Test
    void aDegenerateGridWithSimilarRowsStaysOneGrid() {
        // a staircase of rowspans: each row's one cell lands one column further right (300×300 positions
        // for 300 cells); the spans are dropped and the rows, one cell each, stay one grid
        StringBuilder s = new StringBuilder("<table>");
        for (int r = 0; r < 300; r++) s.append("<tr><td rowspan=300>").append(r).append("</td></tr>");
        HtmlTableGrid.Result g = grid(s.append("</table>").toString());
        assertEquals(1, g.parts().size());
        assertEquals(300, g.table().rows());
        assertEquals(1, g.table().cols());
        assertEquals("299", g.table().cellAt(299, 0).text());
    }

    @Test
    void alternatingRowLengthsNeverBuildMostlyFillerGrids() {
        java.util.Random rnd = new java.util.Random(7);
        StringBuilder s = new StringBuilder("<table>");
        int real = 0;
        for (int r = 0; r < 3000; r++) {
            int n = rnd.nextBoolean() ? 1 + rnd.nextInt(3) : 1 + rnd.nextInt(900);
            real += n;
            s.append("<tr>").append("<td>x".repeat(n));
        }
        HtmlTableGrid.Result g = grid(s.append("</table>").toString());
        long positions = g.parts().stream().mapToLong(t -> (long) t.rows() * t.cols()).sum();
        assertTrue(positions <= 8L * real + 4L * 3000, positions + " positions for " + real + " cells");
        assertEquals(3000, g.parts().stream().mapToInt(Table::rows).sum(), "every row kept");
    }
}
