package org.nianbao.ingest.eval.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.ingest.eval.score.TxtTables.TxtTable;
import org.nianbao.ingest.eval.truth.Truth.TruthCell;
import org.nianbao.ingest.eval.truth.Truth.TruthTable;
import org.nianbao.ingest.eval.truth.Truth.TruthValue;

/**
 * Scores the numeric cells of a standard table as read back from the output text: each truth value
 * is looked up by its row labels (the row whose cell in the innermost label column equals the truth
 * label, and whose other label cells are equal or blank) and by its grid column position. Rows that
 * have no labels (table 四) are found by their offset from the table's first row. A value counts
 * only if the text in that position equals the truth exactly (after {@link TextNorm#forCell}).
 */
public final class CellScorer {
    /** Values of one table: how many there are, how many were recovered exactly, which were missed. */
    public record Result(int total, int exact, List<String> missed) { }

    private CellScorer() { }

    public static Result score(TruthTable t, List<TxtTable> found, java.util.function.Predicate<TruthValue> include) {
        String[][] grid = t.repeatedGrid();
        int total = 0;
        int exact = 0;
        List<String> missed = new ArrayList<>();
        Map<Integer, List<String>> located = new HashMap<>();
        for (TruthValue v : t.values()) {
            if (!include.test(v)) continue;
            total++;
            List<String> row = located.computeIfAbsent(v.row(), r -> locate(t, grid, r, found));
            String got = row != null && row.size() > v.col() ? row.get(v.col()) : null;
            if (got != null && TextNorm.forCell(got).equals(TextNorm.forCell(v.value()))) {
                exact++;
            } else if (missed.size() < 20) {
                missed.add(t.id() + " " + v.rowPath() + " / " + v.colPath() + ": want " + v.value() + ", got " + (row == null ? "(row not found)" : got));
            }
        }
        return new Result(total, exact, missed);
    }

    /**
     * The output row that truth row r corresponds to, or null. The innermost label must stand somewhere
     * in the columns its cell spans (a label spanning three columns may be written once or three times);
     * outer labels must be equal or blank where they stand.
     */
    static List<String> locate(TruthTable t, String[][] grid, int r, List<TxtTable> found) {
        List<TruthCell> labels = new ArrayList<>();
        for (int c = 0; c < t.cols(); c++) {
            TruthCell cell = t.cellAt(r, c);
            if (cell != null && cell.role().equals("label") && (labels.isEmpty() || labels.get(labels.size() - 1) != cell)) labels.add(cell);
        }
        if (labels.isEmpty()) return byOffset(t, grid, r, found);
        TruthCell key = labels.get(labels.size() - 1);
        String keyText = TextNorm.forCell(key.text());
        for (TxtTable tt : found) {
            for (List<String> row : tt.rows()) {
                if (!standsIn(row, key, keyText)) continue;
                boolean ok = true;
                for (TruthCell outer : labels.subList(0, labels.size() - 1)) {
                    String want = TextNorm.forCell(outer.text());
                    for (int c = outer.col(); c < outer.col() + outer.colSpan() && c < row.size(); c++) {
                        String have = TextNorm.forCell(row.get(c));
                        if (!have.isEmpty() && !have.equals(want)) ok = false;
                    }
                }
                if (ok) return row;
            }
        }
        return null;
    }

    /** The text stands in one of the columns the truth cell spans. */
    private static boolean standsIn(List<String> row, TruthCell cell, String text) {
        for (int c = cell.col(); c < cell.col() + cell.colSpan() && c < row.size(); c++) {
            if (TextNorm.forCell(row.get(c)).equals(text)) return true;
        }
        return false;
    }

    /** For rows without labels: find the table by its first row, then count rows down. */
    private static List<String> byOffset(TruthTable t, String[][] grid, int r, List<TxtTable> found) {
        List<TruthCell> first = new ArrayList<>();
        for (TruthCell c : t.cells()) if (c.row() == 0) first.add(c);
        for (TxtTable tt : found) {
            for (int i = 0; i < tt.rows().size(); i++) {
                if (matchesFirstRow(first, tt.rows().get(i)) && i + r < tt.rows().size()) return tt.rows().get(i + r);
            }
        }
        return null;
    }

    /** Most cells of the truth's first row stand within their spans. */
    private static boolean matchesFirstRow(List<TruthCell> cells, List<String> row) {
        int want = 0;
        int hit = 0;
        for (TruthCell c : cells) {
            String text = TextNorm.forCell(c.text());
            if (text.isEmpty()) continue;
            want++;
            if (standsIn(row, c, text)) hit++;
        }
        return want > 0 && hit * 10 >= want * 6;
    }
}
