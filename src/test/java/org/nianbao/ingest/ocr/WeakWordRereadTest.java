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
}
