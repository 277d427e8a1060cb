package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

class EnumeratorRepairTest {
    /** A white 200x60 image with {@code strokes} horizontal bars in the middle third, like 一 二 三 between brackets. */
    private static GrayImage marker(int strokes) {
        byte[] px = new byte[200 * 60];
        Arrays.fill(px, (byte) 255);
        int[][] rows = switch (strokes) {
            case 1 -> new int[][]{{28, 32}};
            case 2 -> new int[][]{{15, 19}, {42, 46}};
            default -> new int[][]{{10, 14}, {28, 32}, {46, 50}};
        };
        for (int[] r : rows) for (int y = r[0]; y <= r[1]; y++) for (int x = 70; x < 130; x++) px[y * 200 + x] = 0;
        // the brackets: thin vertical strokes at the sides
        for (int y = 5; y < 55; y++) for (int x = 0; x < 4; x++) { px[y * 200 + 10 + x] = 0; px[y * 200 + 186 + x] = 0; }
        return new GrayImage(200, 60, px);
    }

    private static Line line(String first, String rest) {
        Word w1 = new Word(first, new Box(8, 2, 184, 56), 80);
        Word w2 = new Word(rest, new Box(200, 2, 120, 56), 90);
        return new Line(first + rest, new Box(8, 2, 312, 56), 85, List.of(w1, w2));
    }

    @Test
    void strokesAreCounted() {
        assertEquals(1, EnumeratorRepair.countStrokes(marker(1), 60, 0, 80, 60));
        assertEquals(2, EnumeratorRepair.countStrokes(marker(2), 60, 0, 80, 60));
        assertEquals(3, EnumeratorRepair.countStrokes(marker(3), 60, 0, 80, 60));
    }

    @Test
    void bracketedMarkersReadAsDashesAreRepaired() {
        assertEquals("（一）加强领导", EnumeratorRepair.repairLine(line("(—)", "加强领导"), marker(1)).text());
        assertEquals("（二）严格审查", EnumeratorRepair.repairLine(line("(=)", "严格审查"), marker(2)).text());
        assertEquals("（三）拓宽渠道", EnumeratorRepair.repairLine(line("(=)", "拓宽渠道"), marker(3)).text());
        assertEquals("（一）主动公开", EnumeratorRepair.repairLine(line("〈一)", "主动公开"), marker(1)).text());
        assertEquals("（一）加强主动公开", EnumeratorRepair.repairLine(line("《一)", "加强主动公开"), marker(1)).text());
    }

    @Test
    void anyNumeralOpenedByAnAngleBracketIsAListMarker() {
        // 五 is read right, only its bracket is wrong: no stroke count needed (the image holds one stroke)
        assertEquals("（五）监督保障", EnumeratorRepair.repairLine(line("《五)", "监督保障"), marker(1)).text());
        assertEquals("（十二）其他", EnumeratorRepair.repairLine(line("〈十二）", "其他"), marker(1)).text());
        Line title = line("《五年规划》", "实施情况");
        assertEquals(title, EnumeratorRepair.repairLine(title, marker(1)));
    }

    @Test
    void aSpeckInTheMarkersBoxDoesNotHideItsStrokes() {
        // （二） at x 120-280, and a speck far left and below it that grew the model's box for "(=)"
        int w = 400, h = 90;
        byte[] px = new byte[w * h];
        Arrays.fill(px, (byte) 255);
        for (int y = 10; y < 61; y++) for (int x = 0; x < 5; x++) { px[y * w + 120 + x] = 0; px[y * w + 276 + x] = 0; }
        for (int[] r : new int[][] {{22, 27}, {44, 49}}) for (int y = r[0]; y < r[1]; y++) for (int x = 160; x < 240; x++) px[y * w + x] = 0;
        for (int y = 70; y < 76; y++) for (int x = 20; x < 26; x++) px[y * w + x] = 0;
        Word marker = new Word("(=)", new Box(18, 8, 264, 70), 48);
        Word rest = new Word("改进情况", new Box(290, 10, 100, 51), 90);
        Line l = new Line("(=)改进情况", new Box(18, 8, 372, 70), 80, List.of(marker, rest));
        assertEquals("（二）改进情况", EnumeratorRepair.repairLine(l, new GrayImage(w, h, px)).text());
    }

    @Test
    void aMarkerWhoseBoxIsASpeckIsFoundBeforeTheNextWord() {
        // the model gave "(=)" the box of a speck at the line's lower left (5 pixels): the marker is what stands before 改进情况
        int w = 400, h = 90;
        byte[] px = new byte[w * h];
        Arrays.fill(px, (byte) 255);
        for (int y = 10; y < 61; y++) for (int x = 0; x < 5; x++) { px[y * w + 120 + x] = 0; px[y * w + 236 + x] = 0; }
        for (int[] r : new int[][] {{22, 27}, {44, 49}}) for (int y = r[0]; y < r[1]; y++) for (int x = 150; x < 210; x++) px[y * w + x] = 0;
        for (int y = 70; y < 76; y++) for (int x = 20; x < 26; x++) px[y * w + x] = 0;
        Word marker = new Word("(=)", new Box(20, 70, 5, 6), 40);
        Word rest = new Word("改进情况", new Box(290, 10, 100, 51), 90);
        Line l = new Line("(=)改进情况", new Box(18, 8, 372, 70), 80, List.of(marker, rest));
        assertEquals("（二）改进情况", EnumeratorRepair.repairLine(l, new GrayImage(w, h, px)).text());
    }

    @Test
    void correctMarkersAndOrdinaryTextAreLeftAlone() {
        Line ok = line("（四）", "其他");
        assertEquals(ok, EnumeratorRepair.repairLine(ok, marker(1)));
        Line text = line("公开", "内容");
        assertEquals(text, EnumeratorRepair.repairLine(text, marker(2)));
    }

    @Test
    void aSectionNumberWhoseCommaWasReadAsAQuoteIsRepaired() {
        Line l = new Line("一、“总体情况", new Box(0, 0, 300, 50), 80, List.of(new Word("一", new Box(0, 0, 40, 50), 97)));
        assertEquals("一、总体情况", EnumeratorRepair.repairLine(l, marker(1)).text());
        Line l2 = new Line("一．总体情况", new Box(0, 0, 300, 50), 80, List.of(new Word("一．", new Box(0, 0, 40, 50), 97)));
        assertEquals("一．总体情况", EnumeratorRepair.repairLine(l2, marker(1)).text());
    }

    @Test
    void sectionSixReadAsRuIsRepairedOnHeadingsOnly() {
        Line heading = new Line("入、其他需要报告的事项", new Box(0, 0, 600, 50), 90, List.of(new Word("入", new Box(0, 0, 40, 50), 60)));
        assertEquals("六、其他需要报告的事项", EnumeratorRepair.repairLine(heading, marker(1)).text());
        // a wrapped line of running text (收入、支出…) keeps its 入
        Line wrapped = new Line("入、支出情况已在本年度预算执行报告中公开，请查阅。", new Box(0, 0, 1800, 50), 90,
                List.of(new Word("入", new Box(0, 0, 40, 50), 90)));
        assertEquals(wrapped, EnumeratorRepair.repairLine(wrapped, marker(1)));
    }
}
