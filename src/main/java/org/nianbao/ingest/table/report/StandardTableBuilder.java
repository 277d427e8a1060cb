package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.StandardTable.KeyedValue;
import org.nianbao.ingest.model.Table;

/**
 * Turns an alignment of a grid with a template into the {@link StandardTable} of the JSON: every
 * numeric cell keyed by row and column path (at its position in the grid as it is, whatever its
 * shape), the deviations from the template, and the identity checks.
 */
public final class StandardTableBuilder {
    private StandardTableBuilder() { }

    public static StandardTable build(Alignment a, Table grid) {
        return keyed(a, grid).table();
    }

    /** The standard table and its keyed values by {@link TemplateCell#slotKey()} (what the identities use). */
    record Keyed(StandardTable table, Map<String, KeyedValue> bySlot) { }

    static Keyed keyed(Alignment a, Table grid) {
        return keyed(a, grid, List.of());
    }

    /** As {@link #keyed(Alignment, Table)}, with the labels {@link LabelRepair} restored reported as such, not as variants. */
    static Keyed keyed(Alignment a, Table grid, List<LabelRepair.Fix> restored) {
        Map<Integer, LabelRepair.Fix> fixed = new HashMap<>();
        for (LabelRepair.Fix f : restored) fixed.put(f.cell(), f);
        StandardTemplate t = a.template();
        List<TemplateCell> tc = t.cells();
        List<KeyedValue> values = new ArrayList<>();
        Map<String, KeyedValue> bySlot = new HashMap<>();
        List<String> deviations = new ArrayList<>();
        if (grid != null && (grid.rows() != t.rows() || grid.cols() != t.cols())) {
            deviations.add("grid shape " + grid.rows() + "×" + grid.cols() + " differs from the standard " + t.id()
                    + " grid " + t.shape() + "; cells are keyed by their labels");
        }
        Set<Integer> presentRows = new LinkedHashSet<>();
        for (int k = 0; k < tc.size(); k++) if (a.first()[k] >= 0) presentRows.add(tc.get(k).row());
        List<String> missingValues = new ArrayList<>();
        Map<Integer, org.nianbao.ingest.model.Cell> byPosition = positional(a, grid);
        for (int k = 0; k < tc.size(); k++) {
            TemplateCell c = tc.get(k);
            if (!c.value()) continue;
            if (byPosition != null) {
                org.nianbao.ingest.model.Cell g = byPosition.get(k);
                String text = g.text().strip();
                NumberCell.Parsed p = NumberCell.parse(text);
                KeyedValue kv = new KeyedValue(c.rowPath(), c.colPath(), text, p.isNumber() ? p.value() : null, g.row(), g.col());
                values.add(kv);
                bySlot.put(c.slotKey(), kv);
                continue;
            }
            int o = a.first()[k];
            if (o < 0) {
                if (presentRows.contains(c.row())) missingValues.add(path(c));
                continue;
            }
            ObservedCell cell = a.stream().get(o);
            String text = cell.text().strip();
            NumberCell.Parsed p = NumberCell.parse(text);
            KeyedValue kv = new KeyedValue(c.rowPath(), c.colPath(), text, p.isNumber() ? p.value() : null, cell.row(), cell.col());
            values.add(kv);
            bySlot.put(c.slotKey(), kv);
        }
        for (int r = 0; r < t.rows(); r++) {
            if (!presentRows.contains(r) && hasValues(t, r)) deviations.add("missing row: " + TemplateGridLayout.rowName(t, r));
        }
        if (!missingValues.isEmpty()) deviations.add("missing numeric cells: " + TemplateGridLayout.quote(missingValues));
        for (int k = 0; k < tc.size(); k++) {
            TemplateCell c = tc.get(k);
            if (c.value() || a.first()[k] < 0) continue;
            if (fixed.containsKey(k)) {
                deviations.add(fixed.get(k).describe());
                continue;
            }
            String observed = LabelKey.tidy(a.observedText(k));
            String key = LabelKey.key(observed);
            String[] keys = TemplateMatcher.labelKeys(t, k);
            if (key.equals(keys[0])) continue;
            boolean alias = false;
            for (int i = 1; i < keys.length; i++) if (key.equals(keys[i])) alias = true;
            String how = alias ? "label variant (the other format's wording)"
                    : LabelKey.isTruncation(key, keys[0]) ? "label cut short" : "label variant";
            deviations.add(how + ": '" + observed + "' for '" + c.label() + "'");
        }
        List<String> unplaced = new ArrayList<>();
        Set<String> keyedAt = new java.util.HashSet<>();
        if (byPosition != null) for (org.nianbao.ingest.model.Cell g : byPosition.values()) keyedAt.add(g.row() + "," + g.col());
        for (int j : a.unplaced()) {
            ObservedCell o = a.stream().get(j);
            if (!keyedAt.contains(o.row() + "," + o.col()) && !withinRestored(tc, restored, o)) unplaced.add(o.text().strip());
        }
        if (!unplaced.isEmpty()) deviations.add("cells outside the template: " + String.join(" | ", unplaced));
        return new Keyed(new StandardTable(t.id(), values, IdentityChecker.check(t, bySlot), deviations, List.of()), bySlot);
    }

    /**
     * The grid cell of every value slot, by template cell index, when the grid is laid out exactly as the
     * template (same shape, every value slot a cell of its own at the template's position with the
     * template's spans) and the alignment put every value it found in the template's own row, each in a
     * grid cell of its own; null otherwise. Then a value cell that reads as text (a figure OCR made letters
     * or noise of, {@code D :.}, {@code 本}) is keyed where it stands, as text, instead of the alignment
     * sliding the row's numbers over it (which keys every later cell of the row one column off) or
     * leaving it out: the identities then see the cell as what it is, an unread number.
     */
    private static Map<Integer, org.nianbao.ingest.model.Cell> positional(Alignment a, Table grid) {
        StandardTemplate t = a.template();
        if (grid == null || grid.rows() != t.rows() || grid.cols() != t.cols()) return null;
        Map<String, org.nianbao.ingest.model.Cell> at = new HashMap<>();
        for (org.nianbao.ingest.model.Cell c : grid.cells()) at.put(c.row() + "," + c.col(), c);
        List<TemplateCell> tc = t.cells();
        Map<Integer, org.nianbao.ingest.model.Cell> out = new HashMap<>();
        Set<String> observedCells = new java.util.HashSet<>();
        int sameAsAligned = 0;
        int values = 0;
        for (int k = 0; k < tc.size(); k++) {
            TemplateCell c = tc.get(k);
            if (!c.value()) continue;
            values++;
            org.nianbao.ingest.model.Cell g = at.get(c.row() + "," + c.col());
            if (g == null || g.rowSpan() != c.rowSpan() || g.colSpan() != c.colSpan()) return null;
            out.put(k, g);
            int o = a.first()[k];
            if (o < 0) continue;
            ObservedCell seen = a.stream().get(o);
            // a digit run split into several values (one grid cell, many numbers) is no one-value-a-cell grid
            if (seen.row() != c.row() || a.count()[k] != 1 || !observedCells.add(seen.row() + "," + seen.col())) return null;
            if (seen.col() == c.col()) sameAsAligned++;
        }
        // most values already where the template has them: the grid is the template's, not one that merely has its shape
        return values > 0 && sameAsAligned * 2 >= values ? out : null;
    }

    /** A piece of a restored label's cell (a group cell cut by a page break read as junk): the fix reports it. */
    private static boolean withinRestored(List<TemplateCell> tc, List<LabelRepair.Fix> restored, ObservedCell o) {
        for (LabelRepair.Fix f : restored) {
            TemplateCell c = tc.get(f.cell());
            if (o.col() == c.col() && o.row() >= c.row() && o.row() < c.row() + c.rowSpan()) return true;
        }
        return false;
    }

    private static boolean hasValues(StandardTemplate t, int row) {
        for (TemplateCell c : t.cells()) if (c.value() && c.row() == row) return true;
        return false;
    }

    private static String path(TemplateCell c) {
        return c.rowPath().isEmpty() ? c.colPath() : c.rowPath() + " | " + c.colPath();
    }
}
