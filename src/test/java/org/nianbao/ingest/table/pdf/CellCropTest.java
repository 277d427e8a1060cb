package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;

class CellCropTest {
    @Test
    void theInnerAreaStaysClearOfTheRules() {
        assertEquals(new Rectangle(109, 209, 282, 82), CellCrop.inner(100.2, 200.4, 299.6, 99.4, 8));
        assertNull(CellCrop.inner(0, 0, 10, 10, 4));
        // a 3-pixel rule at 300 dpi: half of it, the eraser's two pixels and three more
        assertEquals(6, CellCrop.inset(3, 1));
    }

    @Test
    void aCutOutHasAWhiteMarginAndWhitePaper() {
        byte[] p = new byte[20 * 10];
        Arrays.fill(p, (byte) 200);
        p[5 * 20 + 5] = 10;
        GrayImage img = new GrayImage(20, 10, p);
        GrayImage c = CellCrop.padded(img, new Rectangle(5, 5, 2, 2), 3, 180);
        assertEquals(8, c.width());
        assertEquals(8, c.height());
        assertEquals(0, c.get(3, 3)); // the darkest ink made black
        assertEquals(255, c.get(4, 3)); // paper at 200 lifted to white
        assertEquals(255, c.get(0, 0));
    }

    @Test
    void aVerticalLabelIsSetSideBySide() {
        byte[] p = new byte[10 * 30];
        Arrays.fill(p, (byte) 255);
        // three "characters" 4x4 at y 2, 12, 22, x 3..6, each a different grey
        int[] tone = {10, 50, 90};
        for (int i = 0; i < 3; i++) for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) p[(2 + 10 * i + y) * 10 + 3 + x] = (byte) tone[i];
        GrayImage img = new GrayImage(10, 30, p);
        List<int[]> lines = List.of(new int[]{2, 5, 3, 6}, new int[]{12, 15, 3, 6}, new int[]{22, 25, 3, 6});
        GrayImage strip = CellCrop.sideBySide(img, lines, 2, 1, 250);
        assertEquals(1 + 4 + 2 + 4 + 2 + 4 + 1, strip.width());
        assertEquals(6, strip.height());
        assertEquals(10, strip.get(1, 1));
        assertEquals(50, strip.get(7, 1));
        assertEquals(90, strip.get(13, 4));
        assertEquals(255, strip.get(5, 1)); // the gap
    }
    @Test
    void onWhitePaperTheLiftIsHalfwayToWhiteOnNoisyGreyPaperLower() {
        byte[] p = new byte[100 * 100];
        Arrays.fill(p, (byte) 255);
        for (int i = 0; i < 1000; i++) p[i * 5] = 0;
        assertEquals(100 + 155 / 2, CellCrop.liftLevel(new GrayImage(100, 100, p), 100));
        byte[] q = new byte[100 * 100];
        for (int i = 0; i < q.length; i++) q[i] = (byte) (200 + i % 50); // paper spread evenly over 200..249
        for (int i = 0; i < 1000; i++) q[i * 7] = 20;
        int lift = CellCrop.liftLevel(new GrayImage(100, 100, q), 190); // halfway would be 222
        assertTrue(lift >= 205 && lift <= 215, "lift " + lift); // the darkest fifth of the paper stays, the rest is white
        // never at or below the threshold: ink is never lifted
        byte[] r = new byte[100];
        Arrays.fill(r, (byte) 151);
        assertEquals(151, CellCrop.liftLevel(new GrayImage(10, 10, r), 150)); // above the threshold
    }

    @Test
    void aCutOutRepeatedSideBySide() {
        byte[] px = new byte[3 * 2];
        Arrays.fill(px, (byte) 255);
        px[0] = 0;          // top-left dark
        px[5] = 10;         // bottom-right
        GrayImage one = new GrayImage(3, 2, px);
        GrayImage three = CellCrop.repeated(one, 3, 2);
        assertEquals(3 * 3 + 2 * 2, three.width());
        assertEquals(2, three.height());
        for (int c = 0; c < 3; c++) {
            assertEquals(0, three.get(c * 5, 0));
            assertEquals(10, three.get(c * 5 + 2, 1));
            assertEquals(255, three.get(c * 5 + 1, 0));
        }
        assertEquals(255, three.get(3, 0));  // the gap is paper
        assertEquals(255, three.get(4, 1));
    }

    @Test
    void blackAndWhiteSplitsHalfwayBetweenTheDarkestInkAndWhite() {
        GrayImage g = new GrayImage(4, 1, new byte[]{(byte) 100, (byte) 170, (byte) 180, (byte) 250});
        GrayImage bw = CellCrop.blackAndWhite(g);   // level 177
        assertEquals(0, bw.get(0, 0));
        assertEquals(0, bw.get(1, 0));
        assertEquals(255, bw.get(2, 0));
        assertEquals(255, bw.get(3, 0));
    }
}
