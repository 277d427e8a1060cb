package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

/** Test helper: the canonical grid of a template, labels as printed, values from a function. */
final class Grids {
    private Grids() { }

    static Table canonical(StandardTemplate t, Function<TemplateCell, String> value) {
        List<Cell> cells = new ArrayList<>();
        for (TemplateCell c : t.cells()) {
            cells.add(Cell.of(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.value() ? value.apply(c) : c.label()));
        }
        return Table.normalized(t.rows(), t.cols(), cells).table();
    }

    static Table zeros(String templateId) {
        return canonical(StandardTemplates.byId(templateId), c -> "0");
    }
}
