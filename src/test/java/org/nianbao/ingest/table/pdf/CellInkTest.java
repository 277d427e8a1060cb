package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;

/** Ink in cells of hand-drawn images: blocks stand for characters. */
class CellInkTest {
    private static GrayImage paper(int w, int h) {
        byte[] p = new byte[w * h];
        Arrays.fill(p, (byte) 235);
        return new GrayImage(w, h, p);
    }

    private static void fill(GrayImage img, int x, int y, int w, int h) {
        for (int yy = y; yy < y + h; yy++) for (int xx = x; xx < x + w; xx++) img.pixels()[yy * img.width() + xx] = 20;
    }

    @Test
    void dustAndRuleTracesLeaveACellBlank() {
        GrayImage img = paper(300, 100);
        fill(img, 50, 40, 2, 2);     // a speck
        fill(img, 120, 60, 1, 3);    // another
        fill(img, 0, 0, 300, 3);     // what is left of the rule above
        fill(img, 297, 0, 3, 100);   // and of the rule on the right
        CellInk.Ink ink = CellInk.measure(img, new Rectangle(0, 0, 300, 100), 128, 1);
        assertTrue(ink.blank(), ink.toString());
    }

    @Test
    void aDigitIsInkWithItsBox() {
        GrayImage img = paper(300, 100);
        fill(img, 140, 30, 4, 40);   // "1"
        fill(img, 136, 30, 6, 4);
        fill(img, 60, 50, 2, 2);     // a speck elsewhere does not widen the box
        CellInk.Ink ink = CellInk.measure(img, new Rectangle(0, 0, 300, 100), 128, 1);
        assertFalse(ink.blank());
        assertEquals(new Rectangle(136, 30, 8, 40), ink.box());
        assertEquals(1, ink.lines().size());
    }

    @Test
    void aCharacterWithGapsBetweenItsStrokesIsOneLine() {
        // 三: three strokes with gaps of 8 px, about 40 px tall
        List<int[]> bands = List.of(new int[]{100, 104, 10, 50}, new int[]{116, 120, 14, 46}, new int[]{134, 139, 8, 52});
        List<int[]> lines = CellInk.textLines(bands, 42);
        assertEquals(1, lines.size());
        assertEquals(100, lines.get(0)[0]);
        assertEquals(139, lines.get(0)[1]);
    }

    @Test
    void charactersOneUnderAnotherAreAVerticalLabel() {
        List<int[]> column = List.of(new int[]{0, 40, 10, 50}, new int[]{60, 100, 10, 50}, new int[]{120, 160, 12, 48}, new int[]{180, 220, 10, 50});
        assertTrue(CellInk.vertical(CellInk.textLines(column, 42), 42));
        // three characters a line, three lines: a wrapped label, read as a block
        List<int[]> wrapped = List.of(new int[]{0, 40, 10, 140}, new int[]{60, 100, 10, 140}, new int[]{120, 160, 10, 140});
        assertFalse(CellInk.vertical(CellInk.textLines(wrapped, 42), 42));
        assertFalse(CellInk.vertical(List.of(new int[]{0, 40, 10, 50}, new int[]{60, 100, 10, 50}), 42));
    }

    @Test
    void aVerticalLabelIsMeasuredLineByLine() {
        GrayImage img = paper(100, 400);
        for (int i = 0; i < 5; i++) fill(img, 30, 20 + i * 70, 40, 40);
        CellInk.Ink ink = CellInk.measure(img, new Rectangle(5, 5, 90, 390), 128, 1);
        assertNotNull(ink.box());
        List<int[]> lines = CellInk.textLines(ink.lines(), 42);
        assertEquals(5, lines.size());
        assertTrue(CellInk.vertical(lines, 42));
        assertNull(CellInk.measure(img, new Rectangle(0, 0, 0, 0), 128, 1).box());
    }

    @Test
    void aSpeckBesideAFigureAtMidHeightIsDustButADecimalPointStays() {
        GrayImage img = paper(300, 100);
        fill(img, 100, 30, 20, 40);  // a figure 40 px high
        fill(img, 140, 48, 4, 4);    // a speck half a character to its right, level with its middle
        CellInk.Ink ink = CellInk.measure(img, new Rectangle(0, 0, 300, 100), 128, 1, 40);
        assertEquals(new Rectangle(100, 30, 20, 40), ink.box());

        GrayImage point = paper(300, 100);
        fill(point, 100, 30, 20, 40);
        fill(point, 124, 66, 4, 4);  // a decimal point on the baseline, close
        fill(point, 134, 30, 20, 40);
        CellInk.Ink withPoint = CellInk.measure(point, new Rectangle(0, 0, 300, 100), 128, 1, 40);
        assertEquals(new Rectangle(100, 30, 54, 40), withPoint.box());
        assertEquals(16 * 1 + 800 * 2, withPoint.ink());
    }

    @Test
    void aRowOfSpecksUnderALabelIsNoLineOfText() {
        GrayImage img = paper(400, 120);
        fill(img, 40, 20, 40, 40);   // two characters
        fill(img, 90, 20, 40, 40);
        fill(img, 60, 76, 4, 4);     // specks a little below them, in rows of their own
        fill(img, 120, 78, 5, 4);
        CellInk.Ink ink = CellInk.measure(img, new Rectangle(0, 0, 400, 120), 128, 1, 40);
        assertEquals(1, ink.lines().size());
        assertEquals(new Rectangle(40, 20, 90, 40), ink.box());

        // a thin character (一) in a line of its own is text, not dust
        GrayImage one = paper(400, 120);
        fill(one, 40, 20, 40, 40);
        fill(one, 40, 80, 36, 4);
        assertEquals(2, CellInk.measure(one, new Rectangle(0, 0, 400, 120), 128, 1, 40).lines().size());
    }

    @Test
    void aTallCellHoldingOnlySpecksIsBlank() {
        // the empty part of a merged label cell: three specks one under another, more ink together than a
        // cell needs to count, read as a vertical label when they count
        GrayImage img = paper(100, 600);
        fill(img, 20, 80, 5, 5);
        fill(img, 70, 260, 5, 4);
        fill(img, 40, 470, 4, 6);
        assertTrue(CellInk.measure(img, new Rectangle(0, 0, 100, 600), 128, 1, 40).blank());
        // without the character height known, specks are judged by their ink alone
        assertFalse(CellInk.measure(img, new Rectangle(0, 0, 100, 600), 128, 1).blank());
        // a figure among them is read, the specks far from it left out
        fill(img, 40, 300, 4, 30);   // "1"
        CellInk.Ink one = CellInk.measure(img, new Rectangle(0, 0, 100, 600), 128, 1, 40);
        assertEquals(new Rectangle(40, 300, 4, 30), one.box());
        // a minus sign alone is no speck
        GrayImage minus = paper(100, 60);
        fill(minus, 40, 28, 14, 3);
        assertFalse(CellInk.measure(minus, new Rectangle(0, 0, 100, 60), 128, 1, 40).blank());
    }

    @Test
    void aLowMarkAWayOffStillBelongsToTheText() {
        GrayImage img = paper(300, 100);
        fill(img, 100, 30, 40, 40);  // a character
        fill(img, 156, 64, 5, 5);    // a full stop 16 px off, on the line's foot
        CellInk.Ink ink = CellInk.measure(img, new Rectangle(0, 0, 300, 100), 128, 1, 40);
        assertEquals(new Rectangle(100, 30, 61, 40), ink.box());
    }

    @Test
    void theFigureOfANumberCellLeavesOutSpecksAroundIt() {
        Rectangle zero = new Rectangle(100, 30, 22, 40);
        Rectangle speckBefore = new Rectangle(80, 64, 4, 4);    // on the baseline before the digits
        Rectangle speckBelow = new Rectangle(108, 78, 4, 4);    // under them
        Rectangle speckInside = new Rectangle(109, 48, 4, 4);   // in the hole of the 0
        Rectangle speckAfter = new Rectangle(130, 50, 4, 4);    // after them
        boolean[] keep = CellInk.figure(List.of(zero, speckBefore, speckBelow, speckInside, speckAfter));
        assertTrue(keep[0]);
        for (int i = 1; i < keep.length; i++) assertFalse(keep[i], "piece " + i);
    }

    @Test
    void theFigureKeepsItsSignDecimalPointAndBrokenDigits() {
        Rectangle minus = new Rectangle(80, 48, 12, 4);
        Rectangle one = new Rectangle(100, 30, 8, 40);
        Rectangle point = new Rectangle(112, 66, 4, 4);
        Rectangle fiveTop = new Rectangle(120, 30, 20, 14);     // a faint 5 broken in two
        Rectangle fiveBottom = new Rectangle(120, 46, 20, 24);
        boolean[] keep = CellInk.figure(List.of(minus, one, point, fiveTop, fiveBottom));
        for (int i = 0; i < keep.length; i++) assertTrue(keep[i], "piece " + i);
    }

    /**
     * A lone thin 5 broken into its bowl and its flag (seed 67's 行政事业性收费 cell): the bowl alone is the
     * tallest piece, so the flag lay above the digits' band and was left out; the cut-out without specks
     * then held the bowl alone, read 999. The flag is kept; a speck above the figure still is not.
     */
    @Test
    void aLoneDigitsBrokenOffFlagIsPartOfTheFigure() {
        Rectangle bowl = new Rectangle(100, 46, 22, 24);
        Rectangle flag = new Rectangle(101, 30, 20, 14);        // 2 px above the bowl, as wide as most of it
        Rectangle speckAbove = new Rectangle(108, 20, 4, 4);    // a speck over the figure
        Rectangle speckBelow = new Rectangle(106, 74, 5, 3);    // and one under it
        boolean[] keep = CellInk.figure(List.of(bowl, flag, speckAbove, speckBelow));
        assertTrue(keep[0]);
        assertTrue(keep[1], "the flag");
        assertFalse(keep[2], "the speck above");
        assertFalse(keep[3], "the speck below");
        // a wide mark farther above (a rule's remnant, 12 px off) stays out
        assertFalse(CellInk.figure(List.of(bowl, new Rectangle(96, 26, 30, 8)))[1]);
    }

    @Test
    void piecesOfInkAreReportedWithTheirPixels() {
        GrayImage img = paper(300, 100);
        fill(img, 100, 30, 20, 40);
        CellInk.Ink ink = CellInk.measure(img, new Rectangle(0, 0, 300, 100), 128, 1, 40);
        assertEquals(1, ink.pieces().size());
        assertEquals(new Rectangle(100, 30, 20, 40), ink.pieces().get(0).box());
        assertEquals(800, ink.pieces().get(0).pixels().length);
        assertEquals(30 * 300 + 100, java.util.Arrays.stream(ink.pieces().get(0).pixels()).min().getAsInt());
    }
}
