package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.prep.ImageRulings;

class DoubledLinesTest {
    private static final OcrOptions OPTIONS = new OcrOptions(300, OcrScript.SIMPLIFIED, 10_000);

    private static Line line(double x, double y, double w, double h, String text, double conf) {
        Box b = new Box(x, y, w, h);
        return new Line(text, b, conf, List.of(new Word(text, b, conf)));
    }

    /** The seed 31 heading between two tables: one row of print, found twice, its first character lost by both. */
    private static List<Line> page() {
        List<Line> ls = new ArrayList<>();
        ls.add(line(300, 1400, 1800, 58, "本机关全年未发生政府信息公开行政复议情况", 94));
        ls.add(line(300, 1520, 1800, 58, "本机关全年未发生政府信息公开行政诉讼情况", 94));
        ls.add(line(481, 1668, 1001, 58, "、 于信息公开行政 复议、行政诉讼情", 87));
        ls.add(line(534, 1668, 990, 59, "政府信息公开行政复议、行政诉讼情况", 95));
        ls.add(line(300, 1800, 1800, 58, "五、存在的主要问题及改进情况", 95));
        return ls;
    }

    private static OcrResult result(List<Line> ls) {
        return new OcrResult(List.of(new OcrResult.Paragraph(ls)), 90, 0);
    }

    /** An engine that reads every region as {@code text} and remembers the region it was given. */
    private static final class FixedEngine extends TestEngine {
        final String text;
        final double conf;
        int calls;
        int width;

        FixedEngine(String text, double conf) {
            this.text = text;
            this.conf = conf;
        }

        @Override
        public OcrResult read(GrayImage image, java.awt.Rectangle region, OcrMode mode, OcrOptions options) {
            calls++;
            width = image.width();
            Box b = new Box(5, 5, image.width() - 10, image.height() - 10);
            Line l = new Line(text, b, conf, List.of(new Word(text, b, conf)));
            return new OcrResult(List.of(new OcrResult.Paragraph(List.of(l))), conf, 0);
        }
    }

    private static GrayImage blank() {
        byte[] px = new byte[2480 * 2200];
        Arrays.fill(px, (byte) 255);
        return new GrayImage(2480, 2200, px);
    }

    @Test
    void oneRowFoundTwiceIsReadAgainAcrossTheColumnAndKeptOnce() throws Exception {
        FixedEngine e = new FixedEngine("四、政府信息公开行政复议、行政诉讼情况", 89);
        OcrResult out = DoubledLines.apply(e, blank(), result(page()), List.of(), OPTIONS);
        assertEquals(1, e.calls);
        assertEquals(1800, e.width);     // the whole text column: the lost 四 is left of both boxes
        assertEquals(4, out.lines().size());
        assertEquals("四、政府信息公开行政复议、行政诉讼情况", out.lines().get(2).text());
    }

    @Test
    void aWorseReadingKeepsTheMoreConfidentOfTheTwo() throws Exception {
        FixedEngine e = new FixedEngine("四、政府", 50);
        OcrResult out = DoubledLines.apply(e, blank(), result(page()), List.of(), OPTIONS);
        assertEquals(4, out.lines().size());
        assertEquals("政府信息公开行政复议、行政诉讼情况", out.lines().get(2).text());
    }

    @Test
    void linesOfAPageWithoutDoublesAreLeftAlone() throws Exception {
        List<Line> ls = page();
        ls.remove(2);
        OcrResult r = result(ls);
        FixedEngine e = new FixedEngine("x", 90);
        assertSame(r, DoubledLines.apply(e, blank(), r, List.of(), OPTIONS));
        assertEquals(0, e.calls);
    }

    @Test
    void aTallBoxOverTheNextLineIsNotADouble() {
        // the box of a line grown down over the heading below it: another fault (WeakWordReread's tall lines)
        Line tall = line(469, 2849, 1725, 163, "有二工作职责加强政府信息公开通过多渠道宣传，提高", 67);
        Line heading = line(502, 2827, 426, 62, "（二）改进情况", 94);
        assertFalse(DoubledLines.doubled(tall, heading));
        // and two different lines on one row (a label and its value) share no words
        assertFalse(DoubledLines.doubled(line(300, 100, 800, 58, "政府信息公开", 90), line(500, 100, 800, 58, "行政复议情况", 90)));
        assertTrue(DoubledLines.doubled(page().get(2), page().get(3)));
    }

    @Test
    void rowsOfARuledTableAreLeftToTheTableCode() {
        List<ImageRulings.Segment> rules = List.of(new ImageRulings.Segment(false, 400, 1600, 400, 1760, 3));
        assertTrue(DoubledLines.pairs(page(), rules).isEmpty());
        assertEquals(1, DoubledLines.pairs(page(), List.of()).size());
    }
}
