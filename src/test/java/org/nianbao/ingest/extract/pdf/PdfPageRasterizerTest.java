package org.nianbao.ingest.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class PdfPageRasterizerTest {
    private static final long LIMIT = 200_000_000L;

    /** A4 scan of {@code dpi}: the picture's pixels are A4 at that resolution. */
    private static byte[] scanAt(int dpi) throws Exception {
        int w = (int) Math.round(595.28 / 72 * dpi);
        int h = (int) Math.round(841.89 / 72 * dpi);
        return TestPdfs.imagePdf(new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY));
    }

    /**
     * Every scan is rendered at 300 dpi, a 200 dpi one too: rendering it at its own resolution and
     * resampling bilinearly was measured worse (docs/ocr.md) and deleted.
     */
    @Test
    void everyScanIsRenderedAt300() throws Exception {
        for (int dpi : new int[] {150, 200, 300, 600}) {
            try (PDDocument doc = Loader.loadPDF(scanAt(dpi))) {
                PdfPageAnalysis a = PdfPageAnalysis.of(doc, 0);
                assertEquals(300, PdfPageRasterizer.dpiFor(a.geometry(), LIMIT), dpi + " dpi scan");
            }
        }
    }

    @Test
    void aHugePageIsRenderedCoarserToStayUnderThePixelLimit() {
        PageGeometry a0 = new PageGeometry(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A0));
        int dpi = PdfPageRasterizer.dpiFor(a0, 20_000_000L);
        assertTrue(dpi < 300 && dpi >= 50, "A0 under 20 Mpx: " + dpi);
        double px = a0.width() / 72.0 * dpi * (a0.height() / 72.0 * dpi);
        assertTrue(px <= 20_000_000L, px + " pixels");
    }
}
