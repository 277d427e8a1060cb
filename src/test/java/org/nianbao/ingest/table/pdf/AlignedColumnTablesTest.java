package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.extract.pdf.PdfGlyph;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.TableBlock;

class AlignedColumnTablesTest {
    private static final Provenance P = new Provenance(SourceKind.PDF, 1, Method.TEXT_LAYER, "test");
    private static final double SIZE = 9;

    /** Glyphs of a text set at x on a baseline, one em per Chinese character, half an em per digit or Latin letter. */
    private static List<PdfGlyph> text(String s, double x, double baseline, double size) {
        List<PdfGlyph> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            String ch = s.substring(i, i + 1);
            double w = ch.charAt(0) < 0x2E80 ? size * 0.5 : size;
            out.add(new PdfGlyph(ch, x, baseline, w, size, false));
            x += w;
        }
        return out;
    }

    /** A small table without rules: a label column, three number columns, a header row. */
    private static List<PdfGlyph> table(double top) {
        List<PdfGlyph> g = new ArrayList<>();
        double[] xs = {80, 220, 300, 380};
        String[][] rows = {
                {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                {"规章", "0", "2", "11"},
                {"行政规范性文件", "3", "0", "140"},
                {"行政许可", "25", "1", "7"},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 4; c++) g.addAll(text(rows[r][c], xs[c], top + r * 2.1 * SIZE, SIZE));
        }
        return g;
    }

    /** Lines of running text: one unbroken run of characters per line. */
    private static List<PdfGlyph> paragraph(double top, int lines, double size) {
        List<PdfGlyph> g = new ArrayList<>();
        String s = "本机关严格落实政府信息公开条例要求，全年主动公开政府信息二百一十五条，其中规范性文件十二件。";
        for (int i = 0; i < lines; i++) g.addAll(text(s.substring(0, 30), 72, top + i * 1.5 * size, size));
        return g;
    }

    @Test
    void alignedColumnsOfNumbersBecomeATableWithLowConfidence() {
        List<PdfGlyph> glyphs = new ArrayList<>(paragraph(100, 3, 12));
        glyphs.addAll(table(200));
        glyphs.addAll(paragraph(300, 2, 12));
        PdfRulingTables.Result r = AlignedColumnTables.find(glyphs, P);
        assertEquals(1, r.tables().size());
        TableBlock t = r.tables().get(0).block();
        assertEquals(AlignedColumnTables.ORIGIN, t.origin());
        assertTrue(t.confidence() <= 0.6);
        assertTrue(t.warnings().stream().anyMatch(w -> w.code().equals(AlignedColumnTables.WARNING)));
        assertEquals(4, t.table().rows());
        assertEquals(4, t.table().cols());
        String[][] grid = t.table().textGrid();
        assertEquals("行政规范性文件", grid[2][0]);
        assertEquals("140", grid[2][3]);
        assertEquals("本年废止件数", grid[0][2]);
        assertEquals("25", grid[3][1]);
        // every glyph goes somewhere exactly once: the paragraphs stay text
        assertEquals(glyphs.size(), r.rest().size() + r.tables().get(0).glyphs().size());
        assertEquals(5 * 30, r.rest().size());
    }

    @Test
    void paragraphsRunningHeadsAndSignaturesAreNotTables() {
        List<PdfGlyph> glyphs = new ArrayList<>(paragraph(100, 12, 12));
        glyphs.addAll(text("- 2 -", 280, 800, 10));
        // a signature block and a date set right, and a two-part line with a wide gap
        glyphs.addAll(text("某某县统计局", 420, 400, 12));
        glyphs.addAll(text("2021年1月16日", 420, 418, 12));
        glyphs.addAll(text("联系人：张三", 72, 440, 12));
        glyphs.addAll(text("电话：0572-1234567", 300, 440, 12));
        glyphs.addAll(text("地址：县府路1号", 72, 458, 12));
        glyphs.addAll(text("邮编：313300", 300, 458, 12));
        PdfRulingTables.Result r = AlignedColumnTables.find(glyphs, P);
        assertTrue(r.tables().isEmpty(), "no table in running text: " + r.tables());
        assertEquals(glyphs.size(), r.rest().size());
    }

    /** Aligned words without numbers (a list of names and posts) are left as text: these tables are statistics. */
    @Test
    void alignedWordsWithoutNumbersStayText() {
        List<PdfGlyph> glyphs = new ArrayList<>();
        String[][] rows = {{"组长", "王某某", "局长"}, {"副组长", "李某某", "副局长"}, {"成员", "赵某某", "科长"}, {"成员", "钱某某", "科员"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 3; c++) glyphs.addAll(text(rows[r][c], 80 + c * 120, 200 + r * 20, 12));
        }
        assertTrue(AlignedColumnTables.find(glyphs, P).tables().isEmpty());
    }

    @Test
    void hostileInputIsBounded() {
        List<PdfGlyph> glyphs = new ArrayList<>();
        for (int i = 0; i < 6000; i++) glyphs.add(new PdfGlyph(Integer.toString(i % 10), (i % 7) * 60, i * 3.0, 5, 9, false));
        long t0 = System.nanoTime();
        PdfRulingTables.Result r = AlignedColumnTables.find(glyphs, P);
        assertTrue((System.nanoTime() - t0) / 1e9 < 5);
        int used = r.rest().size();
        for (PdfRulingTables.Found f : r.tables()) used += f.glyphs().size();
        assertEquals(glyphs.size(), used);
    }

    /** The generated ruled PDFs keep exactly their ruled tables; the unruled twins get aligned-columns standard tables. */
    @Test
    void generatedPdfsKeepTheirTables() throws Exception {
        NianbaoIngest ingest = new NianbaoIngest();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(Path.of("fixtures/generated"))) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        assertEquals(2, dirs.size());
        for (Path d : dirs) {
            Document ruled = ingest.process(d.resolve("report.pdf"));
            List<TableBlock> tables = tables(ruled);
            assertTrue(tables.stream().allMatch(t -> t.origin().equals(PdfRulingTables.ORIGIN)), d + ": " + origins(tables));
            assertEquals(3, tables.stream().filter(t -> t.standard() != null).map(t -> t.standard().template()).distinct().count(), d.toString());

            Document unruled = ingest.process(d.resolve("report-unruled.pdf"));
            List<TableBlock> aligned = tables(unruled);
            assertTrue(!aligned.isEmpty() && aligned.stream().allMatch(t -> t.origin().equals(AlignedColumnTables.ORIGIN)), d + ": " + origins(aligned));
            assertTrue(aligned.stream().allMatch(t -> t.confidence() <= 0.6));
            assertEquals(3, aligned.stream().filter(t -> t.standard() != null).map(t -> t.standard().template().substring(t.standard().template().indexOf('s')))
                    .distinct().count(), d + ": sections 二, 三 and 四 recognised");
        }
    }

    private static List<TableBlock> tables(Document d) {
        return d.blocks().stream().filter(b -> b instanceof TableBlock).map(b -> (TableBlock) b).toList();
    }

    private static List<String> origins(List<TableBlock> ts) {
        return ts.stream().map(TableBlock::origin).toList();
    }
}
