package org.nianbao.ingest.table.text;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.table.report.ObservedCell;
import org.nianbao.ingest.table.report.ReportSections;

/**
 * Tab-prefixed cell streams (web "save as text" of an HTML table): the page's text sits at a base
 * indent (usually none), each table cell is a line indented one tab deeper ({@code \t文本}; {@code \t}
 * alone is an empty cell), and an empty line ends a table row. A cell whose text wrapped continues on a
 * line at the base indent ({@code \t（三）} then {@code 不予公开}), sometimes after an empty line
 * ({@code 其他对外管理}, blank, {@code 服务事项}); such a line is joined to the cell when the next line
 * is a cell again.
 */
public final class TabbedCellDetector implements LineTableDetector {
    /** A wrapped cell's continuation line is short; longer base-indent text ends the table. */
    static final int MAX_CONTINUATION_CHARS = 30;
    /** Cells one region may hold; a longer run is cut (bounded work). */
    static final int MAX_REGION_CELLS = 20_000;

    private enum Kind { BLANK, CELL, EMPTY_CELL, TEXT }

    @Override
    public List<FoundTable> find(List<String> lines) {
        int n = lines.size();
        int base = baseIndent(lines);
        Kind[] kinds = new Kind[n];
        for (int i = 0; i < n; i++) kinds[i] = classify(lines.get(i), base);
        List<FoundTable> found = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (kinds[i] != Kind.CELL && kinds[i] != Kind.EMPTY_CELL) {
                i++;
                continue;
            }
            // one region: cells, blank lines between rows, continuation lines
            List<ObservedCell> cells = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            int cellStart = -1;
            int row = 0;
            int col = 0;
            int j = i;
            int lastCellLine = i;
            boolean rowBreakPending = false;
            while (j < n && cells.size() < MAX_REGION_CELLS) {
                Kind k = kinds[j];
                if (k == Kind.CELL || k == Kind.EMPTY_CELL) {
                    if (cellStart >= 0) cells.add(new ObservedCell(CellText.join(parts), row, col++, cellStart, lastCellLine + 1));
                    if (rowBreakPending) {
                        row++;
                        col = 0;
                        rowBreakPending = false;
                    }
                    parts = new ArrayList<>();
                    parts.add(lines.get(j));
                    cellStart = j;
                    lastCellLine = j;
                } else if (k == Kind.BLANK) {
                    rowBreakPending = true;
                } else if (isContinuation(lines, kinds, j)) {
                    parts.add(lines.get(j));
                    lastCellLine = j;
                    rowBreakPending = false; // the blank line was inside the wrapped cell
                } else {
                    break;
                }
                j++;
            }
            if (cellStart >= 0) cells.add(new ObservedCell(CellText.join(parts), row, col, cellStart, lastCellLine + 1));
            if (cells.size() >= 4 && row >= 1) {
                found.addAll(FlatTableBuilder.build(cells, "flattened-cells", left -> generic(left)));
            }
            i = lastCellLine + 1;
        }
        return found;
    }

    /**
     * The indent of running text: the least indent of the long lines (paragraphs), or of any text line
     * when there are no long lines. Counting lines or characters instead would let a big table, whose
     * cells are many, outvote the text around it.
     */
    static int baseIndent(List<String> lines) {
        int longest = Integer.MAX_VALUE;
        int any = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) continue;
            int tabs = CellText.leadingTabs(l);
            any = Math.min(any, tabs);
            if (l.strip().length() >= 20) longest = Math.min(longest, tabs);
        }
        return longest != Integer.MAX_VALUE ? longest : any == Integer.MAX_VALUE ? 0 : any;
    }

    private static Kind classify(String line, int base) {
        int tabs = CellText.leadingTabs(line);
        String rest = line.substring(tabs).stripTrailing();
        if (rest.isBlank()) return tabs > base ? Kind.EMPTY_CELL : Kind.BLANK;
        if (tabs > base && rest.indexOf('\t') < 0 && rest.indexOf('|') < 0) return Kind.CELL;
        return Kind.TEXT;
    }

    /** Base-indent text that continues the cell above: short, right after a cell, and followed by a cell. */
    private static boolean isContinuation(List<String> lines, Kind[] kinds, int j) {
        String text = lines.get(j).strip();
        if (text.length() > MAX_CONTINUATION_CHARS || ReportSections.sectionOf(text) > 0) return false;
        if (j + 1 >= kinds.length || kinds[j + 1] != Kind.CELL && kinds[j + 1] != Kind.EMPTY_CELL) return false;
        int p = j - 1;
        int blanks = 0;
        while (p >= 0 && kinds[p] == Kind.BLANK) {
            p--;
            blanks++;
        }
        return p >= 0 && blanks <= 1 && kinds[p] == Kind.CELL;
    }

    /** Rows not in a standard table, as a positional grid (empty cells are merged positions). */
    private static List<FoundTable> generic(List<ObservedCell> left) {
        TreeMap<Integer, List<ObservedCell>> byRow = new TreeMap<>();
        for (ObservedCell c : left) byRow.computeIfAbsent(c.row(), k -> new ArrayList<>()).add(c);
        List<List<String>> rows = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        int end = Integer.MIN_VALUE;
        for (List<ObservedCell> r : byRow.values()) {
            List<String> texts = new ArrayList<>();
            for (ObservedCell c : r) {
                texts.add(c.text());
                first = Math.min(first, c.firstLine());
                end = Math.max(end, c.endLine());
            }
            rows.add(texts);
        }
        if (rows.size() < 2 || !DelimitedTableDetector.isTable(rows) || !GenericGrid.fits(rows)) return List.of();
        Table t = GenericGrid.fromPositionalRows(rows);
        return List.of(new FoundTable(first, end, t, "flattened-cells", 0.5, List.of()));
    }
}
