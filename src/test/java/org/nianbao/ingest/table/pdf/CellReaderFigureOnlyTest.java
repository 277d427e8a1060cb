package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrScript;

/**
 * The figure's cut-out without specks ({@code CellReader.figureOnly}): the ordinary crop with the left-out
 * pieces whitened. A thin grey 5 whose flag is crumbs smaller than a counted piece kept only its bowl
 * when the counted pieces were painted on white (read 9 by every copy). Image built here; no engine.
 */
class CellReaderFigureOnlyTest {
    private static final int W = 200;
    private static final int H = 120;
    private static final double CHAR = 40;

    /** A 5 as its bowl (one counted piece), a flag of 2x2 crumbs (not counted), a speck after it (counted). */
    @Test
    void keepsTheFiguresCrumbsAndWhitensTheSpeck() {
        byte[] px = new byte[W * H];
        java.util.Arrays.fill(px, (byte) 230);
        List<Integer> bowl = new ArrayList<>();
        // the bowl: a 24 x 24 ring (lower part of the 5), x 60..83, y 56..79
        for (int y = 56; y < 80; y++) {
            for (int x = 60; x < 84; x++) {
                boolean ring = y < 60 || y >= 76 || x >= 80 || x < 64 && y < 64;
                if (ring) bowl.add(y * W + x);
            }
        }
        // the digit 1 before it (a second digit-sized piece), x 40..43, y 40..79
        List<Integer> one = new ArrayList<>();
        for (int y = 40; y < 80; y++) for (int x = 40; x < 44; x++) one.add(y * W + x);
        // the flag: crumbs of 2x2 along y 40..41 over x 60..82, with 1-pixel gaps (each below the counted size)
        List<Integer> crumbs = new ArrayList<>();
        for (int x = 60; x < 82; x += 3) for (int dy = 0; dy < 2; dy++) for (int dx = 0; dx < 2; dx++) crumbs.add((40 + dy) * W + x + dx);
        // a speck after the figure: 5 x 5 at x 92..96, y 70..74
        List<Integer> speck = new ArrayList<>();
        for (int y = 70; y < 75; y++) for (int x = 92; x < 97; x++) speck.add(y * W + x);
        for (List<Integer> l : List.of(bowl, one, crumbs, speck)) for (int p : l) px[p] = (byte) 20;
        GrayImage image = new GrayImage(W, H, px);

        List<CellInk.Piece> pieces = List.of(
                piece(new Rectangle(40, 40, 4, 40), one),
                piece(new Rectangle(60, 56, 24, 24), bowl),
                piece(new Rectangle(92, 70, 5, 5), speck));
        CellInk.Ink ink = new CellInk.Ink(bowl.size() + one.size() + speck.size(), new Rectangle(40, 40, 57, 40), List.of(new int[] {40, 79}), pieces);
        Rectangle area = new Rectangle(10, 10, 180, 100);
        CellReader reader = CellReader.forCutOut(image, OcrScript.SIMPLIFIED, 300, CHAR);
        int pad = 6;
        GrayImage out = reader.figureOnly(ink, area, pad, 1.0, 200);
        assertNotNull(out);
        int m = (int) Math.round(CHAR * CellReader.FIGURE_MARGIN);
        // the cut-out is the figure's box (1 and bowl: x 40..83, y 40..79) grown by the margin, padded
        int x0 = 40 - m;
        int y0 = 40 - m;
        assertEquals(44 + 2 * m + 2 * pad, out.width());
        assertEquals(40 + 2 * m + 2 * pad, out.height());
        // the flag's crumbs are still ink (before: only the counted pieces were painted, so they were paper)
        for (int x = 60; x < 82; x += 3) {
            assertTrue(out.get(pad + x - x0, pad + 40 - y0) < 128, "crumb at x " + x + " kept");
        }
        // the bowl is ink
        assertTrue(out.get(pad + 70 - x0, pad + 57 - y0) < 128);
        // the speck lies past the box or is whitened: nothing dark right of the bowl
        for (int y = 0; y < out.height(); y++) {
            for (int x = pad + 84 - x0; x < out.width(); x++) assertEquals(255, out.get(x, y), "paper at " + x + "," + y);
        }
    }

    /** A speck inside the grown box (in the 0's hole) is whitened; the ring round it stays. */
    @Test
    void whitensALeftOutPieceInsideTheBox() {
        byte[] px = new byte[W * H];
        java.util.Arrays.fill(px, (byte) 230);
        List<Integer> ring = new ArrayList<>();
        for (int y = 40; y < 80; y++) {
            for (int x = 60; x < 84; x++) if (y < 44 || y >= 76 || x < 64 || x >= 80) ring.add(y * W + x);
        }
        List<Integer> blob = new ArrayList<>();
        for (int y = 58; y < 62; y++) for (int x = 70; x < 74; x++) blob.add(y * W + x);
        for (List<Integer> l : List.of(ring, blob)) for (int p : l) px[p] = (byte) 20;
        GrayImage image = new GrayImage(W, H, px);
        List<CellInk.Piece> pieces = List.of(piece(new Rectangle(60, 40, 24, 40), ring), piece(new Rectangle(70, 58, 4, 4), blob));
        CellInk.Ink ink = new CellInk.Ink(ring.size() + blob.size(), new Rectangle(60, 40, 24, 40), List.of(new int[] {40, 79}), pieces);
        CellReader reader = CellReader.forCutOut(image, OcrScript.SIMPLIFIED, 300, CHAR);
        int pad = 6;
        GrayImage out = reader.figureOnly(ink, new Rectangle(10, 10, 180, 100), pad, 1.0, 200);
        assertNotNull(out);
        int m = (int) Math.round(CHAR * CellReader.FIGURE_MARGIN);
        assertEquals(255, out.get(pad + 71 - (60 - m), pad + 59 - (40 - m)), "the blob in the hole is paper");
        assertTrue(out.get(pad + 61 - (60 - m), pad + 59 - (40 - m)) < 128, "the ring is ink");
        // nothing left out: no second cut-out
        CellInk.Ink clean = new CellInk.Ink(ring.size(), new Rectangle(60, 40, 24, 40), List.of(new int[] {40, 79}), List.of(pieces.get(0)));
        assertNull(reader.figureOnly(clean, new Rectangle(10, 10, 180, 100), pad, 1.0, 200));
    }

    private static CellInk.Piece piece(Rectangle box, List<Integer> pixels) {
        int[] p = new int[pixels.size()];
        for (int i = 0; i < p.length; i++) p[i] = pixels.get(i);
        return new CellInk.Piece(box, p);
    }
}
