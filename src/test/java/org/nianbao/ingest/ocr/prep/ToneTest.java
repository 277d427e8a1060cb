package org.nianbao.ingest.ocr.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;

class ToneTest {
    @Test
    void gammaDarkensMidGreysAndKeepsPaperAndInk() {
        GrayImage img = new GrayImage(3, 1, new byte[] {0, (byte) 128, (byte) 255});
        GrayImage out = Tone.gamma(img, 1.6);
        assertEquals(0, out.get(0, 0));
        assertEquals(255, out.get(2, 0));
        assertTrue(out.get(1, 0) < 90, "mid grey darkened: " + out.get(1, 0));
        assertEquals(128, img.get(1, 0), "the page given is left as it was");
    }

    /** A 100-pixel page: {@code white} pixels at 255, {@code grey} at 128, the rest black. */
    private static GrayImage page(int white, int grey) {
        byte[] px = new byte[100];
        for (int i = 0; i < white; i++) px[i] = (byte) 255;
        for (int i = white; i < white + grey; i++) px[i] = (byte) 128;
        return new GrayImage(10, 10, px);
    }

    @Test
    void onlyGreyPagesWithPaperLiftedToWhiteAreDocumentMode() {
        assertTrue(Tone.paperLiftedToWhite(Binarize.histogram(page(90, 6))), "document mode: white paper, grey stroke edges");
        assertFalse(Tone.paperLiftedToWhite(Binarize.histogram(page(95, 0))), "bilevel (G4 TIFF): no grey");
        byte[] px = new byte[100];
        java.util.Arrays.fill(px, (byte) 230);
        assertFalse(Tone.paperLiftedToWhite(Binarize.histogram(new GrayImage(10, 10, px))), "a grey scan: paper of some grey");
        assertFalse(Tone.paperLiftedToWhite(Binarize.histogram(page(30, 60))), "mostly grey");
    }

    @Test
    void gammaOneIsThePageItself() {
        GrayImage img = new GrayImage(1, 1, new byte[] {7});
        assertSame(img, Tone.gamma(img, 1));
    }
}
