package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.Warning;

/**
 * Lays observed cells into the canonical grid of the template they matched: the rebuild of a
 * flattened capture. Labels keep their printed text (a label the capture cut short is restored from
 * the template, with a warning); values keep their text; template rows the capture does not have at
 * all are left out (with a warning) rather than invented; observed text the template cannot place is
 * reported in a warning with the text, never dropped silently.
 */
public final class TemplateGridLayout {
    private static final int MAX_QUOTED = 12;

    private TemplateGridLayout() { }

    public record Layout(Table table, List<Warning> warnings) { }

    public static Layout layout(Alignment a) {
        StandardTemplate t = a.template();
        List<TemplateCell> tc = t.cells();
        List<Warning> warnings = new ArrayList<>();
        boolean[] rowPresent = new boolean[t.rows()];
        for (int k = 0; k < tc.size(); k++) if (a.first()[k] >= 0) rowPresent[tc.get(k).row()] = true;
        int[] newRow = new int[t.rows() + 1];
        int kept = 0;
        List<String> missingRows = new ArrayList<>();
        for (int r = 0; r < t.rows(); r++) {
            newRow[r] = kept;
            if (rowPresent[r]) kept++;
            else missingRows.add(rowName(t, r));
        }
        newRow[t.rows()] = kept;
        List<Cell> cells = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        int missingValues = 0;
        for (int k = 0; k < tc.size(); k++) {
            TemplateCell c = tc.get(k);
            int top = newRow[c.row()];
            int bottom = newRow[c.row() + c.rowSpan()];
            if (bottom <= top) continue; // every row of the cell is absent
            String text = a.observedText(k);
            if (c.value()) {
                text = text.strip();
                if (a.first()[k] < 0 && rowPresent[c.row()]) missingValues++;
            } else if (a.first()[k] >= 0) {
                text = LabelKey.tidy(text);
                String templateKey = TemplateMatcher.labelKeys(t, k)[0];
                if (LabelKey.isTruncation(LabelKey.key(text), templateKey)) {
                    restored.add("'" + text + "' → '" + c.label() + "'");
                    text = c.label();
                }
            }
            cells.add(new Cell(top, c.col(), bottom - top, c.colSpan(), text, null, 100));
        }
        Table table = Table.normalized(kept, t.cols(), cells).table();
        if (!restored.isEmpty()) {
            warnings.add(Warning.of("table-header-restored", "labels the capture cut short were completed from the standard "
                    + t.id() + " table: " + quote(restored)));
        }
        if (!missingRows.isEmpty()) {
            warnings.add(Warning.of("table-rows-missing", "rows of the standard " + t.id() + " table (" + t.shape()
                    + ") not in the capture: " + quote(missingRows)));
        }
        if (missingValues > 0) {
            warnings.add(Warning.of("table-cells-missing", missingValues + " numeric cell(s) of the standard " + t.id()
                    + " table were not found in the capture and are left empty"));
        }
        return new Layout(table, warnings);
    }

    /** A row named by its labels, for messages. */
    static String rowName(StandardTemplate t, int row) {
        for (TemplateCell c : t.cells()) if (c.value() && c.row() == row) return c.rowPath().isEmpty() ? c.colPath() : c.rowPath();
        StringBuilder b = new StringBuilder();
        for (TemplateCell c : t.cells()) {
            if (!c.value() && c.row() == row) {
                if (b.length() > 0) b.append(" / ");
                b.append(c.label());
            }
        }
        return b.length() == 0 ? "row " + row : b.toString();
    }

    /** Quotes up to a dozen items; the rest are counted, so a hostile input cannot make a huge message. */
    static String quote(List<String> items) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.size() && i < MAX_QUOTED; i++) {
            if (i > 0) b.append("; ");
            String s = items.get(i);
            b.append(s.length() > 200 ? s.substring(0, 200) + "…" : s);
        }
        if (items.size() > MAX_QUOTED) b.append("; and ").append(items.size() - MAX_QUOTED).append(" more");
        return b.toString();
    }
}
