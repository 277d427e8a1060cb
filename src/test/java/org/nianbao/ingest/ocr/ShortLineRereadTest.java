package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

class ShortLineRereadTest {
    private static final int W = 1200;
    private static final int H = 900;

    private static Line line(double x, double y, double w, String text, double conf) {
        Box b = new Box(x, y, w, 40);
        return new Line(text, b, conf, List.of(new Word(text, b, conf)));
    }

    private static GrayImage white() {
        byte[] px = new byte[W * H];
        Arrays.fill(px, (byte) 255);
        return new GrayImage(W, H, px);
    }

    /**
     * An engine that "reads" a glued image: the words it is given, placed at fixed x positions of the image it
     * is handed, and records the image's width so the test knows where the glued-on part starts.
     */
    private static final class GluedEngine extends TestEngine {
        final List<String> texts;
        final List<Double> confs;
        final List<Integer> xs;
        int calls;
        int width;

        GluedEngine(List<String> texts, List<Double> confs, List<Integer> xs) {
            this.texts = texts;
            this.confs = confs;
            this.xs = xs;
        }

        @Override
        public OcrResult read(GrayImage image, Rectangle region, OcrMode mode, OcrOptions options) {
            calls++;
            width = image.width();
            assertEquals(OcrMode.LINE, mode);
            List<Word> words = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                words.add(new Word(texts.get(i), new Box(xs.get(i), 10, 40, 40), confs.get(i)));
            }
            Box box = new Box(0, 10, image.width(), 40);
            return new OcrResult(List.of(new OcrResult.Paragraph(List.of(new Line(String.join("", texts), box, 90, words)))), 90, 0);
        }
    }

    @Test
    void shortWeakOrLatinLinesAreSentForASecondReading() {
        assertTrue(ShortLineReread.weakShort(line(100, 100, 80, "了人>、", 49.6)));
        assertTrue(ShortLineReread.weakShort(line(100, 100, 80, "Te", 0)));
        assertTrue(ShortLineReread.weakShort(line(100, 100, 80, "(Te", 95)));   // Latin on a Chinese page, however sure
        assertFalse(ShortLineReread.weakShort(line(100, 100, 80, "工作。", 92)));   // read well
        assertFalse(ShortLineReread.weakShort(line(100, 100, 800, "政府信息公开工作年度报告的说明", 40))); // not short: other re-reads
    }

    @Test
    void onlyChineseWithoutLatinIsAPlausibleReading() {
        assertTrue(ShortLineReread.plausible(line(0, 0, 80, "工作。", 80)));
        assertTrue(ShortLineReread.plausible(line(0, 0, 80, "(二)改进情况", 80)));
        assertFalse(ShortLineReread.plausible(line(0, 0, 80, "TIE", 80)));
        assertFalse(ShortLineReread.plausible(line(0, 0, 80, "工E", 80)));
        assertFalse(ShortLineReread.plausible(line(0, 0, 80, "-4-", 80)));
    }

    @Test
    void latinWithoutChineseReadUnsureIsJunk() {
        assertTrue(ShortLineReread.junk(line(0, 0, 80, "Te", 0)));
        assertTrue(ShortLineReread.junk(line(0, 0, 80, "(Te", 27.8)));
        assertFalse(ShortLineReread.junk(line(0, 0, 80, "人", 6.7)));      // Chinese: maybe a real character
        assertFalse(ShortLineReread.junk(line(0, 0, 80, "PDF", 90)));      // confident Latin is text
        assertFalse(ShortLineReread.junk(line(0, 0, 80, "-4-", 10)));      // a page number, not letters
    }

    @Test
    void aQuoteReadInTheGapIsDropped() {
        Box b = new Box(0, 0, 40, 40);
        List<Word> got = ShortLineReread.dropGlueQuote(List.of(new Word("“工作", b, 60), new Word("。", b, 92)));
        assertEquals("工作", got.get(0).text());
        List<Word> kept = List.of(new Word("“", b, 60), new Word("工作", b, 60));
        assertSame(kept, ShortLineReread.dropGlueQuote(kept));
    }

    @Test
    void glueCentresBothPartsSideBySide() {
        byte[] a = new byte[4 * 2];
        byte[] b = new byte[3 * 4];
        Arrays.fill(a, (byte) 0);
        Arrays.fill(b, (byte) 10);
        ShortLineReread.Glued g = ShortLineReread.glue(new GrayImage(4, 2, a), new GrayImage(3, 4, b), 5);
        assertEquals(12, g.image().width());
        assertEquals(4, g.image().height());
        assertEquals(9, g.secondX());
        assertEquals(0, g.secondY());
        assertEquals(255, g.image().get(0, 0));   // above the shorter first part: paper
        assertEquals(0, g.image().get(0, 1));
        assertEquals(255, g.image().get(6, 1));   // the gap
        assertEquals(10, g.image().get(9, 3));
    }

    @Test
    void theWordsOnTheGluedOnPartAreTheShortLinesReadingOnThePage() throws Exception {
        Line context = line(100, 100, 900, "政府信息公开工作年度报告政府信息", 95);
        Box shortBox = new Box(100, 300, 120, 40);
        // the context crop is 900 + 2 * 0.3 * 40 = 924 wide; the gap 40: the short line's part starts at 964
        GluedEngine e = new GluedEngine(List.of("政府信息", "公开", "“工作", "。"), List.of(95.0, 95.0, 60.0, 92.0),
                List.of(20, 800, 1010, 1100));
        Line got = ShortLineReread.readGlued(e, white(), shortBox, context, 40, OcrOptions.defaults());
        assertNotNull(got);
        assertEquals("工作。", got.text().replaceAll("\\s", ""));
        assertEquals(2, got.words().size());
        // 1010 on the glued image is 46 past the short line's cut-out, which starts a line height left of its box
        assertEquals(100 - 40 + 46, got.words().get(0).box().x(), 1e-9);
        assertEquals(shortBox, got.box());
        assertEquals((60.0 * 2 + 92) / 3, got.confidence(), 1e-9);
    }

    /** Two well-read lines of running text (the context a short line is read after), then {@code last}. */
    private static List<Line> afterTwoWellReadLines(Line last) {
        return List.of(
                line(100, 100, 900, "政府信息公开工作年度报告政府信息", 95),
                line(100, 160, 900, "公开工作年度报告政府信息公开工作", 95),
                last);
    }

    @Test
    void aWeakShortLineIsReplacedByAConfidentGluedReading() throws Exception {
        List<Line> lines = afterTwoWellReadLines(line(100, 220, 120, "了人>、", 49.6));
        OcrResult r = new OcrResult(List.of(new OcrResult.Paragraph(lines)), 90, 0);
        GluedEngine e = new GluedEngine(List.of("公开", "工作", "。"), List.of(95.0, 88.0, 92.0), List.of(20, 1010, 1100));
        OcrResult out = ShortLineReread.apply(e, white(), r, OcrOptions.defaults(), new java.util.ArrayList<>());
        List<Line> got = out.paragraphs().get(0).lines();
        assertEquals(3, got.size());
        assertEquals("工作。", got.get(2).text().replaceAll("\\s", ""));
    }

    @Test
    void junkThatStaysJunkIsDropped() throws Exception {
        List<Line> lines = afterTwoWellReadLines(line(100, 400, 60, "Te", 0));
        OcrResult r = new OcrResult(List.of(new OcrResult.Paragraph(lines.subList(0, 2)),
                new OcrResult.Paragraph(lines.subList(2, 3))), 90, 0);
        GluedEngine e = new GluedEngine(List.of("公开", "TIE"), List.of(95.0, 40.0), List.of(20, 1010));
        List<String> notes = new java.util.ArrayList<>();
        OcrResult out = ShortLineReread.apply(e, white(), r, OcrOptions.defaults(), notes);
        assertEquals(1, out.paragraphs().size());
        assertEquals(2, out.lines().size());
        // dropped, not lost: the page's reading reason names it
        assertEquals(List.of("1 short line(s) read as junk dropped: Te"), notes);
    }

    @Test
    void anImplausibleReadingKeepsTheLine() throws Exception {
        List<Line> lines = afterTwoWellReadLines(line(100, 220, 120, "人", 6.7));
        OcrResult r = new OcrResult(List.of(new OcrResult.Paragraph(lines)), 90, 0);
        GluedEngine e = new GluedEngine(List.of("公开", "TIE"), List.of(95.0, 90.0), List.of(20, 1010));
        OcrResult out = ShortLineReread.apply(e, white(), r, OcrOptions.defaults(), new java.util.ArrayList<>());
        assertSame(r, out);
        assertEquals(1, e.calls);
    }

    @Test
    void noContextLineMeansNoReading() throws Exception {
        assertNull(ShortLineReread.context(List.of(line(0, 0, 80, "工作", 40)), line(0, 0, 80, "工作", 40)));
        Line far = line(100, 100, 900, "政府信息公开工作年度报告政府信息", 95);
        Line near = line(100, 500, 900, "公开工作年度报告政府信息公开工作", 95);
        assertSame(near, ShortLineReread.nearestContext(List.of(far, near), 560));
    }
}
