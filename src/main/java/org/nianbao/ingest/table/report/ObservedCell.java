package org.nianbao.ingest.table.report;

/**
 * One cell as a source listed it, in reading order: a grid cell (row, col known) or a cell of a
 * flattened text capture (row known when the capture kept rows, lines always known).
 *
 * @param text      the cell text, split lines already joined
 * @param row       grid row or capture row, -1 when unknown
 * @param col       grid column or position in its capture row, -1 when unknown
 * @param firstLine first source line of the cell (text captures), -1 otherwise
 * @param endLine   line after the cell's last line (text captures), -1 otherwise
 */
public record ObservedCell(String text, int row, int col, int firstLine, int endLine) {
    public ObservedCell {
        text = text == null ? "" : text;
    }

    public static ObservedCell ofGrid(String text, int row, int col) {
        return new ObservedCell(text, row, col, -1, -1);
    }

    public ObservedCell withText(String newText) {
        return new ObservedCell(newText, row, col, firstLine, endLine);
    }
}
