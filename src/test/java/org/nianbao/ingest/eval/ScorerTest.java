package org.nianbao.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.eval.gen.ReportGenerator;
import org.nianbao.ingest.eval.gen.SyntheticReport;
import org.nianbao.ingest.eval.score.CellScorer;
import org.nianbao.ingest.eval.score.Cer;
import org.nianbao.ingest.eval.score.JsonTables.GridCell;
import org.nianbao.ingest.eval.score.JsonTables.GridTable;
import org.nianbao.ingest.eval.score.StructureScorer;
import org.nianbao.ingest.eval.score.TextNorm;
import org.nianbao.ingest.eval.score.TxtTables;
import org.nianbao.ingest.eval.truth.Truth.TruthCell;
import org.nianbao.ingest.eval.truth.Truth.TruthTable;
import org.nianbao.ingest.eval.truth.Truth.TruthValue;
import org.nianbao.ingest.eval.layout.LayoutCell;
import org.nianbao.ingest.eval.gen.FilledTable;

/** The scorer's pieces on hand-made inputs. */
class ScorerTest {

    @Test
    void cerFindsTheBestSpanAndCountsEdits() {
        Cer cer = new Cer(TextNorm.forCer("页眉 一、总体情况\n2023年，我局 共收到申请3件。 页脚"));
        assertEquals(0, cer.distance(TextNorm.forCer("2023年，我局共收到申请3件。")), "whitespace is ignored");
        assertEquals(1, cer.distance(TextNorm.forCer("2023年，我局共收到申请5件。")), "one substitution");
        assertEquals(1, cer.distance(TextNorm.forCer("2023年，我局共收到了申请3件。")), "one insertion in the truth");
        assertEquals(0, cer.distance(TextNorm.forCer("2023年,我局共收到申请3件。")), "full-width commas equal ASCII ones");
        assertEquals(4, new Cer("").distance("总体情况"), "nothing read: every character is an error");
        assertTrue(new Cer(TextNorm.forCer("總體情況")).distance("总体情况") >= 2, "traditional characters count");
    }

    @Test
    void cerOnLongOutputsUsesTheAnchoredSearchAndStaysExact() {
        StringBuilder filler = new StringBuilder();
        for (int i = 0; i < 3000; i++) filler.append("无关文字").append(i % 10);
        String para = "坚持以公开为常态、不公开为例外，按照政府门户网站设立的专栏，及时更新内容。";
        String broken = para.replace("专栏", "专拦");
        Cer cer = new Cer(TextNorm.forCer(filler + broken + filler));
        assertEquals(1, cer.distance(TextNorm.forCer(para)));
    }

    @Test
    void cellsAreFoundByLabelsAndGridPosition() {
        SyntheticReport r = new ReportGenerator().generate(9, 1);
        TruthTable t = truthTable(r.table("三"));
        // the contract: full rows, merged text repeated
        StringBuilder good = new StringBuilder("前文\n\n");
        for (String[] row : r.table("三").repeatedGrid()) good.append(String.join(" | ", row)).append('\n');
        CellScorer.Result all = CellScorer.score(t, TxtTables.parse(good.toString()), v -> true);
        assertEquals(175, all.total());
        assertEquals(175, all.exact());
        // merged label cells written once (blank elsewhere) still locate their rows
        StringBuilder anchors = new StringBuilder();
        for (String[] row : r.table("三").anchorGrid()) anchors.append(String.join(" | ", row)).append('\n');
        assertEquals(175, CellScorer.score(t, TxtTables.parse(anchors.toString()), v -> true).exact());
        // a row shifted one column left (a merged cell dropped) loses its values
        String shifted = good.toString().replace("三、本年度办理结果 | （一）予以公开 | （一）予以公开 | ", "（一）予以公开 | （一）予以公开 | ");
        CellScorer.Result s = CellScorer.score(t, TxtTables.parse(shifted), v -> true);
        assertEquals(168, s.exact(), s.missed().toString());
        // no table at all
        assertEquals(0, CellScorer.score(t, TxtTables.parse("一、总体情况\n无。"), v -> true).exact());
    }

    @Test
    void structureComparesShapeAndMergedCells() {
        SyntheticReport r = new ReportGenerator().generate(9, 1);
        FilledTable ft = r.table("四");
        TruthTable truth = truthTable(ft);
        List<GridCell> exact = new ArrayList<>();
        for (TruthCell c : truth.cells()) exact.add(new GridCell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.text()));
        StructureScorer.Result same = StructureScorer.score(truth, List.of(new GridTable(4, 15, exact)));
        assertTrue(same.found() && same.shape() && same.exact());
        assertEquals(1.0, same.spanF1(), 1e-9);
        // the same texts with every cell 1×1: found, right shape, no merged cells right
        List<GridCell> flat = new ArrayList<>();
        String[][] g = ft.anchorGrid();
        for (int row = 0; row < 4; row++) for (int col = 0; col < 15; col++) flat.add(new GridCell(row, col, 1, 1, g[row][col]));
        StructureScorer.Result f = StructureScorer.score(truth, List.of(new GridTable(4, 15, flat)));
        assertTrue(f.found() && f.shape());
        assertFalse(f.exact());
        assertEquals(0.0, f.spanF1(), 1e-9);
        assertFalse(StructureScorer.score(truth, List.of()).found());
    }

    @Test
    void cellTextNormalisation() {
        assertEquals("3.危及\"三安全一稳定\"", TextNorm.forCell(" 3、危及“三安全一稳定”"));
        assertEquals("(一)予以公开", TextNorm.forCell("（一） 予以公开"));
    }

    /** A generated table as its truth: every cell, and every value cell as a count on page 1. */
    static TruthTable truthTable(FilledTable t) {
        List<TruthCell> cells = new ArrayList<>();
        List<TruthValue> values = new ArrayList<>();
        for (LayoutCell c : t.layout().cells()) {
            cells.add(new TruthCell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.role().name().toLowerCase(), t.text(c)));
            if (c.isValue()) values.add(new TruthValue(c.rowPath(), c.colPath(), c.row(), c.col(), c.colSpan(), t.text(c), "count", 1));
        }
        return new TruthTable(t.layout().id(), t.layout().name(), t.layout().rows(), t.layout().cols(), List.of(1), cells, values);
    }
}
