package org.nianbao.ingest.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.InputException;
import org.nianbao.ingest.pipeline.Limits;
import org.nianbao.ingest.pipeline.Settings;
import org.nianbao.ingest.sniff.Sniffer;

class PdfExtractorTest {
    @TempDir
    Path tmp;

    private static final List<String> PAGE1 = List.of(
            "一、总体情况",
            "  2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开",
            "工作，进一步提高了政府工作的透明度。",
            "  全年通过 PDF 和 Word 文件发布信息，网址为 http://www.example.gov.cn/xxgk 。",
            "二、主动公开政府信息情况");

    private static Context noOcr() {
        return new Context(new Settings(Path.of("models"), false, 1), Limits.defaults());
    }

    private Document extract(byte[] pdf, Context ctx) throws Exception {
        Path p = TestPdfs.write(tmp, "t.pdf", pdf);
        return new PdfExtractor().extract(new Sniffer().sniff(p), ctx);
    }

    @Test
    void bornDigitalPageBecomesHeadingsAndParagraphs() throws Exception {
        Document d = extract(TestPdfs.textPdf(List.of(PAGE1)), noOcr());
        assertEquals(Status.State.DONE, d.status().state());
        assertEquals(1, d.pages().size());
        assertEquals(Method.TEXT_LAYER, d.pages().get(0).reading().method());
        List<Block> blocks = d.pages().get(0).blocks();
        assertEquals(4, blocks.size(), blocks.toString());
        assertTrue(blocks.get(0) instanceof HeadingBlock h && h.text().equals("一、总体情况") && h.level() == 2);
        ParagraphBlock p = (ParagraphBlock) blocks.get(1);
        assertEquals("2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作，进一步提高了政府工作的透明度。", p.text());
        assertEquals(2, p.lines().size());
        assertTrue(p.lines().get(0).box().width() > 100);
        // spaces the author typed next to Latin words stay; none is added or kept between Chinese characters
        assertEquals("全年通过 PDF 和 Word 文件发布信息，网址为 http://www.example.gov.cn/xxgk 。", blocks.get(2).text());
        assertTrue(blocks.get(3) instanceof HeadingBlock);
        assertEquals(595.0, d.pages().get(0).width(), 1);
    }

    @Test
    void encryptedButOpenablePdfIsRead() throws Exception {
        byte[] plain = TestPdfs.textPdf(List.of(PAGE1));
        byte[] encrypted;
        try (PDDocument doc = Loader.loadPDF(plain)) {
            AccessPermission ap = new AccessPermission();
            ap.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", ap);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            encrypted = TestPdfs.save(doc);
        }
        Document d = extract(encrypted, noOcr());
        assertEquals(Status.State.DONE, d.status().state());
        assertEquals("一、总体情况", d.pages().get(0).blocks().get(0).text());
        assertTrue(d.metadata().get("encrypted").startsWith("true"));
    }

    @Test
    void passwordProtectedPdfFailsWithThatReason() throws Exception {
        byte[] locked;
        try (PDDocument doc = Loader.loadPDF(TestPdfs.textPdf(List.of(PAGE1)))) {
            doc.protect(new StandardProtectionPolicy("owner", "user-secret", new AccessPermission()));
            locked = TestPdfs.save(doc);
        }
        InputException e = assertThrows(InputException.class, () -> extract(locked, noOcr()));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void corruptPdfFailsWithAClearReason() throws Exception {
        byte[] junk = ("%PDF-1.7\n" + "garbage ".repeat(200)).getBytes();
        InputException e = assertThrows(InputException.class, () -> extract(junk, noOcr()));
        assertTrue(e.getMessage().startsWith("not a readable PDF") || e.getMessage().contains("no pages"), e.getMessage());
    }

    @Test
    void truncatedPdfEitherReadsWhatIsThereOrFailsClearly() throws Exception {
        byte[] full = TestPdfs.textPdf(List.of(PAGE1, PAGE1, PAGE1));
        byte[] cut = Arrays.copyOf(full, full.length * 2 / 3);
        try {
            Document d = extract(cut, noOcr());
            assertFalse(d.pages().isEmpty());
            if (d.status().state() != Status.State.DONE) assertTrue(d.status().reason() != null && !d.status().reason().isBlank());
        } catch (InputException e) {
            assertTrue(e.getMessage().startsWith("not a readable PDF") || e.getMessage().contains("no pages"), e.getMessage());
        }
    }

    @Test
    void scannedPageWithOcrDisabledIsReportedNotDropped() throws Exception {
        byte[] mixed;
        try (PDDocument a = Loader.loadPDF(TestPdfs.textPdf(List.of(PAGE1)));
             PDDocument b = Loader.loadPDF(TestPdfs.imagePdf(TestPdfs.pictureOfText(600, 850, "政府信息公开")))) {
            a.importPage(b.getPage(0));
            mixed = TestPdfs.save(a);
        }
        Document d = extract(mixed, noOcr());
        assertEquals(Status.State.PARTIAL, d.status().state());
        assertTrue(d.status().reason().contains("page 2"), d.status().reason());
        assertEquals(Method.OCR, d.pages().get(1).reading().method());
        assertTrue(d.pages().get(1).reading().reason().contains("OCR is disabled"), d.pages().get(1).reading().reason());
        assertEquals("ocr-disabled", d.pages().get(1).warnings().get(1).code());
        assertEquals(Method.TEXT_LAYER, d.pages().get(0).reading().method());
    }

    @Test
    void pageLimitIsReported() throws Exception {
        Context ctx = new Context(new Settings(Path.of("models"), false, 1), new Limits(1L << 30, 200_000_000L, 2, 60, 600));
        Document d = extract(TestPdfs.textPdf(List.of(PAGE1, PAGE1, PAGE1)), ctx);
        assertEquals(2, d.pages().size());
        assertEquals(Status.State.PARTIAL, d.status().state());
        assertTrue(d.status().reason().contains("first 2 of 3"), d.status().reason());
    }

    @Test
    void emptyFileIsNotAPdf() throws Exception {
        Path p = tmp.resolve("e.pdf");
        Files.write(p, "%PDF-1.4\n%%EOF\n".getBytes());
        assertThrows(InputException.class, () -> new PdfExtractor().extract(new Sniffer().sniff(p), noOcr()));
    }
}
