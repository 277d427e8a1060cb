package org.nianbao.ingest.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.IdentityHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.extract.ColourScans;

/** Colour scan pages are rendered in colour for {@link ColourScans}; grey scans stay grey. */
class ColourScanPagesTest {
    private static final long LIMIT = 200_000_000L;

    private static BufferedImage page(int type) {
        BufferedImage img = new BufferedImage(120, 170, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(245, 236, 205));
        g.fillRect(0, 0, 120, 170);
        g.setColor(Color.BLACK);
        g.fillRect(20, 40, 80, 6);
        g.dispose();
        return img;
    }

    @Test
    void aColourScanIsRenderedInColourOnlyForOcr() throws Exception {
        try (PDDocument doc = Loader.loadPDF(TestPdfs.imagePdf(page(BufferedImage.TYPE_INT_RGB)))) {
            PDPage p = doc.getPage(0);
            assertTrue(PdfPageRasterizer.hasColourImage(p.getResources(), 0, new IdentityHashMap<>()));
            BufferedImage forOcr = PdfPageRasterizer.render(new PDFRenderer(doc), p, 0, 72, LIMIT, true);
            assertTrue(ColourScans.isColour(forOcr));
            BufferedImage other = PdfPageRasterizer.render(new PDFRenderer(doc), p, 0, 72, LIMIT);
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, other.getType(), "pictures on text pages: grey as before");
        }
    }

    @Test
    void aGreyScanStaysGrey() throws Exception {
        try (PDDocument doc = Loader.loadPDF(TestPdfs.imagePdf(page(BufferedImage.TYPE_BYTE_GRAY)))) {
            PDPage p = doc.getPage(0);
            assertFalse(PdfPageRasterizer.hasColourImage(p.getResources(), 0, new IdentityHashMap<>()));
            BufferedImage forOcr = PdfPageRasterizer.render(new PDFRenderer(doc), p, 0, 72, LIMIT, true);
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, forOcr.getType());
            assertFalse(ColourScans.isColour(forOcr));
        }
    }
}
