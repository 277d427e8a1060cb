package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;

/**
 * The two parts of a table continued on the next page: the first part (a label spanning three columns)
 * is re-cut on the second part's column lines, also when the scanned second page lies shifted and both
 * pages are a little skewed.
 */
class ContinuedColumnsTest {
    /** Column lines of the full table: three label columns, then two number columns. */
    private static final double[] LINES = {100, 200, 300, 400, 500, 600};

    @Test
    void scannedPartsAreRecutOnSharedColumnsDespiteShiftAndSkew() {
        // first part: label over columns 0-2, numbers in 3 and 4; second part: all five columns, page shifted 30 px right
        Table first = part(new int[][] {{0, 3}, {3, 1}, {4, 1}}, 0, 0.01);
        Table second = part(new int[][] {{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}}, 30, -0.008);
        List<Page> out = ContinuedColumns.align(List.of(page(1, first, ImageRulingTables.ORIGIN), page(2, second, ImageRulingTables.ORIGIN)));
        Table a = ((TableBlock) out.get(0).blocks().get(0)).table();
        assertEquals(5, a.cols(), "first part re-cut on five columns");
        Cell label = a.cellAt(0, 0);
        assertEquals(3, label.colSpan(), "the label keeps its extent as a span");
        assertEquals("n3", a.cellAt(0, 3).text());
        assertEquals("n4", a.cellAt(0, 4).text());
        assertEquals(5, ((TableBlock) out.get(1).blocks().get(0)).table().cols());
    }

    @Test
    void pdfPartsThatDoNotLineUpAreLeftAlone() {
        // vector tables do not move between pages: a part 30 pt to the side is another table
        Table first = part(new int[][] {{0, 3}, {3, 1}, {4, 1}}, 0, 0);
        Table second = part(new int[][] {{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}}, 30, 0);
        List<Page> out = ContinuedColumns.align(List.of(page(1, first, PdfRulingTables.ORIGIN), page(2, second, PdfRulingTables.ORIGIN)));
        assertEquals(3, ((TableBlock) out.get(0).blocks().get(0)).table().cols());
    }

    @Test
    void oneSkewedRuleIsOneColumnLine() {
        Table t = part(new int[][] {{0, 1}, {1, 1}, {2, 1}, {3, 1}, {4, 1}}, 0, 0.01);
        assertEquals(6, ContinuedColumns.columnLines(t).size());
    }

    /**
     * Four rows of a part; each cell {start column, span} of {@code spans}; boxes shifted by {@code dx} and
     * drifting sideways by {@code skew} px per px down the page (a skewed scan mapped back to the page).
     */
    private static Table part(int[][] spans, double dx, double skew) {
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            double y = 1000 + r * 60;
            double drift = skew * y;
            int col = 0;
            for (int[] s : spans) {
                double x0 = LINES[s[0]] + dx + drift;
                double x1 = LINES[s[0] + s[1]] + dx + drift;
                cells.add(new Cell(r, col, 1, 1, s[1] > 1 ? "label" : "n" + s[0], new Box(x0, y, x1 - x0, 60), 90));
                col++;
            }
        }
        return new Table(4, spans.length, cells);
    }

    private static Page page(int n, Table t, String origin) {
        Provenance p = new Provenance(SourceKind.IMAGE, n, Method.OCR, "");
        return new Page(n, 2480, 3508, new PageReading(Method.OCR, "test"), List.of(new TableBlock(t, origin, 0.85, null, p, List.of())), List.of());
    }
}
