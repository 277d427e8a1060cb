package org.nianbao.ingest.table.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.table.report.NumberCell;
import org.nianbao.ingest.table.report.ObservedCell;

/**
 * One cell per line with blank lines between cells (a table's cells listed in reading order, rows
 * lost): a group of non-blank lines is one cell (a wrapped cell such as {@code 本年新} / {@code 制作数量}
 * is joined), and a run of short, sentence-free cells with numbers among them is a table candidate.
 * Since the rows are gone, only the standard templates can lay such a stream out with certainty;
 * other runs become a generic grid only when they clearly repeat a label-then-numbers row shape.
 */
public final class CellPerLineDetector implements LineTableDetector {
    /** A cell is at most this many lines and characters; longer groups are running text. */
    static final int MAX_CELL_LINES = 3;
    static final int MAX_CELL_CHARS = 60;
    /** Blank lines allowed between two cells of one table. */
    static final int MAX_GAP = 3;
    /** Cells one region may hold; a longer run is cut (bounded work). */
    static final int MAX_REGION_CELLS = 20_000;

    @Override
    public List<FoundTable> find(List<String> lines) {
        List<FoundTable> found = new ArrayList<>();
        List<ObservedCell> region = new ArrayList<>();
        int i = 0;
        int n = lines.size();
        int gap = 0;
        while (i < n) {
            if (lines.get(i).isBlank()) {
                gap++;
                i++;
                continue;
            }
            int j = i;
            while (j < n && !lines.get(j).isBlank() && j - i <= MAX_CELL_LINES) j++;
            ObservedCell cell = j - i <= MAX_CELL_LINES ? cellOf(lines, i, j) : null;
            if (cell == null || gap > MAX_GAP || region.size() >= MAX_REGION_CELLS) {
                flush(region, found);
                region = new ArrayList<>();
            }
            if (cell != null) region.add(cell);
            while (j < n && !lines.get(j).isBlank()) j++; // the rest of an over-long group
            gap = 0;
            i = j;
        }
        flush(region, found);
        return found;
    }

    /** The group of lines [from, to) as one cell, or null when it reads as running text or a delimited row. */
    private static ObservedCell cellOf(List<String> lines, int from, int to) {
        List<String> parts = new ArrayList<>();
        for (int k = from; k < to; k++) {
            String raw = lines.get(k);
            String s = raw.strip();
            if (s.indexOf('|') >= 0 || raw.substring(CellText.leadingTabs(raw)).strip().indexOf('\t') >= 0) return null;
            parts.add(s);
        }
        String text = CellText.join(parts);
        if (text.length() > MAX_CELL_CHARS || text.indexOf('。') >= 0) return null;
        char last = text.charAt(text.length() - 1);
        if (last == '；' || last == ';' || last == '！' || last == '？') return null;
        return new ObservedCell(text, -1, -1, from, to);
    }

    private static void flush(List<ObservedCell> region, List<FoundTable> found) {
        if (region.size() < 8) return;
        int numbers = 0;
        for (ObservedCell c : region) if (NumberCell.isNumber(c.text())) numbers++;
        if (numbers < 4) return;
        found.addAll(FlatTableBuilder.build(region, "flattened-cells", CellPerLineDetector::generic));
    }

    /**
     * Cells that are no standard table become a generic grid only when at least three rows share one
     * label-then-numbers shape (say 1 label and 3 numbers); the rows are cut where a number is followed
     * by text. Anything less certain stays text.
     */
    static List<FoundTable> generic(List<ObservedCell> cells) {
        List<List<ObservedCell>> rows = new ArrayList<>();
        List<ObservedCell> cur = new ArrayList<>();
        for (int k = 0; k < cells.size(); k++) {
            ObservedCell c = cells.get(k);
            boolean number = NumberCell.isNumber(c.text());
            if (!number && !cur.isEmpty() && NumberCell.isNumber(cur.get(cur.size() - 1).text())) {
                rows.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(c);
        }
        if (!cur.isEmpty()) rows.add(cur);
        Map<String, Integer> shapes = new HashMap<>();
        String best = null;
        for (List<ObservedCell> r : rows) {
            String shape = shape(r);
            if (shape == null) continue;
            int count = shapes.merge(shape, 1, Integer::sum);
            if (best == null || count > shapes.get(best)) best = shape;
        }
        if (best == null || shapes.get(best) < 3) return List.of();
        // the table: the longest run of rows of the dominant shape, with one header row before it when
        // that row's cell count fits
        List<FoundTable> out = new ArrayList<>();
        int k = 0;
        while (k < rows.size()) {
            if (!best.equals(shape(rows.get(k)))) {
                k++;
                continue;
            }
            int e = k;
            while (e < rows.size() && best.equals(shape(rows.get(e)))) e++;
            if (e - k >= 3) out.add(grid(rows, k, e, best));
            k = e;
        }
        return out;
    }

    /** "labels:numbers" of a row with at least one label and two numbers, labels first; else null. */
    private static String shape(List<ObservedCell> row) {
        int labels = 0;
        while (labels < row.size() && !NumberCell.isNumber(row.get(labels).text())) labels++;
        int numbers = row.size() - labels;
        if (labels == 0 || numbers < 2) return null;
        return labels + ":" + numbers;
    }

    private static FoundTable grid(List<List<ObservedCell>> rows, int from, int to, String shape) {
        int cols = Integer.parseInt(shape.split(":")[0]) + Integer.parseInt(shape.split(":")[1]);
        List<List<String>> texts = new ArrayList<>();
        int first = rows.get(from).get(0).firstLine();
        if (from > 0) {
            // header cells: the trailing cells of the row before, as many as there are columns
            List<ObservedCell> prev = rows.get(from - 1);
            boolean allText = true;
            for (ObservedCell c : prev) allText &= !NumberCell.isNumber(c.text());
            if (allText && prev.size() >= cols) {
                List<String> header = new ArrayList<>();
                List<ObservedCell> h = prev.subList(prev.size() - cols, prev.size());
                for (ObservedCell c : h) header.add(c.text());
                texts.add(header);
                first = h.get(0).firstLine();
            }
        }
        for (int r = from; r < to; r++) {
            List<String> t = new ArrayList<>();
            for (ObservedCell c : rows.get(r)) t.add(c.text());
            texts.add(t);
        }
        List<ObservedCell> lastRow = rows.get(to - 1);
        int end = lastRow.get(lastRow.size() - 1).endLine();
        Table t = GenericGrid.fromUnevenRows(texts);
        return new FoundTable(first, end, t, "flattened-cells", 0.4, List.of());
    }
}
