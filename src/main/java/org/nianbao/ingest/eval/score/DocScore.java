package org.nianbao.ingest.eval.score;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.nianbao.ingest.eval.score.TxtTables.TxtTable;
import org.nianbao.ingest.eval.truth.Truth;
import org.nianbao.ingest.eval.truth.Truth.TruthForm;
import org.nianbao.ingest.eval.truth.Truth.TruthTable;
import org.nianbao.ingest.eval.truth.Truth.TruthText;
import org.nianbao.ingest.eval.truth.Truth.TruthValue;
import org.nianbao.ingest.eval.score.JsonTables.GridTable;

/**
 * The scores of one form of one report. Only what the form shows is scored: a scan of pages 2–3 is
 * scored on the text, values and tables drawn on those pages.
 *
 * @param structTables  truth tables scored for structure ({@code tables == null} output: no model, e.g. the Tesseract reference)
 * @param corrections   cells the identity checks corrected (from the JSON's standard tables)
 * @param identityFailures identity checks (I1–I7 instances) that failed in the JSON's standard tables; the
 *                      generated reports are consistent unless made with {@code --misprints}, so every other
 *                      failure is a reading error
 * @param misprints     how the numbers printed wrong on purpose came out
 */
public record DocScore(String report, String form, int pages, long cerEdits, long cerChars, int cellsTotal, int cellsExact,
                       int structTables, int structFound, int structShape, double structSpanF1Sum, int structExact,
                       List<String> notes, int corrections, int identityFailures, MisprintScorer.Result misprints) {

    /**
     * @param text   the output text (the .txt of every file of the form, joined in page order)
     * @param tables the output tables from the .json, or null when there is no model to score (tesseract)
     */
    public static DocScore score(Truth truth, TruthForm form, String text, List<GridTable> tables) {
        Set<Integer> shown = new HashSet<>(form.pages());
        Predicate<List<Integer>> visible = pages -> !pages.isEmpty() && shown.containsAll(pages);
        List<String> notes = new ArrayList<>();

        Cer cer = new Cer(TextNorm.forCer(text));
        long edits = 0;
        long chars = 0;
        for (TruthText t : truth.texts()) {
            if (!visible.test(t.pages())) continue;
            String want = TextNorm.forCer(t.text());
            int d = cer.distance(want);
            edits += d;
            chars += want.length();
            if (d > 0 && notes.size() < 5 && d * 5 > want.length()) notes.add("text far off (" + d + "/" + want.length() + "): " + abbreviate(t.text()));
        }

        List<TxtTable> found = TxtTables.parse(text);
        int total = 0;
        int exact = 0;
        Predicate<TruthValue> valueShown = v -> shown.contains(v.page());
        for (TruthTable t : truth.tables()) {
            CellScorer.Result r = CellScorer.score(t, found, valueShown);
            total += r.total();
            exact += r.exact();
            if (r.exact() < r.total() && notes.size() < 8 && !r.missed().isEmpty()) notes.add(r.missed().get(0));
        }

        int st = 0;
        int sf = 0;
        int ss = 0;
        int se = 0;
        double f1 = 0;
        if (tables != null) {
            for (TruthTable t : truth.tables()) {
                if (!visible.test(t.pages())) continue;
                StructureScorer.Result r = StructureScorer.score(t, tables);
                st++;
                if (r.found()) sf++;
                if (r.shape()) ss++;
                if (r.exact()) se++;
                f1 += r.spanF1();
            }
        }
        int corrections = 0;
        int identityFailures = 0;
        if (tables != null) {
            for (GridTable g : tables) {
                corrections += g.corrections();
                identityFailures += g.failedChecks();
            }
        }
        MisprintScorer.Result misprints = MisprintScorer.score(truth, shown, found, tables);
        return new DocScore(truth.id(), form.form(), form.pages().size(), edits, chars, total, exact, st, sf, ss, f1, se, notes,
                corrections, identityFailures, misprints);
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }
}
