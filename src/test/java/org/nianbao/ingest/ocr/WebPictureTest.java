package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class WebPictureTest {
    @Test
    void onlySmallLowResolutionPicturesAreEnlarged() {
        assertEquals(400 / 150.0, WebPicture.factor(965, 1206, 150), 1e-9); // a table published as a 150 dpi PNG
        assertEquals(WebPicture.MAX_FACTOR, WebPicture.factor(800, 600, 72), 1e-9);
        assertEquals(1, WebPicture.factor(2480, 3507, 300)); // a 300 dpi page scan (the TIFF fixture)
        assertEquals(1, WebPicture.factor(1654, 2339, 200)); // a 200 dpi scan
        assertEquals(1, WebPicture.factor(3000, 4000, 96)); // a page that declares screen resolution
        assertEquals(1, WebPicture.factor(965, 740, 0)); // unknown: the page reader judges by the text lines
    }

    @Test
    void enlargedPictureReportsItsFactorAndResolution() {
        BufferedImage small = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        WebPicture.Prepared p = WebPicture.prepare(small, 150, 100_000_000L);
        assertEquals(800, p.image().getWidth());
        assertEquals(533, p.image().getHeight());
        assertEquals(400, p.dpi());
        assertEquals(800 / 300.0, p.factor(), 1e-9);
        WebPicture.Prepared capped = WebPicture.prepare(small, 150, 1000);
        assertSame(small, capped.image(), "past the pixel limit the picture is read as it is");
        assertEquals(1, capped.factor());
        assertTrue(WebPicture.prepare(new BufferedImage(2480, 3507, BufferedImage.TYPE_BYTE_GRAY), 300, 100_000_000L).factor() == 1);
    }
}
