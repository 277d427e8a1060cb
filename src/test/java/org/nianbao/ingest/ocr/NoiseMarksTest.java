package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.prep.Despeckle;

class NoiseMarksTest {
    @Test
    void lowConfidenceLoneMarksAreDroppedRealOnesKept() {
        Line l = new Line("公开. 工作。", new Box(0, 0, 300, 40), 80, List.of(
                new Word("公开", new Box(0, 0, 80, 40), 95),
                new Word(".", new Box(85, 30, 5, 5), 20),      // dust
                new Word("工作", new Box(100, 0, 80, 40), 93),
                new Word("。", new Box(182, 25, 12, 12), 90)));  // a real full stop
        OcrResult r = NoiseMarks.drop(new OcrResult(List.of(new OcrResult.Paragraph(List.of(l))), 90, 1));
        assertEquals("公开工作。", r.text());
    }

    @Test
    void isolatedSpecksGoCharactersStay() {
        int w = 200, h = 100;
        byte[] px = new byte[w * h];
        java.util.Arrays.fill(px, (byte) 255);
        px[10 * w + 10] = 0;                                   // a one-pixel speck far from anything
        for (int y = 40; y < 60; y++) for (int x = 40; x < 70; x++) px[y * w + x] = 0;   // a character-sized blot
        px[50 * w + 73] = 0;                                   // a speck touching the character's neighbourhood
        Despeckle.Result d = Despeckle.clean(new org.nianbao.ingest.ocr.GrayImage(w, h, px), 300);
        assertEquals(1, d.removed());
        assertEquals(255, d.image().get(10, 10));
        assertEquals(0, d.image().get(73, 50));
        assertEquals(0, d.image().get(50, 50));
    }
}
