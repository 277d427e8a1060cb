package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigitShapesTest {
    static final int W = 20;
    static final int H = 30;

    /** An outlined ellipse, strokes about {@code t} pixels thick: a 0. */
    static boolean[] ring(int w, int h, double t) {
        boolean[] px = new boolean[w * h];
        double a = (w - 1) / 2.0, b = (h - 1) / 2.0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double outer = sq((x - a) / a) + sq((y - b) / b);
                double inner = sq((x - a) / (a - t)) + sq((y - b) / (b - t));
                px[y * w + x] = outer <= 1 && inner >= 1;
            }
        }
        return px;
    }

    /** Two rings stacked: an 8. */
    static boolean[] eight(int w, int h) {
        boolean[] top = ring(w, h / 2 + 1, 3);
        boolean[] bottom = ring(w, h - h / 2, 3);
        boolean[] px = new boolean[w * h];
        for (int y = 0; y < h / 2 + 1; y++) for (int x = 0; x < w; x++) px[y * w + x] |= top[y * w + x];
        for (int y = 0; y < h - h / 2; y++) for (int x = 0; x < w; x++) px[(y + h / 2) * w + x] |= bottom[y * w + x];
        return px;
    }

    /** A vertical stroke with a foot: a 1. */
    static boolean[] one(int w, int h) {
        boolean[] px = new boolean[w * h];
        for (int y = 0; y < h; y++) for (int x = w / 2 - 2; x <= w / 2 + 1; x++) px[y * w + x] = true;
        for (int x = 3; x < w - 3; x++) for (int y = h - 3; y < h; y++) px[y * w + x] = true;
        return px;
    }

    static double sq(double v) {
        return v * v;
    }

    static DigitShapes.Glyph glyph(boolean[] px) {
        return new DigitShapes.Glyph(W, H, px);
    }

    /** The glyph with a filled square of side {@code s} at (x, y) added (a speck), growing the box if needed. */
    static DigitShapes.Glyph withSpeck(boolean[] px, int x0, int y0, int s) {
        int w = Math.max(W, x0 + s);
        int h = Math.max(H, y0 + s);
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) out[y * w + x] = px[y * W + x];
        for (int y = y0; y < y0 + s; y++) for (int x = x0; x < x0 + s; x++) out[y * w + x] = true;
        return new DigitShapes.Glyph(w, h, out);
    }

    static DigitShapes taught() {
        DigitShapes s = new DigitShapes();
        s.learn("10", List.of(glyph(one(W, H)), glyph(ring(W, H, 3.3))));
        s.learn("0", List.of(glyph(ring(W, H, 3.4))));
        s.learn("8", List.of(glyph(eight(W, H))));
        s.learn("81", List.of(glyph(eight(W, H)), glyph(one(W, H))));
        return s;
    }

    @Test
    void aZeroWithASpeckOnItsStrokeIsStillAZero() {
        DigitShapes.Match m = taught().read(List.of(withSpeck(ring(W, H, 3), 17, 12, 4)));
        assertNotNull(m);
        assertEquals("0", m.text());
    }

    @Test
    void aZeroWithABlobInItsHoleIsNoEight() {
        DigitShapes.Match m = taught().read(List.of(withSpeck(ring(W, H, 3), 8, 13, 4)));
        assertNotNull(m);
        assertEquals("0", m.text());
    }

    @Test
    void figuresOfSeveralDigitsAreReadDigitByDigit() {
        DigitShapes.Match m = taught().read(List.of(withSpeck(one(W, H), 0, 0, 1), withSpeck(eight(W, H), 0, 29, 1), glyph(ring(W, H, 3))));
        assertNotNull(m);
        assertEquals("180", m.text());
        assertTrue(m.score() >= DigitShapes.MIN_SCORE);
    }

    @Test
    void holesAreCounted() {
        assertEquals(1, DigitShapes.holes(glyph(ring(W, H, 3))));
        assertEquals(2, DigitShapes.holes(glyph(eight(W, H))));
        assertEquals(0, DigitShapes.holes(glyph(one(W, H))));
        assertEquals(1, DigitShapes.holes(withSpeck(ring(W, H, 3), 8, 13, 4)));   // a blob in a 0's hole
    }

    @Test
    void anEightIsNoZeroWhenNoEightWasLearnt() {
        DigitShapes s = new DigitShapes();
        s.learn("10", List.of(glyph(one(W, H)), glyph(ring(W, H, 3.3))));
        assertNull(s.read(List.of(glyph(eight(W, H)))));
    }

    @Test
    void aShapeLikeNoLearntDigitIsNotRead() {
        boolean[] bar = new boolean[W * H];
        for (int y = 13; y < 17; y++) for (int x = 0; x < W; x++) bar[y * W + x] = true;
        assertNull(taught().read(List.of(glyph(bar))));
        // nothing learnt: nothing read
        assertNull(new DigitShapes().read(List.of(glyph(ring(W, H, 3)))));
        // a count has no leading zero
        assertNull(taught().read(List.of(glyph(ring(W, H, 3)), glyph(one(W, H)))));
    }

    @Test
    void onlyDigitFiguresWithOneGlyphPerDigitAreLearnt() {
        DigitShapes s = new DigitShapes();
        s.learn("12", List.of(glyph(one(W, H))));          // two digits, one glyph (touching): not learnt
        s.learn("1.5", List.of(glyph(one(W, H))));
        assertEquals(0, s.digitsKnown());
        s.learn("1", List.of(glyph(one(W, H))));
        assertEquals(1, s.digitsKnown());
    }
}
