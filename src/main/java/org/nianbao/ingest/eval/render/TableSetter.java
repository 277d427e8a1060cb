package org.nianbao.ingest.eval.render;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.ingest.eval.gen.FilledTable;
import org.nianbao.ingest.eval.layout.CellRole;
import org.nianbao.ingest.eval.layout.LayoutCell;
import org.nianbao.ingest.eval.layout.TableLayout;
import org.nianbao.ingest.eval.render.Faces.DocFaces;
import org.nianbao.ingest.eval.render.LineBreaker.Run;
import org.nianbao.ingest.eval.render.LineBreaker.SetLine;

/**
 * Sets one standard table as a ruled grid: column widths, text wrapped inside cells, row heights
 * grown to fit, rows placed down the page and onto following pages, every cell stroked as a
 * rectangle (a merged cell is one rectangle, or one per page when it continues on the next page).
 * Unruled, the same cells are set in the same places with no rule at all.
 */
final class TableSetter {
    private final FilledTable table;
    private final TableLayout layout;
    private final DocFaces faces;
    private final float size;
    private final float lineHeight;
    private final float padX;
    private final float[] colX;
    private final float[] rowHeight;
    private final Map<LayoutCell, List<SetLine>> lines = new HashMap<>();
    /** False: the cells are set in place but no rule is drawn (a table of aligned columns only). */
    private final boolean ruled;
    private final Look look;

    /** Where each row landed: its page and the y of its top edge. */
    record Placement(int[] rowPage, float[] rowTop) { }

    TableSetter(FilledTable table, DocFaces faces, float size, float width) {
        this(table, faces, size, width, true);
    }

    TableSetter(FilledTable table, DocFaces faces, float size, float width, boolean ruled) {
        this(table, faces, size, width, ruled, Look.STANDARD);
    }

    /** @param look the table's face, frame, header weight and figure alignment; size already includes its delta */
    TableSetter(FilledTable table, DocFaces faces, float size, float width, boolean ruled, Look look) {
        this.look = look;
        this.ruled = ruled;
        this.table = table;
        this.layout = table.layout();
        this.faces = faces;
        this.size = size;
        this.lineHeight = size * 1.32f;
        this.padX = size * 0.3f;
        float[] share = shares(layout);
        colX = new float[layout.cols() + 1];
        for (int c = 0; c < layout.cols(); c++) colX[c + 1] = colX[c] + share[c] * width;
        for (LayoutCell cell : layout.cells()) {
            float w = colX[cell.col() + cell.colSpan()] - colX[cell.col()] - 2 * padX;
            lines.put(cell, LineBreaker.breakLines(List.of(new Run(table.text(cell), look.tableFace())), faces, size, w, w));
        }
        rowHeight = new float[layout.rows()];
        float minRow = size * 2.1f;
        java.util.Arrays.fill(rowHeight, minRow);
        for (LayoutCell cell : layout.cells()) {
            if (cell.rowSpan() == 1) rowHeight[cell.row()] = Math.max(rowHeight[cell.row()], needed(cell));
        }
        for (LayoutCell cell : layout.cells()) {
            if (cell.rowSpan() == 1) continue;
            float have = 0;
            for (int r = cell.row(); r < cell.row() + cell.rowSpan(); r++) have += rowHeight[r];
            float deficit = needed(cell) - have;
            if (deficit > 0) {
                for (int r = cell.row(); r < cell.row() + cell.rowSpan(); r++) rowHeight[r] += deficit / cell.rowSpan();
            }
        }
    }

    /** Column width shares, the way these tables are usually laid out in Word. */
    private static float[] shares(TableLayout layout) {
        float[] s = new float[layout.cols()];
        switch (layout.id()) {
            case "二" -> {
                s[0] = 0.31f;
                for (int i = 1; i < 4; i++) s[i] = 0.23f;
            }
            case "三" -> {
                s[0] = 0.085f;
                s[1] = 0.14f;
                s[2] = 0.265f;
                for (int i = 3; i < 10; i++) s[i] = 0.51f / 7;
            }
            default -> java.util.Arrays.fill(s, 1f / layout.cols());
        }
        return s;
    }

    private float needed(LayoutCell cell) {
        return lines.get(cell).size() * lineHeight + size * 0.8f;
    }

    float width() {
        return colX[colX.length - 1];
    }

    float rowHeight(int r) {
        return rowHeight[r];
    }

    float height() {
        float h = 0;
        for (float r : rowHeight) h += r;
        return h;
    }

    /** Rows at the top (captions, headers) that must stay on one page with the first data row. */
    private int headRows() {
        int r = 0;
        while (r < layout.rows()) {
            final int row = r;
            boolean head = layout.anchoredIn(row).stream()
                    .noneMatch(c -> c.role() == CellRole.VALUE || c.role() == CellRole.LABEL);
            if (!head) break;
            r++;
        }
        return Math.min(r + 1, layout.rows());
    }

    /**
     * Places rows from (page, y) downwards; a row that does not fit above {@code bottom} goes to a
     * new page starting at {@code top}.
     */
    Placement place(Canvas canvas, int page, float y, float bottom, float top) throws IOException {
        int[] rowPage = new int[layout.rows()];
        float[] rowTop = new float[layout.rows()];
        float head = 0;
        int headRows = headRows();
        for (int r = 0; r < headRows; r++) head += rowHeight[r];
        if (y - head < bottom) {
            page = canvas.newPage();
            y = top;
        }
        for (int r = 0; r < layout.rows(); r++) {
            if (r >= headRows && y - rowHeight[r] < bottom) {
                page = canvas.newPage();
                y = top;
            }
            rowPage[r] = page;
            rowTop[r] = y;
            y -= rowHeight[r];
        }
        return new Placement(rowPage, rowTop);
    }

    /** Draws every cell; x0 is the table's left edge. */
    void draw(Canvas canvas, float x0, Placement p) throws IOException {
        for (LayoutCell cell : layout.cells()) {
            float x = x0 + colX[cell.col()];
            float w = colX[cell.col() + cell.colSpan()] - colX[cell.col()];
            // one rectangle per page the cell is on
            int bestPage = -1;
            float bestTop = 0;
            float bestH = -1;
            int r = cell.row();
            int end = cell.row() + cell.rowSpan();
            while (r < end) {
                int page = p.rowPage()[r];
                float segTop = p.rowTop()[r];
                float segH = 0;
                while (r < end && p.rowPage()[r] == page) {
                    segH += rowHeight[r];
                    r++;
                }
                if (ruled) canvas.rect(page, x, segTop - segH, w, segH);
                if (segH > bestH) {
                    bestH = segH;
                    bestPage = page;
                    bestTop = segTop;
                }
            }
            drawText(canvas, cell, bestPage, x, w, bestTop, bestH);
        }
        if (ruled && look.frame() != Look.Frame.PLAIN) drawFrame(canvas, x0, p);
    }

    /** The outer frame over the cell rules, once for every page the table is on. */
    private void drawFrame(Canvas canvas, float x0, Placement p) throws IOException {
        float w = width();
        int r = 0;
        while (r < layout.rows()) {
            int page = p.rowPage()[r];
            float top = p.rowTop()[r];
            float h = 0;
            while (r < layout.rows() && p.rowPage()[r] == page) h += rowHeight[r++];
            if (look.frame() == Look.Frame.HEAVY) {
                canvas.rect(page, x0, top - h, w, h, 1.8f);
            } else {
                float gap = 1.8f;
                canvas.rect(page, x0 - gap, top - h - gap, w + 2 * gap, h + 2 * gap, 0.6f);
            }
        }
    }

    private void drawText(Canvas canvas, LayoutCell cell, int page, float x, float w, float top, float h) throws IOException {
        List<SetLine> ls = lines.get(cell);
        float textH = ls.size() * lineHeight;
        float lineTop = top - Math.max(0, (h - textH) / 2);
        boolean left = cell.role() == CellRole.NOTE
                || (cell.role() == CellRole.LABEL && layout.id().equals("三") && (cell.col() > 0 || cell.colSpan() > 1));
        boolean right = look.figuresRight() && cell.role() == CellRole.VALUE;
        boolean bold = look.boldHeaders() && (cell.role() == CellRole.HEADER || cell.role() == CellRole.CAPTION);
        for (SetLine line : ls) {
            float baseline = lineTop - (lineHeight - size) / 2 - size * 0.86f;
            float lx = left ? x + padX : right ? x + w - padX - line.width() : x + (w - line.width()) / 2;
            if (bold) {
                canvas.boldText(page, lx, baseline, line, size);
            } else {
                canvas.text(page, lx, baseline, line, size);
            }
            lineTop -= lineHeight;
        }
    }
}
