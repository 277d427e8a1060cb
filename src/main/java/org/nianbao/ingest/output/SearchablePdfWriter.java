package org.nianbao.ingest.output;

import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.nianbao.ingest.extract.image.ImageFrames;
import org.nianbao.ingest.extract.image.ScanResolution;
import org.nianbao.ingest.extract.pdf.PageGeometry;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.SourceKind;

/**
 * Writes a searchable PDF (the {@code --format pdf} output): the original page images with the OCR
 * text laid over them invisibly (text render mode 3), line by line, stretched to each line's box, so
 * an archivist can search the scan and copy text out of it.
 *
 * <ul>
 *   <li>PDF input: the original file, page for page, untouched except that OCR'd pages (and OCR'd
 *       pictures on text pages) get the invisible text added; pages with a sound text layer already
 *       are searchable and stay as they are.</li>
 *   <li>Image input: one PDF page per image frame at the image's resolution (300 dpi when unknown),
 *       the image embedded losslessly (bilevel frames as CCITT G4, JPEG files as their own bytes).</li>
 * </ul>
 * The text is set in WenQuanYi Zen Hei (fonts-wqy-zenhei), embedded as a subset with a ToUnicode map;
 * characters the font lacks are left out of the layer.
 */
public final class SearchablePdfWriter {
    static final String FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    static final String FONT_NAME = "WenQuanYiZenHei";
    private static final Object FONT_LOCK = new Object();
    private static TrueTypeFont cachedFont;

    private SearchablePdfWriter() { }

    /** Whether a document can become a searchable PDF: it must come from page images (PDF or image). */
    public static boolean canWrite(Document doc) {
        return doc.kind() == SourceKind.PDF || doc.kind() == SourceKind.IMAGE;
    }

    public static void write(Document doc, Path sourceFile, Path out) throws IOException {
        if (!canWrite(doc)) throw new IOException("a searchable PDF is made from PDF and image inputs only, not " + doc.kind());
        // FontBox reads glyphs lazily and is not thread-safe: one document at a time uses the shared font
        synchronized (FONT_LOCK) {
            if (doc.kind() == SourceKind.PDF) writeFromPdf(doc, sourceFile, out);
            else writeFromImages(doc, sourceFile, out);
        }
    }

    private static void writeFromPdf(Document doc, Path source, Path out) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(source.toFile(), "")) {
            PDType0Font font = font(pdf);
            for (Page page : doc.pages()) {
                int index = page.number() - 1;
                if (index < 0 || index >= pdf.getNumberOfPages()) continue;
                List<Line> lines = ocrLines(page, false);
                if (lines.isEmpty()) continue;
                PDPage p = pdf.getPage(index);
                AffineTransform toUser = inverse(new PageGeometry(p).userToPage());
                try (PDPageContentStream cs = new PDPageContentStream(pdf, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    drawLines(cs, font, lines, toUser);
                }
            }
            pdf.setAllSecurityToBeRemoved(true);
            save(pdf, out);
        }
    }

    private static void writeFromImages(Document doc, Path source, Path out) throws IOException {
        if (Files.isDirectory(source)) {
            writeFromPageFiles(doc, source, out);
            return;
        }
        byte[] original = Files.readAllBytes(source);
        boolean jpeg = original.length > 3 && (original[0] & 0xFF) == 0xFF && (original[1] & 0xFF) == 0xD8;
        try (PDDocument pdf = new PDDocument();
             InputStream in = Files.newInputStream(source);
             ImageFrames frames = ImageFrames.open(in)) {
            PDType0Font font = font(pdf);
            for (Page page : doc.pages()) {
                int index = page.number() - 1;
                if (!frames.has(index)) break;
                addImagePage(pdf, font, page, frames, index, jpeg && index == 0 ? original : null);
            }
            save(pdf, out);
        } catch (ImageFrames.Unsupported e) {
            throw new IOException("the image cannot be decoded again: " + e.getMessage(), e);
        }
    }

    /**
     * A document read from a folder of page files (its pages name their files): each page from its own
     * file and frame. A page whose file cannot be decoded again (it failed when read) is left out.
     */
    private static void writeFromPageFiles(Document doc, Path folder, Path out) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDType0Font font = font(pdf);
            for (Page page : doc.pages()) {
                var at = org.nianbao.ingest.extract.image.PageSet.locate(doc, folder, page.number());
                if (at.isEmpty()) continue;
                Path file = at.get().file();
                int index = at.get().frame();
                try (InputStream in = Files.newInputStream(file);
                     ImageFrames frames = ImageFrames.open(in)) {
                    if (!frames.has(index)) continue;
                    byte[] jpegBytes = null;
                    if (index == 0 && "JPEG".equals(frames.format())) jpegBytes = Files.readAllBytes(file);
                    addImagePage(pdf, font, page, frames, index, jpegBytes);
                } catch (ImageFrames.Unsupported | IOException | RuntimeException e) {
                    // this page's file was damaged when it was read too: its page failed then, and is left out
                }
            }
            save(pdf, out);
        }
    }

    /** One image page with its invisible text; {@code jpeg} are the original bytes when they can be embedded as they are. */
    private static void addImagePage(PDDocument pdf, PDType0Font font, Page page, ImageFrames frames, int index, byte[] jpeg)
            throws IOException {
        ImageFrames.Header h = frames.header(index);
        int dpi = ScanResolution.of(h.width(), h.height(), h.dpiX());
        if (dpi <= 0) dpi = 300;
        float scale = 72f / dpi;
        PDImageXObject img;
        if (jpeg != null) {
            img = JPEGFactory.createFromByteArray(pdf, jpeg);
        } else {
            BufferedImage bi = frames.read(index);
            img = bi.getColorModel().getPixelSize() == 1 ? CCITTFactory.createFromImage(pdf, bi) : LosslessFactory.createFromImage(pdf, bi);
        }
        PDPage p = new PDPage(new PDRectangle(h.width() * scale, h.height() * scale));
        pdf.addPage(p);
        // page coordinates of an image page are its pixels, top-left origin
        AffineTransform toUser = new AffineTransform(scale, 0, 0, -scale, 0, h.height() * scale);
        try (PDPageContentStream cs = new PDPageContentStream(pdf, p)) {
            cs.drawImage(img, 0, 0, h.width() * scale, h.height() * scale);
            drawLines(cs, font, ocrLines(page, true), toUser);
        }
    }

    /** The OCR'd lines of a page (all lines when the whole page was OCR'd from an image). */
    static List<Line> ocrLines(Page page, boolean all) {
        List<Line> out = new ArrayList<>();
        for (Block b : page.blocks()) {
            if (!all && b.provenance().method() != Method.OCR) continue;
            if (b instanceof ParagraphBlock p) out.addAll(p.lines());
            else if (b instanceof HeadingBlock h) out.addAll(h.lines());
        }
        return out;
    }

    /**
     * Each line as invisible text from its left edge along its baseline, scaled to the line's box: the
     * text matrix carries the page's rotation, so selection follows the line on rotated pages too.
     */
    private static void drawLines(PDPageContentStream cs, PDType0Font font, List<Line> lines, AffineTransform toUser) throws IOException {
        if (lines.isEmpty()) return;
        cs.beginText();
        cs.setRenderingMode(RenderingMode.NEITHER);
        cs.setFont(font, 1);
        for (Line l : lines) {
            String text = encodable(font, l.text().strip());
            if (text.isEmpty() || l.box().width() <= 0 || l.box().height() <= 0) continue;
            float width = font.getStringWidth(text) / 1000f;
            if (width <= 0) continue;
            double size = l.box().height();
            Point2D origin = toUser.transform(new Point2D.Double(l.box().x(), l.box().y() + size * 0.86), null);
            Point2D along = toUser.deltaTransform(new Point2D.Double(l.box().width() / width, 0), null);
            Point2D up = toUser.deltaTransform(new Point2D.Double(0, -size), null);
            cs.setTextMatrix(new Matrix((float) along.getX(), (float) along.getY(), (float) up.getX(), (float) up.getY(),
                    (float) origin.getX(), (float) origin.getY()));
            cs.showText(text);
        }
        cs.endText();
    }

    /** The text without the characters the font cannot encode. */
    static String encodable(PDType0Font font, String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            try {
                font.encode(ch);
                sb.append(ch);
            } catch (IllegalArgumentException | IOException e) {
                // not in the font: left out of the text layer
            }
        }
        return sb.toString();
    }

    private static PDType0Font font(PDDocument pdf) throws IOException {
        if (cachedFont == null) {
            File f = new File(FONT_FILE);
            if (!f.isFile()) throw new IOException("font " + FONT_FILE + " is missing: install fonts-wqy-zenhei");
            // the collection stays open for the life of the process: its font reads glyphs lazily
            TrueTypeCollection ttc = new TrueTypeCollection(f);
            TrueTypeFont t = ttc.getFontByName(FONT_NAME);
            if (t == null) throw new IOException("font " + FONT_NAME + " not found in " + FONT_FILE);
            cachedFont = t;
        }
        return PDType0Font.load(pdf, cachedFont, true);
    }

    private static AffineTransform inverse(AffineTransform t) throws IOException {
        try {
            return t.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IOException("page geometry cannot be inverted", e);
        }
    }

    private static void save(PDDocument pdf, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName() + ".", ".part");
        try {
            pdf.save(tmp.toFile());
            AtomicFiles.moveIntoPlace(tmp, out);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String describe(Document doc) {
        return String.format(Locale.ROOT, "%s (%d pages)", doc.source(), doc.pages().size());
    }
}
