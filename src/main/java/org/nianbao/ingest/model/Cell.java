package org.nianbao.ingest.model;

/**
 * One cell of a table grid, anchored at its top-left grid position.
 *
 * @param row        0-based grid row of the top-left corner
 * @param col        0-based grid column of the top-left corner
 * @param rowSpan    number of grid rows covered (>= 1)
 * @param colSpan    number of grid columns covered (>= 1)
 * @param text       cell text, lines of a wrapped cell joined; "" for an empty cell
 * @param box        where the cell is on the page, or null when unknown (HTML, text captures)
 * @param confidence 0..100; 100 when the text is exact (HTML, text layer)
 * @param alternatives other readings OCR offered for this cell, most likely first (a digits-only pass,
 *                   another preparation of the pixels, the engine's runner-up choices); empty when the
 *                   text is exact. The identity checks may pick one of these when the first reading
 *                   breaks an identity, and record that as a correction.
 */
public record Cell(int row, int col, int rowSpan, int colSpan, String text, Box box, double confidence,
                   java.util.List<String> alternatives) {
    public Cell {
        if (row < 0 || col < 0 || rowSpan < 1 || colSpan < 1) {
            throw new IllegalArgumentException("bad cell geometry " + row + "," + col + " span " + rowSpan + "x" + colSpan);
        }
        text = text == null ? "" : Canonical.of(text);
        alternatives = alternatives == null ? java.util.List.of() : java.util.List.copyOf(alternatives);
    }

    public Cell(int row, int col, int rowSpan, int colSpan, String text, Box box, double confidence) {
        this(row, col, rowSpan, colSpan, text, box, confidence, java.util.List.of());
    }

    public static Cell of(int row, int col, int rowSpan, int colSpan, String text) {
        return new Cell(row, col, rowSpan, colSpan, text, null, 100);
    }

    public boolean covers(int r, int c) {
        return r >= row && r < row + rowSpan && c >= col && c < col + colSpan;
    }

    public Cell withText(String newText) {
        return new Cell(row, col, rowSpan, colSpan, newText, box, confidence, alternatives);
    }
}
