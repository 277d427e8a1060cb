package org.nianbao.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
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

    private static final double PX_PER_MM = 300 / 25.4;

    private static int mm(double v) {
        return (int) Math.round(v * PX_PER_MM);
    }

    /**
     * A 300 dpi colour page: a red 红头 heading of eight large "characters" (bars) and a red rule under it,
     * black print lines, a red ring seal 42 mm across (ring, star, ring text) stamped over the print, and an
     * oval seal 40 × 30 mm on bare paper. Red ink is multiplied into the page like real ink.
     */
    @Test
    void onlySealsAreDroppedRedHeadingsAndRulesStayPrint() {
        int w = mm(152);
        int h = mm(100);
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(246, 236, 205));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(30, 30, 34));
        for (int i = 0; i < 6; i++) g.fillRect(mm(15), mm(50 + i * 6), mm(60), mm(1.2));   // print lines
        g.dispose();

        BufferedImage red = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D r = red.createGraphics();
        r.setColor(Color.WHITE);
        for (int c = 0; c < 8; c++) {   // heading: 12 mm characters 3 mm apart, strokes 2 mm thick
            int x = mm(12 + c * 15);
            r.fillRect(x, mm(10), mm(12), mm(2));
            r.fillRect(x, mm(16), mm(12), mm(2));
            r.fillRect(x + mm(5), mm(10), mm(2), mm(12));
        }
        r.fillRect(mm(10), mm(28), mm(130), mm(1));                                        // the red rule
        r.setStroke(new BasicStroke(mm(1.3)));
        r.draw(new Ellipse2D.Double(mm(25), mm(45), mm(42), mm(42)));                      // round seal's ring
        r.fillRect(mm(43), mm(61), mm(6), mm(6));                                           // its star
        for (int i = 0; i < 5; i++) r.fillRect(mm(32 + i * 6), mm(50), mm(4), mm(4));        // its ring text
        r.draw(new Ellipse2D.Double(mm(95), mm(50), mm(40), mm(30)));                      // oval seal's ring
        r.dispose();
        byte[] cov = ((java.awt.image.DataBufferByte) red.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (cov[y * w + x] == 0) continue;
                int v = page.getRGB(x, y);
                page.setRGB(x, y, rgb((v >> 16 & 0xFF) * 210 / 255, (v >> 8 & 0xFF) * 40 / 255, (v & 0xFF) * 45 / 255));
            }
        }

        GrayImage out = ColourScans.toGray(page, 300);
        assertTrue(out.get(mm(13), mm(11)) < 130, "red heading stroke read as print: " + out.get(mm(13), mm(11)));
        assertTrue(out.get(mm(12 + 7 * 15 + 6), mm(20)) < 130, "last heading character too");
        assertTrue(out.get(mm(100), mm(28.5)) < 130, "red rule read as print: " + out.get(mm(100), mm(28.5)));
        assertTrue(out.get(mm(46), mm(45.6)) > 230, "round seal's ring dropped: " + out.get(mm(46), mm(45.6)));
        assertTrue(out.get(mm(46), mm(65)) > 230, "its star dropped: " + out.get(mm(46), mm(65)));
        assertTrue(out.get(mm(115), mm(50.6)) > 230, "oval seal's ring dropped: " + out.get(mm(115), mm(50.6)));
        assertTrue(out.get(mm(34), mm(50.6)) < 70, "print under the seal's text stays dark: " + out.get(mm(34), mm(50.6)));
        assertTrue(out.get(mm(46), mm(62.6)) < 70, "print under the star stays dark: " + out.get(mm(46), mm(62.6)));
        assertTrue(out.get(mm(20), mm(74.6)) < 70, "print beside the seal stays dark");
    }
}
