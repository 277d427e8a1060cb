package org.nianbao.ingest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.table.report.StandardTableStage;
import org.nianbao.ingest.table.report.StandardTemplate;
import org.nianbao.ingest.table.report.StandardTemplates;
import org.nianbao.ingest.table.report.TemplateCell;

/** A cell the identity checks corrected shows up in the review page (amber, what was read struck through) and the run summary. */
class CorrectionMarksTest {
    @Test
    void aCorrectedCellIsHighlighted(@TempDir Path out) throws Exception {
        // section 四 read by OCR: 行政复议 总计 read as 8, the engine's alternative 3 makes I4 hold (1 + 2 + 0 + 0)
        StandardTemplate t = StandardTemplates.byId(StandardTemplates.SEC4);
        List<Cell> cells = new ArrayList<>();
        for (TemplateCell c : t.cells()) {
            if (!c.value()) {
                cells.add(new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.label(), null, 90));
                continue;
            }
            String v = switch (c.col() % 5) {
                case 0 -> "1";
                case 1 -> "2";
                case 4 -> "3";
                default -> "0";
            };
            boolean misread = c.colId().equals("review.total");
            cells.add(new Cell(c.row(), c.col(), 1, c.colSpan(), misread ? "8" : v, null, misread ? 62 : 95,
                    misread ? List.of("3", "9") : List.of()));
        }
        Table grid = Table.normalized(t.rows(), t.cols(), cells).table();
        Provenance p = new Provenance(SourceKind.IMAGE, 1, Method.OCR, "test");
        Document doc = new Document("scan.png", SourceKind.IMAGE, "", "0",
                List.of(new Page(1, 0, 0, new PageReading(Method.OCR, "test"),
                        List.of(new TableBlock(grid, "image-rulings", 0.9, null, p, List.of())), List.of())),
                Status.done(), List.of(), Edits.none(), Map.of());
        doc = new StandardTableStage().apply(doc, Context.defaults());
        TableBlock tb = (TableBlock) doc.blocks().get(0);
        assertEquals(1, tb.standard().corrections().size(), tb.warnings().toString());

        DocumentResult.Details d = DocumentResult.Details.of(doc, null);
        assertEquals(1, d.corrections());
        assertEquals(0, d.failedChecks());

        String rel = ReviewPage.writeIfUseful(doc, out.resolve("scan.png"), out, "scan");
        assertNotNull(rel);
        String html = Files.readString(out.resolve(rel));
        assertTrue(html.contains("class=\"corrected\""), "corrected cell marked");
        assertTrue(html.contains("<s class=\"before\">8</s> 3"), "what was read struck through, then the correction");
        assertTrue(html.contains("corrected to <b>3</b>"), "listed under the table");
    }
}
