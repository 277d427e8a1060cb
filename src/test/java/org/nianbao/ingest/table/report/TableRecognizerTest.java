package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TableRecognizerTest {
    /** The cells of a template as a flattened capture lists them (labels as printed, every value "0"), filtered. */
    private static List<ObservedCell> cells(String templateId, Predicate<TemplateCell> keep) {
        List<ObservedCell> out = new ArrayList<>();
        int line = 0;
        for (TemplateCell c : StandardTemplates.byId(templateId).cells()) {
            if (!keep.test(c)) continue;
            out.add(new ObservedCell(c.value() ? "0" : c.label(), c.row(), c.col(), line, line + 1));
            line += 2;
        }
        return out;
    }

    /**
     * Fuzz findings 8190484994781053241 and -239434531131624427: a run of section 三 body rows repeated
     * after the table, starting inside a row. Each piece used to become a full keyed table, the first
     * rows of the template (一、本年新收 …) filled with the numbers of later rows; a piece without its head
     * is now a standard table only when every row that took numbers found its own label.
     */
    @Test
    void headlessPiecesThatFillUnlabelledRowsAreNoStandardTable() {
        for (String id : List.of("2019-sec3", "2021-sec3")) {
            // from the values of （二）部分公开 on: the piece opens with seven numbers whose label is cut off
            List<ObservedCell> body = cells(id, c -> c.row() >= 6 && !(c.row() == 6 && !c.value() && c.col() > 0));
            List<Alignment> alone = TableRecognizer.carve(new CellStream(body));
            assertEquals(0, alone.size(), id + " piece alone: " + alone);
            List<ObservedCell> stream = new ArrayList<>(cells(id, c -> true));
            for (int i = 0; i < 6; i++) stream.addAll(body);
            List<Alignment> found = TableRecognizer.carve(new CellStream(stream));
            assertEquals(1, found.size(), id + " table then repeated pieces");
            assertEquals(id, found.get(0).template().id());
            assertTrue(found.get(0).coverage() > 0.99, "the real table is whole: " + found.get(0).coverage());
        }
    }

    /** The rows after a page break (no head, every row with its label) are still a standard table, keyed by their labels. */
    @Test
    void headlessPartWithItsRowLabelsIsRecognised() {
        List<ObservedCell> body = cells("2019-sec3", c -> c.row() >= 10);
        List<Alignment> found = TableRecognizer.carve(new CellStream(body));
        assertEquals(1, found.size());
        Alignment a = found.get(0);
        assertEquals("三", a.template().section());
        for (int k = 0; k < a.first().length; k++) {
            TemplateCell c = a.template().cells().get(k);
            if (c.value() && a.first()[k] >= 0) assertTrue(c.row() >= 10, "no number keyed to a row before the part: " + c.rowPath());
        }
    }

    /**
     * A 2021 section 三 whose last row (四、结转下年度继续办理) went to the next page, one (六) sub-row label
     * misread by a character: still the 2021 layout. Per template cell the 2019 layout looked better (it
     * skips the three sub-row labels, leaves the real （七）总计 row after its end, and keys every row after
     * （六） one row off); the cells each layout explains, minus its cost, say 2021.
     */
    @Test
    void a2021SectionThreeWithoutItsLastRowIsStill2021() {
        StandardTemplate t21 = StandardTemplates.byId("2021-sec3");
        int last = 0;
        for (TemplateCell c : t21.cells()) last = Math.max(last, c.row());
        final int lastRow = last;
        List<ObservedCell> cut = new ArrayList<>();
        for (ObservedCell o : cells("2021-sec3", c -> c.row() < lastRow)) {
            String text = o.text().startsWith("1.申请人无正当理由") ? o.text().replace("理由", "理由和") : o.text();
            cut.add(new ObservedCell(text, o.row(), o.col(), o.firstLine(), o.endLine()));
        }
        Alignment a = TableRecognizer.best(new CellStream(cut));
        assertEquals("2021-sec3", a.template().id());
        // and the 2019 layout printed whole is still 2019
        assertEquals("2019-sec3", TableRecognizer.best(new CellStream(cells("2019-sec3", c -> true))).template().id());
    }

    /**
     * A section 三 without rules laid out by alignment: every template cell one grid cell, a label
     * spanning two columns followed by an empty cell, a tall label's rows empty in its column; the last
     * row went to the next page. The empty cell after （七）总计 stands in a column of labels, so it is no
     * blank figure: the row's seven numbers stay the row's (they slid one slot on, the last into the
     * missing row 四, when it counted as the row's first value).
     */
    @Test
    void anEmptyCellInALabelColumnIsNoBlankFigure() {
        StandardTemplate t = StandardTemplates.byId("2021-sec3");
        int last = 0;
        for (TemplateCell c : t.cells()) last = Math.max(last, c.row());
        java.util.Map<String, String> at = new java.util.HashMap<>();
        for (TemplateCell c : t.cells()) {
            if (c.row() == last) continue;
            // figures that tell the rows apart: a row's number and its column's
            at.put(c.row() + "," + c.col(), c.value() ? String.valueOf(c.row() * 10 + c.col()) : c.label());
        }
        List<ObservedCell> grid = new ArrayList<>();
        for (int r = 0; r < last; r++) {
            for (int col = 0; col < t.cols(); col++) grid.add(ObservedCell.ofGrid(at.getOrDefault(r + "," + col, ""), r, col));
        }
        Alignment a = TableRecognizer.best(new CellStream(grid));
        assertEquals("2021-sec3", a.template().id());
        for (int k = 0; k < t.cells().size(); k++) {
            TemplateCell c = t.cells().get(k);
            if (!c.value()) continue;
            String want = c.row() == last ? "" : String.valueOf(c.row() * 10 + c.col());
            assertEquals(want, a.observedText(k), c.rowPath() + " / " + c.colPath());
        }
    }

    /** A part that keeps its header rows (a page's worth of a continued table) is still recognised. */
    @Test
    void partWithItsHeadIsStillRecognised() {
        List<ObservedCell> head = cells("2021-sec3", c -> c.row() < 12);
        List<Alignment> found = TableRecognizer.carve(new CellStream(head));
        assertEquals(1, found.size());
        assertEquals("三", found.get(0).template().section());
    }

    /** Fold: IdentityRepair's row sums come from IdentityChecker's sum specs: I3 per section 三 row, I4–I6 in section 四's row. */
    @Test
    void repairRowSumsComeFromTheCheckersIdentities() {
        List<IdentityRepair.RowSums> sec3 = IdentityRepair.rowSums(StandardTemplates.byId("2019-sec3"));
        assertEquals(23, sec3.size());
        for (IdentityRepair.RowSums r : sec3) {
            assertEquals(7, r.length());
            assertEquals(1, r.sums().size());
            assertEquals(1, r.sums().get(0)[0].length); // 总计 = the six applicant columns
            assertEquals(6, r.sums().get(0)[1].length);
        }
        List<IdentityRepair.RowSums> sec4 = IdentityRepair.rowSums(StandardTemplates.byId("sec4"));
        assertEquals(1, sec4.size());
        assertEquals(15, sec4.get(0).length());
        assertEquals(3, sec4.get(0).sums().size());
        assertTrue(IdentityRepair.rowSums(StandardTemplates.byId("2021-sec2")).isEmpty());
    }
}
