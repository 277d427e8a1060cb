package org.nianbao.ingest.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nianbao.ingest.eval.score.Evaluator;
import org.nianbao.ingest.eval.score.FormTotals;
import org.nianbao.ingest.eval.score.MisprintScorer;
import org.nianbao.ingest.eval.score.TesseractReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scripts/eval}: scores the pipeline (or the tesseract command line) on a generated set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline over a set of generated reports and scores every input form against truth.json:",
                "narrative character error rate (CER), standard-table numeric cells recovered exactly from the .txt,",
                "table structure from the JSON model (shape, merged-cell F1, exact), pages per minute, peak memory."},
        footer = {"", "Examples:",
                "  scripts/eval fixtures/generated",
                "  scripts/eval /tmp/set --jobs 2 --json > eval.json",
                "  scripts/eval --tesseract /tmp/set      (reference: the tesseract command line on the scan images)"})
public final class EvalMain implements Callable<Integer> {
    @Parameters(index = "0", description = "a generated set (folder of report folders with truth.json)")
    Path set;

    @Option(names = "--json", description = "print machine-readable JSON instead of the table")
    boolean json;

    @Option(names = "--jobs", defaultValue = "1", description = "parallel workers (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--forms", split = ",", description = "only these forms or form groups (e.g. text,html-utf8)")
    List<String> forms;

    @Option(names = "--no-ocr", description = "skip forms that need OCR (scans, TIFF, table images)")
    boolean noOcr;

    @Option(names = "--ocr-only", description = "only forms that need OCR")
    boolean ocrOnly;

    @Option(names = "--tesseract", description = "score the plain tesseract command line on the scan images instead (the reference row)")
    boolean tesseract;

    @Option(names = "--notes", description = "also print the first misses of every form")
    boolean notes;

    @Option(names = "--dump", paramLabel = "DIR", description = "also write each form's output text and JSON to DIR/<report>/<form>.txt and .json (and the truth narrative to truth.txt)")
    java.nio.file.Path dump;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvalMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Evaluator.Options o = new Evaluator.Options(jobs, forms == null ? null : new LinkedHashSet<>(forms), !noOcr, !ocrOnly);
        Evaluator.Run run = tesseract ? TesseractReference.run(set, o) : new Evaluator().dumpTo(dump).run(set, o);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(run)));
        } else {
            print(run, out, notes);
        }
        return 0;
    }

    public static Map<String, Object> toJson(Evaluator.Run run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("set", run.set().toString());
        m.put("reports", run.reports());
        m.put("reader", run.textSource());
        m.put("jobs", run.jobs());
        List<Object> fs = new ArrayList<>();
        for (FormTotals f : run.forms()) fs.add(row(f));
        m.put("forms", fs);
        m.put("overall", row(run.overall()));
        m.put("wallSeconds", round(run.wallSeconds()));
        m.put("wallPagesPerMinute", round(run.wallSeconds() <= 0 ? 0 : run.overall().pages * 60.0 / run.wallSeconds()));
        m.put("peakHeapMB", round(run.overallPeakHeapBytes() / 1048576.0));
        m.put("vmHwmMB", run.vmHwmKb() < 0 ? null : round(run.vmHwmKb() / 1024.0));
        return m;
    }

    private static Map<String, Object> row(FormTotals f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("form", f.form);
        m.put("docs", f.docs);
        m.put("failed", f.failed);
        m.put("pages", f.pages);
        m.put("cer", round(f.cer()));
        m.put("cerEdits", f.cerEdits);
        m.put("cerChars", f.cerChars);
        m.put("cells", round(f.cells()));
        m.put("cellsExact", f.cellsExact);
        m.put("cellsTotal", f.cellsTotal);
        m.put("tables", f.structTables);
        m.put("tablesFound", f.structFound);
        m.put("shape", round(f.shape()));
        m.put("spanF1", round(f.spans()));
        m.put("exactTables", round(f.exactTables()));
        m.put("corrections", f.corrections);
        m.put("identityFailures", f.identityFailures);
        if (f.misprints.total() > 0) m.put("misprints", f.misprints);
        m.put("seconds", round(f.seconds));
        m.put("pagesPerMinute", round(f.pagesPerMinute()));
        m.put("peakHeapMB", round(f.peakHeapBytes / 1048576.0));
        m.put("failures", f.failures);
        m.put("notes", f.notes);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    public static void print(Evaluator.Run run, PrintStream out, boolean notes) {
        out.printf("set %s: %d reports; reader: %s; jobs %d%n", run.set(), run.reports(), run.textSource(), run.jobs());
        String head = String.format(Locale.ROOT, "%-19s %4s %5s %8s %8s %6s %6s %6s %5s %6s %9s %7s  %s",
                "form", "docs", "pages", "CER", "cells", "shape", "spans", "exact", "corr", "idfail", "pages/min", "heapMB", "failed");
        out.println(head);
        out.println("-".repeat(head.length() + 10));
        for (FormTotals f : run.forms()) out.println(line(f));
        out.println("-".repeat(head.length() + 10));
        out.println(line(run.overall()));
        double wallPpm = run.wallSeconds() <= 0 ? 0 : run.overall().pages * 60.0 / run.wallSeconds();
        out.printf(Locale.ROOT, "wall %.1f s (%.1f pages/min); peak heap %.0f MB; VmHWM %s%n", run.wallSeconds(), wallPpm,
                run.overallPeakHeapBytes() / 1048576.0, run.vmHwmKb() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", run.vmHwmKb() / 1024.0));
        out.println("CER: edits/chars of narrative text, whitespace ignored; cells: numeric cells read exactly from the .txt;");
        out.println("shape/exact: share of tables with the right grid / exactly the right grid and spans; spans: merged-cell F1;");
        out.println("corr: cells corrected by the identity checks; idfail: identity checks failed in the JSON (generated reports are");
        out.println("consistent unless made with --misprints).");
        if (run.overall().misprints.total() > 0) {
            out.println();
            out.println("numbers printed wrong on purpose (--misprints): kept as printed in the .txt / named by a failed identity");
            out.println("check / changed by a correction (must be 0):");
            for (FormTotals f : run.forms()) out.println(misprintLine(f));
            out.println(misprintLine(run.overall()));
        }
        if (notes) {
            for (FormTotals f : run.forms()) {
                for (String n : f.failures) out.println("  " + f.form + " FAILED " + n);
                for (String n : f.notes) out.println("  " + f.form + ": " + n);
            }
        }
    }

    private static String line(FormTotals f) {
        boolean struct = f.structTables > 0;
        String failed = f.failed == 0 ? "" : f.failed + (f.failures.isEmpty() ? "" : " (" + shorten(f.failures.get(0)) + ")");
        String ppm = f.docs > 0 && f.failed == f.docs ? "-" : String.format(Locale.ROOT, "%.1f", f.pagesPerMinute());
        return String.format(Locale.ROOT, "%-19s %4d %5d %7.2f%% %7.1f%% %6s %6s %6s %5s %6s %9s %7.0f  %s", f.form, f.docs, f.pages,
                100 * f.cer(), 100 * f.cells(),
                struct ? String.format(Locale.ROOT, "%.0f%%", 100 * f.shape()) : "-",
                struct ? String.format(Locale.ROOT, "%.2f", f.spans()) : "-",
                struct ? String.format(Locale.ROOT, "%.0f%%", 100 * f.exactTables()) : "-",
                struct ? Integer.toString(f.corrections) : "-", struct ? Integer.toString(f.identityFailures) : "-",
                ppm, f.peakHeapBytes / 1048576.0, failed);
    }

    private static String misprintLine(FormTotals f) {
        MisprintScorer.Result m = f.misprints;
        return String.format(Locale.ROOT, "%-19s %d misprints: kept %d, flagged %d, changed %d", f.form, m.total(), m.kept(),
                m.flagged(), m.changed());
    }

    private static String shorten(String s) {
        int colon = s.indexOf(": ");
        String r = colon >= 0 ? s.substring(colon + 2) : s;
        return r.length() > 60 ? r.substring(0, 60) + "…" : r;
    }
}
