package org.nianbao.ingest.eval.score;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nianbao.ingest.eval.truth.Truth.TruthCell;
import org.nianbao.ingest.eval.truth.Truth.TruthTable;
import org.nianbao.ingest.eval.score.JsonTables.GridCell;
import org.nianbao.ingest.eval.score.JsonTables.GridTable;

/**
 * Table structure from the JSON output ({@link JsonTables}): for each truth table, the output table that shares most of its
 * label and header texts; then whether the grid shape is right and how well the merged cells (every
 * cell spanning more than one row or column, by position and span) agree, as an F1 score.
 */
public final class StructureScorer {
    /**
     * @param found  an output table was matched to the truth table
     * @param shape  rows and columns equal the truth's
     * @param spanF1 F1 of merged cells (position and spans); 0 when not found
     * @param exact  shape right and merged cells identical
     */
    public record Result(boolean found, boolean shape, double spanF1, boolean exact, String got) { }

    private StructureScorer() { }

    public static Result score(TruthTable truth, List<GridTable> outputs) {
        Set<String> words = new HashSet<>();
        for (TruthCell c : truth.cells()) {
            if (!c.role().equals("value")) words.add(TextNorm.forCell(c.text()));
        }
        GridTable best = null;
        int bestHits = 0;
        for (GridTable t : outputs) {
            Set<String> seen = new HashSet<>();
            for (GridCell c : t.cells()) {
                String n = TextNorm.forCell(c.text());
                if (words.contains(n)) seen.add(n);
            }
            if (seen.size() > bestHits) {
                bestHits = seen.size();
                best = t;
            }
        }
        if (best == null || bestHits * 10 < words.size() * 3) return new Result(false, false, 0, false, "no matching table");
        boolean shape = best.rows() == truth.rows() && best.cols() == truth.cols();
        Set<String> want = new HashSet<>();
        for (TruthCell c : truth.cells()) if (c.rowSpan() > 1 || c.colSpan() > 1) want.add(key(c.row(), c.col(), c.rowSpan(), c.colSpan()));
        Set<String> got = new HashSet<>();
        for (GridCell c : best.cells()) if (c.rowSpan() > 1 || c.colSpan() > 1) got.add(key(c.row(), c.col(), c.rowSpan(), c.colSpan()));
        int tp = 0;
        for (String k : got) if (want.contains(k)) tp++;
        double f1;
        if (want.isEmpty() && got.isEmpty()) f1 = 1;
        else f1 = 2.0 * tp / (want.size() + got.size());
        boolean exact = shape && want.equals(got);
        return new Result(true, shape, f1, exact, best.rows() + "x" + best.cols() + ", " + got.size() + " merged cells");
    }

    private static String key(int r, int c, int rs, int cs) {
        return r + "," + c + "," + rs + "," + cs;
    }
}
