package org.nianbao.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.extract.pdf.TestPdfs;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.testkit.Cer;
import org.nianbao.ingest.output.OutputFormat;
import org.nianbao.ingest.output.SearchablePdfWriter;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Limits;
import org.nianbao.ingest.pipeline.Settings;

/**
 * The whole pipeline with real Tesseract on the small fixtures in fixtures/ocr: scans in PDFs and
 * TIFFs, an upside-down page, a garbled text layer, pictures in a web capture, a damaged image and a
 * hanging page that fail alone, a folder of page images read as one document, and the searchable PDF.
 */
class OcrPipelineIT {
    static final Path FIXTURES = Path.of("fixtures/ocr");
    static Context ctx;
    static NianbaoIngest ingest;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        ctx = new Context(new Settings(Path.of("models"), true, 2), Limits.defaults());
        ingest = new NianbaoIngest(ctx);
    }

    @AfterAll
    static void stop() {
        OcrService.of(ctx).close();
    }

    static String truth(String name) throws Exception {
        return Files.readString(FIXTURES.resolve(name)).replace("\f", "").strip();
    }

    static String text(Document d) {
        StringBuilder sb = new StringBuilder();
        for (Block b : d.blocks()) sb.append(b.text()).append('\n');
        return sb.toString();
    }

    static String pageText(Page p) {
        StringBuilder sb = new StringBuilder();
        for (Block b : p.blocks()) sb.append(b.text()).append('\n');
        return sb.toString();
    }

    static void assertChineseClean(String text) {
        assertFalse(text.matches("(?s).*\\p{IsHan} +\\p{IsHan}.*"), "space between Chinese characters: " + text);
    }

    @Test
    void twoPageG4TiffComesOutAsTwoPagesOfCleanText() throws Exception {
        Document d = ingest.process(FIXTURES.resolve("two-pages-g4.tif"));
        assertEquals(Status.State.DONE, d.status().state(), String.valueOf(d.status().reason()));
        assertEquals(2, d.pages().size());
        String text = text(d);
        assertTrue(Cer.of(text, truth("two-pages-g4.txt")) <= 0.03, text);
        assertChineseClean(text);
        Page p1 = d.pages().get(0);
        assertEquals(Method.OCR, p1.reading().method());
        assertTrue(p1.reading().reason().contains("300 dpi"), p1.reading().reason());
        assertEquals("一、总体情况", p1.blocks().get(0).text());
    }

    @Test
    void upsideDownScanIsTurnedAndRead() throws Exception {
        Document d = ingest.process(FIXTURES.resolve("upside-down.png"));
        assertEquals(Status.State.DONE, d.status().state());
        assertTrue(d.pages().get(0).reading().reason().contains("turned 180°"), d.pages().get(0).reading().reason());
        assertTrue(Cer.of(text(d), truth("upside-down.txt")) <= 0.03, text(d));
    }

    @Test
    void scannedPdfIsRenderedAndOcrd() throws Exception {
        Document d = ingest.process(FIXTURES.resolve("scanned.pdf"));
        assertEquals(Status.State.DONE, d.status().state());
        assertEquals(Method.OCR, d.pages().get(0).reading().method());
        assertTrue(d.pages().get(0).reading().reason().startsWith("no text layer"), d.pages().get(0).reading().reason());
        assertTrue(Cer.of(text(d), truth("scanned.txt")) <= 0.04, text(d));
        assertChineseClean(text(d));
    }

    @Test
    void garbledTextLayerIsReplacedByOcr() throws Exception {
        List<String> lines = List.of("一、总体情况", "全年共收到政府信息公开申请十二件，均已按期办结。");
        Path p = TestPdfs.write(tmp, "garbled.pdf", TestPdfs.withoutUnicodeMaps(TestPdfs.textPdf(List.of(lines))));
        Document d = ingest.process(p);
        assertEquals(Status.State.DONE, d.status().state(), String.valueOf(d.status().reason()));
        Page page = d.pages().get(0);
        assertEquals(Method.OCR, page.reading().method());
        assertTrue(page.reading().reason().contains("Unicode mapping"), page.reading().reason());
        assertTrue(Cer.of(text(d), String.join("", lines)) <= 0.05, text(d));
    }

    @Test
    void aDamagedImageFailsAloneWhileTheOthersFinish() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Document> bad = pool.submit(() -> ingest.process(FIXTURES.resolve("damaged.png")));
            Future<Document> good = pool.submit(() -> ingest.process(FIXTURES.resolve("line.png")));
            Document b = bad.get();
            assertEquals(Status.State.FAILED, b.status().state());
            assertTrue(b.status().reason().contains("damaged"), b.status().reason());
            Document g = good.get();
            assertEquals(Status.State.DONE, g.status().state());
            assertTrue(Cer.of(text(g), truth("line.txt")) <= 0.03, text(g));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A page that takes far too long to parse and render: one form of 20,000 path operations drawn
     * 2,000 times (a small file, 40 million operations). With a 3-second page limit it fails with that
     * reason; the text page after it is read.
     */
    @Test
    void aHangingPageFailsAloneWithItsReason() throws Exception {
        byte[] pdf;
        try (PDDocument doc = Loader.loadPDF(TestPdfs.textPdf(List.of(List.of("第一页"), List.of("第三页：政府信息公开工作年度报告"))))) {
            PDPage slow = new PDPage(PDRectangle.A4);
            StringBuilder ops = new StringBuilder();
            for (int i = 0; i < 20_000; i++) ops.append(i % 500).append(" 10 m ").append(i % 500 + 1).append(" 20 l S\n");
            PDFormXObject form = new PDFormXObject(new PDStream(doc, new java.io.ByteArrayInputStream(ops.toString().getBytes(StandardCharsets.US_ASCII))));
            form.setBBox(new PDRectangle(0, 0, 600, 800));
            PDResources res = new PDResources();
            res.add(form);
            slow.setResources(res);
            try (PDPageContentStream cs = new PDPageContentStream(doc, slow)) {
                for (int i = 0; i < 2000; i++) cs.drawForm(form);
            }
            doc.getPages().insertBefore(slow, doc.getPage(1));
            pdf = TestPdfs.save(doc);
            assertTrue(pdf.length < 400_000, "small file: " + pdf.length);
        }
        Path p = TestPdfs.write(tmp, "hang.pdf", pdf);
        Context strict = new Context(new Settings(Path.of("models"), true, 2), new Limits(1L << 30, 200_000_000L, 2000, 3, 600));
        long start = System.nanoTime();
        Document d = new NianbaoIngest(strict).process(p);
        long secs = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(Status.State.PARTIAL, d.status().state(), String.valueOf(d.status().reason()));
        assertTrue(d.status().reason().contains("page 2"), d.status().reason());
        assertTrue(d.pages().get(1).reading().reason().contains("time limit"), d.pages().get(1).reading().reason());
        assertEquals("第三页：政府信息公开工作年度报告", d.pages().get(2).blocks().get(0).text());
        assertTrue(secs < 60, "took " + secs + " s");
        OcrService.of(strict).close();
    }

    @Test
    void picturesInAWebCaptureAreReadInPlace() throws Exception {
        Files.copy(FIXTURES.resolve("line.png"), tmp.resolve("t1.png"));
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>"
                + "<p>一、总体情况</p><p>本年度情况见下图。</p><p><img src=\"t1.png\" alt=\"表1\"></p><p>二、其他事项</p></body></html>";
        Path page = tmp.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Document d = ingest.process(page);
        ImageBlock img = null;
        int at = -1;
        List<Block> blocks = new ArrayList<>(d.blocks());
        for (int i = 0; i < blocks.size(); i++) if (blocks.get(i) instanceof ImageBlock ib) { img = ib; at = i; }
        assertTrue(img != null, blocks.toString());
        assertTrue(img.read());
        assertTrue(Cer.of(img.text(), truth("line.txt")) <= 0.03, img.text());
        assertFalse(img.lines().isEmpty());
        assertEquals(Method.OCR, img.provenance().method());
        assertTrue(blocks.get(at - 1).text().contains("见下图"), "the image text stays where the image was");
    }

    @Test
    void searchablePdfCarriesTheOcrTextOverTheOriginalPages() throws Exception {
        for (String name : new String[]{"scanned.pdf", "two-pages-g4.tif"}) {
            Path src = FIXTURES.resolve(name);
            Document d = ingest.process(src);
            Path out = tmp.resolve(name + ".pdf");
            SearchablePdfWriter.write(d, src, out);
            try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
                assertEquals(d.pages().size(), pdf.getNumberOfPages());
                String layer = new PDFTextStripper().getText(pdf);
                String truth = truth(name.replace(".pdf", ".txt").replace(".tif", ".txt"));
                assertTrue(Cer.of(layer, truth) <= 0.05, name + ": " + layer);
                assertTrue(pdf.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "page image kept");
            }
        }
    }

    /** A folder of small page images: one document, a damaged page failing alone. */
    @Test
    void aFolderOfPageImagesIsOneDocumentAndADamagedPageFailsAlone() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("report"));
        Files.copy(FIXTURES.resolve("line.png"), folder.resolve("page-1.png"));
        Files.copy(FIXTURES.resolve("damaged.png"), folder.resolve("page-2.png"));
        Files.copy(FIXTURES.resolve("two-pages-g4.tif"), folder.resolve("page-10.tif"));

        Document d = ingest.processPageFolder(folder);

        assertEquals(Status.State.PARTIAL, d.status().state(), d.status().reason());
        assertTrue(d.status().reason().startsWith("page 2 (page-2.png): "), d.status().reason());
        assertEquals(4, d.pages().size(), "page-1, page-2 (damaged), then the TIFF's two frames: natural order");
        assertEquals(List.of("page-1.png", "page-2.png", "page-10.tif", "page-10.tif"), d.pages().stream().map(Page::file).toList());
        String line = truth("line.txt");
        assertTrue(Cer.of(pageText(d.pages().get(0)), line) <= 0.05, pageText(d.pages().get(0)));
        assertTrue(d.pages().get(1).blocks().isEmpty());
        String tiff = truth("two-pages-g4.txt");
        assertTrue(Cer.of(pageText(d.pages().get(2)) + pageText(d.pages().get(3)), tiff) <= 0.03, pageText(d.pages().get(2)) + pageText(d.pages().get(3)));
        assertEquals("一、总体情况", d.pages().get(2).blocks().get(0).text());
        assertTrue(d.pages().get(3).blocks().get(0).provenance().detail().startsWith("page-10.tif, frame 2; OCR"),
                d.pages().get(3).blocks().get(0).provenance().detail());

        // the searchable PDF takes every readable page from its own file and frame
        Path pdf = tmp.resolve("report.pdf");
        OutputFormat.PDF.write(d, folder, pdf);
        try (PDDocument out = Loader.loadPDF(pdf.toFile())) {
            assertEquals(3, out.getNumberOfPages(), "the damaged page is left out");
        }
    }
}
