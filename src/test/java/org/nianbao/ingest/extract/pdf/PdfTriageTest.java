package org.nianbao.ingest.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class PdfTriageTest {
    private static final List<String> REPORT = List.of(
            "一、总体情况",
            "  2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作，",
            "进一步提高了政府工作的透明度，保障了人民群众的知情权、参与权和监督权。",
            "二、主动公开政府信息情况",
            "  全年主动公开政府信息1234条，其中通过政府网站公开856条。");

    private static PdfPageAnalysis analyse(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return PdfPageAnalysis.of(doc, 0);
        }
    }

    @Test
    void soundTextLayerIsReadWithoutOcr() throws Exception {
        PdfPageAnalysis a = analyse(TestPdfs.textPdf(List.of(REPORT)));
        assertFalse(a.decision().ocr(), a.decision().reason());
        assertTrue(a.decision().reason().startsWith("text layer:"), a.decision().reason());
        assertEquals(0, a.facts().unmapped());
        assertEquals(REPORT.size(), a.lines().size());
        assertEquals("一、总体情况", a.lines().get(0).text());
        assertEquals(REPORT.get(1).strip(), a.lines().get(1).text());
    }

    @Test
    void imageOnlyPageIsOcrd() throws Exception {
        PdfPageAnalysis a = analyse(TestPdfs.imagePdf(TestPdfs.pictureOfText(620, 877, "政府信息公开工作年度报告")));
        assertTrue(a.decision().ocr());
        assertTrue(a.decision().reason().startsWith("no text layer"), a.decision().reason());
        assertTrue(a.facts().imageCoverage() > 0.95, "coverage " + a.facts().imageCoverage());
    }

    @Test
    void glyphsWithoutUnicodeMappingAreOcrd() throws Exception {
        PdfPageAnalysis a = analyse(TestPdfs.withoutUnicodeMaps(TestPdfs.textPdf(List.of(REPORT))));
        assertTrue(a.decision().ocr(), a.decision().reason());
        assertTrue(a.facts().unmapped() > 50, "unmapped " + a.facts().unmapped());
        assertTrue(a.decision().reason().contains("Unicode mapping"), a.decision().reason());
    }

    @Test
    void blankPageIsNeitherReadNorOcrd() throws Exception {
        PdfPageAnalysis a = analyse(TestPdfs.textPdf(List.of(List.of())));
        assertTrue(a.decision().blank());
        assertFalse(a.decision().ocr());
    }

    @Test
    void privateUseTextIsGarbled() {
        PdfPageFacts f = new PdfPageFacts(100, 0, 100, 0, 40, 0, 60, 0.6, 0, 0, 0, 0);
        PdfTriage.Decision d = PdfTriage.decide(f);
        assertTrue(d.ocr());
        assertTrue(d.reason().contains("private-use"), d.reason());
    }

    @Test
    void runsOfKangxiRadicalsAreGarbledButAFewAreMapped() {
        PdfTriage.Decision many = PdfTriage.decide(new PdfPageFacts(100, 0, 100, 0, 0, 40, 60, 0.8, 0, 0, 0, 0));
        assertTrue(many.ocr());
        assertTrue(many.reason().contains("Kangxi"), many.reason());
        PdfTriage.Decision few = PdfTriage.decide(new PdfPageFacts(100, 0, 100, 0, 0, 3, 97, 0.9, 0, 0, 0, 0));
        assertFalse(few.ocr());
        assertTrue(few.reason().contains("Kangxi radicals mapped"), few.reason());
    }

    @Test
    void kangxiRadicalsBecomeTheIdeographsTheyLookLike() {
        int[] n = new int[1];
        assertEquals("一人大行", PdfTextLayout.mapKangxi("⼀⼈⼤⾏", n));
        assertEquals(4, n[0]);
    }

    @Test
    void nonsenseTextIsOcrd() {
        PdfTriage.Decision d = PdfTriage.decide(new PdfPageFacts(200, 0, 200, 0, 0, 0, 200, 0.2, 0, 0, 0, 0));
        assertTrue(d.ocr());
        assertTrue(d.reason().contains("nonsense"), d.reason());
    }

    @Test
    void aStrayLineOnAScanIsTooLittleText() {
        PdfTriage.Decision d = PdfTriage.decide(new PdfPageFacts(12, 0, 12, 0, 0, 0, 12, 0.9, 0.97, 1, 0, 0));
        assertTrue(d.ocr());
        assertTrue(d.reason().startsWith("too little text"), d.reason());
    }
}
