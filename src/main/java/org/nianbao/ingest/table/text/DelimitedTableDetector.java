package org.nianbao.ingest.table.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

/**
 * Explicitly delimited tables: runs of at least two lines split by {@code |} (pipe rows) or by tabs
 * (TSV). Each line is one grid row; cells are 1×1 and short rows are padded. This is the plain
 * reading of the delimiters; inferring merged cells from uneven rows is the job of the grid rebuilders.
 */
public final class DelimitedTableDetector implements LineTableDetector {
    private static final Pattern PIPE = Pattern.compile("\\s*\\|\\s*");

    @Override
    public List<FoundTable> find(List<String> lines) {
        List<FoundTable> found = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String kind = rowKind(lines.get(i));
            if (kind == null) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < lines.size() && kind.equals(rowKind(lines.get(j)))) j++;
            if (j - i >= 2) {
                found.add(build(lines.subList(i, j), i, j, kind));
                i = j;
            } else {
                i++;
            }
        }
        return found;
    }

    /** "pipe", "tsv", or null when the line is not a delimited row. */
    static String rowKind(String line) {
        if (line.isBlank()) return null;
        if (line.indexOf('|') >= 0 && (line.contains(" | ") || line.contains("||") || line.trim().endsWith("|"))) return "pipe";
        if (line.indexOf('\t') >= 0 && !line.trim().isEmpty() && line.replaceAll("^\\t+", "").indexOf('\t') >= 0) return "tsv";
        return null;
    }

    private static FoundTable build(List<String> rows, int first, int end, String kind) {
        List<List<String>> split = new ArrayList<>();
        int cols = 0;
        for (String row : rows) {
            List<String> cells = new ArrayList<>();
            if (kind.equals("pipe")) {
                for (String c : PIPE.split(row.strip(), -1)) cells.add(c.strip());
            } else {
                for (String c : row.split("\t", -1)) cells.add(c.strip());
            }
            // trailing empty cells are what capture tools leave after the last delimiter
            while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) cells.remove(cells.size() - 1);
            split.add(cells);
            cols = Math.max(cols, cells.size());
        }
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < split.size(); r++) {
            List<String> row = split.get(r);
            for (int c = 0; c < row.size(); c++) cells.add(Cell.of(r, c, 1, 1, row.get(c)));
        }
        Table t = Table.normalized(split.size(), cols, cells).table();
        return new FoundTable(first, end, t, kind.equals("pipe") ? "pipe-rows" : "tsv", 0.6, List.of());
    }
}
