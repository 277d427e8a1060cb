package org.nianbao.ingest.eval.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.eval.gen.FilledTable;
import org.nianbao.ingest.eval.gen.ReportGenerator;
import org.nianbao.ingest.eval.gen.SyntheticReport;
import org.nianbao.ingest.eval.layout.LayoutCell;
import org.nianbao.ingest.eval.score.TextNorm;

/** The scan-real form: its typesetting prints exactly the report, and its scans are deterministic from the seed. */
class ScanRealFormTest {

    private static void assumeFonts() {
        assumeTrue(Faces.missing(Look.REAL_FONTS).isEmpty(), "scan-real fonts not installed (scripts/setup installs them)");
    }

    @Test
    void realLookPrintsEveryParagraphAndCellOfTheReport() throws IOException {
        assumeFonts();
        SyntheticReport r = new ReportGenerator().generate(5, 1);
        PdfReportWriter.Result real = PdfReportWriter.write(r, true, Look.real(r.seed()));
        try (PDDocument doc = Loader.loadPDF(real.pdf())) {
            assertEquals(real.pageCount(), doc.getNumberOfPages());
            String flat = TextNorm.forCer(new PDFTextStripper().getText(doc).replaceAll("(?m)^\\s*- \\d+ -\\s*$", ""));
            for (var para : r.allText()) assertTrue(flat.contains(TextNorm.forCer(para.text())), "missing: " + para.text());
            for (FilledTable t : r.tables()) {
                for (LayoutCell c : t.layout().cells()) assertTrue(flat.contains(TextNorm.forCer(t.text(c))), "missing cell: " + t.text(c));
            }
        }
        // the seal needs to know where the organisation and date were printed: on the last page, right half
        assertFalse(real.closing().isEmpty());
        PdfReportWriter.Box last = real.closing().get(real.closing().size() - 1);
        assertEquals(real.pageCount(), last.page());
        assertTrue(last.x() > real.style().pageWidth() / 3, "closing lines are set flush right");
    }

    @Test
    void realLookIsDeterministicAndNotTheStandardOne() throws IOException {
        assumeFonts();
        SyntheticReport r = new ReportGenerator().generate(5, 0);
        byte[] a = PdfReportWriter.write(r, true, Look.real(r.seed())).pdf();
        byte[] b = PdfReportWriter.write(r, true, Look.real(r.seed())).pdf();
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, PdfReportWriter.write(r).pdf()));
    }

    @Test
    void looksVaryAcrossSeedsButNotWithinOne() {
        Set<FontRole> faces = EnumSet.noneOf(FontRole.class);
        Set<Look.Frame> frames = EnumSet.noneOf(Look.Frame.class);
        Set<Boolean> right = new HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            Look l = Look.real(seed);
            assertEquals(l, Look.real(seed));
            assertTrue(l.frame() != Look.Frame.PLAIN, "a real look always has a heavy or double frame");
            faces.add(l.tableFace());
            frames.add(l.frame());
            right.add(l.figuresRight());
        }
        assertEquals(EnumSet.allOf(FontRole.class), faces);
        assertEquals(EnumSet.of(Look.Frame.HEAVY, Look.Frame.DOUBLE), frames);
        assertEquals(Set.of(true, false), right);
        assertEquals(Look.Frame.PLAIN, Look.STANDARD.frame());
        assertEquals(Faces.STANDARD, Look.STANDARD.fonts());
    }

    @Test
    void missingFontsAreNamedByPackage() {
        Map<FontRole, Faces.FontSource> set = Map.of(FontRole.SONG, new Faces.FontSource("/nonexistent/x.ttf", null, "fonts-x"),
                FontRole.HEI, new Faces.FontSource("/nonexistent/y.ttc", "Y", "fonts-y"));
        assertEquals(List.of("fonts-x", "fonts-y"), Faces.missing(set));
    }

    /** A small page with black print (a ruled box and bars standing for lines of text). */
    private static BufferedImage page() {
        BufferedImage img = new BufferedImage(600, 800, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 600, 800);
        g.setColor(Color.BLACK);
        g.drawRect(100, 100, 400, 300);
        for (int y = 450; y < 700; y += 30) g.fillRect(100, y, 380, 12);
        g.dispose();
        return img;
    }

    @Test
    void scanIsDeterministicColourAndDependsOnTheSeed() throws IOException {
        assumeFonts();
        RealScanMaker.Session s = RealScanMaker.Session.pick(new Random(3));
        RealScanMaker.Seal seal = new RealScanMaker.Seal(400, 600, "某某县统计局");
        byte[] a = RealScanMaker.scan(page(), page(), seal, s, 100, new Random(9));
        byte[] b = RealScanMaker.scan(page(), page(), seal, s, 100, new Random(9));
        byte[] c = RealScanMaker.scan(page(), page(), seal, s, 100, new Random(10));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(a));
        assertEquals(3, img.getColorModel().getNumColorComponents(), "a 24-bit colour scan");
        assertEquals(600, img.getWidth());
    }

    @Test
    void sealIsRedInkMultipliedOverThePrint() throws IOException {
        assumeFonts();
        int dpi = 150;
        BufferedImage white = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 400);
        g.setColor(Color.BLACK);
        g.fillRect(0, 195, 400, 10); // print running under the seal
        g.dispose();
        RealScanMaker.stamp(white, new RealScanMaker.Seal(200, 200, "某某市人民政府办公室"), dpi, new Random(1));
        int d = (int) Math.round(RealScanMaker.SEAL_MM / 25.4 * dpi);
        // the ring, left of the centre, clear of the print
        int ringX = 200 - d / 2 + (int) Math.round(d * 0.015);
        Color ring = new Color(white.getRGB(ringX, 190));
        assertTrue(ring.getRed() > ring.getGreen() + 80 && ring.getRed() > ring.getBlue() + 80, "red ring: " + ring);
        // outside the seal nothing changed; the print under the seal stays dark
        assertEquals(Color.WHITE.getRGB(), white.getRGB(5, 5));
        Color print = new Color(white.getRGB(200 - d / 2 + 3, 200));
        assertTrue(print.getRed() < 40 && print.getGreen() < 40, "black print under red ink stays black: " + print);
    }
}
