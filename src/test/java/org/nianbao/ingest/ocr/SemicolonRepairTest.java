package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

class SemicolonRepairTest {
    private static final int W = 600;
    private static final int H = 120;
    /** The line: rows 30-90 (60 px high), characters 50 px wide in 60-px cells from x = 20. */
    private static final int TOP = 30;
    private static final int LH = 60;

    private static void fill(byte[] px, int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) px[y * W + x] = 0;
    }

    /** A "Chinese character": a frame filling its cell from top to bottom. */
    private static void han(byte[] px, int cell) {
        int x = 20 + cell * LH;
        fill(px, x, TOP, x + 50, TOP + 6);
        fill(px, x, TOP + LH - 6, x + 50, TOP + LH);
        fill(px, x + 22, TOP, x + 28, TOP + LH);
    }

    /** The mark in the left part of a cell: a tail at the foot, and with {@code dot} a dot above it in the middle. */
    private static void mark(byte[] px, int cell, boolean dot, boolean tail) {
        int x = 20 + cell * LH + 8;
        if (tail) fill(px, x, TOP + 44, x + 8, TOP + 62);   // 18 px: head and tail below the foot
        else fill(px, x, TOP + 46, x + 8, TOP + 54);       // a round dot (a colon's lower dot)
        if (dot) fill(px, x, TOP + 22, x + 8, TOP + 30);    // 8 px dot, its middle at 0.43 of the line
    }

    private static byte[] blank() {
        byte[] px = new byte[W * H];
        Arrays.fill(px, (byte) 235);
        return px;
    }

    /** A line of words, one per character, each word's box its cell. */
    private static Line line(String text) {
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            words.add(new Word(text.substring(i, i + 1), new Box(20 + i * LH, TOP, 50, LH), 93));
        }
        return new Line(text, new Box(20, TOP, text.length() * LH, LH), 93, words);
    }

    /**
     * A printed line, one cell per character of {@code layout}: {@code H} a Chinese character, {@code ;} a
     * semicolon (dot above a tail), {@code ,} a comma (the tail alone), {@code :} a colon (two dots).
     */
    private static GrayImage printed(String layout) {
        byte[] px = blank();
        for (int cell = 0; cell < layout.length(); cell++) {
            switch (layout.charAt(cell)) {
                case 'H' -> han(px, cell);
                case ';' -> mark(px, cell, true, true);
                case ',' -> mark(px, cell, false, true);
                case ':' -> mark(px, cell, true, false);
                default -> throw new IllegalArgumentException(layout);
            }
        }
        return new GrayImage(W, H, px);
    }

    /** 完善，二 as read, with the comma's word box at {@code x}, {@code width} wide. */
    private static Line commaBoxAt(int x, int width, int confidence) {
        List<Word> words = new ArrayList<>(line("完善，二").words());
        words.set(2, new Word("，", new Box(x, TOP, width, LH), confidence));
        return new Line("完善，二", new Box(20, TOP, 4 * LH, LH), 93, words);
    }

    @Test
    void aCommaWithADotAboveItIsASemicolon() {
        GrayImage img = printed("HH;HH");
        Line fixed = SemicolonRepair.repairLine(line("完善，二是"), img);
        assertEquals("完善；二是", fixed.text());
        assertEquals("；", fixed.words().get(2).text());
    }

    @Test
    void aCommaAloneStaysAComma() {
        GrayImage img = printed("HH,H");
        Line l = line("完善，二");
        assertSame(l, SemicolonRepair.repairLine(l, img));
    }

    @Test
    void twoDotsAreAColonNotASemicolon() {
        GrayImage img = printed("HH:H");
        Line l = line("如下，一");
        assertSame(l, SemicolonRepair.repairLine(l, img));
    }

    @Test
    void aCommaAtTheEndOfAWordIsFoundAtTheWordsRightEnd() {
        GrayImage img = printed("HH;H");
        List<Word> words = List.of(new Word("完善，", new Box(20, TOP, 3 * LH - 20, LH), 93),
                new Word("二", new Box(20 + 3 * LH, TOP, 50, LH), 93));
        Line l = new Line("完善，二", new Box(20, TOP, 4 * LH, LH), 93, words);
        assertEquals("完善；二", SemicolonRepair.repairLine(l, img).text());
    }

    @Test
    void aCommaBetweenFiguresIsLeftAlone() {
        GrayImage img = printed("H;H");
        Line l = line("1,2");
        assertSame(l, SemicolonRepair.repairLine(l, img));
    }

    @Test
    void aMarkInsideACharactersColumnsIsNotLookedAt() {
        // the comma's box lies over a character (the LSTM's boxes drift): the nearest narrow run is the mark, not the character
        GrayImage img = printed("HH;H");
        Line l = commaBoxAt(20 + 2 * LH + 30, 40, 93);
        assertEquals("完善；二", SemicolonRepair.repairLine(l, img).text());
    }

    @Test
    void aMarkWholeLineHeightLeftOfItsBoxIsFound() {
        // the comma's box starts where the mark ends and runs into the next character's cell (seed 31)
        GrayImage img = printed("HH;H");
        Line l = commaBoxAt(20 + 2 * LH + 53, 36, 59);
        assertEquals("完善；二", SemicolonRepair.repairLine(l, img).text());
    }

    @Test
    void aLineWhoseMarkerWasRewrittenInItsTextOnlyIsStillRepaired() {
        // EnumeratorRepair turned the text's (一) into （一）, the words keep (一): the commas still pair up
        GrayImage img = printed("HH;H");
        Line read = line("完善，二");
        Line l = new Line("（一）完善，二", read.box(), 93, read.words());
        assertEquals("（一）完善；二", SemicolonRepair.repairLine(l, img).text());
    }
}
