package org.nianbao.ingest.table.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nianbao.ingest.extract.pdf.BaselineGroups;
import org.nianbao.ingest.extract.pdf.PdfGlyph;
import org.nianbao.ingest.extract.pdf.PdfRulings;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.ocr.CjkSpacing;

/**
 * Ruled tables of a born-digital PDF page: the grid from the vector rulings ({@link RulingGrid}), merged
 * cells where an internal boundary is not ruled, and the text-layer glyphs that fall inside each cell,
 * wrapped lines joined (no space where either side is Chinese). Every glyph inside a table's frame goes
 * to exactly one cell; the caller lays out the remaining glyphs as paragraphs, so no text is lost or
 * read twice.
 */
public final class PdfRulingTables {
    /** Origin recorded on the table blocks built here. */
    public static final String ORIGIN = "pdf-rulings";
    static final double CONFIDENCE = 0.95;

    private PdfRulingTables() { }

    /**
     * A table found on the page: its block, its frame (page points) and the glyphs it consumed.
     *
     * @param top the top of the frame, for placing the block in reading order
     */
    public record Found(TableBlock block, Box frame, double top, List<PdfGlyph> glyphs) { }

    /** The ruled tables of a page, top to bottom, and the glyphs outside every table. */
    public record Result(List<Found> tables, List<PdfGlyph> rest) { }

    /** Finds the ruled tables among {@code rulings} and gives each its glyphs. */
    public static Result find(PdfRulings.Rulings rulings, List<PdfGlyph> glyphs, Provenance provenance) {
        return find(rulings, glyphs, provenance, RulingGrid.SNAP);
    }

    /** As {@link #find(PdfRulings.Rulings, List, Provenance)} with the snap distance in the rulings' units. */
    public static Result find(PdfRulings.Rulings rulings, List<PdfGlyph> glyphs, Provenance provenance, double snap) {
        List<RulingGrid.Grid> grids = RulingGrid.find(rulings.horizontal(), rulings.vertical(), snap);
        if (grids.isEmpty()) return new Result(List.of(), glyphs);
        List<List<PdfGlyph>> inside = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) inside.add(new ArrayList<>());
        List<PdfGlyph> rest = new ArrayList<>();
        for (PdfGlyph g : glyphs) {
            double cx = g.x() + g.width() / 2;
            double cy = centreY(g);
            int owner = -1;
            for (int i = 0; i < grids.size() && owner < 0; i++) {
                RulingGrid.Grid grid = grids.get(i);
                if (cx >= grid.left() && cx <= grid.right() && cy >= grid.top() && cy <= grid.bottom()) owner = i;
            }
            if (owner < 0) rest.add(g);
            else inside.get(owner).add(g);
        }
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            RulingGrid.Grid grid = grids.get(i);
            List<PdfGlyph> mine = inside.get(i);
            if (mine.stream().allMatch(g -> g.text().isBlank())) {
                rest.addAll(mine); // an empty ruled frame (a box, a form line) is not a table
                continue;
            }
            TableBlock block = block(grid, mine, provenance);
            Box frame = new Box(grid.left(), grid.top(), grid.right() - grid.left(), grid.bottom() - grid.top());
            found.add(new Found(block, frame, grid.top(), mine));
        }
        return new Result(found, rest);
    }

    /** Middle of the glyph's em box: where it sits between two rules. */
    private static double centreY(PdfGlyph g) {
        return g.baseline() - g.size() * 0.38;
    }

    static TableBlock block(RulingGrid.Grid grid, List<PdfGlyph> glyphs, Provenance provenance) {
        int rows = grid.rows();
        int cols = grid.cols();
        // cells: connected grid positions across unruled boundaries, as rectangles
        int[][] region = regions(grid);
        int regions = 0;
        for (int[] row : region) for (int id : row) regions = Math.max(regions, id + 1);
        int[] r0 = new int[regions], c0 = new int[regions], r1 = new int[regions], c1 = new int[regions];
        java.util.Arrays.fill(r0, Integer.MAX_VALUE);
        java.util.Arrays.fill(c0, Integer.MAX_VALUE);
        java.util.Arrays.fill(r1, -1);
        java.util.Arrays.fill(c1, -1);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int id = region[r][c];
                r0[id] = Math.min(r0[id], r);
                c0[id] = Math.min(c0[id], c);
                r1[id] = Math.max(r1[id], r);
                c1[id] = Math.max(c1[id], c);
            }
        }
        List<List<PdfGlyph>> cellGlyphs = new ArrayList<>();
        for (int i = 0; i < regions; i++) cellGlyphs.add(new ArrayList<>());
        for (PdfGlyph g : glyphs) {
            int c = index(grid.xs(), g.x() + g.width() / 2);
            int r = index(grid.ys(), centreY(g));
            cellGlyphs.get(region[r][c]).add(g);
        }
        List<Cell> cells = new ArrayList<>();
        int irregular = 0;
        for (int i = 0; i < regions; i++) {
            if (r1[i] < 0) continue;
            int area = 0;
            for (int r = r0[i]; r <= r1[i]; r++) for (int c = c0[i]; c <= c1[i]; c++) if (region[r][c] == i) area++;
            if (area != (r1[i] - r0[i] + 1) * (c1[i] - c0[i] + 1)) irregular++;
            Box box = new Box(grid.xs()[c0[i]], grid.ys()[r0[i]], grid.xs()[c1[i] + 1] - grid.xs()[c0[i]],
                    grid.ys()[r1[i] + 1] - grid.ys()[r0[i]]);
            cells.add(new Cell(r0[i], c0[i], r1[i] - r0[i] + 1, c1[i] - c0[i] + 1, CellLines.text(cellGlyphs.get(i)), box, 100));
        }
        Table.Repaired repaired = Table.normalized(rows, cols, cells);
        List<Warning> warnings = new ArrayList<>();
        if (irregular > 0 || repaired.repairs() > 0) {
            warnings.add(new Warning("table-irregular-cells", irregular + " cell(s) of a ruled table are not rectangles; "
                    + "their text may sit in a neighbouring cell", provenance.page()));
        }
        return new TableBlock(repaired.table(), ORIGIN, irregular > 0 ? 0.8 : CONFIDENCE, null, provenance, warnings);
    }

    /** Labels grid positions by the cell they belong to (flood fill across unruled boundaries). */
    static int[][] regions(RulingGrid.Grid grid) {
        int rows = grid.rows();
        int cols = grid.cols();
        int[][] id = new int[rows][cols];
        for (int[] row : id) java.util.Arrays.fill(row, -1);
        int next = 0;
        int[] stack = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (id[r][c] >= 0) continue;
                int sp = 0;
                stack[sp++] = r * cols + c;
                id[r][c] = next;
                while (sp > 0) {
                    int p = stack[--sp];
                    int pr = p / cols;
                    int pc = p % cols;
                    if (pc + 1 < cols && id[pr][pc + 1] < 0 && !grid.ruledRightOf(pr, pc)) { id[pr][pc + 1] = next; stack[sp++] = p + 1; }
                    if (pc > 0 && id[pr][pc - 1] < 0 && !grid.ruledRightOf(pr, pc - 1)) { id[pr][pc - 1] = next; stack[sp++] = p - 1; }
                    if (pr + 1 < rows && id[pr + 1][pc] < 0 && !grid.ruledBelow(pr, pc)) { id[pr + 1][pc] = next; stack[sp++] = p + cols; }
                    if (pr > 0 && id[pr - 1][pc] < 0 && !grid.ruledBelow(pr - 1, pc)) { id[pr - 1][pc] = next; stack[sp++] = p - cols; }
                }
                next++;
            }
        }
        return id;
    }

    /** The interval of {@code lines} holding {@code v}, clamped to the grid. */
    private static int index(double[] lines, double v) {
        int i = 0;
        while (i + 2 < lines.length && v > lines[i + 1]) i++;
        return i;
    }

    /** Joins a cell's glyphs into its text: lines top to bottom, wrapped lines joined. */
    static final class CellLines {
        private CellLines() { }

        static String text(List<PdfGlyph> glyphs) {
            List<List<PdfGlyph>> lines = BaselineGroups.of(glyphs);
            StringBuilder out = new StringBuilder();
            for (List<PdfGlyph> line : lines) {
                String t = line(line);
                if (t.isEmpty()) continue;
                if (out.length() > 0 && needsSpace(out.codePointBefore(out.length()), t.codePointAt(0))) out.append(' ');
                out.append(t);
            }
            return out.toString();
        }

        private static String line(List<PdfGlyph> glyphs) {
            glyphs.sort(Comparator.comparingDouble(PdfGlyph::x));
            StringBuilder sb = new StringBuilder();
            PdfGlyph prev = null;
            boolean pendingSpace = false;
            for (PdfGlyph g : glyphs) {
                String t = g.text();
                if (t.isBlank()) {
                    pendingSpace = sb.length() > 0;
                    continue;
                }
                t = t.strip();
                if (sb.length() > 0) {
                    double gap = g.x() - prev.right();
                    boolean gapSpace = gap > 0.3 * Math.max(g.size(), prev.size());
                    int before = sb.codePointBefore(sb.length());
                    int after = t.codePointAt(0);
                    boolean wide = CjkSpacing.isWide(before) || CjkSpacing.isWide(after);
                    boolean bothWide = CjkSpacing.isWide(before) && CjkSpacing.isWide(after);
                    // as in the page text: a typed space stays unless it justifies Chinese; a bare gap counts between Latin only
                    if (pendingSpace ? !bothWide : gapSpace && !wide) sb.append(' ');
                }
                sb.append(t);
                pendingSpace = false;
                prev = g;
            }
            return sb.toString();
        }

        /** Between wrapped lines: a space only between two Latin letters (a word broken at a line end is rare in these tables). */
        private static boolean needsSpace(int before, int after) {
            return Character.isLetter(before) && Character.isLetter(after)
                    && !CjkSpacing.isWide(before) && !CjkSpacing.isWide(after);
        }
    }
}
