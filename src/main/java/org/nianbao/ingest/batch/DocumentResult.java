package org.nianbao.ingest.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.model.Status;

/**
 * What a batch keeps of one finished document (never the document itself: memory stays bounded).
 *
 * @param input    the input
 * @param output   output base name relative to the output folder (add .txt/.json)
 * @param kind     sniffed kind, lower-case
 * @param status   done / partial / failed with reason
 * @param pages    pages read
 * @param millis   wall time
 * @param warnings number of warnings
 * @param written  the files written, relative to the output folder
 * @param reused   true when a resumed batch found this document already finished and skipped it
 * @param details  what the run report shows about the document (never the document itself)
 */
public record DocumentResult(Input input, String output, String kind, Status status, int pages, long millis,
                             int warnings, List<String> written, boolean reused, Details details) {
    public DocumentResult {
        details = details == null ? Details.NONE : details;
    }

    /**
     * @param pageMethods  how each page was read, in page order (html, text-layer, ocr, text-capture)
     * @param warningLines the first warnings as "code: message"
     * @param failedChecks identity checks that failed
     * @param corrections  cells corrected to satisfy identities
     * @param reviewPage   the review page relative to the output folder, or null
     */
    public record Details(List<String> pageMethods, List<String> warningLines, int failedChecks, int corrections, String reviewPage) {
        public static final Details NONE = new Details(List.of(), List.of(), 0, 0, null);

        public Details {
            pageMethods = List.copyOf(pageMethods);
            warningLines = List.copyOf(warningLines);
        }

        public static Details of(Document doc, String reviewPage) {
            List<String> methods = new ArrayList<>();
            for (Page p : doc.pages()) {
                methods.add(p.reading() == null ? "unknown" : p.reading().method().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            List<String> lines = new ArrayList<>();
            for (Warning w : doc.allWarnings()) {
                if (lines.size() >= 20) break;
                lines.add(w.code() + ": " + w.message());
            }
            int failed = 0;
            int corrections = 0;
            for (Block b : doc.blocks()) {
                if (b instanceof TableBlock t && t.standard() != null) {
                    failed += (int) t.standard().checks().stream().filter(c -> "failed".equals(c.status())).count();
                    corrections += t.standard().corrections().size();
                }
            }
            return new Details(methods, lines, failed, corrections, reviewPage);
        }
    }
}
