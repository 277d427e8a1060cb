package org.nianbao.ingest.eval.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * @param failedChecks identity checks that failed ({@code standard.checks} with status {@code failed})
     * @param valueCells   the grid cell ({@code r3c4}) of each keyed value, by {@code rowPath + " || " + colPath}
     * @param failedCells  cells named by a failed identity check
     * @param correctedCells cells the identity checks corrected ({@code standard.corrections})
     */
    public record GridTable(int rows, int cols, List<GridCell> cells, int failedChecks,
                            Map<String, String> valueCells, Set<String> failedCells, Set<String> correctedCells) {
        public GridTable(int rows, int cols, List<GridCell> cells) {
            this(rows, cols, cells, 0, Map.of(), Set.of(), Set.of());
        }

        /** How many cells the identity checks corrected (a cell is corrected at most once). */
        public int corrections() {
            return correctedCells.size();
        }

        /** The key of {@link #valueCells}. */
        public static String valueKey(String rowPath, String colPath) {
            return rowPath + " || " + colPath;
        }
    }

    /** How the grid cell at (row, col) is named in checks: {@code r3c4}. */
    static String ref(int row, int col) {
        return "r" + row + "c" + col;
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
                Set<String> failedCells = new HashSet<>();
                for (JsonNode c : standard.path("checks")) {
                    if (!"failed".equals(c.path("status").asText())) continue;
                    failed++;
                    for (JsonNode ref : c.path("cells")) failedCells.add(ref.asText());
                }
                Map<String, String> valueCells = new HashMap<>();
                for (JsonNode v : standard.path("values")) {
                    valueCells.put(GridTable.valueKey(v.path("rowPath").asText(), v.path("colPath").asText()),
                            ref(v.path("row").asInt(), v.path("col").asInt()));
                }
                Set<String> corrected = new HashSet<>();
                for (JsonNode c : standard.path("corrections")) corrected.add(ref(c.path("row").asInt(), c.path("col").asInt()));
                tables.add(new GridTable(block.path("rows").asInt(), block.path("cols").asInt(), cells,
                        failed, valueCells, failedCells, corrected));
            }
        }
        return tables;
    }
}
