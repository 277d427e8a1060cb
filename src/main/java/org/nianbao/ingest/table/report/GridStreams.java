package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

/** A grid read as a stream of cells in reading order (each merged cell once, at its top-left corner). */
public final class GridStreams {
    private GridStreams() { }

    public static List<ObservedCell> of(Table t) {
        List<Cell> cells = new ArrayList<>(t.cells());
        cells.sort(Comparator.comparingInt(Cell::row).thenComparingInt(Cell::col));
        List<ObservedCell> out = new ArrayList<>(cells.size());
        for (Cell c : cells) out.add(ObservedCell.ofGrid(c.text(), c.row(), c.col()));
        return out;
    }

    /** Best standard table in a grid (digit runs that lost their boundaries split first), or null. */
    public static Alignment recognize(Table t) {
        if ((long) t.rows() * t.cols() > 4L * TableRecognizer.MAX_STREAM || t.cells().size() > TableRecognizer.MAX_STREAM) return null;
        DigitStreams.Expansion e = DigitStreams.expand(of(t));
        return TableRecognizer.best(new CellStream(e.cells()));
    }
}
