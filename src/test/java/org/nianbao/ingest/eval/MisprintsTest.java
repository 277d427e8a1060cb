package org.nianbao.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.eval.gen.FilledTable;
import org.nianbao.ingest.eval.gen.Misprint;
import org.nianbao.ingest.eval.gen.Misprints;
import org.nianbao.ingest.eval.gen.ReportGenerator;
import org.nianbao.ingest.eval.gen.SyntheticReport;
import org.nianbao.ingest.eval.layout.LayoutCell;
import org.nianbao.ingest.eval.layout.StandardLayouts;
import org.nianbao.ingest.eval.score.JsonTables.GridCell;
import org.nianbao.ingest.eval.score.JsonTables.GridTable;
import org.nianbao.ingest.eval.score.MisprintScorer;
import org.nianbao.ingest.eval.score.TxtTables;
import org.nianbao.ingest.eval.truth.Truth;
import org.nianbao.ingest.eval.truth.Truth.TruthMisprint;
import org.nianbao.ingest.eval.truth.Truth.TruthTable;
import org.nianbao.ingest.eval.truth.TruthIO;

/** {@code scripts/generate --misprints}: one number of table 三 printed wrong, and how its reading is scored. */
class MisprintsTest {
    private final ReportGenerator gen = new ReportGenerator();

    @Test
    void oneDetailCountIsRaisedAndOnlyItsColumnSumAndRowTotalBreak() {
        for (long seed = 1; seed <= 10; seed++) {
            for (int i = 0; i < 3; i++) {
                SyntheticReport plain = gen.generate(seed, i);
                SyntheticReport wrong = Misprints.apply(plain);
                assertEquals(1, wrong.misprints().size());
                Misprint m = wrong.misprints().get(0);
                FilledTable before = plain.table("三");
                FilledTable after = wrong.table("三");
                int changed = 0;
                for (LayoutCell c : before.layout().valueCells()) {
                    if (!before.text(c).equals(after.text(c))) changed++;
                }
                assertEquals(1, changed, wrong.id());
                assertEquals(m.consistent(), before.value(m.row(), m.col()));
                assertEquals(m.printed(), after.value(m.row(), m.col()));
                int raise = Integer.parseInt(m.printed()) - Integer.parseInt(m.consistent());
                assertTrue(raise >= 1 && raise <= 3, "raised by " + raise);
                assertTrue(m.rowPath().startsWith("三、本年度办理结果") && !m.rowPath().contains("（七）总计"), m.rowPath());

                int rows = StandardLayouts.requestRows(wrong.format()).size();
                int first = 3;
                int total = first + rows - 2;
                for (int c = 3; c < 10; c++) {
                    int sum = 0;
                    for (int row = first + 2; row < total; row++) sum += n(after, row, c);
                    assertEquals(c == m.col(), sum != n(after, total, c), wrong.id() + " I2 breaks only in column " + m.col());
                    assertEquals(n(after, first, c) + n(after, first + 1, c), n(after, total, c) + n(after, total + 1, c), "I1 holds");
                }
                for (int row = first; row < first + rows; row++) {
                    int sum = 0;
                    for (int c = 3; c < 9; c++) sum += n(after, row, c);
                    assertEquals(row == m.row(), sum != n(after, row, 9), wrong.id() + " I3 breaks only in row " + m.row());
                }
                // everything else of the report is as generated without --misprints
                assertEquals(plain.sections(), wrong.sections());
                assertEquals(plain.table("二"), wrong.table("二"));
                assertEquals(plain.table("四"), wrong.table("四"));
                assertEquals(m, Misprints.apply(gen.generate(seed, i)).misprints().get(0), "deterministic");
            }
        }
    }

    @Test
    void truthFilesWithoutMisprintsAreWrittenAsBefore() throws Exception {
        Truth none = truth(List.of());
        String json = new String(TruthIO.toBytes(none), java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(json.contains("misprints"), "a consistent report's truth.json has no misprints field");
        Truth one = truth(List.of(new TruthMisprint("三", "三、本年度办理结果 > （一）予以公开", "申请人情况 > 自然人", 5, 3, "4", "2")));
        java.nio.file.Path f = java.nio.file.Files.createTempFile("truth", ".json");
        try {
            TruthIO.write(one, f);
            assertEquals(one.misprints(), TruthIO.read(f).misprints());
        } finally {
            java.nio.file.Files.delete(f);
        }
    }

    @Test
    void aMisprintIsScoredKeptFlaggedOrChanged() {
        SyntheticReport r = Misprints.apply(gen.generate(4, 1));
        Misprint m = r.misprints().get(0);
        FilledTable t = r.table("三");
        TruthTable table = ScorerTest.truthTable(t);
        Truth truth = new Truth(Truth.SCHEMA, r.id(), 0, r.format(), r.year(), r.agency(), r.title(), 1, List.of(), List.of(table),
                List.of(), List.of(new TruthMisprint("三", m.rowPath(), m.colPath(), m.row(), m.col(), m.printed(), m.consistent())));
        String ref = "r" + m.row() + "c" + m.col();
        Map<String, String> valueCells = Map.of(GridTable.valueKey(m.rowPath(), m.colPath()), ref);

        StringBuilder printed = new StringBuilder();
        for (String[] row : t.repeatedGrid()) printed.append(String.join(" | ", row)).append('\n');
        GridTable flagged = new GridTable(t.layout().rows(), t.layout().cols(), List.<GridCell>of(), 2, valueCells, Set.of(ref), Set.of());
        MisprintScorer.Result good = MisprintScorer.score(truth, Set.of(1), TxtTables.parse(printed.toString()), List.of(flagged));
        assertEquals(new MisprintScorer.Result(1, 1, 1, 0), good);

        String fixed = printed.toString();
        StringBuilder corrected = new StringBuilder();
        String[][] grid = t.repeatedGrid();
        grid[m.row()][m.col()] = m.consistent();
        for (String[] row : grid) corrected.append(String.join(" | ", row)).append('\n');
        GridTable changed = new GridTable(t.layout().rows(), t.layout().cols(), List.<GridCell>of(), 0, valueCells, Set.of(), Set.of(ref));
        MisprintScorer.Result bad = MisprintScorer.score(truth, Set.of(1), TxtTables.parse(corrected.toString()), List.of(changed));
        assertEquals(new MisprintScorer.Result(1, 0, 0, 1), bad);
        assertEquals(0, MisprintScorer.score(truth, Set.of(2), TxtTables.parse(fixed), List.of(flagged)).total(),
                "a misprint on a page the form does not show is not scored");
    }

    private static Truth truth(List<TruthMisprint> misprints) {
        return new Truth(Truth.SCHEMA, "r0001-2021", 1, 2021, 2022, "某局", "标题", 1, List.of(), List.of(), List.of(), misprints);
    }

    private static int n(FilledTable t, int row, int col) {
        return Integer.parseInt(t.value(row, col));
    }
}
