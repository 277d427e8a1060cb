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
 * lost): a group of up to three non-blank lines is one cell (a wrapped cell such as {@code 本年新} /
 * {@code 制作数量} is joined), a longer group of short lines is one cell per line, and a run of short,
 * sentence-free cells with numbers among them is a table candidate.
 * Since the rows are gone, only the standard templates can lay such a stream out with certainty;
 * other runs become a generic grid only when they clearly repeat a label-then-numbers row shape.
 */
public final class CellPerLineDetector implements LineTableDetector {
    /** A cell is at most this many lines and characters; longer groups are running text. */
    static final int MAX_CELL_LINES = 3;
    static final int MAX_CELL_CHARS = 60;
    /** Longest group of non-blank lines read as one cell per line. */
    static final int MAX_GROUP_LINES = 5_000;
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
            while (j < n && !lines.get(j).isBlank() && j - i < MAX_GROUP_LINES) j++;
            if (gap > MAX_GAP) {
                flush(region, found);
                region = new ArrayList<>();
            }
            // a short group is one wrapped cell; a longer group of short lines is one cell per line
            // (captures that dropped the blank lines too), where running text ends the run
            List<ObservedCell> cells = new ArrayList<>();
            if (j - i <= MAX_CELL_LINES) {
                cells.add(cellOf(lines, i, j));
            } else {
                for (int k = i; k < j; k++) cells.add(cellOf(lines, k, k + 1));
            }
            for (ObservedCell c : cells) {
                if (c == null || region.size() >= MAX_REGION_CELLS) {
                    flush(region, found);
                    region = new ArrayList<>();
                }
                if (c != null) region.add(c);
            }
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
     * Cells that are no standard table become a generic grid only when at least three consecutive rows
     * share one label-then-numbers shape (say 1 label and 3 numbers); rows are cut where a number is
     * followed by text. Text cells before the first row (its extra labels) are the header row when they
     * are as many as the columns. Anything less certain stays text.
     */
    static List<FoundTable> generic(List<ObservedCell> cells) {
        List<List<ObservedCell>> rows = new ArrayList<>();
        List<ObservedCell> cur = new ArrayList<>();
        for (ObservedCell c : cells) {
            boolean number = NumberCell.isNumber(c.text());
            if (!number && !cur.isEmpty() && NumberCell.isNumber(cur.get(cur.size() - 1).text())) {
                rows.add(cur);
                cur = new ArrayList<>();
            }
            cur.add(c);
        }
        if (!cur.isEmpty()) rows.add(cur);
        // the dominant shape: most common count of numbers, then most common count of labels with it
        Map<Integer, Integer> byNumbers = new HashMap<>();
        for (List<ObservedCell> r : rows) if (numbers(r) >= 2 && labels(r) >= 1) byNumbers.merge(numbers(r), 1, Integer::sum);
        int n = -1;
        for (var e : byNumbers.entrySet()) if (n < 0 || e.getValue() > byNumbers.get(n)) n = e.getKey();
        if (n < 0) return List.of();
        Map<Integer, Integer> byLabels = new HashMap<>();
        for (List<ObservedCell> r : rows) if (numbers(r) == n) byLabels.merge(labels(r), 1, Integer::sum);
        int l = -1;
        for (var e : byLabels.entrySet()) if (l < 0 || e.getValue() > byLabels.get(l) || e.getValue().equals(byLabels.get(l)) && e.getKey() < l) l = e.getKey();
        List<FoundTable> out = new ArrayList<>();
        int k = 0;
        while (k < rows.size()) {
            if (numbers(rows.get(k)) != n || labels(rows.get(k)) < l) {
                k++;
                continue;
            }
            int e = k + 1;
            while (e < rows.size() && numbers(rows.get(e)) == n && labels(rows.get(e)) == l) e++;
            FoundTable t = e - k >= 3 ? grid(rows, k, e, l, n) : null;
            if (t != null) out.add(t);
            k = e;
        }
        return out;
    }

    private static int numbers(List<ObservedCell> row) {
        return row.size() - labels(row);
    }

    private static int labels(List<ObservedCell> row) {
        int labels = 0;
        while (labels < row.size() && !NumberCell.isNumber(row.get(labels).text())) labels++;
        return labels;
    }

    private static FoundTable grid(List<List<ObservedCell>> rows, int from, int to, int labels, int numbers) {
        int cols = labels + numbers;
        List<List<String>> texts = new ArrayList<>();
        List<ObservedCell> firstRow = rows.get(from);
        int extra = firstRow.size() - cols;
        int first = firstRow.get(extra).firstLine();
        if (extra == cols) {
            List<String> header = new ArrayList<>();
            for (ObservedCell c : firstRow.subList(0, extra)) header.add(c.text());
            texts.add(header);
            first = firstRow.get(0).firstLine();
        }
        for (int r = from; r < to; r++) {
            List<ObservedCell> row = rows.get(r);
            List<String> t = new ArrayList<>();
            for (ObservedCell c : row.subList(row.size() - cols, row.size())) t.add(c.text());
            texts.add(t);
        }
        List<ObservedCell> lastRow = rows.get(to - 1);
        int end = lastRow.get(lastRow.size() - 1).endLine();
        if (!GenericGrid.fits(texts)) return null;
        Table t = GenericGrid.fromUnevenRows(texts);
        return new FoundTable(first, end, t, "flattened-cells", 0.4, List.of());
    }
}
