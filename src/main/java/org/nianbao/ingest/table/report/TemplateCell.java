package org.nianbao.ingest.table.report;

import java.util.List;

/**
 * One cell of a standard table template: a label (header, caption, row label, note) or a numeric slot.
 *
 * @param row      top-left grid row
 * @param col      top-left grid column
 * @param rowSpan  rows covered
 * @param colSpan  columns covered
 * @param value    true for a numeric slot, false for a label
 * @param label    the label's official text; "" for a value
 * @param aliases  other wordings real reports use for the label (the other format's wording, common variants)
 * @param rowId    short stable id of the value's row, e.g. {@code total}, {@code deny.3}; "" for labels
 * @param colId    short stable id of the value's column, e.g. {@code natural}, {@code review.total}; "" for labels
 * @param rowPath  row labels outer → inner joined by {@code " > "}; "" for labels
 * @param colPath  column headers outer → inner joined by {@code " > "}; "" for labels
 * @param kind     what the value may hold; null for labels
 */
public record TemplateCell(int row, int col, int rowSpan, int colSpan, boolean value, String label, List<String> aliases,
                           String rowId, String colId, String rowPath, String colPath, ValueKind kind) {
    public TemplateCell {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    static TemplateCell label(int row, int col, int rowSpan, int colSpan, String text, List<String> aliases) {
        return new TemplateCell(row, col, rowSpan, colSpan, false, text, aliases, "", "", "", "", null);
    }

    static TemplateCell slot(int row, int col, int colSpan, String rowId, String colId, String rowPath, String colPath, ValueKind kind) {
        return new TemplateCell(row, col, 1, colSpan, true, "", List.of(), rowId, colId, rowPath, colPath, kind);
    }

    /** {@code rowId|colId}, the key identities use. */
    public String slotKey() {
        return rowId + "|" + colId;
    }
}
