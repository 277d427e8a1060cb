package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.ingest.table.report.IdentityCorrectorTest.at;
import static org.nianbao.ingest.table.report.IdentityCorrectorTest.consistentSec3;
import static org.nianbao.ingest.table.report.IdentityCorrectorTest.failed;
import static org.nianbao.ingest.table.report.IdentityCorrectorTest.reread;
import static org.nianbao.ingest.table.report.IdentityCorrectorTest.run;
import static org.nianbao.ingest.table.report.IdentityCorrectorTest.text;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.StandardTable.Correction;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;

class IdentitySolverTest {
    private static final String OCR = "image-rulings";

    private static Correction correctionAt(StandardTable st, int[] pos) {
        return st.corrections().stream().filter(c -> c.row() == pos[0] && c.col() == pos[1]).findFirst().orElse(null);
    }

    private static boolean warned(TableBlock tb, String code) {
        return tb.warnings().stream().map(Warning::code).anyMatch(code::equals);
    }

    /** A slot whose true value is not 0 (so a wrong solution would show). */
    private static int[] nonZero(Table good, String rowId) {
        for (String col : StandardTemplates.SEC3_COLUMNS) {
            int[] pos = at("2021-sec3", rowId, col);
            if (!text(good, pos).equals("0")) return pos;
        }
        throw new AssertionError("row " + rowId + " is all zeros");
    }

    @Test
    void oneUnreadFigureIsForcedByItsIdentitiesAndRecorded() {
        Table good = consistentSec3();
        int[] pos = nonZero(good, "open");
        TableBlock tb = run(reread(good, pos, "D :.", 40, List.of("口")), OCR);
        StandardTable st = tb.standard();
        assertEquals(text(good, pos), text(tb.table(), pos), tb.warnings().toString());
        Correction c = correctionAt(st, pos);
        assertNotNull(c, st.corrections().toString());
        assertEquals("D :.", c.before());
        assertEquals(text(good, pos), c.after());
        assertTrue(c.reason().contains("forced by I"), c.reason());
        assertTrue(failed(st).isEmpty(), failed(st).toString());
        assertTrue(st.values().stream().anyMatch(kv -> kv.row() == pos[0] && kv.col() == pos[1] && text(good, pos).equals(kv.value())));
        assertTrue(warned(tb, "identity-corrected"));
        assertFalse(warned(tb, "identity-failed"), tb.warnings().toString());
    }

    /** Two unread cells in one row: each is its column's one unknown, and the row's total confirms both. */
    @Test
    void twoUnreadFiguresInOneRowAreEachForcedByTheirColumn() {
        Table good = consistentSec3();
        int[] a = at("2021-sec3", "deny.3", "natural");
        int[] b = at("2021-sec3", "deny.3", "legal");
        TableBlock tb = run(reread(reread(good, a, "本", 30, List.of("卫")), b, "OO", 10, List.of()), OCR);
        assertEquals(text(good, a), text(tb.table(), a), tb.warnings().toString());
        assertEquals(text(good, b), text(tb.table(), b), tb.warnings().toString());
        assertEquals(2, tb.standard().corrections().size(), tb.standard().corrections().toString());
        assertTrue(failed(tb.standard()).isEmpty());
    }

    /**
     * Three unknowns no single identity determines at first: the 总计 row's cell is I1's one unknown;
     * then the 自然人 column's I2 has one left; then the row's I3.
     */
    @Test
    void severalUnknownsAreSolvedOneAfterAnother() {
        Table good = consistentSec3();
        int[] a = at("2021-sec3", "open", "natural");
        int[] b = at("2021-sec3", "open", "total");
        int[] c = at("2021-sec3", "total", "natural");
        Table bad = reread(reread(reread(good, a, "TORR", 10, List.of()), b, "", 0, List.of()), c, "2全二", 9, List.of());
        TableBlock tb = run(bad, OCR);
        for (int[] pos : List.of(a, b, c)) assertEquals(text(good, pos), text(tb.table(), pos), tb.warnings().toString());
        assertEquals(3, tb.standard().corrections().size());
        assertTrue(tb.standard().corrections().stream().anyMatch(x -> x.reason().contains("other cell(s) were worked out")),
                tb.standard().corrections().toString());
        assertTrue(failed(tb.standard()).isEmpty());
    }

    /** Four unknowns at the corners of a rectangle: every identity has two, nothing is determined, nothing guessed. */
    @Test
    void unknownsTheIdentitiesDoNotDetermineStayAsRead() {
        Table good = consistentSec3();
        int[][] corners = {at("2021-sec3", "open", "natural"), at("2021-sec3", "open", "business"),
            at("2021-sec3", "deny.1", "natural"), at("2021-sec3", "deny.1", "business")};
        Table bad = good;
        for (int[] pos : corners) bad = reread(bad, pos, "D :", 20, List.of());
        TableBlock tb = run(bad, OCR);
        for (int[] pos : corners) assertEquals("D :", text(tb.table(), pos));
        assertTrue(tb.standard().corrections().isEmpty(), tb.standard().corrections().toString());
    }

    /**
     * The unknown's column forces one value, its row (with a figure misread surely: 95, nothing else
     * offered) another: the value is not consistent with every identity it is in, so it is not taken,
     * and the sure figure is never changed.
     */
    @Test
    void aForcedValueThatBreaksAnotherIdentityIsNotTaken() {
        Table good = consistentSec3();
        int[] unknown = at("2021-sec3", "deny.2", "natural");
        int[] misread = at("2021-sec3", "deny.2", "business");
        String wrong = Integer.toString(Integer.parseInt(text(good, misread)) + 3);
        TableBlock tb = run(reread(reread(good, unknown, "OO", 10, List.of()), misread, wrong, 95, List.of()), OCR);
        assertEquals("OO", text(tb.table(), unknown), tb.standard().corrections().toString());
        assertEquals(wrong, text(tb.table(), misread));
        assertTrue(tb.standard().corrections().isEmpty(), tb.standard().corrections().toString());
        assertTrue(warned(tb, "identity-failed"));
    }

    /** A forced value below zero is no count: not taken. */
    @Test
    void aNegativeForcedValueIsNotTaken() {
        Table good = consistentSec3();
        int[] total = at("2021-sec3", "open", "total");
        int[] unknown = at("2021-sec3", "open", "natural");
        // the row's total read far too small (surely): the unknown would have to be negative
        Table bad = reread(reread(good, total, "0", 95, List.of()), unknown, "D :.", 20, List.of());
        TableBlock tb = run(bad, OCR);
        assertEquals("D :.", text(tb.table(), unknown), tb.standard().corrections().toString());
    }

    /** The unknown and a figure read 8 with confidence 0 (a 0 with a blob in its hole): both come out right. */
    @Test
    void anUnsureFigureInTheWayIsDoubtedAndBothAreSolved() {
        Table good = consistentSec3();
        int[] unknown = at("2021-sec3", "deny.5", "legal");
        int[] unsure = at("2021-sec3", "deny.5", "welfare");
        String wrong = text(good, unsure).equals("8") ? "3" : "8";
        TableBlock tb = run(reread(reread(good, unknown, "", 0, List.of()), unsure, wrong, 0, List.of()), OCR);
        assertEquals(text(good, unknown), text(tb.table(), unknown), tb.standard().corrections().toString());
        assertEquals(text(good, unsure), text(tb.table(), unsure), tb.standard().corrections().toString());
        assertTrue(correctionAt(tb.standard(), unsure).reason().contains("unsure figure"), tb.standard().corrections().toString());
        assertTrue(failed(tb.standard()).isEmpty());
    }

    /** The same, but the wrong figure was read surely and OCR offered nothing else: it is never changed. */
    @Test
    void aSureFigureIsNeverDoubted() {
        Table good = consistentSec3();
        int[] unknown = at("2021-sec3", "deny.5", "legal");
        int[] sure = at("2021-sec3", "deny.5", "welfare");
        String wrong = text(good, sure).equals("8") ? "3" : "8";
        TableBlock tb = run(reread(reread(good, unknown, "", 0, List.of()), sure, wrong, 96, List.of()), OCR);
        assertEquals(wrong, text(tb.table(), sure));
        assertTrue(correctionAt(tb.standard(), sure) == null, tb.standard().corrections().toString());
    }

    /** A blank the reader found no ink in (confidence 90) stays blank, even where the identities would force a number. */
    @Test
    void aPrintedBlankStaysBlank() {
        Table good = consistentSec3();
        int[] pos = nonZero(good, "open");
        TableBlock tb = run(reread(good, pos, "", 90, List.of()), OCR);
        assertEquals("", text(tb.table(), pos));
        assertTrue(tb.standard().corrections().isEmpty(), tb.standard().corrections().toString());
        assertTrue(tb.standard().values().stream().anyMatch(kv -> kv.row() == pos[0] && kv.col() == pos[1] && kv.value() == null));
    }

    /** A blank with ink in it that no reading made anything of (confidence 0) is an unread figure. */
    @Test
    void aBlankOverInkIsSolved() {
        Table good = consistentSec3();
        int[] pos = nonZero(good, "open");
        TableBlock tb = run(reread(good, pos, "", 0, List.of()), OCR);
        assertEquals(text(good, pos), text(tb.table(), pos), tb.warnings().toString());
        assertTrue(correctionAt(tb.standard(), pos).reason().contains("blank though it holds ink"));
    }

    /** An HTML table (exact source) whose cell holds letters: nothing is worked out, the text stays as printed. */
    @Test
    void anExactSourceIsNeverSolved() {
        Table good = consistentSec3();
        int[] pos = nonZero(good, "open");
        int[] blank = at("2021-sec3", "deny.1", "total");
        Table printed = reread(reread(good, pos, "OO", 100, List.of()), blank, "", 100, List.of());
        TableBlock tb = run(printed, "html-spans");
        assertEquals("OO", text(tb.table(), pos));
        assertEquals("", text(tb.table(), blank));
        assertTrue(tb.standard().corrections().isEmpty(), tb.standard().corrections().toString());
    }

    /** A grid of the template's shape is keyed by position: a value cell that reads as text does not shift its row. */
    @Test
    void aTextCellInAValueRowIsKeyedWhereItStands() {
        Table good = consistentSec3();
        int[] pos = at("2021-sec3", "deny.4", "business");
        Table bad = reread(good, pos, "D :.", 40, List.of());
        StandardTable st = StandardTableBuilder.build(GridStreams.recognize(bad), bad);
        for (TemplateCell c : StandardTemplates.byId("2021-sec3").values()) {
            StandardTable.KeyedValue kv = st.values().stream().filter(v -> v.rowPath().equals(c.rowPath()) && v.colPath().equals(c.colPath()))
                    .findFirst().orElseThrow(() -> new AssertionError("not keyed: " + c.slotKey()));
            assertEquals(c.row(), kv.row(), c.slotKey());
            assertEquals(c.col(), kv.col(), c.slotKey());
        }
    }

    /** Forty unread cells among figures all read unsurely (confidence 10): bounded, quick, and nothing wrong is taken. */
    @Test
    void theWorstCaseIsBounded() {
        Table good = consistentSec3();
        Table bad = good;
        int n = 0;
        for (TemplateCell c : StandardTemplates.byId("2021-sec3").values()) {
            int[] pos = {c.row(), c.col()};
            bad = n++ % 4 == 0 ? reread(bad, pos, "D :", 10, List.of()) : reread(bad, pos, text(good, pos), 10, List.of("7"));
        }
        long start = System.nanoTime();
        TableBlock tb = run(bad, OCR);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3000, "took " + ms + " ms");
        for (Correction c : tb.standard().corrections()) assertEquals(text(good, new int[] {c.row(), c.col()}), c.after(), c.toString());
    }

    /** A 0 with a blob in its hole read 8, unsurely (confidence 30), where its row and its column both fail: a digit slip. */
    @Test
    void anUnsureFigureAtACrossingIsADigitSlip() {
        Table good = consistentSec3();
        int[] pos = null;
        for (TemplateCell c : StandardTemplates.byId("2021-sec3").values()) {
            if (!c.rowId().equals("total") && !c.colId().equals("total") && text(good, new int[] {c.row(), c.col()}).equals("0")) {
                pos = new int[] {c.row(), c.col()};
                break;
            }
        }
        assertNotNull(pos);
        TableBlock unsure = run(reread(good, pos, "8", 30, List.of()), OCR);
        assertEquals("0", text(unsure.table(), pos), unsure.warnings().toString());
        assertTrue(correctionAt(unsure.standard(), pos).reason().contains("digit OCR mistakes"), unsure.standard().corrections().toString());
        // read surely, the same 8 stays as printed and is flagged
        TableBlock sure = run(reread(good, pos, "8", 95, List.of()), OCR);
        assertEquals("8", text(sure.table(), pos));
        assertTrue(warned(sure, "identity-failed"));
    }
}
