package org.nianbao.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.eval.score.JsonTables;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.output.JsonWriter;

/** The eval reads the corrections and failed identity checks of every standard table from the JSON. */
class IdentityCountsTest {
    @Test
    void correctionsAndFailedChecksAreCountedFromTheJson() {
        Provenance p = new Provenance(SourceKind.IMAGE, 1, Method.OCR, "test");
        Table grid = new Table(1, 2, List.of(Cell.of(0, 0, 1, 1, "1"), Cell.of(0, 1, 1, 1, "2")));
        StandardTable st = new StandardTable("sec4", List.of(), List.of(
                new StandardTable.IdentityCheck("I4", "d", "failed", List.of("r3c4"), "x"),
                new StandardTable.IdentityCheck("I5", "d", "passed", List.of(), "x"),
                new StandardTable.IdentityCheck("I6", "d", "failed", List.of("r3c14"), "x")), List.of(),
                List.of(new StandardTable.Correction(3, 2, "8", "3", "r"), new StandardTable.Correction(3, 7, "1O", "10", "r"),
                        new StandardTable.Correction(3, 9, "l", "1", "r")));
        TableBlock withStandard = new TableBlock(grid, "image-rulings", 0.9, st, p, List.of());
        TableBlock plain = new TableBlock(grid, "image-rulings", 0.9, null, p, List.of());
        Document doc = new Document("x.png", SourceKind.IMAGE, "", "0",
                List.of(new Page(1, 0, 0, new PageReading(Method.OCR, "test"), List.of(withStandard, plain), List.of())),
                Status.done(), List.of(), Edits.none(), Map.of());
        List<JsonTables.GridTable> tables = JsonTables.parse(JsonWriter.render(doc));
        assertEquals(2, tables.size());
        assertEquals(3, tables.get(0).corrections());
        assertEquals(2, tables.get(0).failedChecks());
        assertEquals(0, tables.get(1).corrections());
        assertEquals(0, tables.get(1).failedChecks());
    }
}
