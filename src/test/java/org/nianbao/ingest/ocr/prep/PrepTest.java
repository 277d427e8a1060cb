package org.nianbao.ingest.ocr.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.testkit.Corpus;
import org.nianbao.ingest.ocr.testkit.ScanMaker;

class PrepTest {
    private static GrayImage page(double skew) {
        ScanMaker.Scan s = ScanMaker.page(List.of(Corpus.fullWidth("2023年,本局认真贯彻落实《中华人民共和国政府信息公开条例》,全面推进政务公开工作,进一步提高了政府工作的透明度。").repeat(6)),
                150, "WenQuanYi Zen Hei", 12);
        return GrayImage.of(skew == 0 ? s.image() : ScanMaker.rotate(s.image(), skew));
    }

    @Test
    void skewIsMeasured() {
        assertEquals(0, Skew.estimate(page(0), 150), 0.15);
        assertEquals(1.5, Skew.estimate(page(1.5), 150), 0.2);
        assertEquals(-2.0, Skew.estimate(page(-2.0), 150), 0.2);
    }

    @Test
    void aBlankPageHasNoSkew() {
        byte[] px = new byte[400 * 300];
        Arrays.fill(px, (byte) 255);
        assertEquals(0, Skew.estimate(new GrayImage(400, 300, px), 150));
    }

    /** A 600x400 page with a ruled 2x2 table (rules 2 px) and a short bar of "text" strokes. */
    private static GrayImage ruled() {
        int w = 600, h = 400;
        byte[] px = new byte[w * h];
        Arrays.fill(px, (byte) 255);
        for (int y : new int[]{50, 200, 350}) for (int t = 0; t < 2; t++) for (int x = 50; x <= 550; x++) px[(y + t) * w + x] = 0;
        for (int x : new int[]{50, 300, 550}) for (int t = 0; t < 2; t++) for (int y = 50; y <= 351; y++) px[y * w + x + t] = 0;
        for (int y = 100; y < 110; y++) for (int x = 80; x < 130; x++) px[y * w + x] = 0; // a character-sized blob
        return new GrayImage(w, h, px);
    }

    @Test
    void rulingsAreFoundAndCharactersAreNot() {
        List<ImageRulings.Segment> segs = ImageRulings.find(ruled(), 200);
        long horizontal = segs.stream().filter(ImageRulings.Segment::horizontal).count();
        assertEquals(3, horizontal, segs.toString());
        assertEquals(3, segs.size() - horizontal, segs.toString());
        GrayImage clean = ImageRulings.erase(ruled(), segs);
        assertEquals(255, clean.get(300, 201));
        assertEquals(0, clean.get(100, 105)); // the blob is untouched
    }

    @Test
    void quarterTurnsMapPointsExactly() {
        byte[] px = new byte[4 * 2];
        Arrays.fill(px, (byte) 255);
        px[0] = 0; // top-left pixel of a 4x2 image
        GrayImage img = new GrayImage(4, 2, px);
        Transforms.Transformed t = Transforms.quarterTurn(img, 90);
        assertEquals(2, t.image().width());
        assertEquals(4, t.image().height());
        assertEquals(0, t.image().get(1, 0)); // turned clockwise: the top-left corner goes to the top-right
        Point2D p = t.toImage().transform(new Point2D.Double(0.5, 0.5), null);
        assertEquals(1.5, p.getX(), 1e-9);
        assertEquals(0.5, p.getY(), 1e-9);
        Transforms.Transformed u = Transforms.quarterTurn(img, 180);
        assertEquals(0, u.image().get(3, 1));
    }

    @Test
    void scalingKeepsInkAndMapsCoordinates() {
        GrayImage img = ruled();
        Transforms.Transformed half = Transforms.scale(img, 0.5);
        assertEquals(300, half.image().width());
        assertTrue(half.image().get(50, 52) < 200);
        Transforms.Transformed dbl = Transforms.scale(img, 2);
        assertEquals(1200, dbl.image().width());
        assertEquals(200, dbl.toImage().transform(new Point2D.Double(100, 50), null).getX(), 1e-9);
    }

    @Test
    void enlargingByRepeatingPixelsKeepsEdgesHard() {
        // a black/white edge: bilinear makes greys between, repeated pixels only black and white
        byte[] px = new byte[4 * 4];
        for (int y = 0; y < 4; y++) for (int x = 2; x < 4; x++) px[y * 4 + x] = (byte) 255;
        GrayImage edge = new GrayImage(4, 4, px);
        Transforms.Transformed hard = Transforms.scale(edge, 1.5, true);
        assertEquals(6, hard.image().width());
        for (byte b : hard.image().pixels()) assertTrue(b == 0 || b == (byte) 255, "only the source's values");
        boolean grey = false;
        for (byte b : Transforms.scale(edge, 1.5, false).image().pixels()) grey |= b != 0 && b != (byte) 255;
        assertTrue(grey, "bilinear blends the edge");
    }

    @Test
    void textLineHeightIsEstimated() {
        GrayImage img = page(0); // 12 pt at 150 dpi: lines about 25 px high
        int h = TextSize.lineHeight(img);
        assertTrue(h >= 18 && h <= 32, "line height " + h);
    }

    @Test
    void smallRotationsStraightenAndMapLikeTheirTransform() {
        GrayImage skewed = page(1.5);
        Transforms.Transformed t = Transforms.rotateSmall(skewed, -1.5);
        assertEquals(0, Skew.estimate(t.image(), 150), 0.15);
        // a dark dot lands where the transform says
        int w = 300, h = 200;
        byte[] px = new byte[w * h];
        Arrays.fill(px, (byte) 255);
        for (int y = 40; y < 46; y++) for (int x = 250; x < 256; x++) px[y * w + x] = 0;
        Transforms.Transformed r = Transforms.rotateSmall(new GrayImage(w, h, px), 3);
        Point2D c = r.toImage().transform(new Point2D.Double(253, 43), null);
        assertTrue(r.image().get((int) c.getX(), (int) c.getY()) < 60, "dot at " + c);
        assertEquals(255, r.image().get(0, 0)); // a corner that came into view is paper white
    }
}
