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
        for (int k = 0; k < tc.size(); k++) {
            TemplateCell c = tc.get(k);
            if (!c.value()) continue;
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
        for (int j : a.unplaced()) unplaced.add(a.stream().get(j).text().strip());
        if (!unplaced.isEmpty()) deviations.add("cells outside the template: " + String.join(" | ", unplaced));
        return new Keyed(new StandardTable(t.id(), values, IdentityChecker.check(t, bySlot), deviations, List.of()), bySlot);
    }

    private static boolean hasValues(StandardTemplate t, int row) {
        for (TemplateCell c : t.cells()) if (c.value() && c.row() == row) return true;
        return false;
    }

    private static String path(TemplateCell c) {
        return c.rowPath().isEmpty() ? c.colPath() : c.rowPath() + " | " + c.colPath();
    }
}
