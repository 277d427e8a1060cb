package org.nianbao.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;

class ColourScansTest {

    private static int rgb(int r, int g, int b) {
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    @Test
    void redSealInkTurnsLightWhilePrintAndPaperKeepTheirGrey() {
        // seal ink multiplied into yellowed paper: plain luminance would be 86, as dark as print
        assertTrue(ColourScans.grey(rgb(210, 40, 45)) >= 200, "seal ink is dropped");
        // black print, also under the seal (black multiplied by red is still black)
        assertTrue(ColourScans.grey(rgb(30, 30, 34)) < 40);
        assertTrue(ColourScans.grey(rgb(26, 5, 7)) < 30);
        // yellowed paper and grey are their luminance
        assertEquals(128, ColourScans.grey(rgb(128, 128, 128)));
        int paper = ColourScans.grey(rgb(246, 236, 205));
        assertTrue(Math.abs(paper - 235) <= 2, "paper stays paper: " + paper);
    }

    @Test
    void onlyColourImagesAreColour() {
        assertTrue(ColourScans.isColour(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)));
        assertFalse(ColourScans.isColour(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY)));
        assertFalse(ColourScans.isColour(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_BINARY)));
    }

    /**
     * A 300 dpi strip: paper 230 darkening to 110 at the left edge (binding shadow), show-through 8%
     * darker than the paper, and print (40) in the middle.
     */
    @Test
    void levellingWhitensShadowTintAndShowThroughButKeepsPrint() {
        int w = 900;
        int h = 300;
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double paper = 230 * (1 - 0.5 * Math.exp(-x / 60.0));
                double v = paper;
                if (x >= 300 && x < 500 && y >= 100 && y < 200) v = paper * 0.92;          // show-through
                if (x >= 600 && x < 800 && (y / 6) % 3 == 0 && (x / 6) % 3 == 0) v = 40;   // print strokes
                px[y * w + x] = (byte) Math.round(v);
            }
        }
        GrayImage out = ColourScans.level(new GrayImage(w, h, px), 300);
        assertEquals(255, out.get(400, 150), "show-through gone");
        assertEquals(255, out.get(700, 10), "tinted paper lifted to white");
        assertEquals(255, out.get(250, 150), "paper near the shadow lifted to white");
        assertTrue(out.get(40, 150) > 200, "the shadow itself mostly gone: " + out.get(40, 150));
        assertTrue(out.get(614, 2) < 70, "print stays dark: " + out.get(614, 2));
    }
}
