package org.nianbao.ingest.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

class PdfPageRasterizerTest {
    private static final long LIMIT = 200_000_000L;

    /** A4 scan of {@code dpi}: the picture's pixels are A4 at that resolution. */
    private static byte[] scanAt(int dpi) throws Exception {
        int w = (int) Math.round(595.28 / 72 * dpi);
        int h = (int) Math.round(841.89 / 72 * dpi);
        return TestPdfs.imagePdf(new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY));
    }

    private static int ocrDpi(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            PdfPageAnalysis a = PdfPageAnalysis.of(doc, 0);
            return PdfPageRasterizer.ocrDpi(page, a.geometry(), a.images(), LIMIT, true);
        }
    }

    @Test
    void coarseScanIsRenderedAtItsOwnResolutionWhenAsked() throws Exception {
        assertEquals(200, ocrDpi(scanAt(200)));
        assertEquals(150, ocrDpi(scanAt(150)));
    }

    @Test
    void byDefaultEveryScanIsRenderedAt300() throws Exception {
        try (PDDocument doc = Loader.loadPDF(scanAt(200))) {
            PdfPageAnalysis a = PdfPageAnalysis.of(doc, 0);
            assertEquals(300, PdfPageRasterizer.ocrDpi(doc.getPage(0), a.geometry(), a.images(), LIMIT));
        }
    }

    @Test
    void fineScanIsRenderedAt300() throws Exception {
        assertEquals(300, ocrDpi(scanAt(300)));
        assertEquals(300, ocrDpi(scanAt(600)));
    }

    @Test
    void pageWithoutPageSizedImageIsRenderedAt300() throws Exception {
        byte[] text = TestPdfs.textPdf(List.of(List.of("政府信息公开工作年度报告")));
        assertEquals(300, ocrDpi(text));
    }

    @Test
    void resolutionDoesNotDependOnTurning() {
        assertEquals(200, PdfPageRasterizer.ppi(1654, 2339, 595.28, 841.89), 0.5);
        assertEquals(200, PdfPageRasterizer.ppi(2339, 1654, 595.28, 841.89), 0.5);
        assertEquals(0, PdfPageRasterizer.ppi(0, 10, 595.28, 841.89));
    }

    @Test
    void twoPageSizedImagesAreNotOneScan() {
        PageGeometry g = geometry();
        List<Rectangle2D> two = List.of(new Rectangle2D.Double(0, 0, 595, 842), new Rectangle2D.Double(0, 0, 595, 842));
        assertEquals(0, PdfPageRasterizer.scanResolution(new PDPage(), g, two));
    }

    private static PageGeometry geometry() {
        return new PageGeometry(new PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4));
    }
}
