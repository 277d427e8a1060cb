package org.nianbao.ingest.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nianbao.ingest.Version;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.output.AtomicFiles;

/**
 * {@code report.html}: a static page (no scripts, opens from disk in any browser) listing every
 * document of the run with its status, kind, pages and how they were read, time, warnings, failed
 * identity checks and corrections, problems first, with links to the outputs and review pages.
 */
final class RunReportHtml {
    static final String CSS = """
            body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:1.5em;color:#222}
            h1{font-size:1.4em} .meta{color:#666;font-weight:normal;font-size:.9em}
            table.docs{border-collapse:collapse;width:100%;font-size:13px}
            table.docs th,table.docs td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
            table.docs th{background:#f4f4f4}
            .state-failed{color:#b00;font-weight:bold} .state-partial{color:#c60;font-weight:bold} .state-done{color:#070}
            .totals span{display:inline-block;margin-right:1.5em}
            details summary{cursor:pointer;color:#555}
            .num{text-align:right}
            """;

    private RunReportHtml() { }

    static void write(BatchSummary s, Path outDir) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>nianbao-ingest run report</title>\n<style>")
                .append(CSS).append("</style></head><body>\n");
        h.append("<h1>nianbao-ingest run report <span class=\"meta\">").append(esc(Version.tool())).append("</span></h1>\n");
        double minutes = s.millis() / 60000.0;
        h.append("<p class=\"totals\">")
                .append(span("inputs", s.results().size()))
                .append(span("done", s.count(Status.State.DONE)))
                .append(span("partial", s.count(Status.State.PARTIAL)))
                .append(span("failed", s.count(Status.State.FAILED)))
                .append(span("pages", s.pages()))
                .append("<span>time <b>").append(String.format(Locale.ROOT, "%.1f s", s.millis() / 1000.0)).append("</b></span>")
                .append("<span>pages per minute <b>").append(minutes == 0 ? "–" : String.format(Locale.ROOT, "%.1f", s.pages() / minutes))
                .append("</b></span></p>\n");
        h.append("<table class=\"docs\"><thead><tr><th>document</th><th>status</th><th>kind</th><th class=\"num\">pages</th>")
                .append("<th>read by</th><th class=\"num\">time</th><th>checks</th><th>warnings</th><th>files</th></tr></thead><tbody>\n");
        // problems first, then input order
        var ordered = s.results().stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList();
        for (DocumentResult r : ordered) {
            String state = r.status().state().name().toLowerCase(Locale.ROOT);
            h.append("<tr><td>").append(esc(r.input().file().toString())).append("</td>");
            h.append("<td class=\"state-").append(state).append("\">").append(state);
            if (r.status().reason() != null) h.append("<br><span class=\"meta\">").append(esc(r.status().reason())).append("</span>");
            if (r.reused()) h.append("<br><span class=\"meta\">finished by an earlier run</span>");
            h.append("</td><td>").append(esc(r.kind())).append("</td><td class=\"num\">").append(r.pages()).append("</td>");
            h.append("<td>").append(esc(methods(r.details()))).append("</td>");
            h.append("<td class=\"num\">").append(String.format(Locale.ROOT, "%.1f s", r.millis() / 1000.0)).append("</td>");
            DocumentResult.Details d = r.details();
            h.append("<td>");
            if (d.failedChecks() > 0) h.append("<span class=\"state-failed\">").append(d.failedChecks()).append(" failed</span> ");
            if (d.corrections() > 0) h.append("<span class=\"state-partial\">").append(d.corrections()).append(" corrected</span> ");
            if (d.reviewPage() != null) h.append("<a href=\"").append(esc(d.reviewPage())).append("\">review</a>");
            h.append("</td><td>");
            if (!d.warningLines().isEmpty()) {
                h.append("<details><summary>").append(r.warnings()).append(" warning").append(r.warnings() == 1 ? "" : "s").append("</summary><ul>");
                for (String w : d.warningLines()) h.append("<li>").append(esc(w)).append("</li>");
                h.append("</ul></details>");
            }
            h.append("</td><td>");
            for (String f : r.written()) h.append("<a href=\"").append(esc(f)).append("\">").append(esc(ext(f))).append("</a> ");
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</body></html>\n");
        AtomicFiles.writeString(outDir.resolve("report.html"), h.toString());
    }

    private static int rank(DocumentResult r) {
        return switch (r.status().state()) {
            case FAILED -> 0;
            case PARTIAL -> 1;
            case DONE -> r.details().failedChecks() > 0 || r.details().corrections() > 0 ? 2 : 3;
        };
    }

    private static String methods(DocumentResult.Details d) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String m : d.pageMethods()) counts.merge(m, 1, Integer::sum);
        StringBuilder sb = new StringBuilder();
        counts.forEach((m, n) -> sb.append(sb.length() > 0 ? ", " : "").append(m).append(n > 1 ? " ×" + n : ""));
        return sb.toString();
    }

    private static String ext(String f) {
        int i = f.lastIndexOf('.');
        return i < 0 ? f : f.substring(i + 1);
    }

    private static String span(String label, long n) {
        return "<span>" + label + " <b>" + n + "</b></span>";
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
