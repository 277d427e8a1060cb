package org.nianbao.ingest.ocr.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void gammaOneIsThePageItself() {
        GrayImage img = new GrayImage(1, 1, new byte[] {7});
        assertSame(img, Tone.gamma(img, 1));
    }
}
