package org.nianbao.ingest.extract.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.ocr.testkit.ImageFiles;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Limits;
import org.nianbao.ingest.pipeline.Settings;

/**
 * Page numbering, file names and failures of a set of page files, without native code: OCR is off, so
 * every page that decodes says "OCR is disabled", and the others say why they could not be read.
 */
class PageSetExtractTest {
    @TempDir
    Path tmp;

    private static final Context NO_OCR = new Context(new Settings(Path.of("models"), false, 1), Limits.defaults());

    private static BufferedImage blank(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        var g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void pagesAreNumberedThroughTheSetAndEachNamesItsFileAndTheBadOnesSayWhy() throws Exception {
        Path p1 = tmp.resolve("page-1.png");
        ImageFiles.png(blank(60, 40), 300, p1);
        Path p2 = tmp.resolve("page-2.tif");
        ImageFiles.tiff(List.of(blank(50, 30), blank(52, 32)), 300, "LZW", p2);
        Path p3 = tmp.resolve("page-3.png");
        byte[] png = Files.readAllBytes(p1);
        Files.write(p3, java.util.Arrays.copyOf(png, 20)); // signature and half a header: damaged
        Path p4 = Files.writeString(tmp.resolve("page-4.txt"), "不是图片\n");
        Path p5 = tmp.resolve("page-5.png"); // missing
        List<Path> files = List.of(p1, p2, p3, p4, p5);

        Document d = new ImageExtractor().extractPages(tmp.toString(), files, NO_OCR);

        assertEquals(6, d.pages().size(), "the TIFF gives two pages");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), d.pages().stream().map(Page::number).toList());
        assertEquals(List.of("page-1.png", "page-2.tif", "page-2.tif", "page-3.png", "page-4.txt", "page-5.png"),
                d.pages().stream().map(Page::file).toList());
        assertEquals(60, d.pages().get(0).width());
        assertEquals(52, d.pages().get(2).width(), "frame 2 of the TIFF");
        assertTrue(d.pages().get(2).reading().reason().contains("page-2.tif, frame 2"), d.pages().get(2).reading().reason());
        assertTrue(d.pages().get(3).reading().reason().contains("page-3.png"), d.pages().get(3).reading().reason());
        assertTrue(d.pages().get(4).reading().reason().contains("not a page image"), d.pages().get(4).reading().reason());
        assertTrue(d.pages().get(5).reading().reason().contains("file not found"), d.pages().get(5).reading().reason());
        assertTrue(d.pages().get(3).warnings().stream().anyMatch(w -> w.code().equals("page-failed") && w.page() == 4));
        // with OCR off no page has text: failed, and the reason names the first page's file
        assertEquals(Status.State.FAILED, d.status().state());
        assertTrue(d.status().reason().startsWith("page 1 (page-1.png): page image not read: OCR is disabled"), d.status().reason());
        assertEquals("5", d.metadata().get("page-files"));
        // the hash the resume journal compares is the one recorded
        assertEquals(PageSet.sha256(files), d.sha256());
    }

    @Test
    void theSetHashChangesWithAnyPageAndWithTheOrder() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.png"), "a");
        Path b = Files.writeString(tmp.resolve("b.png"), "b");
        String ab = PageSet.sha256(List.of(a, b));
        assertEquals(ab, PageSet.sha256(List.of(a, b)));
        assertTrue(!ab.equals(PageSet.sha256(List.of(b, a))));
        Files.writeString(b, "B");
        assertTrue(!ab.equals(PageSet.sha256(List.of(a, b))));
        assertEquals(2, PageSet.size(List.of(a, b, tmp.resolve("missing.png"))));
    }

    @Test
    void aPageLocatesItsFileAndFrame() throws Exception {
        Path p1 = tmp.resolve("p1.png");
        ImageFiles.png(blank(20, 20), 300, p1);
        Path p2 = tmp.resolve("p2.tif");
        ImageFiles.tiff(List.of(blank(20, 20), blank(20, 20)), 300, "LZW", p2);
        Document d = new ImageExtractor().extractPages(tmp.toString(), List.of(p1, p2), NO_OCR);
        assertEquals(new PageSet.Location(tmp.resolve("p2.tif"), 1), PageSet.locate(d, tmp, 3).orElseThrow());
        assertEquals(new PageSet.Location(tmp.resolve("p1.png"), 0), PageSet.locate(d, tmp, 1).orElseThrow());
        assertTrue(PageSet.locate(d, tmp, 4).isEmpty());
    }
}
