package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;

class InkLayoutTest {
    static final int EM = 40;

    /** A page of paper with ink blocks drawn on it. */
    static final class Page {
        final int w;
        final int h;
        final byte[] px;

        Page(int w, int h) {
            this.w = w;
            this.h = h;
            px = new byte[w * h];
            Arrays.fill(px, (byte) 235);
        }

        void ink(int x, int y, int width, int height) {
            for (int yy = y; yy < y + height; yy++) for (int xx = x; xx < x + width; xx++) px[yy * w + xx] = (byte) 20;
        }

        /** {@code n} characters set solid from x on the line whose top is y; returns the right edge. */
        int chars(int x, int y, int n) {
            for (int i = 0; i < n; i++) ink(x + i * EM + 2, y, EM - 4, EM - 4);
            return x + n * EM;
        }

        /** A figure of {@code n} digits (shorter and narrower than characters), its top 0.15 em under the line's. */
        int figure(int x, int y, int n) {
            for (int i = 0; i < n; i++) ink(x + i * (EM / 2) + 2, y + 6, EM / 2 - 5, (int) (EM * 0.68));
            return x + n * (EM / 2);
        }

        GrayImage image() {
            return new GrayImage(w, h, px);
        }

        InkLayout.Mask mask() {
            return InkLayout.mask(image(), new Rectangle(0, 0, w, h), 128, EM);
        }
    }

    /** A paragraph: full lines of characters, commas leaving half an em of white. */
    static void paragraph(Page p, int top, int lines) {
        for (int l = 0; l < lines; l++) {
            int y = top + l * (int) (EM * 1.6);
            int x = l == 0 ? 100 + 2 * EM : 100;
            while (x < 1500) {
                x = p.chars(x, y, 7);
                p.ink(x + 4, y + EM - 14, 8, 10); // a comma in the left of its box
                x += EM;
            }
        }
    }

    /** Rows of a table: a label and three figures in columns far apart. */
    static void table(Page p, int top, int rows) {
        for (int r = 0; r < rows; r++) {
            int y = top + r * (int) (EM * 2.2);
            p.chars(100, y, 4 + r % 3);
            for (int c = 0; c < 3; c++) p.figure(700 + c * 250, y, 1 + (r + c) % 3);
        }
    }

    @Test
    void aTableIsAPartSetInColumnsAndAParagraphIsNot() {
        Page p = new Page(1600, 1400);
        paragraph(p, 60, 5);
        table(p, 600, 5);
        paragraph(p, 1100, 3);
        List<Rectangle> regions = InkLayout.regions(p.mask(), EM);
        assertEquals(1, regions.size(), regions.toString());
        Rectangle r = regions.get(0);
        assertTrue(r.y >= 600 - 2 && r.y + r.height <= 600 + 5 * EM * 2.2, r.toString());
    }

    @Test
    void paragraphsAloneHaveNoPartInColumns() {
        Page p = new Page(1600, 1400);
        paragraph(p, 60, 8);
        paragraph(p, 800, 6);
        assertTrue(InkLayout.regions(p.mask(), EM).isEmpty());
    }

    @Test
    void aHeadingSetLargerDoesNotJoinTheTableUnderIt() {
        Page p = new Page(1600, 1400);
        // a heading of 1.5 em characters, then the table a line under it
        for (int i = 0; i < 8; i++) p.ink(100 + i * 60 + 2, 500, 56, 56);
        table(p, 600, 4);
        List<Rectangle> regions = InkLayout.regions(p.mask(), EM);
        assertEquals(1, regions.size());
        assertTrue(regions.get(0).y >= 600 - 2, regions.toString());
    }

    @Test
    void piecesAreTheLabelsAndTheFigures() {
        Page p = new Page(1600, 800);
        table(p, 100, 3);
        List<Rectangle> pieces = InkLayout.pieces(p.mask(), new Rectangle(0, 0, 1600, 800), EM);
        assertEquals(3 * 4, pieces.size(), pieces.toString());
        // reading order: row by row, left to right
        assertEquals(102, pieces.get(0).x);
        assertTrue(pieces.get(1).x >= 700 && pieces.get(1).x < 950);
    }

    @Test
    void twoLinesOfALabelArePiecesOfTheirOwn() {
        Page p = new Page(1600, 600);
        p.chars(100, 100, 6);
        p.chars(100, 100 + (int) (EM * 1.3), 3);
        p.figure(700, 100 + (int) (EM * 0.65), 2);
        List<Rectangle> pieces = InkLayout.pieces(p.mask(), new Rectangle(0, 0, 1600, 600), EM);
        assertEquals(3, pieces.size(), pieces.toString());
    }

    @Test
    void dustInAColumnGapDoesNotHoldTheColumnsTogether() {
        Page p = new Page(1600, 400);
        p.chars(100, 100, 4);
        p.ink(100 + 4 * EM + 30, 110, 5, 5);   // a speck between label and figure
        p.ink(100 + 4 * EM + 60, 120, 7, 6);   // a bigger one
        p.figure(100 + 4 * EM + 100, 100, 2);
        List<Rectangle> pieces = InkLayout.pieces(p.mask(), new Rectangle(0, 0, 1600, 400), EM);
        assertEquals(2, pieces.size(), pieces.toString());
    }

    @Test
    void aStopBesideItsCharacterIsKept() {
        Page p = new Page(800, 200);
        p.chars(100, 50, 3);
        p.ink(100 + 3 * EM + 3, 50 + EM - 12, 7, 7); // a stop
        InkLayout.Mask m = p.mask();
        assertTrue(m.at(100 + 3 * EM + 5, 50 + EM - 9));
    }

    @Test
    void aColonsDotsHoldTheTwoHalvesOfALabelTogether() {
        // 为：第 — each dot of the colon is the size of a speck, and without it the white across the colon
        // is wider than a column gap
        Page p = new Page(800, 200);
        p.chars(100, 50, 3);
        p.ink(100 + 3 * EM + 18, 50 + 10, 4, 4);
        p.ink(100 + 3 * EM + 18, 50 + 24, 4, 4);
        p.chars(100 + 4 * EM, 50, 3);
        List<Rectangle> pieces = InkLayout.pieces(p.mask(), new Rectangle(0, 0, 800, 200), EM);
        assertEquals(1, pieces.size(), pieces.toString());
        // one such dot alone is dust: the two halves are pieces of their own
        Page q = new Page(800, 200);
        q.chars(100, 50, 3);
        q.ink(100 + 3 * EM + 18, 50 + 10, 4, 4);
        q.chars(100 + 4 * EM, 50, 3);
        assertEquals(2, InkLayout.pieces(q.mask(), new Rectangle(0, 0, 800, 200), EM).size());
    }

    @Test
    void emIsTheMostCommonHeightNotTheMedian() {
        // plain lines of characters 42 high; lines with a bracket or a list number a few pixels taller:
        // the median (45) would move with every piece more or less the page's reading calls Chinese
        List<Rectangle> pieces = new ArrayList<>();
        int y = 0;
        for (int h : new int[] {42, 42, 42, 42, 42, 41, 45, 45, 45, 45, 46, 46, 47}) pieces.add(new Rectangle(0, y += 100, 300, h));
        assertEquals(42, InkLayout.em(pieces, r -> true, 44));
        // one piece more or less of the tall ones does not move it
        assertEquals(42, InkLayout.em(pieces.subList(0, 12), r -> true, 44));
        pieces.add(new Rectangle(0, y + 100, 300, 48));
        assertEquals(42, InkLayout.em(pieces, r -> true, 44));
    }

    @Test
    void emIsMeasuredOnTheChinesePiecesOnly() {
        List<Rectangle> pieces = new ArrayList<>();
        for (int i = 0; i < 7; i++) pieces.add(new Rectangle(0, i * 100, 200, 44 + (i % 3)));
        for (int i = 0; i < 20; i++) pieces.add(new Rectangle(500, i * 100, 40, 29)); // figures
        double em = InkLayout.em(pieces, r -> r.width >= 100, 33);
        assertEquals(45, em, 1);
        // too few Chinese pieces: the provisional em stays
        assertEquals(33, InkLayout.em(pieces.subList(0, 3), r -> r.width >= 100, 33));
    }

    @Test
    void runsAreSplitAtGapsOfTheGivenWidth() {
        boolean[] ink = {true, true, false, true, false, false, false, true};
        List<int[]> runs = InkLayout.runs(ink, 2);
        assertEquals(2, runs.size());
        assertEquals(0, runs.get(0)[0]);
        assertEquals(4, runs.get(0)[1]);
        assertEquals(7, runs.get(1)[0]);
    }
}
