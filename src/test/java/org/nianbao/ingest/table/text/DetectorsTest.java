package org.nianbao.ingest.table.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.extract.text.TextCaptureExtractor;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Table;

class DetectorsTest {
    private static List<Block> blocks(String text) {
        return TextCaptureExtractor.toBlocks(text, TextCaptureExtractor.defaultDetectors());
    }

    private static List<TableBlock> tables(List<Block> bs) {
        List<TableBlock> out = new ArrayList<>();
        for (Block b : bs) if (b instanceof TableBlock t) out.add(t);
        return out;
    }

    private static String allText(List<Block> bs) {
        StringBuilder b = new StringBuilder();
        for (Block x : bs) b.append(x.text()).append('\n');
        for (Block x : bs) x.warnings().forEach(w -> b.append(w.message()).append('\n'));
        return b.toString();
    }

    private static final String SEC4_HEADER_LINES = String.join("\n\n", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
            "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    @Test
    void unknownPipeTableGetsGenericMerges() {
        String text = "前言\n类别 | 项目 | 数量 | 金额\n办公 | 纸张 | 3 | 120\n用品 | 4 | 80\n其他 | 1 | 5\n后记\n";
        List<TableBlock> ts = tables(blocks(text));
        assertEquals(1, ts.size());
        Table t = ts.get(0).table();
        assertEquals(4, t.rows());
        assertEquals(4, t.cols());
        Cell office = t.cellAt(2, 0);
        assertEquals("办公", office.text());
        assertEquals(3, office.rowSpan(), "the short data rows continue the label above");
        assertEquals("用品", t.textGrid()[2][1]);
        assertEquals("80", t.textGrid()[2][3]);
        assertEquals(0.5, ts.get(0).confidence(), 1e-9);
    }

    @Test
    void aLonePipeIsNotATable() {
        List<Block> bs = blocks("首頁 |\n|\n正文。\n");
        assertEquals(0, tables(bs).size());
        assertTrue(allText(bs).contains("首頁 |"));
    }

    @Test
    void cellPerLineStreamWithASplitLabelAndStrayText() {
        // section 四 as one cell per line; one stray note inside the table must not vanish
        String text = "四、政府信息公开行政复议、行政诉讼情况\n\n" + SEC4_HEADER_LINES + "\n\n0\n\n1\n\n0\n\n0\n\n1\n\n注：单位件\n\n0\n\n0\n\n0\n\n0\n\n0\n\n"
                + "2\n\n0\n\n0\n\n1\n\n3\n\n五、存在的主要问题及改进情况\n";
        List<Block> bs = blocks(text);
        List<TableBlock> ts = tables(bs);
        assertEquals(1, ts.size());
        Table t = ts.get(0).table();
        assertEquals(4, t.rows());
        assertEquals(15, t.cols());
        assertEquals("1 0 0 1 0 0 0 0 0 2 0 0 1 3".replace(" ", ""), String.join("", t.textGrid()[3]).substring(1));
        assertTrue(ts.get(0).warnings().stream().anyMatch(w -> w.code().equals("table-text-unplaced") && w.message().contains("注：单位件")),
                ts.get(0).warnings().toString());
        assertTrue(bs.get(0).text().equals("四、政府信息公开行政复议、行政诉讼情况"));
        assertTrue(bs.get(bs.size() - 1).text().equals("五、存在的主要问题及改进情况"));
    }

    @Test
    void labelSplitOverTwoCellsWithABlankLineBetween() {
        String text = "第二十条第（五）项\n\n信息内容\n\n上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n行政许可\n\n1\n\n+2\n\n3\n\n"
                + "其他对外管理\n\n服务事项\n\n4\n\n-1\n\n6\n\n第二十条第（六）项\n\n信息内容\n\n上一年项目数量\n\n本年增/减\n\n处理决定数量\n\n"
                + "行政处罚\n\n7\n\n0\n\n8\n\n行政强制\n\n0\n\n0\n\n0\n";
        List<TableBlock> ts = tables(blocks(text));
        assertEquals(1, ts.size());
        Table t = ts.get(0).table();
        // rows of the 2019 section 二 that the capture has: (五) and (六) blocks only
        assertEquals(8, t.rows());
        assertEquals("其他对外管理服务事项", t.textGrid()[3][0]);
        assertEquals("-1", t.textGrid()[3][2]);
        assertTrue(ts.get(0).warnings().stream().anyMatch(w -> w.code().equals("table-rows-missing")));
    }

    @Test
    void runningTextWithNumbersIsNotATable() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30; i++) b.append("第").append(i).append("项\n\n").append(i * 3).append("\n\n");
        // label, number, label, number …: no row shape with two numbers, no template: stays text
        List<Block> bs = blocks(b.toString());
        assertEquals(0, tables(bs).size());
        assertEquals(60, bs.size());
    }

    @Test
    void repeatedLabelThenNumbersShapeBecomesAGenericGrid() {
        String text = "科室\n\n发文\n\n收文\n\n办公室\n\n12\n\n30\n\n财务科\n\n3\n\n8\n\n人事科\n\n5\n\n9\n\n医保科\n\n7\n\n2\n";
        List<TableBlock> ts = tables(blocks(text));
        assertEquals(1, ts.size());
        Table t = ts.get(0).table();
        assertEquals(5, t.rows());
        assertEquals(3, t.cols());
        assertEquals("科室 | 发文 | 收文", String.join(" | ", t.textGrid()[0]));
        assertEquals("医保科 | 7 | 2", String.join(" | ", t.textGrid()[4]));
        assertTrue(ts.get(0).confidence() < 0.5);
    }

    @Test
    void tabbedCellsUnknownTableIsPositional() {
        String text = "说明文字比较长的一段，超过二十个字的普通段落在这里。\n\t项目\n\t数量\n\t金额\n\n\t甲\n\t1\n\t2\n\n\t\n\t3\n\t4\n\n后面的段落文字也很长，同样超过了二十个字符。\n";
        List<TableBlock> ts = tables(blocks(text));
        assertEquals(1, ts.size());
        Table t = ts.get(0).table();
        assertEquals(3, t.rows());
        assertEquals(3, t.cols());
        assertEquals(2, t.cellAt(1, 0).rowSpan(), "the empty cell under 甲 is its row span");
    }

    @Test
    void pipeRowsWithAStandardTableInTheMiddleKeepTheRestAsText() {
        String text = "表头 | 说明 | 备注\n" + String.join("\n", "行政复议 | 行政诉讼", "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
                "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
                "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0") + "\n";
        List<Block> bs = blocks(text);
        List<TableBlock> ts = tables(bs);
        assertEquals(1, ts.size());
        assertEquals(4, ts.get(0).table().rows());
        assertTrue(allText(bs).contains("表头 | 说明 | 备注"), "the row outside the standard table stays as text");
    }
}
