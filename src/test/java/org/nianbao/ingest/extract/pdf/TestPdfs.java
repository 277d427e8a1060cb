package org.nianbao.ingest.extract.pdf;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Small PDFs built with PDFBox for tests: a text page, a scanned page, a page whose font lost its Unicode map. */
public final class TestPdfs {
    public static final String ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    private static TrueTypeFont ttf;

    private TestPdfs() { }

    static synchronized PDFont font(PDDocument doc) throws IOException {
        if (ttf == null) {
            TrueTypeCollection ttc = new TrueTypeCollection(new File(ZENHEI));
            ttf = ttc.getFontByName("WenQuanYiZenHei");
        }
        return PDType0Font.load(doc, ttf, true);
    }

    /** Writes lines of text (top to bottom, 12 pt, 20 pt apart, left margin 72) on A4 pages, one list per page. */
    public static byte[] textPdf(List<List<String>> pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = font(doc);
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = page.getMediaBox().getHeight() - 72;
                    for (String line : lines) {
                        float x = 72;
                        String t = line;
                        if (t.startsWith("  ")) { // indent marker: two ideographic spaces' worth
                            x += 24;
                            t = t.strip();
                        }
                        cs.beginText();
                        cs.setFont(font, 12);
                        cs.newLineAtOffset(x, y);
                        cs.showText(t);
                        cs.endText();
                        y -= 20;
                    }
                }
            }
            return save(doc);
        }
    }

    /** A page that is one picture of text (a scan), no text layer. */
    public static byte[] imagePdf(BufferedImage scan) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject img = LosslessFactory.createFromImage(doc, scan);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(img, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            return save(doc);
        }
    }

    /** The text PDF with the fonts' ToUnicode maps removed: the glyphs are there, their meaning is gone. */
    public static byte[] withoutUnicodeMaps(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    res.getFont(name).getCOSObject().removeItem(COSName.TO_UNICODE);
                }
            }
            return save(doc);
        }
    }

    /** A grey picture of Chinese text, a stand-in for a scanned page (not read by OCR in unit tests). */
    public static BufferedImage pictureOfText(int width, int height, String text) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font("WenQuanYi Zen Hei", Font.PLAIN, Math.max(12, height / 30)));
        int y = height / 10;
        for (int i = 0; i < 10; i++) {
            g.drawString(text, width / 10, y);
            y += height / 15;
        }
        g.dispose();
        return img;
    }

    public static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }
}
