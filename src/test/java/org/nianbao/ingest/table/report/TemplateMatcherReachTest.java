package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link TemplateMatcher#reach} lets the recogniser skip alignments that cannot be accepted. That is
 * only safe while it is a true upper bound: on real captures (the seeds, whose cells are the labels and
 * numbers of real reports) and on shuffled, cut and mixed versions of them, no alignment may find more
 * labels or values than the bound says, for every template and many windows.
 */
class TemplateMatcherReachTest {
    @Test
    void reachNeverUnderestimatesWhatAnAlignmentFinds() throws IOException {
        List<List<ObservedCell>> streams = new ArrayList<>();
        try (var files = Files.list(Path.of("fixtures/seeds"))) {
            for (Path f : files.sorted().toList()) streams.add(cellsOf(Files.readAllLines(f)));
        }
        Random rnd = new Random(42);
        List<List<ObservedCell>> variants = new ArrayList<>();
        for (List<ObservedCell> s : streams) {
            List<ObservedCell> shuffled = new ArrayList<>(s);
            java.util.Collections.shuffle(shuffled, rnd);
            variants.add(shuffled);
            List<ObservedCell> thinned = new ArrayList<>();
            for (ObservedCell c : s) if (rnd.nextInt(3) > 0) thinned.add(c);
            variants.add(thinned);
        }
        streams.addAll(variants);
        int alignments = 0;
        int accepted = 0;
        for (List<ObservedCell> cells : streams) {
            CellStream s = new CellStream(cells);
            for (int from = 0; from < s.size(); from += 1 + rnd.nextInt(40)) {
                for (StandardTemplate t : StandardTemplates.all()) {
                    int to = Math.min(s.size(), from + 20 + rnd.nextInt(4 * t.cells().size() + 100));
                    Alignment a = TemplateMatcher.align(t, s, from, to);
                    TemplateMatcher.Reach r = TemplateMatcher.reach(t, s, from, to);
                    alignments++;
                    assertTrue(a.matchedLabels() <= r.labels(), t.id() + " at " + from + ": " + a.matchedLabels() + " labels > " + r.labels());
                    assertTrue(a.matchedValues() <= r.values(), t.id() + " at " + from + ": " + a.matchedValues() + " values > " + r.values());
                    if (TableRecognizer.accepted(a)) {
                        accepted++;
                        assertTrue(TableRecognizer.reachable(t, TemplateMatcher.reach(t, s, from, to)), "an accepted alignment was judged unreachable");
                    }
                }
            }
        }
        assertTrue(alignments > 500, "alignments tried: " + alignments);
        assertTrue(accepted > 10, "the seeds' tables are found: " + accepted);
    }

    @Test
    void windowsWithoutTheTemplatesLabelsAreNotReachable() {
        List<ObservedCell> cells = new ArrayList<>();
        for (int i = 0; i < 60; i++) cells.add(ObservedCell.ofGrid(i % 3 == 0 ? "天气晴朗" : String.valueOf(i), i / 4, i % 4));
        CellStream s = new CellStream(cells);
        for (StandardTemplate t : StandardTemplates.all()) {
            TemplateMatcher.Reach r = TemplateMatcher.reach(t, s, 0, s.size());
            assertEquals(0, r.labels(), t.id());
            assertTrue(!TableRecognizer.reachable(t, r), t.id());
        }
    }

    /** Every line's cells (tabs, pipes and runs of spaces separate them) in reading order. */
    private static List<ObservedCell> cellsOf(List<String> lines) {
        List<ObservedCell> out = new ArrayList<>();
        for (int row = 0; row < lines.size(); row++) {
            String[] parts = lines.get(row).split("[\\t|]+|\\s{2,}");
            for (int col = 0; col < parts.length; col++) {
                if (!parts[col].isBlank()) out.add(ObservedCell.ofGrid(parts[col].strip(), row, col));
            }
        }
        return out;
    }
}
