package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.prep.Binarize;

/** A cell in a scan's shade or on grainy paper gets levels of its own; a clean cell keeps the page's. */
class CellLevelsTest {
    private static final int W = 400;
    private static final int H = 100;

    /**
     * A page of two cells side by side: the left one on paper at {@code left}, the right at {@code right},
     * grain of {@code grain} levels in blotches of 3×3 pixels (a JPEG's grain is not single pixels); each
     * cell holds a bar 6 pixels wide and 40 high at grey 60.
     */
    private static GrayImage page(int left, int right, int grain) {
        Random rnd = new Random(7);
        double[] blotch = new double[(W / 3 + 1) * (H / 3 + 1)];
        for (int i = 0; i < blotch.length; i++) blotch[i] = rnd.nextGaussian() * grain;
        byte[] px = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int paper = x < W / 2 ? left : right;
                int v = (int) Math.round(paper + blotch[(y / 3) * (W / 3 + 1) + x / 3]);
                boolean bar = y >= 30 && y < 70 && (x >= 97 && x < 103 || x >= 297 && x < 303);
                px[y * W + x] = (byte) Math.max(0, Math.min(255, bar ? 60 : v));
            }
        }
        return new GrayImage(W, H, px);
    }

    private static final Rectangle LEFT = new Rectangle(10, 10, 180, 80);
    private static final Rectangle RIGHT = new Rectangle(210, 10, 180, 80);

    @Test
    void aCleanCellKeepsThePagesLevels() {
        GrayImage img = page(250, 250, 1);
        CellLevels lv = CellLevels.of(img, LEFT, 204, 230, CellLevels.paper(img, new Rectangle(0, 0, W, H)));
        assertEquals(new CellLevels(204, 230), lv);
    }

    /** The shaded cell (paper 217 on a page of 244, threshold 226 over the page): ink is only its bar. */
    @Test
    void aShadedCellsInkIsItsFigureNotItsPaper() {
        GrayImage img = page(244, 217, 2);
        int pagePaper = 244;
        int t = 226;
        CellInk.Ink withPagesLevel = CellInk.measure(img, RIGHT, t, 1, 40);
        assertTrue(withPagesLevel.ink() > 5000, "the page's threshold takes the shaded paper for ink: " + withPagesLevel.ink());
        CellLevels lv = CellLevels.of(img, RIGHT, t, 232, pagePaper);
        assertTrue(lv.threshold() < 217 - 10, lv.toString());
        CellInk.Ink own = CellInk.measure(img, RIGHT, lv.threshold(), 1, 40);
        assertEquals(6 * 40, own.ink());
        assertEquals(new Rectangle(297, 30, 6, 40), own.box());
        // the lit cell of the same page keeps the page's levels
        assertEquals(new CellLevels(t, 232), CellLevels.of(img, LEFT, t, 232, pagePaper));
    }

    /** Grainy paper (a 200 dpi JPEG) with a threshold 10 levels under it: the grain is left out. */
    @Test
    void grainyPaperIsNotInk() {
        GrayImage img = page(240, 240, 6);
        int t = 230;
        CellInk.Ink withPagesLevel = CellInk.measure(img, LEFT, t, 1, 40);
        assertFalse(withPagesLevel.pieces().size() == 1, "the grain makes specks at the page's threshold");
        CellLevels lv = CellLevels.of(img, LEFT, t, 232, 240);
        CellInk.Ink own = CellInk.measure(img, LEFT, lv.threshold(), 1, 40);
        assertEquals(1, own.pieces().size(), lv.toString());
        assertTrue(lv.lift() < 240 - 6, lv.toString());
    }

    /** A label dense with strokes (a third of its cell) on clean paper keeps the page's levels: strokes are no grain. */
    @Test
    void aDenseLabelIsNoGrain() {
        byte[] px = new byte[100 * 60];
        Arrays.fill(px, (byte) 250);
        for (int y = 0; y < 60; y++) for (int x = 0; x < 100; x++) if (x % 3 == 0) px[y * 100 + x] = 40;
        GrayImage img = new GrayImage(100, 60, px);
        assertEquals(new CellLevels(204, 230), CellLevels.of(img, new Rectangle(0, 0, 100, 60), 204, 230, 250));
    }

    @Test
    void thePapersLevelIsTheMedian() {
        byte[] px = new byte[100];
        Arrays.fill(px, (byte) 200);
        for (int i = 0; i < 10; i++) px[i] = 0;
        assertEquals(200, CellLevels.paper(new GrayImage(10, 10, px), new Rectangle(0, 0, 10, 10)));
        assertTrue(Binarize.otsu(new GrayImage(10, 10, px)) < 200);
    }

    /**
     * A piece of an unruled table cut out and set on white (as InkAlignedTables reads them): paper at
     * 236 with grain, a label's grey strokes (150-190, as a 300 dpi scan's), white margins. Per-cell levels took the white-against-paper
     * and ink-against-paper steps for grain and pushed the threshold far under the page's (a label's
     * grey strokes went); a reader made for a cut-out keeps the cut-out's own levels.
     */
    @Test
    void aCutOutsReaderKeepsItsOwnLevels() {
        int w = 120;
        int h = 50;
        int m = 8;
        Random rnd = new Random(3);
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean inside = x >= m && x < w - m && y >= m && y < h - m;
                boolean stroke = inside && (x / 3) % 4 == 0;
                int v = !inside ? 255 : stroke ? 150 + rnd.nextInt(40) : 236 + (int) Math.round(rnd.nextGaussian() * 3);
                px[y * w + x] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        GrayImage img = new GrayImage(w, h, px);
        Rectangle all = new Rectangle(0, 0, w, h);
        int t = Binarize.otsu(img);
        CellLevels own = new CellLevels(t, CellCrop.liftLevel(img, t));
        assertEquals(own, CellReader.forCutOut(img, org.nianbao.ingest.ocr.OcrScript.SIMPLIFIED, 300, 40).levels(all));
        assertTrue(new CellReader(img, org.nianbao.ingest.ocr.OcrScript.SIMPLIFIED, 300, 40, 1).levels(all).threshold() < t,
                "per-cell levels move this cut-out's threshold (the session-7 regression this guards)");
    }
}
