package org.nianbao.ingest.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;

class JsonWriterTest {
    @Test
    void tableCellsKeepTheirSpansAndBlocksTheirProvenance() throws Exception {
        Table t = Table.normalized(2, 2, List.of(Cell.of(0, 0, 2, 1, "行政许可"), Cell.of(0, 1, 1, 1, "5"))).table();
        TableBlock tb = new TableBlock(t, "html-spans", 1, null, TextWriterTest.P, List.of(Warning.of("w", "m")));
        Document d = TextWriterTest.doc(tb);
        JsonNode root = new ObjectMapper().readTree(JsonWriter.render(d));
        assertEquals("nianbao-ingest/1", root.get("format").asText());
        assertEquals("done", root.get("status").get("state").asText());
        JsonNode block = root.get("pages").get(0).get("blocks").get(0);
        assertEquals("table", block.get("type").asText());
        assertEquals(2, block.get("rows").asInt());
        JsonNode first = block.get("cells").get(0);
        assertEquals(2, first.get("rowSpan").asInt());
        assertEquals("行政许可", first.get("text").asText());
        assertEquals("html", block.get("provenance").get("method").asText());
        assertEquals("w", block.get("warnings").get(0).get("code").asText());
    }

    @Test
    void failedDocumentCarriesItsReason() throws Exception {
        Document d = Document.failed("a.pdf", org.nianbao.ingest.model.SourceKind.PDF, "ab", "truncated PDF");
        JsonNode root = new ObjectMapper().readTree(JsonWriter.render(d));
        assertEquals("failed", root.get("status").get("state").asText());
        assertEquals("truncated PDF", root.get("status").get("reason").asText());
        assertEquals(0, root.get("pages").size());
    }
}
