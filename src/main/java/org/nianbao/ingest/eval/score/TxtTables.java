package org.nianbao.ingest.eval.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads tables out of a {@code .txt} the way an independent parser of the output contract would
 * (docs/output-format.md): a table is a run of consecutive lines with cells separated by
 * {@code " | "}; each line is one grid row; a merged cell's text is repeated in every position.
 * Nothing here uses the pipeline's own table code.
 */
public final class TxtTables {
    /** A table found in the text: its rows of cell texts (raw, not normalised). */
    public record TxtTable(int firstLine, List<List<String>> rows) { }

    private TxtTables() { }

    public static List<TxtTable> parse(String text) {
        List<TxtTable> tables = new ArrayList<>();
        String[] lines = text.split("\r?\n|\r", -1);
        List<List<String>> rows = null;
        int first = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains(" | ")) {
                if (rows == null) {
                    rows = new ArrayList<>();
                    first = i;
                }
                List<String> cells = new ArrayList<>();
                for (String c : line.split(" \\| ", -1)) cells.add(c.strip());
                rows.add(cells);
            } else if (rows != null) {
                tables.add(new TxtTable(first, rows));
                rows = null;
            }
        }
        if (rows != null) tables.add(new TxtTable(first, rows));
        return tables;
    }
}
