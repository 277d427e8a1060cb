package org.nianbao.ingest.eval;

import java.util.List;
import java.util.Locale;
import org.nianbao.ingest.eval.score.FormTotals;

/**
 * Thresholds on evaluation figures. A {@link State#FLOOR} guards what works today (a regression fails
 * the build); a {@link State#TARGET} is what a capability still being built must reach (reported as not
 * yet supported — a skipped test with its figures — until it does).
 */
final class EvalChecks {
    enum State { FLOOR, TARGET }

    enum Metric {
        CER("CER", false), CELLS("cells", true), SPANS("span F1", true), EXACT("exact tables", true);

        final String label;
        final boolean higherIsBetter;

        Metric(String label, boolean higherIsBetter) {
            this.label = label;
            this.higherIsBetter = higherIsBetter;
        }

        double of(FormTotals f) {
            return switch (this) {
                case CER -> f.cer();
                case CELLS -> f.cells();
                case SPANS -> f.spans();
                case EXACT -> f.exactTables();
            };
        }
    }

    record Check(String form, Metric metric, State state, double threshold, String owner) {
        boolean met(FormTotals f) {
            if (f == null || f.docs == 0) return false;
            if (metric != Metric.CER && f.failed == f.docs) return false;
            double v = metric.of(f);
            return metric.higherIsBetter ? v >= threshold : v <= threshold;
        }

        String describe(FormTotals f) {
            String value = f == null ? "no documents" : String.format(Locale.ROOT, "%.4f", metric.of(f));
            String failed = f != null && f.failed > 0 ? " (" + f.failed + "/" + f.docs + " failed: "
                    + (f.failures.isEmpty() ? "?" : f.failures.get(0)) + ")" : "";
            return String.format(Locale.ROOT, "%s %s = %s, %s %s %.4f%s", form, metric.label, value,
                    state == State.FLOOR ? "floor" : "target", metric.higherIsBetter ? ">=" : "<=", threshold, failed);
        }
    }

    private EvalChecks() { }

    static Check floor(String form, Metric m, double t) {
        return new Check(form, m, State.FLOOR, t, "");
    }

    static Check target(String form, Metric m, double t, String owner) {
        return new Check(form, m, State.TARGET, t, owner);
    }

    /**
     * The thresholds for the non-OCR forms of fixtures/generated. Floors sit just under what the
     * pipeline measures today (see the report); targets are the issues' goals.
     */
    static List<Check> nonOcr() {
        return List.of(
                // text captures: narrative, values and grids all exact since the flattened-table rebuilders landed
                floor("text-pipe", Metric.CER, 0.002), floor("text-tab", Metric.CER, 0.002),
                floor("text-cell", Metric.CER, 0.002), floor("text-tsv", Metric.CER, 0.002),
                floor("text-pipe", Metric.CELLS, 0.99), floor("text-tab", Metric.CELLS, 0.99),
                floor("text-cell", Metric.CELLS, 0.99), floor("text-tsv", Metric.CELLS, 0.99),
                floor("text-pipe", Metric.EXACT, 0.99), floor("text-tab", Metric.EXACT, 0.99),
                floor("text-cell", Metric.EXACT, 0.99), floor("text-tsv", Metric.EXACT, 0.99),
                // web captures: text, values and grids all exact since the HTML extractor landed
                floor("html-utf8", Metric.CER, 0.002), floor("html-utf8", Metric.CELLS, 0.99),
                floor("html-utf8", Metric.EXACT, 0.99),
                floor("html-gb18030", Metric.CER, 0.002), floor("html-gb18030", Metric.CELLS, 0.99),
                floor("html-gb18030", Metric.EXACT, 0.99),
                // born-digital PDF: text layer without errors, ruled tables rebuilt exactly (table.pdf, issue 6)
                floor("pdf", Metric.CER, 0.002), floor("pdf", Metric.CELLS, 0.99), floor("pdf", Metric.SPANS, 0.99),
                floor("pdf", Metric.EXACT, 0.99),
                // born-digital PDF with the tables set without rules: aligned-columns fallback (issue 6); exact on
                // this set, about 98% of cells on wider sets (tall labels on continuation pages)
                floor("pdf-unruled", Metric.CER, 0.002), floor("pdf-unruled", Metric.CELLS, 0.99),
                floor("pdf-unruled", Metric.EXACT, 0.99),
                // damaged text, repaired before its structure is read (since the normaliser landed):
                // utf8-as-gbk lost bytes when it was damaged, so its narrative floor is looser; its table labels get
                // their lost characters back from the template (table.report.LabelRepair), so its cells are exact
                floor("moji-gbk-as-latin1", Metric.CER, 0.002), floor("moji-big5-as-gbk", Metric.CER, 0.01),
                floor("moji-utf8-as-gbk", Metric.CER, 0.06), floor("trad-pinyin", Metric.CER, 0.002),
                floor("moji-gbk-as-latin1", Metric.CELLS, 0.99), floor("moji-big5-as-gbk", Metric.CELLS, 0.99),
                floor("moji-utf8-as-gbk", Metric.CELLS, 0.99),
                floor("trad-pinyin", Metric.CELLS, 0.99),
                floor("moji-gbk-as-latin1", Metric.EXACT, 0.99), floor("moji-big5-as-gbk", Metric.EXACT, 0.99),
                floor("trad-pinyin", Metric.EXACT, 0.99));
    }

    /**
     * The OCR forms: targets of issue 4 (≤ 0.5% CER at 300 dpi, ≤ 1% on noisy 200 dpi scans) and issue 6
     * (numeric cells ≥ 99.5% on 300 dpi scans, ≥ 99% on 200 dpi scans and bilevel TIFFs); floors under the
     * cell figures since ruled tables in images are read cell by cell (table.pdf.CellReader). Measured on
     * fixtures/generated: html-img, tiff-g4, scan300-pdf, scan-upside, scan300-png and
     * scan200-jpg 100% (each form is one or two documents: one misread label costs a whole row of values).
     */
    static List<Check> ocr() {
        String ocr = "OCR (issue 4)";
        String cells = "cell-by-cell OCR (issue 6)";
        return List.of(
                target("scan300-pdf", Metric.CER, 0.005, ocr), target("scan300-png", Metric.CER, 0.005, ocr),
                target("tiff-g4", Metric.CER, 0.01, ocr), target("scan-upside", Metric.CER, 0.005, ocr),
                target("scan200-jpg", Metric.CER, 0.01, ocr),
                target("html-img", Metric.CER, 0.002, ocr), target("html-img", Metric.CELLS, 0.95, ocr),
                target("scan300-pdf", Metric.CELLS, 0.995, cells), target("scan300-png", Metric.CELLS, 0.995, cells),
                target("scan-upside", Metric.CELLS, 0.995, cells), target("tiff-g4", Metric.CELLS, 0.99, cells),
                target("scan200-jpg", Metric.CELLS, 0.99, cells),
                floor("html-img", Metric.CELLS, 0.95), floor("scan300-pdf", Metric.CELLS, 0.95),
                floor("tiff-g4", Metric.CELLS, 0.93), floor("scan-upside", Metric.CELLS, 0.97),
                floor("scan300-png", Metric.CELLS, 0.97), floor("scan200-jpg", Metric.CELLS, 0.97),
                floor("html-img", Metric.EXACT, 0.95), floor("scan300-pdf", Metric.EXACT, 0.95),
                floor("tiff-g4", Metric.EXACT, 0.95), floor("scan300-png", Metric.EXACT, 0.95));
    }
}
