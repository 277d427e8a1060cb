package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.LineParagraphs;
import org.nianbao.ingest.ocr.OcrScript;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.PageReader;

/**
 * Real Tesseract on a small table image (the 2021 table 二 of a generated report, published as a
 * 150 dpi picture): every cell read on its own gives the printed numbers, blank cells stay blank and
 * no rule leaks into the text.
 */
class ImageCellsIT {
    /** Grid position → the number printed there (from the generated report's truth.json). */
    private static final Map<String, String> NUMBERS = Map.of(
            "2,1", "0", "2,2", "0", "2,3", "0", "3,1", "0", "3,2", "1", "3,3", "14",
            "6,1", "0", "9,1", "4", "10,1", "9", "13,1", "5.19");

    private static OcrService service;

    /** One in-process engine for the class. */
    @org.junit.jupiter.api.BeforeAll
    static void start() {
        service = new OcrService(new OcrService.Config(Path.of("models"), 1, OcrService.Isolation.INPROCESS, 120_000, 200_000_000L));
    }

    @org.junit.jupiter.api.AfterAll
    static void stop() {
        service.close();
    }

    /** A white page to draw a table on: black anti-aliased text, 3-pixel rules. */
    private static java.awt.Graphics2D paper(java.awt.image.BufferedImage bi) {
        java.awt.Graphics2D g = bi.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, bi.getWidth(), bi.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setStroke(new java.awt.BasicStroke(3));
        return g;
    }

    @Test
    void cellsOfATableImageAreReadOneByOne() throws Exception {
        GrayImage img = GrayImage.of(ImageIO.read(Path.of("fixtures/ocr/table-2021-two.png").toFile()));
        PageReader.PageText page = new PageReader(service).read(img, 150, OcrScript.SIMPLIFIED, 0);
        ImageRulingTables.ReadPage read = ImageRulingTables.read(page, service);
        assertEquals(null, read.text().readImage(), "no pixels kept after the cells are read");
        List<LineParagraphs.Placed> placed = ImageRulingTables.placed(read, 1, 0, 0,
                new Provenance(SourceKind.IMAGE, 1, Method.OCR, "test"));
        List<TableBlock> tables = new ArrayList<>();
        for (LineParagraphs.Placed p : placed) if (p.block() instanceof TableBlock t) tables.add(t);
        assertEquals(1, tables.size(), placed.toString());
        Table t = tables.get(0).table();
        assertEquals(14, t.rows());
        assertEquals(4, t.cols());
        String[][] grid = t.textGrid();
        int exact = 0;
        StringBuilder misses = new StringBuilder();
        for (Map.Entry<String, String> e : NUMBERS.entrySet()) {
            String[] rc = e.getKey().split(",");
            String got = grid[Integer.parseInt(rc[0])][Integer.parseInt(rc[1])];
            if (got.equals(e.getValue())) exact++;
            else misses.append(e.getKey()).append(": want ").append(e.getValue()).append(", got ").append(got).append("; ");
        }
        assertTrue(exact >= NUMBERS.size() - 1, exact + "/" + NUMBERS.size() + " numbers exact: " + misses);
        for (Cell c : t.cells()) {
            assertTrue(!c.text().matches(".*[|\\]丨].*"), "a rule leaked into " + c);
        }
        // labels read right too
        assertEquals("行政许可", grid[6][0]);
    }

    /**
     * A table whose tall narrow label cell is set one character per line, drawn at 300 dpi: the label
     * reads as one line, the numbers beside it digits-only, the blank cell stays blank.
     */
    @Test
    void aVerticalLabelReadsAsAColumn() throws Exception {
        int w = 1400, h = 1100;
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = paper(bi);
        // columns at x 100 | 200 | 800 | 1100 | 1300; rows at y 100 + 100k (9 rows)
        int[] xs = {100, 200, 800, 1100, 1300};
        for (int k = 0; k <= 9; k++) g.drawLine(200, 100 + 100 * k, 1300, 100 + 100 * k);
        g.drawLine(100, 100, 200, 100);
        g.drawLine(100, 1000, 200, 1000);
        for (int x : xs) g.drawLine(x, 100, x, 1000);
        g.setFont(new java.awt.Font("AR PL UMing CN", java.awt.Font.PLAIN, 44));
        String label = "三、本年度办理结果";
        for (int i = 0; i < label.length(); i++) g.drawString(label.substring(i, i + 1), 128, 160 + 96 * i);
        String[] rows = {"予以公开", "部分公开", "国家秘密", "法律法规", "三安全一稳定", "第三方权益", "内部事务", "过程性信息", "行政执法案卷"};
        String[] numbers = {"12", "0", "3", "0", "105", "", "7", "0", "1"};
        for (int k = 0; k < 9; k++) {
            g.drawString(rows[k], 230, 165 + 100 * k);
            g.drawString(numbers[k], 930, 165 + 100 * k);
            g.drawString(k == 5 ? "0" : "4", 1180, 165 + 100 * k);
        }
        g.dispose();
        GrayImage img = GrayImage.of(bi);
        PageReader.PageText page = new PageReader(service).read(img, 300, OcrScript.SIMPLIFIED, 0);
        ImageRulingTables.ReadPage read = ImageRulingTables.read(page, service);
        assertEquals(1, read.tables().size(), read.toString());
        Table t = read.tables().get(0).table();
        assertEquals(9, t.rows());
        assertEquals(4, t.cols());
        String[][] grid = t.textGrid();
        for (int k = 0; k < 9; k++) assertEquals(label, grid[k][0], "row " + k);
        int exact = 0;
        for (int k = 0; k < 9; k++) if (grid[k][2].equals(numbers[k])) exact++;
        assertTrue(exact >= 8, exact + "/9 numbers: " + java.util.Arrays.deepToString(grid));
        assertEquals("", grid[5][2], "a blank cell stays blank");
    }
    /**
     * Group labels wrapped in a narrow merged cell, their last line a character or two ({@code （六）其他处}
     * over {@code 理}), drawn at 300 dpi in thin grey strokes as scanners' document mode leaves them: each
     * reads as the whole label (its lines end to end), not as a block that drops the short line.
     */
    @Test
    void aWrappedGroupLabelReadsWhole() throws Exception {
        int w = 1300, h = 900;
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = paper(bi);
        // columns at x 100 | 370 | 900 | 1200; rows at y 100 + 100k (7 rows): groups over rows 0-2 and 3-6
        int[] xs = {100, 370, 900, 1200};
        for (int x : xs) g.drawLine(x, 100, x, 800);
        g.drawLine(100, 100, 1200, 100);
        g.drawLine(100, 400, 1200, 400);
        g.drawLine(100, 800, 1200, 800);
        for (int k = 1; k < 7; k++) if (k != 3) g.drawLine(370, 100 + 100 * k, 1200, 100 + 100 * k);
        g.setColor(new java.awt.Color(70, 70, 70));
        g.setFont(new java.awt.Font("AR PL UMing CN", java.awt.Font.PLAIN, 42));
        g.drawString("（四）无法提", 112, 240);
        g.drawString("供", 112, 295);
        g.drawString("（六）其他处", 112, 590);
        g.drawString("理", 112, 645);
        String[] items = {"本机关不掌握", "没有现成信息", "补正后不明确", "逾期不补正", "逾期未缴费", "其他", "总计"};
        String[] numbers = {"2", "0", "1", "0", "3", "0", "6"};
        for (int k = 0; k < 7; k++) {
            g.drawString(items[k], 400, 165 + 100 * k);
            g.drawString(numbers[k], 1030, 165 + 100 * k);
        }
        g.dispose();
        GrayImage img = GrayImage.of(bi);
        PageReader.PageText page = new PageReader(service).read(img, 300, OcrScript.SIMPLIFIED, 0);
        ImageRulingTables.ReadPage read = ImageRulingTables.read(page, service);
        assertEquals(1, read.tables().size(), read.toString());
        String[][] grid = read.tables().get(0).table().textGrid();
        assertEquals("（四）无法提供", grid[0][0], java.util.Arrays.deepToString(grid));
        assertEquals("（六）其他处理", grid[4][0], java.util.Arrays.deepToString(grid));
    }
}
