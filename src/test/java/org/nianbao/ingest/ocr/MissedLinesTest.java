package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.prep.ImageRulings;

class MissedLinesTest {
    private static final int W = 1000;
    private static final int H = 1400;

    /** A white page with a row of "characters" (dark squares) in the band {@code [top, top + 40)}. */
    private static void inkRow(byte[] px, int top, int left, int right) {
        for (int y = top; y < top + 40; y++) {
            for (int x = left; x < right; x++) {
                if ((x - left) % 50 < 40) px[y * W + x] = 0;
            }
        }
    }

    private static GrayImage page(int... tops) {
        byte[] px = new byte[W * H];
        Arrays.fill(px, (byte) 255);
        for (int t : tops) inkRow(px, t, 200, 800);
        return new GrayImage(W, H, px);
    }

    private static Line line(int top, String text) {
        Box b = new Box(200, top, 600, 40);
        return new Line(text, b, 90, List.of(new Word(text, b, 90)));
    }

    @Test
    void inkRowWithoutReadLineIsABand() {
        GrayImage img = page(200, 300, 360, 420);
        List<Line> lines = List.of(line(300, "政府信息公开"), line(360, "工作年度报告"), line(420, "总体情况说明"));
        List<MissedLines.Band> bands = MissedLines.bands(img, lines, 40, List.of());
        assertEquals(1, bands.size());
        MissedLines.Band b = bands.get(0);
        assertEquals(200, b.top());
        assertEquals(240, b.bottom());
        assertEquals(200, b.left());
        assertEquals(790, b.right());
    }

    @Test
    void dustBesideTheLineIsNotPartOfIt() {
        GrayImage img = page(200, 300, 360, 420);
        byte[] px = img.pixels();
        for (int y = 210; y < 214; y++) for (int x = 900; x < 904; x++) px[y * W + x] = 0; // a speck far right of the line
        List<Line> lines = List.of(line(300, "政府信息公开"), line(360, "工作年度报告"), line(420, "总体情况说明"));
        List<MissedLines.Band> bands = MissedLines.bands(img, lines, 40, List.of());
        assertEquals(1, bands.size());
        assertEquals(790, bands.get(0).right());
    }

    @Test
    void everyInkRowReadMeansNoBand() {
        GrayImage img = page(300, 360, 420);
        List<Line> lines = List.of(line(300, "政府信息公开"), line(360, "工作年度报告"), line(420, "总体情况说明"));
        assertTrue(MissedLines.bands(img, lines, 40, List.of()).isEmpty());
    }

    @Test
    void bandInsideARuledTableIsLeftToTheTableCode() {
        GrayImage img = page(200, 300, 360, 420);
        List<Line> lines = List.of(line(300, "政府信息公开"), line(360, "工作年度报告"), line(420, "总体情况说明"));
        List<ImageRulings.Segment> rules = List.of(new ImageRulings.Segment(false, 150, 100, 150, 280, 2));
        assertTrue(MissedLines.bands(img, lines, 40, rules).isEmpty());
    }

    @Test
    void specksAndTallPicturesAreNotLines() {
        byte[] px = new byte[W * H];
        Arrays.fill(px, (byte) 255);
        px[150 * W + 500] = 0; // a speck
        for (int y = 600; y < 900; y++) for (int x = 300; x < 700; x++) px[y * W + x] = 0; // a picture 7 lines high
        GrayImage img = new GrayImage(W, H, px);
        List<Line> lines = List.of(line(300, "政府信息公开"), line(360, "工作年度报告"), line(420, "总体情况说明"));
        assertTrue(MissedLines.bands(img, lines, 40, List.of()).isEmpty());
    }

    @Test
    void onlyConfidentChineseIsKept() {
        assertTrue(MissedLines.readsAsText(line(0, "开平市教育局")));
        Box b = new Box(0, 0, 100, 40);
        assertFalse(MissedLines.readsAsText(new Line("- 1 -", b, 90, List.of(new Word("- 1 -", b, 90)))));
        assertFalse(MissedLines.readsAsText(new Line("开平市", b, 40, List.of(new Word("开平市", b, 40)))));
        Line oneWeak = new Line("开平市教育局", b, 80, List.of(new Word("开平市", b, 95), new Word("教育局", b, 30)));
        assertFalse(MissedLines.readsAsText(oneWeak));
    }

    @Test
    void foundLineGoesBeforeTheFirstParagraphBelowIt() {
        List<OcrResult.Paragraph> ps = new ArrayList<>();
        ps.add(new OcrResult.Paragraph(List.of(line(300, "年度报告"))));
        ps.add(new OcrResult.Paragraph(List.of(line(360, "总体情况"))));
        OcrResult r = new OcrResult(ps, 90, 0);
        OcrResult out = MissedLines.insert(r, List.of(line(200, "开平市教育局")));
        assertEquals(3, out.paragraphs().size());
        assertEquals("开平市教育局", out.paragraphs().get(0).lines().get(0).text());
        OcrResult end = MissedLines.insert(r, List.of(line(900, "二〇二五年")));
        assertEquals("二〇二五年", end.paragraphs().get(2).lines().get(0).text());
    }

    @Test
    void aShortLastLineBesideAGrownBoxIsFound() {
        // a paragraph's last line (two characters at the left margin, rows 500-540) right above a heading whose box
        // was grown up and across by specks (x 300-900, rows 525-600): the rows are the heading's, the columns are not
        byte[] px = new byte[W * H];
        Arrays.fill(px, (byte) 255);
        inkRow(px, 300, 200, 800);
        inkRow(px, 360, 200, 800);
        inkRow(px, 420, 200, 800);
        inkRow(px, 500, 200, 290);
        inkRow(px, 560, 330, 700);
        GrayImage img = new GrayImage(W, H, px);
        Box grown = new Box(330, 530, 570, 70);
        List<Line> lines = List.of(line(300, "政府信息公开"), line(360, "工作年度报告"), line(420, "总体情况说明"),
                new Line("加强主动公开", grown, 90, List.of(new Word("加强主动公开", grown, 90))));
        List<MissedLines.Band> bands = MissedLines.bands(img, lines, 40, List.of());
        assertEquals(1, bands.size());
        assertEquals(500, bands.get(0).top());
        assertEquals(200, bands.get(0).left());
        assertEquals(290, bands.get(0).right());
    }

    @Test
    void inkRightOfALinesBoxIsNotALineOfItsOwn() {
        // a line box that stops short of its last character: the character beside it is that line's, not a band
        byte[] px = new byte[W * H];
        Arrays.fill(px, (byte) 255);
        for (int t : new int[] {300, 360, 420}) inkRow(px, t, 200, 800);
        Box shortBox = new Box(200, 420, 540, 40);
        List<Line> lines = List.of(line(300, "政府信息公开"), line(360, "工作年度报告"),
                new Line("总体情况说", shortBox, 90, List.of(new Word("总体情况说", shortBox, 90))));
        assertTrue(MissedLines.bands(img(px), lines, 40, List.of()).isEmpty());
    }

    private static GrayImage img(byte[] px) {
        return new GrayImage(W, H, px);
    }

    @Test
    void aLastCharacterClosingASentenceAndADateAreText() {
        Box b = new Box(0, 0, 100, 40);
        assertTrue(MissedLines.readsAsText(new Line("平。", b, 90, List.of(new Word("平。", b, 90)))));
        assertFalse(MissedLines.readsAsText(new Line("平", b, 90, List.of(new Word("平", b, 90)))));
        assertTrue(MissedLines.readsAsText(new Line("2025年1月6日", b, 90, List.of(new Word("2025年1月6日", b, 90)))));
        assertFalse(MissedLines.readsAsText(new Line("2025 1 6", b, 90, List.of(new Word("2025 1 6", b, 90)))));
    }

    @Test
    void aGluedReadingIsKeptLessConfidentButOnlyAsPlainChinese() {
        Box b = new Box(0, 0, 100, 40);
        Line sure = new Line("工作。", b, 65, List.of(new Word("工作。", b, 65)));
        assertFalse(MissedLines.readsAsText(sure, false));
        assertTrue(MissedLines.readsAsText(sure, true));
        Line odd = new Line("工作>", b, 80, List.of(new Word("工作>", b, 80)));
        assertFalse(MissedLines.readsAsText(odd, true));
    }

    /** An engine that reads every region as {@code text}, and counts its calls. */
    private static final class FixedEngine extends TestEngine {
        final String text;
        int calls;

        FixedEngine(String text) {
            this.text = text;
        }

        @Override
        public OcrResult read(GrayImage image, java.awt.Rectangle region, OcrMode mode, OcrOptions options) {
            calls++;
            Box b = new Box(10, 10, image.width() - 20, image.height() - 20);
            Line l = new Line(text, b, 92, List.of(new Word(text, b, 92)));
            return new OcrResult(List.of(new OcrResult.Paragraph(List.of(l))), 92, 0);
        }
    }

    @Test
    void aPageTheLayoutFoundAlmostNothingOnIsSearchedByTheTypeSizeOfItsResolution() throws Exception {
        // a last page: the closing's date alone, two specks read as 人 and 有, the paper pale grey with pale dust
        byte[] px = new byte[W * H];
        Arrays.fill(px, (byte) 225);
        for (int y = 100; y < H; y += 37) for (int x = 60; x < W - 60; x += 23) px[y * W + x] = (byte) 200;
        inkRow(px, 300, 200, 800);
        GrayImage img = new GrayImage(W, H, px);
        Box speck = new Box(500, 40, 20, 20);
        OcrResult r = new OcrResult(List.of(new OcrResult.Paragraph(List.of(new Line("人", speck, 5, List.of(new Word("人", speck, 5))))),
                new OcrResult.Paragraph(List.of(new Line("有", new Box(600, 40, 20, 20), 10, List.of(new Word("有", new Box(600, 40, 20, 20), 10)))))), 8, 0);
        FixedEngine e = new FixedEngine("2025年1月6日");
        OcrResult out = MissedLines.recover(e, img, r, List.of(), new OcrOptions(300, OcrScript.SIMPLIFIED, 10_000));
        assertEquals(1, e.calls);   // the date's band only: the pale dust is no ink
        assertEquals(3, out.lines().size());
        assertEquals("2025年1月6日", out.paragraphs().get(2).lines().get(0).text());
    }

    @Test
    void aLineUnderADustReadingIsStillFound() throws Exception {
        // the layout returned a line of clean text as one dust mark ("|", confidence 19) with a box over it and
        // half the heading below: that box must not hide the line from the search (seed 67: 完善；二是缺乏… lost)
        byte[] px = new byte[W * H];
        Arrays.fill(px, (byte) 255);
        for (int t : new int[] {300, 360, 420, 480}) inkRow(px, t, 200, 800);
        Box dust = new Box(200, 480, 600, 100);
        OcrResult r = new OcrResult(List.of(new OcrResult.Paragraph(List.of(line(300, "政府信息公开"), line(360, "工作年度报告"),
                line(420, "总体情况说明"), new Line("|", dust, 19, List.of(new Word("|", dust, 19)))))), 85, 0);
        FixedEngine e = new FixedEngine("完善二是缺乏信息");
        OcrResult out = MissedLines.recover(e, img(px), r, List.of(), new OcrOptions(300, OcrScript.SIMPLIFIED, 10_000));
        assertEquals(1, e.calls);
        assertTrue(out.text().contains("完善二是缺乏信息"), out.text());
    }

    @Test
    void aRealReadingStillCoversItsRows() throws Exception {
        byte[] px = new byte[W * H];
        Arrays.fill(px, (byte) 255);
        for (int t : new int[] {300, 360, 420, 480}) inkRow(px, t, 200, 800);
        Box b = new Box(200, 480, 600, 40);
        OcrResult r = new OcrResult(List.of(new OcrResult.Paragraph(List.of(line(300, "政府信息公开"), line(360, "工作年度报告"),
                line(420, "总体情况说明"), new Line("完善", b, 60, List.of(new Word("完善", b, 60)))))), 85, 0);
        FixedEngine e = new FixedEngine("完善二是缺乏信息");
        MissedLines.recover(e, img(px), r, List.of(), new OcrOptions(300, OcrScript.SIMPLIFIED, 10_000));
        assertEquals(0, e.calls);
    }
}
