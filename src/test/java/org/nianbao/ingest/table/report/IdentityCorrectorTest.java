package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.StandardTable.IdentityCheck;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;

class IdentityCorrectorTest {
    private static final Provenance P = new Provenance(SourceKind.IMAGE, 1, Method.OCR, "test");

    /** A 2021 section 三 whose numbers satisfy I1–I3: small counts per result row, 上年结转 1 and 结转下年度 2 per column. */
    static Table consistentSec3() {
        StandardTemplate t = StandardTemplates.byId("2021-sec3");
        List<String> rows = new ArrayList<>();
        for (TemplateCell c : t.values()) if (!rows.contains(c.rowId())) rows.add(c.rowId());
        List<String> results = rows.stream().filter(r -> !List.of("new", "carried", "total", "next").contains(r)).toList();
        List<String> cols = StandardTemplates.SEC3_COLUMNS;
        long[][] v = new long[rows.size()][7];
        for (int j = 0; j < 6; j++) {
            long total = 0;
            for (String r : results) {
                int i = rows.indexOf(r);
                v[i][j] = (i * 3L + j * 5L) % 4;
                total += v[i][j];
            }
            v[rows.indexOf("total")][j] = total;
            v[rows.indexOf("carried")][j] = 1;
            v[rows.indexOf("next")][j] = 2;
            v[rows.indexOf("new")][j] = total + 1;
        }
        for (long[] row : v) for (int j = 0; j < 6; j++) row[6] += row[j];
        return Grids.canonical(t, c -> Long.toString(v[rows.indexOf(c.rowId())][cols.indexOf(c.colId())]));
    }

    /** The grid position of a value slot. */
    static int[] at(String templateId, String rowId, String colId) {
        for (TemplateCell c : StandardTemplates.byId(templateId).values()) {
            if (c.rowId().equals(rowId) && c.colId().equals(colId)) return new int[] {c.row(), c.col()};
        }
        throw new AssertionError(rowId + "|" + colId);
    }

    /** The grid with one cell re-read: new text, OCR confidence, the engine's other readings. */
    static Table reread(Table t, int[] pos, String text, double confidence, List<String> alternatives) {
        List<Cell> cells = new ArrayList<>();
        for (Cell c : t.cells()) {
            cells.add(c.row() == pos[0] && c.col() == pos[1]
                    ? new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), text, null, confidence, alternatives) : c);
        }
        return new Table(t.rows(), t.cols(), cells);
    }

    static String text(Table t, int[] pos) {
        return t.cellAt(pos[0], pos[1]).text();
    }

    static TableBlock run(Table grid, String origin) {
        TableBlock tb = new TableBlock(grid, origin, 0.9, null, P, List.of());
        Alignment a = GridStreams.recognize(grid);
        assertNotNull(a, "grid not recognised");
        return StandardTableStage.keyed(tb, a, null);
    }

    static List<IdentityCheck> failed(StandardTable st) {
        return st.checks().stream().filter(c -> c.status().equals(IdentityChecker.FAILED)).toList();
    }

    private static boolean warned(TableBlock tb, String code) {
        return tb.warnings().stream().map(Warning::code).anyMatch(code::equals);
    }

    @Test
    void theFixtureItselfIsConsistent() {
        TableBlock tb = run(consistentSec3(), "image-rulings");
        assertTrue(failed(tb.standard()).isEmpty(), failed(tb.standard()).toString());
        assertTrue(tb.standard().corrections().isEmpty());
    }

    @Test
    void anAlternativeThatMakesEveryIdentityHoldIsTakenAndRecorded() {
        Table good = consistentSec3();
        int[] pos = at("2021-sec3", "open", "natural");
        String truth = text(good, pos);
        String misread = truth.equals("8") ? "3" : "8";
        // the engine's first alternative is wrong too; the second is right
        Table bad = reread(good, pos, misread, 71, List.of("9", truth));
        TableBlock tb = run(bad, "image-rulings");
        StandardTable st = tb.standard();
        assertEquals(1, st.corrections().size(), st.corrections().toString());
        StandardTable.Correction c = st.corrections().get(0);
        assertEquals(pos[0], c.row());
        assertEquals(pos[1], c.col());
        assertEquals(misread, c.before());
        assertEquals(truth, c.after());
        assertTrue(c.reason().contains("alternative reading 2"), c.reason());
        assertTrue(c.reason().contains("I2") && c.reason().contains("I3"), c.reason());
        assertTrue(failed(st).isEmpty(), "checks re-run after the correction: " + failed(st));
        // the grid (and so the .txt) shows the corrected number; the keyed value too
        assertEquals(truth, text(tb.table(), pos));
        assertTrue(st.values().stream().anyMatch(kv -> kv.row() == pos[0] && kv.col() == pos[1] && kv.value().equals(truth)));
        assertTrue(warned(tb, "identity-corrected"));
        assertTrue(!warned(tb, "identity-failed"), tb.warnings().toString());
    }

    /**
     * A count printed wrong (mis53: （三）8 其他 printed 1 for 0) breaks its row and column sums, and a 0
     * read as 2 in the same row stayed because no reading could make every identity hold. The misreading
     * is corrected (its column's sum confirms it), the misprint stays as printed and flagged.
     */
    @Test
    void aMisreadingBesideAMisprintIsCorrectedAndTheMisprintFlagged() {
        Table good = consistentSec3();
        int[] printed = at("2021-sec3", "deny.8", "other");
        int[] misread = at("2021-sec3", "deny.8", "research");
        String printedWrong = Integer.toString(Integer.parseInt(text(good, printed)) + 1);
        String truth = text(good, misread);
        String wrong = Integer.toString(Integer.parseInt(truth) + 2);
        Table bad = reread(reread(good, printed, printedWrong, 90, List.of()), misread, wrong, 40, List.of(truth));
        TableBlock tb = run(bad, "image-rulings");
        StandardTable st = tb.standard();
        assertEquals(truth, text(tb.table(), misread), st.corrections() + " " + tb.warnings());
        assertEquals(printedWrong, text(tb.table(), printed), "a printed count is never changed");
        assertEquals(1, st.corrections().size());
        String ref = "r" + printed[0] + "c" + printed[1];
        assertTrue(failed(st).stream().anyMatch(c -> c.id().equals("I2") && c.cells().contains(ref)), failed(st).toString());
        assertTrue(failed(st).stream().anyMatch(c -> c.id().equals("I3") && c.cells().contains(ref)), failed(st).toString());
    }

    /** Two counts printed wrong in one row: no one cell explains the failures, so the misreading elsewhere stays too. */
    @Test
    void twoMisprintsInARowChangeNothing() {
        Table good = consistentSec3();
        int[] m1 = at("2021-sec3", "deny.8", "other");
        int[] m2 = at("2021-sec3", "deny.8", "research");
        int[] x = at("2021-sec3", "deny.1", "natural");
        String w1 = Integer.toString(Integer.parseInt(text(good, m1)) + 1);
        String w2 = Integer.toString(Integer.parseInt(text(good, m2)) + 2);
        String wx = Integer.toString(Integer.parseInt(text(good, x)) + 3);
        Table bad = reread(reread(reread(good, m1, w1, 90, List.of()), m2, w2, 90, List.of()), x, wx, 40, List.of(text(good, x)));
        TableBlock tb = run(bad, "image-rulings");
        assertEquals(wx, text(tb.table(), x));
        assertTrue(tb.standard().corrections().isEmpty(), tb.standard().corrections().toString());
    }

    @Test
    void twoMisreadCellsAreBothCorrected() {
        Table good = consistentSec3();
        int[] a = at("2021-sec3", "deny.3", "business");
        int[] b = at("2021-sec3", "ignore.2", "legal");
        Table bad = reread(reread(good, a, text(good, a) + "7", 60, List.of(text(good, a))), b, "1" + text(good, b), 60, List.of("4", text(good, b)));
        TableBlock tb = run(bad, "image-rulings");
        assertEquals(2, tb.standard().corrections().size(), tb.warnings().toString());
        assertEquals(text(good, a), text(tb.table(), a));
        assertEquals(text(good, b), text(tb.table(), b));
        assertTrue(failed(tb.standard()).isEmpty());
    }

    @Test
    void aCellThatReadAsLettersIsMappedToDigitsWhenTheIdentitiesAgree() {
        Table good = consistentSec3();
        int[] pos = null;
        for (TemplateCell c : StandardTemplates.byId("2021-sec3").values()) {
            String v = text(good, new int[] {c.row(), c.col()});
            if (v.length() >= 2 && (v.contains("1") || v.contains("0"))) {
                pos = new int[] {c.row(), c.col()};
                break;
            }
        }
        assertNotNull(pos, "the fixture has a number with 0 or 1 in it");
        String truth = text(good, pos);
        String letters = truth.replace('0', 'O').replace('1', 'l');
        TableBlock tb = run(reread(good, pos, letters, 55, List.of()), "image-rulings");
        assertEquals(truth, text(tb.table(), pos), tb.warnings().toString());
        assertTrue(tb.standard().corrections().get(0).reason().contains("confuses"), tb.standard().corrections().toString());
        assertTrue(failed(tb.standard()).isEmpty());
    }

    /** Section 四: 总计 read 8 (could be 3), and 结果维持 read 1 (could be 6): either single change works. */
    @Test
    void twoDifferentSmallestFixesAreAmbiguousAndChangeNothing() {
        Table good = Grids.canonical(StandardTemplates.byId("sec4"), c -> switch (c.col() % 5) {
            case 0 -> "1";
            case 1 -> "2";
            case 4 -> "3";
            default -> "0";
        });
        int[] total = at("sec4", "cases", "review.total");
        int[] upheld = at("sec4", "cases", "review.upheld");
        Table bad = reread(reread(good, total, "8", 60, List.of("3")), upheld, "1", 90, List.of("6"));
        TableBlock tb = run(bad, "image-rulings");
        assertTrue(tb.standard().corrections().isEmpty());
        assertEquals("8", text(tb.table(), total));
        assertEquals("1", text(tb.table(), upheld));
        assertTrue(warned(tb, "identity-ambiguous"), tb.warnings().toString());
        Warning w = tb.warnings().stream().filter(x -> x.code().equals("identity-failed")).findFirst().orElseThrow();
        assertTrue(w.message().contains("I4") && w.message().contains("ambiguous"), w.message());
    }

    /** An HTML table printed wrong: no alternatives, confidence 100 — it stays as printed and is flagged with its cells. */
    @Test
    void anExactSourceMisprintIsLeftAsPrintedAndFlagged() {
        Table good = consistentSec3();
        int[] pos = at("2021-sec3", "open", "natural");
        List<Cell> cells = new ArrayList<>();
        for (Cell c : good.cells()) cells.add(c.row() == pos[0] && c.col() == pos[1] ? c.withText("17") : c);
        Table misprint = new Table(good.rows(), good.cols(), cells);
        TableBlock tb = run(misprint, "html-spans");
        assertTrue(tb.standard().corrections().isEmpty());
        assertEquals("17", text(tb.table(), pos));
        List<IdentityCheck> f = failed(tb.standard());
        assertEquals(2, f.size(), f.toString()); // I2 on 自然人 and I3 on （一）予以公开
        String ref = "r" + pos[0] + "c" + pos[1];
        assertTrue(f.stream().allMatch(c -> c.cells().contains(ref)), f.toString());
        Warning w = tb.warnings().stream().filter(x -> x.code().equals("identity-failed")).findFirst().orElseThrow();
        assertTrue(w.message().contains("as printed"), w.message());
        assertTrue(!warned(tb, "identity-corrected"));
    }

    /** Even a table of OCR origin: a cell with confidence 100 and nothing else offered has no other reading to take. */
    @Test
    void noAlternativeThatWorksLeavesTheCellsAsRead() {
        Table good = consistentSec3();
        int[] pos = at("2021-sec3", "open", "natural");
        TableBlock tb = run(reread(good, pos, "17", 80, List.of("71", "11")), "image-rulings");
        assertTrue(tb.standard().corrections().isEmpty());
        assertEquals("17", text(tb.table(), pos));
        Warning w = tb.warnings().stream().filter(x -> x.code().equals("identity-failed")).findFirst().orElseThrow();
        assertTrue(w.message().contains("as read"), w.message());
    }

    /** Forty broken cells with six useless readings each: the search stops at its bound, quickly, and changes nothing. */
    @Test
    void theWorstCaseIsBoundedAndFast() {
        Table t = consistentSec3();
        StandardTemplate tpl = StandardTemplates.byId("2021-sec3");
        int n = 0;
        for (TemplateCell c : tpl.values()) {
            if (n == 40 || c.colId().equals("total")) continue;
            int[] pos = {c.row(), c.col()};
            String v = text(t, pos);
            t = reread(t, pos, v + "1", 40, List.of(v + "2", v + "3", v + "4", v + "5", v + "6", v + "7", v + "8"));
            n++;
        }
        long start = System.nanoTime();
        TableBlock tb = run(t, "image-rulings");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3000, "took " + ms + " ms");
        assertTrue(tb.standard().corrections().isEmpty());
        Warning w = tb.warnings().stream().filter(x -> x.code().equals("identity-failed")).findFirst().orElseThrow();
        assertTrue(w.message().contains("left as read"), w.message());
        assertTrue(!failed(tb.standard()).isEmpty());
    }

    /** Every result-row cell broken, six readings each: far more failures than three changes could fix, cut short at once. */
    @Test
    void aWideSearchIsCutShort() {
        Table t = consistentSec3();
        int n = 0;
        for (TemplateCell c : StandardTemplates.byId("2021-sec3").values()) {
            if (c.colId().equals("total") || List.of("new", "carried", "total", "next").contains(c.rowId())) continue;
            int[] pos = {c.row(), c.col()};
            String v = text(t, pos);
            t = reread(t, pos, v + "1", 40, List.of(v + "2", v + "3", v + "4", v + "5", v + "6", v + "7"));
            n++;
        }
        long start = System.nanoTime();
        TableBlock tb = run(t, "image-rulings");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3000, "took " + ms + " ms");
        assertTrue(tb.standard().corrections().isEmpty());
        Warning w = tb.warnings().stream().filter(x -> x.code().equals("identity-failed")).findFirst().orElseThrow();
        assertTrue(w.message().contains("left as read"), w.message());
    }

    /** The bound itself: a direct call reports it as such when the search space is too big. */
    @Test
    void searchReportsItsOutcome() {
        Table good = consistentSec3();
        StandardTemplate tpl = StandardTemplates.byId("2021-sec3");
        Alignment a = GridStreams.recognize(good);
        StandardTableBuilder.Keyed k = StandardTableBuilder.keyed(a, good);
        IdentityCorrector.Result r = IdentityCorrector.correct(tpl, k.bySlot(), k.table(), good, "image-rulings");
        assertEquals(IdentityCorrector.Outcome.CLEAN, r.outcome());
        Map<String, StandardTable.KeyedValue> same = r.bySlot();
        assertEquals(k.bySlot(), same);
    }
}
