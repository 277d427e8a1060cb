package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Table;

/**
 * A header that a grid without rules lists late (总计, set vertically centred over two header rows, read
 * after the lower header row) lands just before 一、本年新收…: it must not be glued onto that row label.
 */
class MovedHeaderTest {
    @Test
    void aHeaderJustBeforeARowLabelIsNotMergedIntoIt() {
        StandardTemplate t = StandardTemplates.byId("2019-sec3");
        Table grid = Grids.zeros("2019-sec3");
        List<ObservedCell> cells = new ArrayList<>(GridStreams.of(grid));
        int total = -1;
        int firstRow = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).text().equals("总计") && total < 0) total = i;
            if (cells.get(i).text().startsWith("一、本年新收")) firstRow = i;
        }
        ObservedCell moved = cells.remove(total);
        cells.add(firstRow - 1, moved); // now directly before 一、本年新收…
        Alignment a = TemplateMatcher.align(t, new CellStream(cells), 0, cells.size());
        int k = -1;
        for (int i = 0; i < t.cells().size(); i++) if (t.cells().get(i).label().startsWith("一、本年新收")) k = i;
        assertEquals(1, a.count()[k], "matched alone, not with the header before it: " + a.observedText(k));
        assertEquals("一、本年新收政府信息公开申请数量", a.observedText(k).strip());
        Table relaid = TemplateGridLayout.layout(a).table();
        assertNotNull(GridStreams.recognize(relaid));
    }
}
