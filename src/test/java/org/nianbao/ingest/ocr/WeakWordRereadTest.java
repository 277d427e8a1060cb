package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

class WeakWordRereadTest {
    /** A line of one-character words 50 px apart, each with the given confidence. */
    private static Line line(String text, double... conf) {
        List<Word> words = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            words.add(new Word(new String(Character.toChars(cps[i])), new Box(i * 50, 0, 45, 50), conf.length > i ? conf[i] : 90));
        }
        return new Line(text, new Box(0, 0, cps.length * 50, 50), 85, words);
    }

    @Test
    void aChineseLineWithAWordReadAtNoConfidenceIsWeak() {
        assertTrue(WeakWordReread.weak(line("言恩公开工作加强了", 23, 3)));
        assertFalse(WeakWordReread.weak(line("信息公开工作加强了", 90, 90)));
        assertTrue(WeakWordReread.weak(line("一)改进情史", 1, 1, 70, 70, 0, 0)), "a short heading is judged too");
        assertFalse(WeakWordReread.weak(line("言恩", 23, 3)), "too short to judge");
    }

    @Test
    void aTableRowIsNotWeak() {
        Word a = new Word("规章", new Box(0, 0, 100, 50), 5);
        Word b = new Word("行政规范性文件", new Box(600, 0, 300, 50), 90);
        assertFalse(WeakWordReread.weak(new Line("规章 行政规范性文件", new Box(0, 0, 900, 50), 60, List.of(a, b))));
    }

    @Test
    void theSecondReadingMustBeAsLongAndMoreConfident() {
        Line old = line("言恩公开工作加强了", 23, 3);
        assertTrue(WeakWordReread.better(line("信息公开工作加强了", 90, 88), old));
        assertFalse(WeakWordReread.better(line("信息公开工作", 95, 95), old), "three characters shorter");
        assertTrue(WeakWordReread.better(line("信息公开，工作加强了。", 90, 88), old), "two punctuation marks more");
        assertFalse(WeakWordReread.better(line("信息公开工作加强了", 20, 2, 40, 40, 40, 40, 40, 40, 40), old), "less confident");
    }

    @Test
    void aFarMoreConfidentReadingMayLoseOneCharacterReadFromNothing() {
        // 人 made up from a stroke of the line below; the new reading drops it and reads the rest well
        Line old = line("公开人信息保证", 90, 90, 30, 0, 90, 40, 40);
        assertTrue(WeakWordReread.better(line("公开信息，保证", 93, 93, 93, 93, 90, 93, 93), old));
        assertFalse(WeakWordReread.better(line("公开信息，保证", 60, 60, 60, 60, 60, 60, 60), old), "not more confident");
        assertFalse(WeakWordReread.better(line("公开，，保证", 93, 93, 93, 93, 93, 93), old), "two characters lost");
    }

    @Test
    void aReadingThatOnlyAddsWhatWasLeftOutRecoversTheLine() {
        Line old = line("通过提高认识", 97, 96, 95, 95, 95, 95);
        // the dropped phrase comes back less confident than the rest: still taken, nothing read before changed
        Line filled = line("通过多采道定传提高认识", 97, 96, 60, 0, 70, 0, 60, 96, 95, 95, 95);
        assertTrue(WeakWordReread.recovers(filled, old));
        assertFalse(WeakWordReread.recovers(line("通过多采道定传提高认真", 97, 96, 60, 0, 70, 0, 60, 96, 95, 95, 95), old),
                "a character read before was changed");
        assertFalse(WeakWordReread.recovers(line("通过多采道定传提高认识", 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30), old),
                "too weak to trust");
        assertTrue(WeakWordReread.isSubsequence("通过提高", "通过多渠道宣传提高"));
        assertFalse(WeakWordReread.isSubsequence("通过提高", "通过多渠道宣传"));
    }

    @Test
    void aReadingThatMendsOnlyTheFirstCharacterFromInkFurtherLeftRecoversTheLine() {
        Line old = moved(line("言息公开条例", 80, 80, 94, 94, 93, 93), 18);
        Line again = line("信息公开条例", 40, 80, 94, 90, 90, 90);
        assertTrue(WeakWordReread.recovers(again, old));
        assertFalse(WeakWordReread.recovers(line("信息公开条列", 40, 80, 94, 90, 90, 90), old), "another character changed too");
        assertFalse(WeakWordReread.recovers(moved(again, 18), old), "not read from further left");
    }

    /** The line moved right by {@code dx} pixels. */
    private static Line moved(Line l, double dx) {
        List<Word> ws = new ArrayList<>();
        for (Word w : l.words()) ws.add(new Word(w.text(), new Box(w.box().x() + dx, w.box().y(), w.box().width(), w.box().height()), w.confidence()));
        return new Line(l.text(), new Box(l.box().x() + dx, l.box().y(), l.box().width(), l.box().height()), l.confidence(), ws);
    }

    @Test
    void aTallLinesOwnRowsLeaveOutTheLineItGrewInto() {
        // the tall box (2586-2747) reaches into the next line (2707-2774): its own rows stop where that line starts
        Line above = new Line("取得了一定的", new Box(468, 2466, 1725, 64), 90, List.of());
        Line tall = new Line("些问题。一是政府", new Box(333, 2586, 1860, 161), 85, List.of());
        Line below = new Line("善；二是缺乏信息", new Box(407, 2707, 1366, 67), 90, List.of());
        int[] rows = WeakWordReread.ownRows(tall, List.of(above, tall, below), 20);
        assertEquals(2566, rows[0]);
        assertEquals(2707, rows[1]);
        // a line elsewhere on the page (another column) does not count
        Line aside = new Line("注", new Box(2300, 2600, 50, 60), 90, List.of());
        assertEquals(2707, WeakWordReread.ownRows(tall, List.of(above, tall, below, aside), 20)[1]);
    }

    @Test
    void theMedianHeightIsTakenOnRunningTextNotTableRows() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) lines.add(new Line("信息公开工作加强", new Box(0, i * 100, 800, 64), 90, List.of()));
        for (int i = 0; i < 9; i++) {
            Word a = new Word("规章", new Box(0, 600 + i * 50, 80, 36), 90);
            Word b = new Word("0", new Box(700, 600 + i * 50, 20, 36), 90);
            lines.add(new Line("规章 0", new Box(0, 600 + i * 50, 720, 36), 90, List.of(a, b)));
        }
        assertEquals(64, WeakWordReread.medianTextHeight(lines), 0.01);
    }

    @Test
    void cropCopiesTheBand() {
        byte[] px = new byte[10 * 5];
        for (int i = 0; i < px.length; i++) px[i] = (byte) i;
        GrayImage c = new GrayImage(10, 5, px).crop(new Rectangle(2, 1, 3, 2));
        assertEquals(3, c.width());
        assertEquals(2, c.height());
        assertEquals(12, c.pixels()[0]);
        assertEquals(24, c.pixels()[5]);
    }

    @Test
    void aLineAsHighAsTwoIsTall() {
        Line two = new Line("些问题。一是政府信息公开内容还不够全面完", new Box(333, 2586, 1860, 161), 85,
                List.of(new Word("些问题", new Box(869, 2600, 200, 60), 92)));
        assertTrue(WeakWordReread.tall(two, 64));
        assertFalse(WeakWordReread.tall(line("信息公开工作加强了"), 50));
    }

    @Test
    void aReReadThatOnlyDropsTheWeakCharacterIsTaken() {
        // 分类有要求: 有 read at 0 from no ink of its own; the band read again as one line holds everything else
        Line old = line("信息分类有要求坚持", 95, 95, 97, 96, 0, 95, 95, 95, 95);
        Line again = line("信息分类要求坚持", 93, 93, 93, 93, 93, 93, 93, 93);
        assertTrue(WeakWordReread.better(again, old));
        assertFalse(WeakWordReread.better(line("信息分类要求坚特", 93, 93, 93, 93, 93, 93, 93, 93), old), "another character changed");
        assertFalse(WeakWordReread.better(line("信息分类要求坚持", 80, 80, 80, 80, 80, 80, 80, 80), old), "far less confident than the kept words");
        assertFalse(WeakWordReread.better(line("信息类有要求坚持", 92, 92, 92, 92, 92, 92, 92, 92), old), "a well-read character dropped");
    }

    /** "个环节，站人导。" as a 200 dpi JPEG page read it (seed 89): 人 is a 254-pixel smear over 确保依申请公开工作依法有序开展. */
    private static Line smearedLine() {
        List<Word> ws = List.of(
                new Word("个", new Box(201, 1328, 34, 36), 96.9),
                new Word("环节", new Box(251, 1328, 57, 37), 93.0),
                new Word("，", new Box(321, 1358, 5, 8), 84.0),
                new Word("站", new Box(356, 1330, 110, 37), 9.0),
                new Word("人", new Box(475, 1333, 254, 89), 0.0),
                new Word("导", new Box(913, 1336, 22, 74), 0.0),
                new Word("。", new Box(951, 1350, 10, 11), 4.5));
        return new Line("个环节，站人 导。", new Box(201, 1328, 760, 90), 47.6, ws);
    }

    @Test
    void aWeakCharacterFarWiderOrTallerThanTheTextLinesIsASmear() {
        assertTrue(WeakWordReread.smeared(smearedLine(), 61), "254 px wide on 61 px lines");
        assertFalse(WeakWordReread.smeared(smearedLine(), 110), "on lines that large it could be a character");
        Word tall = new Word("实", new Box(1330, 615, 78, 150), 0.0);
        Line sloped = new Line("分实工", new Box(1250, 600, 300, 180), 60,
                List.of(new Word("分", new Box(1250, 700, 70, 60), 90), tall, new Word("工", new Box(1480, 690, 60, 60), 90)));
        assertTrue(WeakWordReread.smeared(sloped, 64), "150 px high on 64 px lines");
        assertFalse(WeakWordReread.smeared(line("言恩公开工作加强了", 23, 3), 50), "weak, but the size of a character");
        Word sure = new Word("人", new Box(475, 1333, 254, 89), 80);
        assertFalse(WeakWordReread.smeared(new Line("个人", new Box(200, 1330, 530, 90), 80,
                List.of(new Word("个", new Box(201, 1328, 34, 36), 96.9), sure)), 61), "read with confidence: not a smear");
    }

    @Test
    void aSmearedLineIsRecoveredWhenItsTextComesBack() {
        Line old = smearedLine();
        Line again = line("个环节，和确保依申请公开工作依法有序开展", 91, 87, 64, 0, 79, 79, 91, 89, 89, 97, 97, 96, 96, 96, 96, 93, 89, 25, 25);
        assertTrue(WeakWordReread.recoversSmear(again, old, 61), "one weak character, thirteen more read well");
        Line twoWeak = line("个环节，和确保依申请公开工作依法有序开展", 91, 87, 64, 80, 0, 5, 91, 89, 89, 97, 97, 96, 96, 96, 96, 93, 89, 25, 25);
        assertFalse(WeakWordReread.recoversSmear(twoWeak, old, 61), "two weak characters");
        Line unsure = line("个环节，和确保依申请公开工作依法有序开展", 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50);
        assertFalse(WeakWordReread.recoversSmear(unsure, old, 61), "not confident enough");
        assertFalse(WeakWordReread.recoversSmear(line("个环节站", 95, 95, 95, 95), old, 61), "no more Chinese than before");
    }

    /** A line of running text at height {@code y}: one character every 64 px from x = 300, 60 px high, all read well. */
    private static Line runningAt(String text, double y) {
        List<Word> words = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            words.add(new Word(new String(Character.toChars(cps[i])), new Box(300 + i * 64, y, 60, 60), 92));
        }
        return new Line(text, new Box(300, y, cps.length * 64, 60), 92, words);
    }

    /**
     * Seed 89's G4 TIFF, r0001 page 2: a speck under 职责 made the layout read 明确各科室工作职责，落 as one
     * 及 and three characters as high as the line above and the speck; the band between the neighbours holds
     * part of the line above and reads as nothing. The rows of the line's well-read characters read it whole.
     */
    @Test
    void aSmearedLineAmongRunningTextIsReadAgainOnItsOwnRows() throws Exception {
        Line prev = runningAt("成立了政务公开工作领导小组统一负责", 583);
        Line smeared = new Line("织实施， 及实分工。开展", new Box(300, 608, 1423, 177), 62, List.of(
                new Word("织", new Box(300, 725, 62, 59), 92.7),
                new Word("实施", new Box(400, 720, 103, 63), 91.6),
                new Word("，", new Box(520, 769, 7, 14), 91.1),
                new Word("及", new Box(1247, 705, 85, 62), 0.8),
                new Word("实", new Box(1330, 615, 78, 150), 0.0),
                new Word("分", new Box(1414, 613, 72, 145), 93.3),
                new Word("工", new Box(1485, 608, 56, 177), 83.5),
                new Word("。", new Box(1541, 722, 11, 17), 69.9),
                new Word("开", new Box(1585, 701, 55, 58), 91.0),
                new Word("展", new Box(1663, 696, 75, 62), 92.7)));
        Line next = runningAt("征求群众意见今年未发生违反政府信息公开", 821);
        List<Integer> heights = new ArrayList<>();
        OcrEngine engine = new TestEngine() {
            @Override
            public OcrResult read(GrayImage image, Rectangle region, OcrMode mode, OcrOptions options) {
                heights.add(image.height());
                if (image.height() > 150) return OcrResult.empty(0); // the band reaching into the line above
                return new OcrResult(List.of(new OcrResult.Paragraph(List.of(runningAt("织实施，明确各科室工作职责，落实分工。开展", 15)))), 92, 0);
            }
        };
        GrayImage paper = new GrayImage(2400, 1000, new byte[2400 * 1000]);
        java.util.Arrays.fill(paper.pixels(), (byte) 255);
        OcrResult page = new OcrResult(List.of(new OcrResult.Paragraph(List.of(prev, smeared, next))), 80, 0);
        OcrResult got = WeakWordReread.apply(engine, paper, page, OcrOptions.defaults());
        assertEquals("织实施，明确各科室工作职责，落实分工。开展", got.lines().get(1).text().replace(" ", ""));
        assertEquals(2, heights.size(), "the band, then the line's own rows");
        assertTrue(heights.get(1) < 130, "own rows: " + heights.get(1));
        assertEquals(prev, got.lines().get(0));
        assertEquals(next, got.lines().get(2));

        // the same line in a table, no running text around it: left to the table code
        heights.clear();
        Line rowAbove = new Line("规章 5", new Box(300, 520, 900, 60), 90, List.of(
                new Word("规章", new Box(300, 520, 120, 60), 90), new Word("5", new Box(1150, 520, 30, 60), 90)));
        OcrResult table = new OcrResult(List.of(new OcrResult.Paragraph(List.of(rowAbove, smeared, rowAbove))), 80, 0);
        WeakWordReread.apply(engine, paper, table, OcrOptions.defaults());
        assertTrue(heights.isEmpty(), "not read again: " + heights);
    }
}
