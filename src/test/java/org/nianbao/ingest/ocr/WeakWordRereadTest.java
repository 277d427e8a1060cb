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
        assertFalse(WeakWordReread.weak(line("言恩公开", 23, 3)), "too short to judge");
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
        assertFalse(WeakWordReread.better(line("信息公开工作加强了", 20, 2, 40, 40, 40, 40, 40, 40, 40), old), "less confident");
    }

    @Test
    void aReadingThatBringsInRareCharactersIsNotTaken() {
        Line old = line("严格保窖审查", 90, 0);
        assertTrue(WeakWordReread.commonAsBefore(line("严格保密审查", 92, 90), old));
        // 齉 is outside GB2312: a confident reading with it is a misreading of another kind
        assertFalse(WeakWordReread.commonAsBefore(line("严格保齉审查", 92, 90), old));
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
}
