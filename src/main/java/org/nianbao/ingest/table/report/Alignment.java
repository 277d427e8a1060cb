package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.List;

/**
 * How a stream of observed cells lines up with a standard template: for every template cell, the
 * observed cell(s) it was read from, or none.
 *
 * @param template   the template
 * @param stream     the observed cells
 * @param first      per template cell (template order): index of its first observed cell, -1 when missing
 * @param count      per template cell: how many consecutive observed cells make it (a label split over cells), 0 when missing
 * @param similarity per template cell: label similarity 0..1 (1 for values), 0 when missing
 * @param start      index of the first observed cell the table uses
 * @param end        index after the last observed cell the table uses
 * @param cost       alignment cost (lower is better)
 */
public record Alignment(StandardTemplate template, CellStream stream, int[] first, int[] count, double[] similarity,
                        int start, int end, double cost) {

    public int matchedLabels() {
        int n = 0;
        List<TemplateCell> cells = template.cells();
        for (int i = 0; i < cells.size(); i++) if (!cells.get(i).value() && first[i] >= 0) n++;
        return n;
    }

    public int matchedValues() {
        int n = 0;
        List<TemplateCell> cells = template.cells();
        for (int i = 0; i < cells.size(); i++) if (cells.get(i).value() && first[i] >= 0) n++;
        return n;
    }

    /** Matched value slots that hold a number (not a blank placeholder). */
    public int numericValues() {
        int n = 0;
        List<TemplateCell> cells = template.cells();
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).value() && first[i] >= 0 && stream.isNumber(first[i])) n++;
        }
        return n;
    }

    /** Share of template cells found, 0..1. */
    public double coverage() {
        return (double) (matchedLabels() + matchedValues()) / template.cells().size();
    }

    /** Observed cells inside [start, end) used by the template. */
    public boolean[] used() {
        boolean[] used = new boolean[stream.size()];
        for (int i = 0; i < first.length; i++) {
            for (int k = 0; k < count[i]; k++) used[first[i] + k] = true;
        }
        return used;
    }

    /** Indexes of non-empty observed cells inside the table's span that no template cell took. */
    public List<Integer> unplaced() {
        boolean[] used = used();
        List<Integer> out = new ArrayList<>();
        for (int j = start; j < end; j++) if (!used[j] && !stream.isEmpty(j)) out.add(j);
        return out;
    }

    /** Share of non-empty observed cells in the span that the template explains, 0..1. */
    public double purity() {
        boolean[] used = used();
        int nonEmpty = 0;
        int taken = 0;
        for (int j = start; j < end; j++) {
            if (stream.isEmpty(j)) continue;
            nonEmpty++;
            if (used[j]) taken++;
        }
        return nonEmpty == 0 ? 0 : (double) taken / nonEmpty;
    }

    /** A score to compare templates on the same cells: found cells minus cost, per template cell. */
    public double quality() {
        return (matchedLabels() + matchedValues() - cost) / template.cells().size();
    }

    /** The observed text of template cell {@code i}, split parts joined; "" when missing. */
    public String observedText(int i) {
        if (first[i] < 0) return "";
        if (count[i] == 1) return stream.get(first[i]).text();
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < count[i]; k++) b.append(stream.get(first[i] + k).text().strip());
        return b.toString();
    }

    /** Whether the template's data rows are all present (nothing at the end cut off by a page break). */
    public boolean reachesEnd() {
        int m = first.length;
        for (int i = m - 1; i >= 0 && i >= m - 3; i--) if (first[i] >= 0) return true;
        return false;
    }
}
