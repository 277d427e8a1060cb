package org.nianbao.ingest.eval.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a {@code NAME.json} (docs/output-format.md), read from the JSON text the way a consumer
 * would: every block with {@code "type": "table"}, its {@code rows}, {@code cols} and {@code cells} with spans.
 */
public final class JsonTables {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A cell as the JSON gives it. */
    public record GridCell(int row, int col, int rowSpan, int colSpan, String text) { }

    /**
     * A table as the JSON gives it.
     *
     * @param corrections  cells the identity checks corrected ({@code standard.corrections})
     * @param failedChecks identity checks that failed ({@code standard.checks} with status {@code failed})
     */
    public record GridTable(int rows, int cols, List<GridCell> cells, int corrections, int failedChecks) {
        public GridTable(int rows, int cols, List<GridCell> cells) {
            this(rows, cols, cells, 0, 0);
        }
    }

    private JsonTables() { }

    public static List<GridTable> parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("output JSON does not parse", e);
        }
        List<GridTable> tables = new ArrayList<>();
        for (JsonNode page : root.path("pages")) {
            for (JsonNode block : page.path("blocks")) {
                if (!"table".equals(block.path("type").asText())) continue;
                List<GridCell> cells = new ArrayList<>();
                for (JsonNode c : block.path("cells")) {
                    cells.add(new GridCell(c.path("row").asInt(), c.path("col").asInt(), c.path("rowSpan").asInt(1),
                            c.path("colSpan").asInt(1), c.path("text").asText("")));
                }
                JsonNode standard = block.path("standard");
                int failed = 0;
                for (JsonNode c : standard.path("checks")) if ("failed".equals(c.path("status").asText())) failed++;
                tables.add(new GridTable(block.path("rows").asInt(), block.path("cols").asInt(), cells,
                        standard.path("corrections").size(), failed));
            }
        }
        return tables;
    }
}
