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

    @Test
    void cellsOfATableImageAreReadOneByOne() throws Exception {
        GrayImage img = GrayImage.of(ImageIO.read(Path.of("fixtures/ocr/table-2021-two.png").toFile()));
        try (OcrService service = new OcrService(new OcrService.Config(Path.of("models"), 1, OcrService.Isolation.INPROCESS,
                120_000, 200_000_000L))) {
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
    }
}
