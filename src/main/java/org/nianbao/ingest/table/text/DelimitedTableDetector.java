package org.nianbao.ingest.table.text;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.table.report.ObservedCell;

/**
 * Explicitly delimited tables: runs of lines split by {@code |} (pipe rows) or by tabs (TSV). Each line
 * is one row. Standard tables are laid into their canonical grids (so the merged cells the capture
 * lost come back: a pipe row one cell short is the row-span of the label above; TSV's empty cells are
 * the positions of merged cells); other tables get a generic grid with guessed merges and lower
 * confidence.
 */
public final class DelimitedTableDetector implements LineTableDetector {
    /** A line with more cells than this is not a table row (hostile 10k-column lines stay text). */
    static final int MAX_COLS = GenericGrid.MAX_COLS;
    /** Longest run of rows taken as one table; longer runs are cut (bounded grids). */
    static final int MAX_ROWS = 1000;

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
            while (j < lines.size() && j - i < MAX_ROWS && kind.equals(rowKind(lines.get(j)))) j++;
            List<List<String>> rows = split(lines.subList(i, j), kind);
            if (isTable(rows)) {
                found.addAll(build(rows, i, kind));
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
        int pipes = 0;
        int tabs = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '|') pipes++;
            else if (c == '\t') tabs++;
        }
        String trimmed = line.strip();
        if (pipes > 0 && (line.contains(" | ") || line.contains("||") || trimmed.endsWith("|") || trimmed.startsWith("|"))) {
            return pipes <= MAX_COLS ? "pipe" : null;
        }
        // a tab after the text (even trailing: {@code 第二十条第（一）项\t\t\t}, a caption row whose merged
        // cells were written as empties) makes a TSV row; leading tabs alone are only indentation
        int lead = CellText.leadingTabs(line);
        String rest = line.substring(lead);
        if (tabs > lead && !rest.isBlank()) return tabs <= MAX_COLS + lead ? "tsv" : null;
        return null;
    }

    /** Cell texts per row; pipe rows lose trailing empties, TSV rows lose the indent common to the run. */
    static List<List<String>> split(List<String> lines, String kind) {
        int indent = Integer.MAX_VALUE;
        if (kind.equals("tsv")) for (String l : lines) indent = Math.min(indent, CellText.leadingTabs(l));
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>();
            if (kind.equals("pipe")) {
                String s = line.strip();
                if (s.startsWith("|")) s = s.substring(1);
                // split on the bare pipe and strip each cell: a regex with \s* around the pipe retries at every
                // space of a run with no pipe after it, quadratic in the run (65,000 spaces: 4 s of CPU)
                for (String c : s.split("\\|", -1)) cells.add(c.strip());
            } else {
                for (String c : line.substring(indent).split("\t", -1)) cells.add(c.strip());
            }
            while (cells.size() > 1 && cells.get(cells.size() - 1).isEmpty()) cells.remove(cells.size() - 1);
            rows.add(cells);
        }
        return rows;
    }

    /** At least two rows with two or more non-empty cells: a lone {@code 首页 |} is not a table. */
    static boolean isTable(List<List<String>> rows) {
        int good = 0;
        for (List<String> r : rows) {
            int filled = 0;
            for (String c : r) if (!c.isEmpty()) filled++;
            if (filled >= 2) good++;
        }
        return good >= 2;
    }

    private static List<FoundTable> build(List<List<String>> rows, int firstLine, String kind) {
        List<ObservedCell> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) cells.add(new ObservedCell(row.get(c), r, c, firstLine + r, firstLine + r + 1));
        }
        String origin = kind.equals("pipe") ? "pipe-rows" : "tsv";
        return FlatTableBuilder.build(cells, origin, left -> generic(left, rows, firstLine, kind, origin));
    }

    /** Whole rows not used by a standard table, as a generic grid when they still look like a table. */
    private static List<FoundTable> generic(List<ObservedCell> left, List<List<String>> rows, int firstLine, String kind, String origin) {
        TreeMap<Integer, Integer> count = new TreeMap<>();
        for (ObservedCell c : left) count.merge(c.row(), 1, Integer::sum);
        List<List<String>> sub = new ArrayList<>();
        int first = -1;
        int last = -1;
        for (var e : count.entrySet()) {
            int r = e.getKey();
            if (e.getValue() != rows.get(r).size()) continue; // part of the row is in a standard table
            if (last >= 0 && r != last + 1) break; // keep one contiguous block
            if (first < 0) first = r;
            last = r;
            sub.add(rows.get(r));
        }
        if (sub.isEmpty() || !isTable(sub) || !GenericGrid.fits(sub)) return List.of();
        Table t = kind.equals("pipe") ? GenericGrid.fromUnevenRows(sub) : GenericGrid.fromPositionalRows(sub);
        return List.of(new FoundTable(firstLine + first, firstLine + last + 1, t, origin, 0.5, List.of()));
    }
}
