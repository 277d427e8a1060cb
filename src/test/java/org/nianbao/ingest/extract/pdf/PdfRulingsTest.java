package org.nianbao.ingest.extract.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.ingest.model.Line;

class PdfRulingsTest {
    /**
     * A 2x2 table: outer border stroked as a rectangle, the middle row rule stroked as a line, the middle
     * column rule filled as a thin rectangle (as Word does); "数量" written upright (as displayed) in one cell.
     */
    private static byte[] table(int rotation) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setRotation(rotation);
            doc.addPage(page);
            PDFont font = TestPdfs.font(doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setLineWidth(1);
                cs.addRect(100, 500, 300, 100);   // x 100..400, y 500..600 (bottom-left origin)
                cs.stroke();
                cs.moveTo(100, 550);
                cs.lineTo(400, 550);
                cs.stroke();
                cs.addRect(249.5f, 500, 1, 100);
                cs.fill();
                cs.beginText();
                cs.setFont(font, 12);
                if (rotation == 0) {
                    cs.newLineAtOffset(110, 570);
                } else {
                    // drawn turned a quarter anticlockwise, so it reads upright once the page is shown turned clockwise
                    cs.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(Math.PI / 2, 130, 555));
                }
                cs.showText("数量");
                cs.endText();
            }
            return TestPdfs.save(doc);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90})
    void rulingsAndTextShareOneCoordinateSystem(int rotation) throws Exception {
        try (PDDocument doc = Loader.loadPDF(table(rotation))) {
            PdfRulings.Rulings r = PdfRulings.extract(doc.getPage(0));
            PdfPageAnalysis a = PdfPageAnalysis.of(doc, 0);
            Line text = a.lines().get(0);
            assertEquals("数量", text.text());
            double cx = text.box().x() + text.box().width() / 2;
            double cy = text.box().y() + text.box().height() / 2;
            List<PdfRulings.Segment> hs = r.horizontal();
            List<PdfRulings.Segment> vs = r.vertical();
            if (rotation == 0) {
                assertEquals(3, hs.size(), hs.toString());
                assertEquals(3, vs.size(), vs.toString());
                // page y grows downwards: the top border (user y 600) is at 841.9 - 600
                assertEquals(841.89 - 600, hs.get(0).y0(), 0.5);
                assertEquals(250, vs.get(1).x0(), 0.5);
                assertEquals(1, vs.get(1).thickness(), 0.01);
            } else {
                // turned a quarter: the table's three row rules are now vertical
                assertEquals(3, vs.size(), vs.toString());
                assertEquals(3, hs.size(), hs.toString());
            }
            // the text lies inside the table's outer rules and in exactly one of its four cells
            double left = vs.get(0).x0(), right = vs.get(vs.size() - 1).x0();
            double top = hs.get(0).y0(), bottom = hs.get(hs.size() - 1).y0();
            assertTrue(cx > left && cx < right && cy > top && cy < bottom,
                    "text centre " + cx + "," + cy + " outside " + left + ".." + right + " x " + top + ".." + bottom);
            int cellCol = cx < vs.get(1).x0() ? 0 : 1;
            int cellRow = cy < hs.get(1).y0() ? 0 : 1;
            assertEquals(rotation == 0 ? 0 : 1, cellCol);
            assertEquals(0, cellRow);
        }
    }
}
