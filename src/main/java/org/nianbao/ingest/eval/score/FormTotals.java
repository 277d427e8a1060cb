package org.nianbao.ingest.eval.score;

import java.util.ArrayList;
import java.util.List;

/** Scores of one form summed over the reports of a set (or over everything, for the overall row). */
public final class FormTotals {
    public final String form;
    public int docs;
    public int failed;
    public int pages;
    public long cerEdits;
    public long cerChars;
    public int cellsTotal;
    public int cellsExact;
    public int structTables;
    public int structFound;
    public int structShape;
    public double structSpanF1Sum;
    public int structExact;
    /** Cells corrected by the identity checks, summed over the documents. */
    public int corrections;
    /** Identity checks that failed, summed over the documents. */
    public int identityFailures;
    /** How the numbers printed wrong on purpose came out ({@code scripts/generate --misprints}). */
    public MisprintScorer.Result misprints = MisprintScorer.Result.NONE;
    public double seconds;
    public long peakHeapBytes;
    public final List<String> failures = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();

    public FormTotals(String form) {
        this.form = form;
    }

    public synchronized void add(DocScore s, double secs, String failure) {
        docs++;
        pages += s.pages();
        cerEdits += s.cerEdits();
        cerChars += s.cerChars();
        cellsTotal += s.cellsTotal();
        cellsExact += s.cellsExact();
        structTables += s.structTables();
        structFound += s.structFound();
        structShape += s.structShape();
        structSpanF1Sum += s.structSpanF1Sum();
        structExact += s.structExact();
        corrections += s.corrections();
        identityFailures += s.identityFailures();
        misprints = misprints.plus(s.misprints());
        seconds += secs;
        if (failure != null) {
            failed++;
            if (failures.size() < 3) failures.add(s.report() + ": " + failure);
        }
        for (String n : s.notes()) if (notes.size() < 6) notes.add(s.report() + ": " + n);
    }

    public synchronized void merge(FormTotals o) {
        docs += o.docs;
        failed += o.failed;
        pages += o.pages;
        cerEdits += o.cerEdits;
        cerChars += o.cerChars;
        cellsTotal += o.cellsTotal;
        cellsExact += o.cellsExact;
        structTables += o.structTables;
        structFound += o.structFound;
        structShape += o.structShape;
        structSpanF1Sum += o.structSpanF1Sum;
        structExact += o.structExact;
        corrections += o.corrections;
        identityFailures += o.identityFailures;
        misprints = misprints.plus(o.misprints);
        seconds += o.seconds;
        peakHeapBytes = Math.max(peakHeapBytes, o.peakHeapBytes);
    }

    /** Character error rate: total edits over total truth characters (1.0 when nothing was read). */
    public double cer() {
        return cerChars == 0 ? 0 : (double) cerEdits / cerChars;
    }

    /** Share of numeric cells recovered exactly from the text. */
    public double cells() {
        return cellsTotal == 0 ? 0 : (double) cellsExact / cellsTotal;
    }

    /** Share of tables with the right grid shape. */
    public double shape() {
        return structTables == 0 ? 0 : (double) structShape / structTables;
    }

    /** Mean F1 of merged cells over tables (0 for tables not found). */
    public double spans() {
        return structTables == 0 ? 0 : structSpanF1Sum / structTables;
    }

    /** Share of tables with exactly the right structure. */
    public double exactTables() {
        return structTables == 0 ? 0 : (double) structExact / structTables;
    }

    /** Pages per minute of processing time (one worker's throughput). */
    public double pagesPerMinute() {
        return seconds <= 0 ? 0 : pages * 60.0 / seconds;
    }
}
