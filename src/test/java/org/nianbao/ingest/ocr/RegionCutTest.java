package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

class RegionCutTest {
    /** A page whose every pixel tells where it is: value = (x + 7y) mod 256. */
    private static GrayImage page(int w, int h) {
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = (byte) (x + 7 * y);
        return new GrayImage(w, h, px);
    }

    @Test
    void cutsTheRegionWithItsMarginAndKeepsThePixels() {
        GrayImage p = page(200, 100);
        RegionCut cut = RegionCut.of(p, new Rectangle(50, 40, 30, 10), 8);
        assertEquals(new Rectangle(0, 0, 46, 26), new Rectangle(0, 0, cut.image().width(), cut.image().height()));
        assertEquals(42, cut.dx());
        assertEquals(32, cut.dy());
        assertEquals(new Rectangle(8, 8, 30, 10), cut.region());
        for (int y = 0; y < cut.image().height(); y++) {
            for (int x = 0; x < cut.image().width(); x++) assertEquals(p.get(x + 42, y + 32), cut.image().get(x, y));
        }
    }

    @Test
    void marginStopsAtThePageEdgeAndRegionIsClipped() {
        GrayImage p = page(200, 100);
        RegionCut cut = RegionCut.of(p, new Rectangle(-20, 90, 60, 30), 8);
        assertEquals(0, cut.dx());
        assertEquals(82, cut.dy());
        assertEquals(48, cut.image().width());   // 0..40 plus the right margin
        assertEquals(18, cut.image().height());  // 82..100
        assertEquals(new Rectangle(0, 8, 40, 10), cut.region());
        assertEquals(p.get(47, 99), cut.image().get(47, 17));
    }

    @Test
    void regionOffThePageGivesNothing() {
        assertNull(RegionCut.of(page(50, 50), new Rectangle(60, 10, 20, 20), 8));
        assertNull(RegionCut.of(page(50, 50), new Rectangle(10, 10, 0, 20), 8));
    }

    @Test
    void regionCoveringThePageSendsThePageItself() {
        GrayImage p = page(40, 30);
        RegionCut cut = RegionCut.of(p, new Rectangle(2, 2, 36, 26), 8);
        assertSame(p, cut.image());
        assertEquals(new Rectangle(2, 2, 36, 26), cut.region());
        OcrResult r = result(new Box(5, 6, 7, 8));
        assertSame(r, cut.toPage(r));
    }

    @Test
    void boxesAreShiftedBackOntoThePage() {
        RegionCut cut = RegionCut.of(page(300, 300), new Rectangle(100, 200, 50, 20), 8);
        OcrResult read = result(new Box(10, 9, 20, 12));
        OcrResult onPage = cut.toPage(read);
        Line l = onPage.lines().get(0);
        assertEquals(new Box(102, 201, 20, 12), l.box());
        assertEquals(new Box(102, 201, 10, 12), l.words().get(0).box());
        assertEquals(new Box(112, 201, 10, 12), l.words().get(1).box());
        assertEquals(read.text(), onPage.text());
        assertEquals(read.confidence(), onPage.confidence());
        assertEquals(l.words().get(1).confidence(), 80.0);
    }

    @Test
    void tesseractsNoBoxStaysNoBox() {
        RegionCut cut = RegionCut.of(page(300, 300), new Rectangle(100, 200, 50, 20), 8);
        Box none = new Box(0, 0, 0, 0);
        OcrResult onPage = cut.toPage(new OcrResult(List.of(new OcrResult.Paragraph(List.of(
                new Line("x", none, 50, List.of(new Word("x", none, 50)))))), 50, 1));
        assertEquals(none, onPage.lines().get(0).box());
        assertEquals(none, onPage.lines().get(0).words().get(0).box());
    }

    private static OcrResult result(Box line) {
        Word a = new Word("信息", new Box(line.x(), line.y(), 10, line.height()), 90);
        Word b = new Word("公开", new Box(line.x() + 10, line.y(), 10, line.height()), 80);
        return new OcrResult(List.of(new OcrResult.Paragraph(List.of(new Line("信息公开", line, 85, List.of(a, b))))), 85, 3);
    }
}
