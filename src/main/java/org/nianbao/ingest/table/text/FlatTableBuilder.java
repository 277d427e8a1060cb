package org.nianbao.ingest.table.text;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.table.report.Alignment;
import org.nianbao.ingest.table.report.CellStream;
import org.nianbao.ingest.table.report.DigitStreams;
import org.nianbao.ingest.table.report.ObservedCell;
import org.nianbao.ingest.table.report.TableRecognizer;
import org.nianbao.ingest.table.report.TemplateGridLayout;

/**
 * Rebuilds the tables in the cells a flattened-capture detector read: every standard table found in
 * the cells is laid into its canonical grid (the templates are the strongest evidence there is); the
 * cells between standard tables go to the detector's generic fallback, which may build a lower
 * confidence grid or leave them as text. Text inside a table's lines that the table cannot place is
 * reported in a warning with the text.
 */
final class FlatTableBuilder {
    /** Generic grids for cells that are not a standard table; may return nothing (the lines stay text). */
    interface Fallback {
        List<FoundTable> build(List<ObservedCell> cells);
    }

    private FlatTableBuilder() { }

    static List<FoundTable> build(List<ObservedCell> input, String origin, Fallback fallback) {
        List<FoundTable> out = new ArrayList<>();
        if (input.isEmpty()) return out;
        DigitStreams.Expansion expansion = DigitStreams.expand(input);
        List<ObservedCell> cells = expansion.cells();
        CellStream stream = new CellStream(cells);
        List<Alignment> tables = TableRecognizer.carve(stream);
        boolean[] inTable = new boolean[cells.size()];
        int lastLineEnd = Integer.MIN_VALUE;
        int leftoverFrom = 0;
        for (Alignment a : tables) {
            boolean[] used = a.used();
            int firstLine = Integer.MAX_VALUE;
            int endLine = Integer.MIN_VALUE;
            for (int j = a.start(); j < a.end(); j++) {
                if (!used[j]) continue;
                firstLine = Math.min(firstLine, cells.get(j).firstLine());
                endLine = Math.max(endLine, cells.get(j).endLine());
            }
            if (firstLine < lastLineEnd || firstLine >= endLine) continue; // shares lines with the previous table
            List<String> unplaced = new ArrayList<>();
            int lo = a.start();
            while (lo > 0 && cells.get(lo - 1).endLine() > firstLine) lo--;
            int hi = a.end();
            while (hi < cells.size() && cells.get(hi).firstLine() < endLine) hi++;
            for (int j = lo; j < hi; j++) {
                inTable[j] = true;
                if (!used[j] && !cells.get(j).text().isBlank()) unplaced.add(cells.get(j).text().strip());
            }
            out.addAll(leftovers(cells, inTable, leftoverFrom, lo, fallback));
            leftoverFrom = hi;
            TemplateGridLayout.Layout layout = TemplateGridLayout.layout(a);
            List<Warning> ws = new ArrayList<>(layout.warnings());
            if (!unplaced.isEmpty()) {
                ws.add(Warning.of("table-text-unplaced", "text in the lines of the " + a.template().id()
                        + " table that fits none of its cells: " + String.join(" | ", unplaced)));
            }
            for (DigitStreams.Split split : expansion.splits()) {
                if (split.index() >= lo && split.index() < hi) ws.add(Warning.of("table-digits-split", split.note()));
            }
            double confidence = Math.round(95 * Math.min(1, 0.5 + 0.5 * a.coverage() * a.purity())) / 100.0;
            out.add(new FoundTable(firstLine, endLine, layout.table(), origin, confidence, ws));
            lastLineEnd = endLine;
        }
        out.addAll(leftovers(cells, inTable, leftoverFrom, cells.size(), fallback));
        return out;
    }

    private static List<FoundTable> leftovers(List<ObservedCell> cells, boolean[] inTable, int from, int to, Fallback fallback) {
        if (fallback == null || to <= from) return List.of();
        List<ObservedCell> seg = new ArrayList<>();
        for (int j = from; j < to; j++) if (!inTable[j]) seg.add(cells.get(j));
        if (seg.isEmpty()) return List.of();
        return fallback.build(seg);
    }
}
