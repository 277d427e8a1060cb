package org.nianbao.ingest.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.nianbao.ingest.eval.gen.Misprints;
import org.nianbao.ingest.eval.gen.ReportGenerator;
import org.nianbao.ingest.eval.gen.SyntheticReport;
import org.nianbao.ingest.eval.truth.Truth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scripts/generate}: writes a set of synthetic reports with their truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes synthetic annual reports (2019 and 2021 formats) in many input forms, each with truth.json.",
                "Deterministic: the same --seed and --count give the same files."},
        footer = {"", "Examples:",
                "  scripts/generate --out /tmp/set --count 10 --seed 1",
                "  scripts/generate --out /tmp/set --count 2 --seed 7 --forms html,pdf,text --scan-pages 2-3",
                "  scripts/generate --out /tmp/set --count 3 --seed 53 --misprints --forms html,pdf,scan300-pdf"})
public final class GenerateMain implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "folder to write the set into (one sub-folder per report)")
    Path out;

    @Option(names = "--count", defaultValue = "2", description = "number of reports (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "set seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--forms", split = ",", description = {"form groups or single forms to write (default: all).",
            "Groups: ${COMPLETION-CANDIDATES}; forms: html-utf8, html-gb18030, scan300-pdf, scan300-png, scan200-pdf,",
            "scan200-jpg, tiff-g4, scan-upside, text-pipe, text-tab, text-cell, text-tsv, moji-utf8-as-gbk,",
            "moji-gbk-as-latin1, moji-big5-as-gbk, trad-pinyin, scan-real (other fonts, seal, colour; not in the default set)"},
            completionCandidates = Groups.class)
    List<String> forms;

    @Option(names = "--index", split = ",", description = "only these reports of the set (1-based), e.g. --index 2")
    List<Integer> index;

    @Option(names = "--misprints", description = {"print one count of table 三 wrong in every report (breaking I2 and I3),",
            "as real reports do: a set to check that such numbers are kept as printed and their identities reported failed"})
    boolean misprints;

    @Option(names = "--scan-pages", description = "pages the scans show, e.g. 1-2 or 1,3 (default: all pages)")
    String scanPages;

    static final class Groups extends ArrayList<String> {
        Groups() {
            super(FormWriter.GROUPS);
            addAll(FormWriter.OPT_IN_GROUPS);
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Set<String> groups = forms == null ? new LinkedHashSet<>(FormWriter.GROUPS) : new LinkedHashSet<>(forms);
        for (String g : groups) {
            if (!FormWriter.Options.known(g)) {
                System.err.println("unknown form or form group '" + g + "'; groups: " + String.join(",", FormWriter.GROUPS));
                return 2;
            }
        }
        FormWriter.Options options = new FormWriter.Options(groups, parsePages(scanPages));
        ReportGenerator gen = new ReportGenerator();
        for (int i = 0; i < count; i++) {
            if (index != null && !index.contains(i + 1)) continue;
            long t0 = System.nanoTime();
            SyntheticReport r = gen.generate(seed, i);
            if (misprints) r = Misprints.apply(r);
            Truth t = FormWriter.write(r, out.resolve(r.id()), options);
            System.out.printf("%s  %s  %d pages  %d forms  %.1f s%n", r.id(), r.title(), t.pageCount(), t.forms().size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        return 0;
    }

    static List<Integer> parsePages(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("all")) return null;
        List<Integer> pages = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            if (dash > 0) {
                int a = Integer.parseInt(p.substring(0, dash).strip());
                int b = Integer.parseInt(p.substring(dash + 1).strip());
                for (int k = a; k <= b; k++) pages.add(k);
            } else {
                pages.add(Integer.parseInt(p));
            }
        }
        return pages;
    }
}
