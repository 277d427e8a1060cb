package org.nianbao.ingest.ocr.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;

class PaperLevelTest {
    static final int W = 300;
    static final int H = 200;

    /**
     * A grey scan: paper whose brightness falls from {@code left} to {@code right} across the page (uneven
     * light), and vertical strokes every 20 px: ink at {@code ink} two pixels wide with a soft edge pixel
     * either side at {@code edge} of the way from ink to paper (optics and JPEG blur).
     */
    static GrayImage scan(int left, int right, int ink, double edge) {
        byte[] px = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double paper = left + (right - left) * (double) x / (W - 1);
                int m = x % 20;
                double v = paper;
                if (y >= 20 && y < H - 20) {
                    if (m == 10 || m == 11) v = ink;
                    else if (m == 9 || m == 12) v = ink + edge * (paper - ink);
                }
                px[y * W + x] = (byte) Math.round(v);
            }
        }
        return new GrayImage(W, H, px);
    }

    @Test
    void softStrokeEdgesAreInkAsABilevelScannerKeepsThem() {
        // Edge pixels 60% of the way to the paper: Otsu's mid-way threshold gives them to the paper.
        GrayImage page = scan(240, 240, 40, 0.6);
        int otsu = Binarize.otsu(page);
        int edge = page.get(9, 100);
        assertTrue(edge >= otsu, "the soft edge is paper to a global Otsu threshold: " + edge + " vs " + otsu);
        GrayImage out = PaperLevel.threshold(page, 300, 0.78);
        assertEquals(0, out.get(9, 100), "soft edge kept as ink");
        assertEquals(0, out.get(10, 100), "stroke is ink");
        assertEquals(0, out.get(12, 100), "soft edge on the other side kept as ink");
        assertEquals(255, out.get(5, 100), "paper is white");
        assertEquals(255, out.get(10, 5), "paper above the strokes is white");
    }

    @Test
    void unevenLightIsNotInk() {
        // Paper 250 on the left, 175 on the right, no stroke within 20 rows of the top: a global threshold
        // set for the bright side (0.78 of 250) turns the dark side's paper black.
        GrayImage page = scan(250, 175, 40, 0.6);
        int global = (int) (0.78 * 250);
        assertTrue(page.get(W - 5, 5) < global, "dark paper lies below a global threshold");
        GrayImage out = PaperLevel.threshold(page, 300, 0.78);
        assertEquals(255, out.get(W - 5, 5), "dark paper stays paper");
        assertEquals(255, out.get(W - 5, 100), "dark paper between strokes stays paper");
        assertEquals(0, out.get(W - 10, 100), "strokes on the dark side are still ink");
    }

    @Test
    void paleInkOnGreyPaperStaysInk() {
        // a faint copy: ink 150 on paper 220 (0.68 of it)
        GrayImage out = PaperLevel.threshold(scan(220, 220, 150, 0.5), 300, 0.78);
        assertEquals(0, out.get(10, 100));
        assertEquals(0, out.get(11, 100));
        assertEquals(255, out.get(15, 100));
    }

    @Test
    void noiseOnThePaperStaysPaper() {
        // a 200 dpi scan's sensor noise: paper 240 with pixels up to 30 grey levels darker
        byte[] px = new byte[W * H];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < px.length; i++) px[i] = (byte) (240 - rnd.nextInt(31));
        GrayImage out = PaperLevel.threshold(new GrayImage(W, H, px), 200, 0.78);
        for (byte b : out.pixels()) assertEquals((byte) 255, b);
    }

    @Test
    void paperIsEstimatedLocallyAndIgnoresABoldBlock() {
        GrayImage page = scan(250, 175, 40, 0.6);
        byte[] px = page.pixels().clone();
        // a solid black block one paper cell (50 px at 300 dpi) across: its cell takes its neighbours' paper
        for (int y = 50; y < 100; y++) Arrays.fill(px, y * W + 100, y * W + 150, (byte) 30);
        PaperLevel.Paper paper = PaperLevel.paper(new GrayImage(W, H, px), 300);
        assertTrue(paper.at(125, 75) > 180, "paper behind the block: " + paper.at(125, 75));
        assertTrue(paper.at(5, 5) > paper.at(W - 5, 5) + 50, "brighter on the left: " + paper.at(5, 5) + " vs " + paper.at(W - 5, 5));
    }

    @Test
    void aRowOfPaperIsThePaperAtEachPixel() {
        PaperLevel.Paper paper = PaperLevel.paper(scan(250, 175, 40, 0.6), 300);
        float[] row = new float[W];
        for (int y : new int[] {0, 37, 199}) {
            paper.row(y, row);
            for (int x = 0; x < W; x++) assertEquals(paper.at(x, y), row[x], 0.01, "x " + x + " y " + y);
        }
    }

    @Test
    void onlyGreyScansAsTheyCameAreGreyScans() {
        assertTrue(PaperLevel.isGreyScan(Binarize.histogram(scan(240, 230, 40, 0.6))));
        byte[] bilevel = new byte[100];
        for (int i = 0; i < 100; i++) bilevel[i] = (byte) (i % 7 == 0 ? 0 : 255);
        assertFalse(PaperLevel.isGreyScan(Binarize.histogram(new GrayImage(10, 10, bilevel))), "bilevel");
        byte[] doc = new byte[100];
        for (int i = 0; i < 100; i++) doc[i] = (byte) (i < 80 ? 255 : i < 90 ? 128 : 0);
        assertFalse(PaperLevel.isGreyScan(Binarize.histogram(new GrayImage(10, 10, doc))), "document mode: paper lifted to white");
    }

    @Test
    void textLinesOfAGreyScanAreRead1BitAndOfOtherPagesAsBefore() {
        GrayImage grey = scan(240, 230, 40, 0.6);
        TextLineImage.Choice c = TextLineImage.choose(grey, grey, 300, 300, 1.6, 0.78);
        assertTrue(c.changed());
        assertNotSame(grey, c.image());
        for (byte b : c.image().pixels()) assertTrue(b == 0 || b == (byte) 255, "1-bit");
        assertSame(grey, TextLineImage.choose(grey, grey, 300, 300, 1.6, 0).image(), "switched off");

        byte[] doc = new byte[100];
        for (int i = 0; i < 100; i++) doc[i] = (byte) (i < 80 ? 255 : i < 90 ? 128 : 0);
        GrayImage docPage = new GrayImage(10, 10, doc);
        TextLineImage.Choice d = TextLineImage.choose(docPage, docPage, 300, 300, 1.6, 0.78);
        assertTrue(d.image().get(0, 8) < 128 && d.image().get(0, 8) > 0, "document mode is darkened, still grey");
        assertFalse(TextLineImage.choose(docPage, docPage, 200, 300, 1.6, 0.78).changed(),
                "coarse document-mode scans are read as scanned");

        byte[] bw = new byte[100];
        for (int i = 0; i < 100; i++) bw[i] = (byte) (i % 7 == 0 ? 0 : 255);
        GrayImage bilevel = new GrayImage(10, 10, bw);
        assertSame(bilevel, TextLineImage.choose(bilevel, bilevel, 300, 300, 1.6, 0.78).image(), "bilevel as it is");
    }
}
