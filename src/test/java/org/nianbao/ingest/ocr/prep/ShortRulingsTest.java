package org.nianbao.ingest.ocr.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * Column rules that run across one row only (a table whose rows are interrupted by a full-width row)
 * are shorter than a long rule; they count when both ends meet long rules, and a stroke of the same
 * length standing free does not.
 */
class ShortRulingsTest {
    @Test
    void aShortRuleBetweenTwoLongOnesIsFoundAndAFreeStrokeIsNot() {
        int w = 900, h = 500;
        byte[] px = new byte[w * h];
        Arrays.fill(px, (byte) 255);
        // long horizontal rules at y 50, 110, 300 from x 50 to 850; long verticals at the table's sides
        for (int y : new int[]{50, 110, 300}) for (int t = 0; t < 2; t++) for (int x = 50; x <= 850; x++) px[(y + t) * w + x] = 0;
        for (int x : new int[]{50, 850}) for (int t = 0; t < 2; t++) for (int y = 50; y <= 301; y++) px[y * w + x + t] = 0;
        // a column rule in the first row only (60 px = 0.2 inch at 300 dpi, below the 0.6 inch of a long rule)
        for (int t = 0; t < 2; t++) for (int y = 50; y <= 111; y++) px[y * w + 400 + t] = 0;
        // a free-standing vertical stroke of the same length below the table
        for (int t = 0; t < 2; t++) for (int y = 380; y <= 441; y++) px[y * w + 400 + t] = 0;
        List<ImageRulings.Segment> segs = ImageRulings.find(new GrayImage(w, h, px), 300);
        List<ImageRulings.Segment> vertical = segs.stream().filter(s -> !s.horizontal()).toList();
        assertEquals(3, vertical.size(), vertical.toString());
        assertEquals(1, vertical.stream().filter(s -> Math.abs(s.x0() - 400) <= 1 && s.y1() < 200).count(), vertical.toString());
    }
}
