package org.nianbao.ingest.extract.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.testkit.Cer;
import org.nianbao.ingest.output.OutputFormat;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Limits;
import org.nianbao.ingest.pipeline.Settings;

/** A folder of small page images through real Tesseract: one document, a damaged page failing alone. */
class PageSetIT {
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

    private static String text(Page p) {
        StringBuilder sb = new StringBuilder();
        for (Block b : p.blocks()) sb.append(b.text()).append('\n');
        return sb.toString();
    }

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
        String line = Files.readString(FIXTURES.resolve("line.txt")).strip();
        assertTrue(Cer.of(text(d.pages().get(0)), line) <= 0.05, text(d.pages().get(0)));
        assertTrue(d.pages().get(1).blocks().isEmpty());
        String tiff = Files.readString(FIXTURES.resolve("two-pages-g4.txt")).replace("\f", "").strip();
        assertTrue(Cer.of(text(d.pages().get(2)) + text(d.pages().get(3)), tiff) <= 0.03, text(d.pages().get(2)) + text(d.pages().get(3)));
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
