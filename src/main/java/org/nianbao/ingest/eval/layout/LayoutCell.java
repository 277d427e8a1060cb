package org.nianbao.ingest.eval.layout;

/**
 * One cell of a standard table layout, anchored at its top-left grid position.
 *
 * @param text    the printed text for non-value cells; "" for value cells (filled per report)
 * @param rowPath for value cells, the row labels from outer to inner joined by {@code " > "}; else null
 * @param colPath for value cells, the column headers from outer to inner joined by {@code " > "}; else null
 * @param kind    for value cells, what kind of number; else null
 */
public record LayoutCell(int row, int col, int rowSpan, int colSpan, CellRole role, String text,
                         String rowPath, String colPath, ValueKind kind) {
    public LayoutCell {
        if (row < 0 || col < 0 || rowSpan < 1 || colSpan < 1) throw new IllegalArgumentException("bad geometry");
        text = text == null ? "" : text;
    }

    public static LayoutCell fixed(int row, int col, int rowSpan, int colSpan, CellRole role, String text) {
        return new LayoutCell(row, col, rowSpan, colSpan, role, text, null, null, null);
    }

    public static LayoutCell value(int row, int col, int colSpan, String rowPath, String colPath, ValueKind kind) {
        return new LayoutCell(row, col, 1, colSpan, CellRole.VALUE, "", rowPath, colPath, kind);
    }

    public boolean isValue() {
        return role == CellRole.VALUE;
    }

    public boolean covers(int r, int c) {
        return r >= row && r < row + rowSpan && c >= col && c < col + colSpan;
    }

    /** The key a value is known by: row path and column path. */
    public String key() {
        return rowPath + " || " + colPath;
    }
}
