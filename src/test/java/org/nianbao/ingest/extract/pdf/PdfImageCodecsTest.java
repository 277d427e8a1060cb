package org.nianbao.ingest.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** Scanned PDFs often store their pages as JPEG 2000 or JBIG2: both decoders must be on the class path. */
class PdfImageCodecsTest {
    @Test
    void jpeg2000PageImagesDecodeWhenRendered() throws Exception {
        BufferedImage scan = TestPdfs.pictureOfText(400, 560, "政府信息公开");
        ByteArrayOutputStream jp2 = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(scan, "jpeg2000", jp2), "a JPEG 2000 writer is available");
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(400, 560));
            doc.addPage(page);
            org.apache.pdfbox.cos.COSStream raw = doc.getDocument().createCOSStream();
            try (java.io.OutputStream out = raw.createRawOutputStream()) {
                out.write(jp2.toByteArray()); // already JPEG 2000: stored as is
            }
            raw.setItem(COSName.FILTER, COSName.JPX_DECODE);
            PDImageXObject img = new PDImageXObject(new PDStream(raw), null);
            img.setWidth(400);
            img.setHeight(560);
            img.setBitsPerComponent(8);
            img.setColorSpace(PDDeviceGray.INSTANCE);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(img, 0, 0, 400, 560);
            }
            pdf = TestPdfs.save(doc);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage r = new PDFRenderer(doc).renderImageWithDPI(0, 72, ImageType.GRAY);
            int dark = 0;
            for (int y = 0; y < r.getHeight(); y++) for (int x = 0; x < r.getWidth(); x++) if ((r.getRGB(x, y) & 0xFF) < 100) dark++;
            assertTrue(dark > 500, "the JPEG 2000 page image was decoded (" + dark + " dark pixels)");
            assertTrue(PdfPageAnalysis.of(doc, 0).decision().ocr());
        }
    }

    @Test
    void jbig2DecoderIsRegistered() {
        assertTrue(ImageIO.getImageReadersByFormatName("jbig2").hasNext());
    }
}
