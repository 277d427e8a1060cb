package org.nianbao.ingest.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

/** The bound on repeated merged text (found by the fuzz test: 70 KB of HTML gave 107 MB of text). */
class TextWriterRepeatBoundTest {
    @Test
    void ordinaryMergedCellsAreRepeated() {
        Table t = Table.normalized(2, 3, List.of(Cell.of(0, 0, 2, 1, "三、本年度办理结果"), Cell.of(0, 1, 1, 2, "不予公开"),
                Cell.of(1, 1, 1, 1, "0"), Cell.of(1, 2, 1, 1, "1"))).table();
        assertTrue(TextWriter.repeatMerged(t));
    }

    @Test
    void aCellSpanningAHugeGridIsWrittenOnce() {
        int cols = 1000;
        int rows = 300;
        List<Cell> cells = new ArrayList<>();
        for (int c = 0; c < cols; c++) cells.add(Cell.of(0, c, 1, 1, String.valueOf(c % 10)));
        cells.add(Cell.of(1, 0, rows - 1, cols, "合并单元格的内容".repeat(200)));
        Table t = Table.normalized(rows, cols, cells).table();
        assertFalse(TextWriter.repeatMerged(t));
        String text = TextWriter.render(new org.nianbao.ingest.model.Document("x", org.nianbao.ingest.model.SourceKind.HTML, null, null,
                List.of(new org.nianbao.ingest.model.Page(1, 0, 0, null, List.of(new org.nianbao.ingest.model.TableBlock(t, "html", 1, null, null, List.of())), List.of())),
                org.nianbao.ingest.model.Status.done(), List.of(), null, null));
        assertEquals(1, text.split("合并单元格的内容".repeat(200), -1).length - 1, "written once");
        // still one line per grid row with the full column count
        String[] lines = text.lines().filter(l -> !l.isEmpty()).toArray(String[]::new);
        assertEquals(rows, lines.length);
        assertEquals(cols, lines[rows - 1].split(" \\| ", -1).length);
    }
}
