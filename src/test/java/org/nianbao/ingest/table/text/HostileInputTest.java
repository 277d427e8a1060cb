package org.nianbao.ingest.table.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.extract.text.TextCaptureExtractor;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.TableBlock;

/** Huge and malformed inputs: every detector stays bounded in time and size, and loses no text. */
class HostileInputTest {
    private static List<Block> blocks(String text) {
        return TextCaptureExtractor.toBlocks(text, TextCaptureExtractor.defaultDetectors());
    }

    private static long tables(List<Block> bs) {
        return bs.stream().filter(b -> b instanceof TableBlock).count();
    }

    private static void within(int seconds, Runnable r) {
        assertTimeoutPreemptively(Duration.ofSeconds(seconds), r::run);
    }

    @Test
    void tenThousandColumnPipeRowStaysText() {
        String row = "a | ".repeat(10_000) + "b";
        within(10, () -> {
            List<Block> bs = blocks(row + "\n" + row + "\n");
            assertEquals(0, tables(bs));
            assertEquals(2, bs.size());
            assertEquals(row, bs.get(0).text());
        });
    }

    /** Fuzz case 4492925130810179191: a long run of spaces inside a pipe row was quadratic to split. */
    @Test
    void aLongRunOfSpacesInAPipeRowSplitsInLinearTime() {
        String row = "项目 | 数量 | 备注" + " ".repeat(300_000) + "末尾 | 1";
        within(10, () -> {
            List<Block> bs = blocks("甲 | 乙 | 丙\n" + row + "\n丁 | 戊 | 己\n");
            assertEquals(1, tables(bs));
        });
    }

    @Test
    void tenThousandColumnTsvRowStaysText() {
        String row = "1\t".repeat(10_000) + "2";
        within(10, () -> assertEquals(0, tables(blocks(row + "\n" + row + "\n" + row + "\n"))));
    }

    @Test
    void twoHundredThousandOneCellLines() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200_000; i++) b.append(i % 7 == 0 ? "项目" + i : Integer.toString(i % 10)).append("\n\n");
        String text = b.toString();
        within(30, () -> {
            List<Block> bs = blocks(text);
            long cells = 0;
            for (Block x : bs) cells += x instanceof TableBlock t ? t.table().cells().size() : 1;
            assertTrue(cells >= 200_000 / 2, "text is kept as tables or paragraphs");
        });
    }

    @Test
    void manyStandardTablesInARowAreAllFound() {
        // section 四 repeated 300 times as one cell per line: every copy is found, in linear time
        String header = String.join("\n\n", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 300; k++) {
            b.append(header).append("\n\n");
            for (int i = 0; i < 15; i++) b.append(i % 5 == 4 ? "0" : "0").append("\n\n");
        }
        String text = b.toString();
        within(60, () -> assertEquals(300, tables(blocks(text))));
    }

    @Test
    void hugeTsvIsCutIntoBoundedTables() {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < 5000; r++) {
            for (int c = 0; c < 60; c++) b.append(c == 0 ? "行" + r : Integer.toString(r + c)).append('\t');
            b.append('\n');
        }
        String text = b.toString();
        within(30, () -> {
            List<Block> bs = blocks(text);
            int rows = 0;
            for (Block x : bs) if (x instanceof TableBlock t) rows += t.table().rows();
            assertEquals(5000, rows, "every row in some table");
            for (Block x : bs) if (x instanceof TableBlock t) assertTrue(t.table().rows() <= DelimitedTableDetector.MAX_ROWS);
        });
    }

    @Test
    void hugeTabbedRegion() {
        StringBuilder b = new StringBuilder("这是一段足够长的普通文字，作为页面正文的缩进基准。\n");
        for (int r = 0; r < 30_000; r++) {
            b.append("\t名称").append(r).append("\n\t").append(r).append("\n\t").append(r * 2).append("\n\n");
        }
        String text = b.toString();
        within(60, () -> {
            List<Block> bs = blocks(text);
            assertTrue(tables(bs) >= 1);
        });
    }

    @Test
    void longDigitRunsAndLongLines() {
        List<String> lines = new ArrayList<>();
        lines.add("行政复议 | 行政诉讼");
        lines.add("结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉");
        lines.add("总计 | " + "9".repeat(5000));
        lines.add("x".repeat(1_000_000));
        String text = String.join("\n", lines);
        within(10, () -> {
            List<Block> bs = blocks(text);
            assertTrue(bs.stream().anyMatch(x -> x.text().length() == 1_000_000));
        });
    }
}
