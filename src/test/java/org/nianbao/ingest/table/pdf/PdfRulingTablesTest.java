package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.extract.pdf.PdfExtractor;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Limits;
import org.nianbao.ingest.pipeline.Settings;
import org.nianbao.ingest.sniff.Sniffer;

/** Ruled tables drawn with PDFBox, read back through the PDF extractor: exact grids, spans and cell text. */
class PdfRulingTablesTest {
    private static final String ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    private static TrueTypeFont ttf;

    @TempDir
    Path tmp;

    /** What to draw on one page: rule segments and text, in top-left page coordinates (points). */
    private static final class Drawing {
        final List<double[]> rules = new ArrayList<>();
        final List<Object[]> texts = new ArrayList<>();

        /** Rules a full grid on xs × ys, leaving out the segments listed as {x0, y0, x1, y1}. */
        Drawing grid(double[] xs, double[] ys, double[]... skip) {
            for (int r = 0; r < ys.length; r++) {
                for (int c = 0; c + 1 < xs.length; c++) segment(xs[c], ys[r], xs[c + 1], ys[r], skip);
            }
            for (int c = 0; c < xs.length; c++) {
                for (int r = 0; r + 1 < ys.length; r++) segment(xs[c], ys[r], xs[c], ys[r + 1], skip);
            }
            return this;
        }

        private void segment(double x0, double y0, double x1, double y1, double[][] skip) {
            for (double[] s : skip) if (s[0] == x0 && s[1] == y0 && s[2] == x1 && s[3] == y1) return;
            rules.add(new double[] {x0, y0, x1, y1});
        }

        /** Text with its baseline at (x, y). */
        Drawing text(double x, double y, String t) {
            texts.add(new Object[] {x, y, t});
            return this;
        }
    }

    private static synchronized PDFont font(PDDocument doc) throws IOException {
        if (ttf == null) ttf = new TrueTypeCollection(new File(ZENHEI)).getFontByName("WenQuanYiZenHei");
        return PDType0Font.load(doc, ttf, true);
    }

    private static byte[] pdf(Drawing... pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont font = font(doc);
            for (Drawing d : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                float h = page.getMediaBox().getHeight();
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.setLineWidth(0.75f);
                    for (double[] r : d.rules) {
                        cs.moveTo((float) r[0], (float) (h - r[1]));
                        cs.lineTo((float) r[2], (float) (h - r[3]));
                    }
                    cs.stroke();
                    for (Object[] t : d.texts) {
                        cs.beginText();
                        cs.setFont(font, 10);
                        cs.newLineAtOffset((float) (double) t[0], (float) (h - (double) t[1]));
                        cs.showText((String) t[2]);
                        cs.endText();
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private Document extract(byte[] pdf) throws Exception {
        Path p = tmp.resolve("t.pdf");
        Files.write(p, pdf);
        Context ctx = new Context(new Settings(Path.of("models"), false, 1), Limits.defaults());
        return new PdfExtractor().extract(new Sniffer().sniff(p), ctx);
    }

    private static List<TableBlock> tables(Document d, int page) {
        return d.pages().get(page).blocks().stream().filter(b -> b instanceof TableBlock).map(b -> (TableBlock) b).toList();
    }

    private static String spans(TableBlock t) {
        return t.table().cells().stream().map(c -> c.row() + "," + c.col() + ":" + c.rowSpan() + "x" + c.colSpan() + "=" + c.text())
                .collect(Collectors.joining(" "));
    }

    private static final double[] XS = {100, 200, 300, 400};
    private static final double[] YS = {100, 130, 160, 190};

    @Test
    void threeByThreeWithRowSpanAndColSpan() throws Exception {
        // (0,0) spans two rows: no rule between rows 0 and 1 under column 0;
        // (2,1) spans two columns: no rule between columns 1 and 2 in row 2
        Drawing d = new Drawing().grid(XS, YS, new double[] {100, 130, 200, 130}, new double[] {300, 160, 300, 190})
                .text(110, 120, "项目").text(210, 120, "自然人").text(310, 120, "总计")
                .text(210, 150, "3").text(310, 150, "5")
                .text(110, 180, "合计").text(210, 180, "八");
        Document doc = extract(pdf(d));
        List<TableBlock> ts = tables(doc, 0);
        assertEquals(1, ts.size(), doc.pages().get(0).blocks().toString());
        TableBlock t = ts.get(0);
        assertEquals("pdf-rulings", t.origin());
        assertEquals(3, t.table().rows());
        assertEquals(3, t.table().cols());
        assertEquals("0,0:2x1=项目 0,1:1x1=自然人 0,2:1x1=总计 1,1:1x1=3 1,2:1x1=5 2,0:1x1=合计 2,1:1x2=八", spans(t));
        assertArrayEquals(new String[] {"项目", "3", "5"}, t.table().textGrid()[1]);
        // every glyph went into the table: no paragraph repeats it
        assertEquals(1, doc.pages().get(0).blocks().size());
    }

    @Test
    void wrappedCellTextIsJoinedWithoutSpaceBetweenChinese() throws Exception {
        double[] xs = {100, 160, 260};
        double[] ys = {100, 140, 165};
        Drawing d = new Drawing().grid(xs, ys)
                .text(105, 115, "本年新").text(105, 132, "制作数量").text(165, 125, "Open data")
                .text(105, 158, "12").text(165, 158, "公开 (PDF)");
        TableBlock t = tables(extract(pdf(d)), 0).get(0);
        assertEquals("0,0:1x1=本年新制作数量 0,1:1x1=Open data 1,0:1x1=12 1,1:1x1=公开 (PDF)", spans(t));
    }

    @Test
    void twoTablesOnAPageWithTextBetweenInReadingOrder() throws Exception {
        Drawing d = new Drawing()
                .text(100, 80, "一、第一张表")
                .grid(new double[] {100, 200, 300}, new double[] {100, 125, 150})
                .text(110, 118, "甲").text(210, 118, "乙").text(110, 143, "1").text(210, 143, "2")
                .text(100, 200, "二、第二张表")
                .grid(new double[] {100, 180, 260, 340}, new double[] {220, 245})
                .text(110, 238, "丙").text(190, 238, "丁").text(270, 238, "戊");
        Document doc = extract(pdf(d));
        List<Block> blocks = doc.pages().get(0).blocks();
        assertEquals(4, blocks.size(), blocks.toString());
        assertEquals("一、第一张表", blocks.get(0).text());
        TableBlock first = assertInstanceOf(TableBlock.class, blocks.get(1));
        assertEquals("二、第二张表", blocks.get(2).text());
        TableBlock second = assertInstanceOf(TableBlock.class, blocks.get(3));
        assertEquals("0,0:1x1=甲 0,1:1x1=乙 1,0:1x1=1 1,1:1x1=2", spans(first));
        assertEquals("0,0:1x1=丙 0,1:1x1=丁 0,2:1x1=戊", spans(second));
    }

    @Test
    void missingInternalRuleMergesTheCells() throws Exception {
        // a header spanning both columns: the rule between the columns stops at the first row's bottom
        double[] xs = {100, 200, 300};
        double[] ys = {100, 125, 150, 175};
        Drawing d = new Drawing().grid(xs, ys, new double[] {200, 100, 200, 125})
                .text(180, 118, "申请人情况")
                .text(110, 143, "自然人").text(210, 143, "法人")
                .text(110, 168, "0").text(210, 168, "7");
        TableBlock t = tables(extract(pdf(d)), 0).get(0);
        assertEquals("0,0:1x2=申请人情况 1,0:1x1=自然人 1,1:1x1=法人 2,0:1x1=0 2,1:1x1=7", spans(t));
        Cell header = t.table().cellAt(0, 1);
        assertEquals("申请人情况", header.text());
    }

    @Test
    void emptyRuledFrameAndUnderlineAreNotTables() throws Exception {
        Drawing d = new Drawing().grid(new double[] {100, 300}, new double[] {100, 140})
                .text(100, 200, "正文一行。");
        d.rules.add(new double[] {100, 205, 180, 205}); // an underline
        Document doc = extract(pdf(d));
        assertTrue(tables(doc, 0).isEmpty());
        assertEquals("正文一行。", doc.pages().get(0).blocks().get(0).text());
    }
}
