package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Word;

class LineParagraphsTest {
    /** A line of 40-pixel characters at (x, y) reaching {@code right}. */
    private static Line line(String text, double x, double y, double right) {
        List<Word> words = new ArrayList<>();
        double step = (right - x) / text.length();
        for (int i = 0; i < text.length(); i++) words.add(new Word(text.substring(i, i + 1), new Box(x + i * step, y, step - 2, 40), 90));
        return new Line(text, new Box(x, y, right - x, 40), 90, words);
    }

    @Test
    void indentsAndShortLastLinesDelimitParagraphs() {
        List<Line> lines = List.of(
                line("一、总体情况", 100, 100, 400),
                line("2023年，本局认真贯彻落实条例，全面推进政务公开", 180, 170, 1100),
                line("工作，进一步提高了透明度。", 100, 240, 600),
                line("全年主动公开政府信息一千二百三十四条，其中通过", 180, 310, 1100),
                line("政府网站公开八百五十六条，通过政务新媒体公开", 100, 380, 1100),
                line("三百七十八条。", 100, 450, 380));
        List<Block> blocks = LineParagraphs.blocks(lines, null);
        assertEquals(3, blocks.size(), blocks.toString());
        assertTrue(blocks.get(0) instanceof HeadingBlock);
        assertEquals("2023年，本局认真贯彻落实条例，全面推进政务公开工作，进一步提高了透明度。", blocks.get(1).text());
        assertEquals(3, ((ParagraphBlock) blocks.get(2)).lines().size());
    }

    @Test
    void tableRowsStandAlone() {
        Line row = new Line("收到申请数 12", new Box(100, 100, 900, 40), 90, List.of(
                new Word("收到申请数", new Box(100, 100, 200, 40), 90), new Word("12", new Box(800, 100, 40, 40), 90)));
        Line row2 = new Line("办结数 12", new Box(100, 160, 900, 40), 90, List.of(
                new Word("办结数", new Box(100, 160, 120, 40), 90), new Word("12", new Box(800, 160, 40, 40), 90)));
        assertTrue(LineParagraphs.isRow(row));
        assertEquals(2, LineParagraphs.blocks(List.of(row, row2), null).size());
    }

    @Test
    void aHeadingTooLongForOneLineGoesOnToTheNext() {
        List<Line> lines = List.of(
                line("三、收到和处理政府信息公开申请情", 100, 100, 1100),
                line("况", 100, 170, 140),
                line("全年共收到政府信息公开申请十二件，均在法定", 180, 240, 1100));
        List<Block> blocks = LineParagraphs.blocks(lines, null);
        assertEquals("三、收到和处理政府信息公开申请情况", blocks.get(0).text());
        assertTrue(blocks.get(0) instanceof HeadingBlock);
        assertEquals(2, blocks.size());
    }

    /** Seen on a held-out scan: the heading above a table and the page number under it came out as one heading. */
    @Test
    void aHeadingDoesNotGoOnWithALineFarBelowIt() {
        // as on that page: a table above and below the heading read apart, so the page's few lines are far
        // apart and their pitch no guide; the heading reaches about as far right as any line
        List<Line> lines = List.of(
                line("二、主动公开政府信息情况", 100, 100, 1060),
                line("三、收到和处理政府信息公开申请情况", 100, 900, 1060),
                line("一2一", 560, 1500, 640));
        List<Block> blocks = LineParagraphs.blocks(lines, null);
        assertEquals("三、收到和处理政府信息公开申请情况", blocks.get(1).text());
        assertEquals("一2一", blocks.get(2).text());
        assertEquals(3, blocks.size());
    }

    @Test
    void chineseLinesJoinWithoutSpacesLatinWithOne() {
        assertEquals("信息公开工作", LineParagraphs.join(List.of(line("信息公", 0, 0, 100), line("开工作", 0, 50, 100))));
        assertEquals("open government", LineParagraphs.join(List.of(line("open", 0, 0, 100), line("government", 0, 50, 100))));
    }
}
