package org.nianbao.ingest.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table rebuilt as a grid.
 *
 * @param table      the grid
 * @param origin     how the grid was built: {@code html-spans}, {@code pipe-rows}, {@code tsv},
 *                   {@code flattened-cells}, {@code pdf-rulings}, {@code image-rulings}, {@code aligned-columns}
 * @param confidence 0..1, how sure the grid structure is (1 for HTML markup)
 * @param standard   the standard report table this grid was recognised as, or null
 */
public record TableBlock(Table table, String origin, double confidence, StandardTable standard,
                         Provenance provenance, List<Warning> warnings) implements Block {
    public TableBlock {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    @Override
    public String text() {
        String[][] grid = table.textGrid();
        return java.util.Arrays.stream(grid).map(r -> String.join(" | ", r)).collect(Collectors.joining("\n"));
    }

    public TableBlock withTable(Table newTable) {
        return new TableBlock(newTable, origin, confidence, standard, provenance, warnings);
    }

    public TableBlock withStandard(StandardTable newStandard) {
        return new TableBlock(table, origin, confidence, newStandard, provenance, warnings);
    }

    @Override
    public TableBlock withWarnings(List<Warning> newWarnings) {
        return new TableBlock(table, origin, confidence, standard, provenance, newWarnings);
    }
}
