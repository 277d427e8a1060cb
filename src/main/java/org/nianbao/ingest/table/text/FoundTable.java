package org.nianbao.ingest.table.text;

import java.util.List;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.Warning;

/**
 * A table a {@link LineTableDetector} found.
 *
 * @param firstLine  index of the first line consumed
 * @param endLine    index after the last line consumed
 * @param table      the grid
 * @param origin     e.g. {@code pipe-rows}, {@code tsv}, {@code flattened-cells}
 * @param confidence 0..1 for the grid structure
 * @param warnings   what could not be placed or was guessed
 */
public record FoundTable(int firstLine, int endLine, Table table, String origin, double confidence, List<Warning> warnings) {
    public FoundTable {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
