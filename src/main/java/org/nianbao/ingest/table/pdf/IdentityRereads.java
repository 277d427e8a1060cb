package org.nianbao.ingest.table.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.ocr.OcrEngine;
import org.nianbao.ingest.ocr.OcrException;
import org.nianbao.ingest.table.report.Alignment;
import org.nianbao.ingest.table.report.GridStreams;
import org.nianbao.ingest.table.report.IdentityChecker;
import org.nianbao.ingest.table.report.StandardTableBuilder;

/**
 * Reads again, while the page image is still at hand, the number cells most likely to break a standard
 * table's identities, so that the identity corrector (table/report) has other readings to choose from
 * when it runs after the document is assembled. The identities are the report package's own (the grid
 * is recognised and checked with its public API, never a copy of the sums); only cells that lie in
 * the most failing identities are read again, at most {@link #MAX_CELLS} per table, and every new
 * reading is added to {@link Cell#alternatives()} — the cell's text is never changed here, and no value
 * the engine did not read is ever offered.
 */
final class IdentityRereads {
    /** Cells read again per table at most (each costs a few engine calls). */
    static final int MAX_CELLS = 8;

    private IdentityRereads() { }

    /** What was done, for the page's notes. */
    record Result(Table table, int failed, int cells, int added) { }

    static Result apply(OcrEngine engine, CellReader reader, Table table, ReadingBudget budget) throws OcrException {
        Alignment a = GridStreams.recognize(table);
        if (a == null) return new Result(table, 0, 0, 0);
        StandardTable st = StandardTableBuilder.build(a, table);
        List<List<String>> failing = new ArrayList<>();
        for (StandardTable.IdentityCheck c : st.checks()) {
            if (IdentityChecker.FAILED.equals(c.status()) && !c.id().equals("I7")) failing.add(c.cells());
        }
        if (failing.isEmpty()) return new Result(table, 0, 0, 0);
        Map<String, Cell> byRef = new HashMap<>();
        for (Cell c : table.cells()) byRef.put("r" + c.row() + "c" + c.col(), c);
        List<String> suspects = suspects(failing, MAX_CELLS);
        Map<String, List<String>> extra = new HashMap<>();
        int read = 0;
        int added = 0;
        for (String ref : suspects) {
            Cell c = byRef.get(ref);
            if (c == null || c.box() == null || budget.spent()) continue;
            if (!CellNumbers.isNumber(c.text())) continue;
            read++;
            List<String> more = new ArrayList<>();
            for (String r : reader.moreReadings(engine, c.box(), c.text(), budget)) {
                if (!r.equals(c.text()) && !c.alternatives().contains(r) && !more.contains(r)) more.add(r);
            }
            if (!more.isEmpty()) {
                extra.put(ref, more);
                added += more.size();
            }
        }
        if (extra.isEmpty()) return new Result(table, failing.size(), read, 0);
        List<Cell> cells = new ArrayList<>(table.cells().size());
        for (Cell c : table.cells()) {
            List<String> more = extra.get("r" + c.row() + "c" + c.col());
            if (more == null) {
                cells.add(c);
                continue;
            }
            List<String> alts = new ArrayList<>(c.alternatives());
            alts.addAll(more);
            cells.add(new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.text(), c.box(), c.confidence(), alts));
        }
        return new Result(new Table(table.rows(), table.cols(), cells), failing.size(), read, added);
    }

    /**
     * The cells in the most failing identities (where a failing row sum and a failing column sum cross
     * is the likely culprit; with one failing identity, its cells), at most {@code max}, in order.
     */
    static List<String> suspects(List<List<String>> failing, int max) {
        Map<String, Integer> count = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (List<String> cells : failing) {
            for (String ref : cells) {
                if (count.merge(ref, 1, Integer::sum) == 1) order.add(ref);
            }
        }
        int most = 0;
        for (int n : count.values()) most = Math.max(most, n);
        List<String> out = new ArrayList<>();
        for (String ref : order) if (count.get(ref) == most && out.size() < max) out.add(ref);
        return out;
    }
}
