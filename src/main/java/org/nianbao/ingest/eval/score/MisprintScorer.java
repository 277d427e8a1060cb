package org.nianbao.ingest.eval.score;

import java.util.List;
import java.util.Set;
import org.nianbao.ingest.eval.score.JsonTables.GridTable;
import org.nianbao.ingest.eval.score.TxtTables.TxtTable;
import org.nianbao.ingest.eval.truth.Truth;
import org.nianbao.ingest.eval.truth.Truth.TruthMisprint;
import org.nianbao.ingest.eval.truth.Truth.TruthTable;
import org.nianbao.ingest.eval.truth.Truth.TruthValue;

/**
 * How a form treats the numbers its report prints wrong ({@code scripts/generate --misprints}): the issue asks
 * that such a number stay as printed in the text and that the JSON report the identities it breaks, never a
 * "correction" that makes them hold.
 */
public final class MisprintScorer {
    /**
     * @param total   misprinted numbers on the pages the form shows
     * @param kept    read back from the .txt exactly as printed
     * @param flagged named by a failed identity check in the JSON
     * @param changed named by a correction in the JSON (a printed number changed: must stay 0)
     */
    public record Result(int total, int kept, int flagged, int changed) {
        public static final Result NONE = new Result(0, 0, 0, 0);

        public Result plus(Result o) {
            return new Result(total + o.total, kept + o.kept, flagged + o.flagged, changed + o.changed);
        }
    }

    private MisprintScorer() { }

    /** @param tables the JSON's tables, or null when the output has no model (the tesseract reference) */
    public static Result score(Truth truth, Set<Integer> shownPages, List<TxtTable> found, List<GridTable> tables) {
        Result sum = Result.NONE;
        for (TruthMisprint m : truth.misprints()) {
            TruthTable table = tableOf(truth, m.table());
            TruthValue value = table == null ? null : valueAt(table, m.row(), m.col());
            if (value == null || !shownPages.contains(value.page())) continue;
            boolean kept = CellScorer.score(table, found, v -> v == value).exact() == 1;
            boolean flagged = false;
            boolean changed = false;
            if (tables != null) {
                String key = GridTable.valueKey(m.rowPath(), m.colPath());
                for (GridTable g : tables) {
                    String ref = g.valueCells().get(key);
                    if (ref == null) continue;
                    flagged |= g.failedCells().contains(ref);
                    changed |= g.correctedCells().contains(ref);
                }
            }
            sum = sum.plus(new Result(1, kept ? 1 : 0, flagged ? 1 : 0, changed ? 1 : 0));
        }
        return sum;
    }

    private static TruthTable tableOf(Truth truth, String id) {
        for (TruthTable t : truth.tables()) if (t.id().equals(id)) return t;
        return null;
    }

    private static TruthValue valueAt(TruthTable t, int row, int col) {
        for (TruthValue v : t.values()) if (v.row() == row && v.col() == col) return v;
        return null;
    }
}
