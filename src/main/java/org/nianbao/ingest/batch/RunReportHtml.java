package org.nianbao.ingest.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nianbao.ingest.Version;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.output.AtomicFiles;

/**
 * {@code report.html}: a static page (no scripts, opens from disk in any browser) for the archivist who
 * comes back to a finished run. First what needs a person (failed, partial, failed identity checks,
 * corrected cells), each with its reason in plain words and a link to its review page; then what is
 * done. Per document: status, kind, pages and how they were read, time, warnings, checks, and links to
 * the outputs and the input.
 */
final class RunReportHtml {
    static final String CSS = """
            body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:1.2em 1.5em;color:#222;font-size:14px}
            h1{font-size:1.4em;margin:.2em 0} h2{font-size:1.15em;margin:1.4em 0 .4em}
            .meta{color:#666;font-weight:normal;font-size:.9em}
            .totals{margin:.6em 0}
            .totals span{display:inline-block;margin:0 .4em .3em 0;padding:.15em .6em;border-radius:3px;background:#f1f1f1}
            .totals .t-failed{background:#fbe3e3;color:#a00} .totals .t-partial{background:#fdf0d8;color:#8a5200}
            .totals .t-done{background:#e4f3e4;color:#175d17}
            table.docs{border-collapse:collapse;width:100%;font-size:13px}
            table.docs th,table.docs td{border-bottom:1px solid #ddd;padding:5px 6px;text-align:left;vertical-align:top}
            table.docs th{background:#f4f4f4;font-weight:600}
            tr.row-failed td:first-child{border-left:4px solid #c00} tr.row-partial td:first-child{border-left:4px solid #e08a00}
            tr.row-check td:first-child{border-left:4px solid #e08a00} tr.row-done td:first-child{border-left:4px solid #5a5}
            .doc a{color:#123;font-weight:600;text-decoration:none} .doc a:hover{text-decoration:underline}
            .doc .where{color:#777;font-size:.85em;word-break:break-all}
            .state{font-weight:600} .state-failed{color:#b00} .state-partial{color:#b35f00} .state-done{color:#175d17}
            .reason{color:#333;margin-top:2px}
            .flag-failed{color:#b00;font-weight:600} .flag-corrected{color:#b35f00;font-weight:600}
            a.button{display:inline-block;margin-top:3px;padding:1px 8px;border:1px solid #36c;border-radius:3px;color:#36c;text-decoration:none}
            details summary{cursor:pointer;color:#555} details ul{margin:.3em 0 0 1.2em;padding:0}
            .num{text-align:right;white-space:nowrap}
            .interrupted{background:#fff3cd;border:1px solid #e0c060;padding:.6em .8em}
            .none{color:#777}
            """;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private RunReportHtml() { }

    static void write(BatchSummary s, Path outDir) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>nianbao-ingest run report</title>\n<style>")
                .append(CSS).append("</style></head><body>\n");
        h.append("<h1>Run report <span class=\"meta\">nianbao-ingest ").append(esc(Version.tool())).append(", written ")
                .append(LocalDateTime.now().format(WHEN)).append("</span></h1>\n");
        Set<String> roots = new LinkedHashSet<>();
        for (DocumentResult r : s.results()) {
            Path root = r.input().root().equals(r.input().file()) ? r.input().file().toAbsolutePath().getParent() : r.input().root().toAbsolutePath();
            if (root != null && roots.size() < 5) roots.add(root.normalize().toString());
        }
        h.append("<p class=\"meta\">Inputs from ").append(esc(String.join(", ", roots))).append(" · outputs in ")
                .append(esc(outDir.toAbsolutePath().normalize().toString())).append("</p>\n");
        if (s.interrupted()) {
            h.append("<p class=\"interrupted\"><b>This run was stopped before it finished:</b> ").append(s.unfinished())
                    .append(" of ").append(s.results().size() + s.unfinished())
                    .append(" inputs are not done yet. Run the same command again to go on; documents already finished are kept and skipped.</p>\n");
        }
        double minutes = s.millis() / 60000.0;
        h.append("<p class=\"totals\">")
                .append(badge("", "inputs", s.results().size() + s.unfinished()))
                .append(badge("t-failed", "failed", s.count(Status.State.FAILED)))
                .append(badge("t-partial", "partial", s.count(Status.State.PARTIAL)))
                .append(badge("t-done", "done", s.count(Status.State.DONE)))
                .append(s.reused() > 0 ? badge("", "finished by an earlier run", s.reused()) : "")
                .append(badge("", "pages", s.pages()))
                .append("<span>time <b>").append(duration(s.millis())).append("</b></span>")
                .append("<span>pages per minute <b>").append(minutes == 0 ? "–" : String.format(Locale.ROOT, "%.1f", s.pages() / minutes))
                .append("</b></span></p>\n");

        Set<String> rootSet = roots;
        List<DocumentResult> attention = s.results().stream().filter(r -> rank(r) < 3)
                .sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList();
        List<DocumentResult> done = s.results().stream().filter(r -> rank(r) == 3).toList();
        h.append("<h2>Needs a person (").append(attention.size()).append(")</h2>\n");
        if (attention.isEmpty()) h.append("<p class=\"none\">Nothing: every document was read completely and every check passed.</p>\n");
        else table(h, attention, rootSet);
        h.append("<h2>Done (").append(done.size()).append(")</h2>\n");
        if (done.isEmpty()) h.append("<p class=\"none\">No document is done yet.</p>\n");
        else table(h, done, rootSet);
        h.append("</body></html>\n");
        AtomicFiles.writeString(outDir.resolve("report.html"), h.toString());
    }

    private static void table(StringBuilder h, List<DocumentResult> rows, Set<String> roots) {
        h.append("<table class=\"docs\"><thead><tr><th>document</th><th>status and reason</th><th>kind</th><th class=\"num\">pages</th>")
                .append("<th>read by</th><th class=\"num\">time</th><th>tables</th><th>warnings</th><th>outputs</th></tr></thead><tbody>\n");
        for (DocumentResult r : rows) row(h, r, roots);
        h.append("</tbody></table>\n");
    }

    private static void row(StringBuilder h, DocumentResult r, Set<String> roots) {
        String state = r.status().state().name().toLowerCase(Locale.ROOT);
        DocumentResult.Details d = r.details();
        String rowClass = rank(r) == 2 ? "row-check" : "row-" + state;
        h.append("<tr class=\"").append(rowClass).append("\"><td class=\"doc\">");
        Path file = r.input().file().toAbsolutePath().normalize();
        h.append("<a href=\"").append(esc(file.toUri().toString())).append("\" title=\"").append(esc(file.toString())).append("\">")
                .append(esc(r.input().relativeName())).append("</a>");
        Path parent = file.getParent();
        // the folder only when the header's "inputs from" does not already say it
        if (parent != null && !roots.contains(parent.toString()) && r.input().root().equals(r.input().file())) h.append("<div class=\"where\">").append(esc(parent.toString())).append("</div>");
        h.append("</td><td><span class=\"state state-").append(state).append("\">").append(state).append("</span>");
        if (r.status().reason() != null) h.append("<div class=\"reason\">").append(esc(r.status().reason())).append("</div>");
        if (r.reused()) h.append("<div class=\"meta\">finished by an earlier run (skipped this time)</div>");
        h.append("</td><td>").append(esc(r.kind())).append("</td><td class=\"num\">").append(r.pages()).append("</td>");
        h.append("<td>").append(esc(methods(d))).append("</td>");
        h.append("<td class=\"num\">").append(r.reused() ? "–" : duration(r.millis())).append("</td><td>");
        if (d.failedChecks() > 0) {
            h.append("<div class=\"flag-failed\">").append(d.failedChecks()).append(d.failedChecks() == 1 ? " check failed" : " checks failed").append("</div>");
        }
        if (d.corrections() > 0) {
            h.append("<div class=\"flag-corrected\">").append(d.corrections()).append(d.corrections() == 1 ? " cell corrected" : " cells corrected").append("</div>");
        }
        if (d.reviewPage() != null) h.append("<a class=\"button\" href=\"").append(esc(href(d.reviewPage()))).append("\">review tables →</a>");
        h.append("</td><td>");
        if (!d.warningLines().isEmpty()) {
            String first = d.warningLines().get(0);
            int colon = first.indexOf(':');
            h.append("<details><summary>").append(r.warnings()).append(r.warnings() == 1 ? " warning" : " warnings");
            if (colon > 0) h.append(": ").append(esc(first.substring(0, colon)));
            h.append("</summary><ul>");
            for (String w : d.warningLines()) h.append("<li>").append(esc(w)).append("</li>");
            if (r.warnings() > d.warningLines().size()) h.append("<li>… and ").append(r.warnings() - d.warningLines().size()).append(" more in the JSON</li>");
            h.append("</ul></details>");
        } else if (r.warnings() > 0) {
            h.append(r.warnings()).append(r.warnings() == 1 ? " warning" : " warnings");
        }
        h.append("</td><td>");
        if (r.written().isEmpty()) h.append("<span class=\"none\">none</span>");
        for (String f : r.written()) h.append("<a href=\"").append(esc(href(f))).append("\">").append(esc(ext(f))).append("</a> ");
        h.append("</td></tr>\n");
    }

    /** 0 failed, 1 partial, 2 done but a check failed or a cell was corrected, 3 done and clean. */
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

    static String duration(long millis) {
        double s = millis / 1000.0;
        if (s < 60) return String.format(Locale.ROOT, "%.1f s", s);
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", t / 3600, t / 60 % 60)
                : String.format(Locale.ROOT, "%d min %02d s", t / 60, t % 60);
    }

    /**
     * A relative link to a file under the output folder: the characters that mean something in a URL
     * (%, #, ?, space) are escaped; everything else, Chinese included, is kept as written (UTF-8 page).
     */
    static String href(String relative) {
        StringBuilder sb = new StringBuilder(relative.length() + 8);
        for (int i = 0; i < relative.length(); i++) {
            char c = relative.charAt(i);
            switch (c) {
                case '%' -> sb.append("%25");
                case '#' -> sb.append("%23");
                case '?' -> sb.append("%3F");
                case ' ' -> sb.append("%20");
                case '\\' -> sb.append('/');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String ext(String f) {
        int i = f.lastIndexOf('.');
        return i < 0 ? f : f.substring(i + 1);
    }

    private static String badge(String cls, String label, long n) {
        return "<span" + (cls.isEmpty() ? "" : " class=\"" + cls + "\"") + ">" + label + " <b>" + n + "</b></span>";
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
