package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrMode;
import org.nianbao.ingest.ocr.OcrOptions;
import org.nianbao.ingest.ocr.OcrResult;
import org.nianbao.ingest.ocr.OcrScript;
import org.nianbao.ingest.ocr.TestEngine;

/**
 * {@link CellReader#read(OcrEngine, Table, ReadingBudget)} on a page image built here (figures drawn from
 * a 5×7 pattern, each copy one pixel different as print is) with a scripted engine: no native code. The
 * engine answers by the order of its calls, which the reader makes in a fixed order per cell.
 */
class CellReaderVoteTest {
    /** Scale of the 5×7 patterns: a figure 42 pixels high, as at 300 dpi. */
    private static final int DOT = 6;
    private static final String[] FIVE = {"#####", "#....", "#####", "....#", "....#", "....#", "#####"};
    private static final String[] THREE = {"#####", "....#", "....#", "#####", "....#", "....#", "#####"};
    private static final int CELL_W = 100;
    private static final int CELL_H = 80;

    /** One answer of the scripted engine. */
    record Answer(String text, double confidence) { }

    /** What the scripted engine answers to call {@code n} (1-based). */
    interface Script {
        Answer answer(int n, OcrMode mode, OcrOptions options);
    }

    /** An engine that reads nothing from the pixels: it answers from a script, and records its calls. */
    static final class ScriptedEngine extends TestEngine {
        final Script script;
        final List<String> calls = new ArrayList<>();

        ScriptedEngine(Script script) {
            this.script = script;
        }

        @Override
        public OcrResult read(GrayImage image, Rectangle region, OcrMode mode, OcrOptions options) {
            Answer a = script.answer(calls.size() + 1, mode, options);
            calls.add(mode + "/" + options.script() + "@" + options.dpi() + "=" + a.text());
            if (a.text().isEmpty()) return new OcrResult(List.of(), a.confidence(), 1);
            Line l = new Line(a.text(), new Box(0, 0, image.width(), image.height()), a.confidence(), List.<Word>of());
            return new OcrResult(List.of(new OcrResult.Paragraph(List.of(l))), a.confidence(), 1);
        }
    }

    /** A page of one row of cells, figure {@code i} drawn from {@code patterns[i]} as copy {@code i}. */
    private static GrayImage page(String[]... patterns) {
        int w = CELL_W * patterns.length;
        byte[] px = new byte[w * CELL_H];
        Arrays.fill(px, (byte) 255);
        for (int i = 0; i < patterns.length; i++) {
            int x0 = i * CELL_W + (CELL_W - 5 * DOT) / 2;
            int y0 = (CELL_H - 7 * DOT) / 2;
            for (int r = 0; r < 7; r++) {
                for (int c = 0; c < 5; c++) {
                    if (patterns[i][r].charAt(c) != '#') continue;
                    for (int y = 0; y < DOT; y++) for (int x = 0; x < DOT; x++) px[(y0 + r * DOT + y) * w + x0 + c * DOT + x] = 0;
                }
            }
            // each copy loses one pixel of its top stroke (never its box): no two print alike
            px[y0 * w + x0 + 1 + i] = (byte) 255;
        }
        return new GrayImage(w, CELL_H, px);
    }

    /** The row of cells over the page, with the page's first readings. */
    private static Table row(String... first) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < first.length; i++) {
            cells.add(new Cell(0, i, 1, 1, first[i], new Box(i * CELL_W, 0, CELL_W, CELL_H), 50, List.of()));
        }
        return new Table(1, first.length, cells);
    }

    /** A sure reading of a 5 the page read as 5: one call, and the table learns its 5. */
    private static Answer sureFive(OcrMode mode) {
        return mode == OcrMode.NUMBER ? new Answer("5", 95) : new Answer("", 0);
    }

    /**
     * The ballots of a 5 that every pass misreads but the Chinese digits (unsure) and the page: three copies
     * read alike as 9, English digits 3, Chinese line 0. Alone, the copies win.
     */
    private static Answer misreadFive(OcrMode mode, OcrOptions o) {
        if (mode == OcrMode.NUMBER) return new Answer("3", 60);
        if (mode == OcrMode.DIGITS && o.script() == OcrScript.LATIN) return new Answer("999", 60);
        if (mode == OcrMode.LINE) return new Answer("0", 60);
        return new Answer("5", 40); // Chinese model, digits only
    }

    private static String read(GrayImage image, Table t, ScriptedEngine engine) throws Exception {
        CellReader reader = new CellReader(image, OcrScript.SIMPLIFIED, 300, 7 * DOT, 1);
        Table out = reader.read(engine, t, ReadingBudget.unlimited());
        StringBuilder sb = new StringBuilder();
        for (Cell c : out.cells()) sb.append(sb.length() == 0 ? "" : " ").append(c.text());
        return sb.toString();
    }

    /** The table's own digits are a ballot in the vote of a cell read after they were learnt. */
    @Test
    void readCastsTheShapeBallot() throws Exception {
        ScriptedEngine engine = new ScriptedEngine((n, mode, o) -> n <= 3 ? sureFive(mode) : misreadFive(mode, o));
        assertEquals("5 5 5 5", read(page(FIVE, FIVE, FIVE, FIVE), row("5", "5", "5", "5"), engine), engine.calls.toString());
        // without the table's digits the same ballots elect the copies' 9
        ScriptedEngine alone = new ScriptedEngine((n, mode, o) -> misreadFive(mode, o));
        assertEquals("9", read(page(FIVE), row("5"), alone));
    }

    /**
     * A cell read before any 5 of its table was learnt (seed 53: two 5s read as 9) has its vote cast again
     * once the table's figures are all read.
     */
    @Test
    void theVoteIsCastAgainOnceTheTablesDigitsAreLearnt() throws Exception {
        ScriptedEngine engine = new ScriptedEngine((n, mode, o) -> n <= 4 ? misreadFive(mode, o) : sureFive(mode));
        assertEquals("5 5 5 5", read(page(FIVE, FIVE, FIVE, FIVE), row("5", "5", "5", "5"), engine), engine.calls.toString());
    }

    /** A figure unlike every learnt digit keeps its vote: the second vote adds a ballot only where shapes match. */
    @Test
    void aFigureUnlikeTheLearntDigitsKeepsItsVote() throws Exception {
        ScriptedEngine engine = new ScriptedEngine((n, mode, o) -> n <= 4 ? misreadFive(mode, o) : sureFive(mode));
        assertEquals("9 5 5 5", read(page(THREE, FIVE, FIVE, FIVE), row("5", "5", "5", "5"), engine));
    }

    /**
     * A clean 3 that no pass reads as a number at the usual size (the Chinese line: 马) is read at other
     * sizes, where the English digits read it.
     */
    @Test
    void aFigureNoPassReadIsReadAtOtherSizes() throws Exception {
        int[] base = {0};
        ScriptedEngine engine = new ScriptedEngine((n, mode, o) -> {
            if (n <= 3) return sureFive(mode);
            if (base[0] == 0) base[0] = o.dpi();
            boolean bigger = o.dpi() > base[0] * 1.2;
            if (mode == OcrMode.LINE) return new Answer("马", 30);
            if (bigger && mode == OcrMode.NUMBER) return new Answer("3", 90);
            if (bigger && mode == OcrMode.DIGITS && o.script() == OcrScript.LATIN) return new Answer("333", 90);
            return new Answer("", 0);
        });
        assertEquals("5 5 5 3", read(page(FIVE, FIVE, FIVE, THREE), row("5", "5", "5", "马"), engine), engine.calls.toString());
        assertTrue(engine.calls.stream().anyMatch(c -> c.startsWith("NUMBER/LATIN@4")), engine.calls.toString());
    }

    /** A lone 1 whose three copies read alike is a 1 though the Chinese line reads junk letters (总区和). */
    @Test
    void junkLettersDoNotOutweighCopiesReadAlike() throws Exception {
        ScriptedEngine engine = new ScriptedEngine((n, mode, o) -> {
            if (n <= 3) return sureFive(mode);
            if (mode == OcrMode.LINE) return new Answer("总区和", 30);
            if (mode == OcrMode.DIGITS && o.script() == OcrScript.LATIN) return new Answer("111", 70);
            return new Answer("", 0);
        });
        assertEquals("5 5 5 1", read(page(FIVE, FIVE, FIVE, THREE), row("5", "5", "5", "马"), engine), engine.calls.toString());
    }

    /**
     * A cell whose page reading was too long to count as a number (section 四's 总计 on a noisy scan), read
     * by the text pass as a letter (纪), stands right of figures: it is read again as a number.
     */
    @Test
    void aLetterRightOfFiguresIsReadAgainAsANumber() throws Exception {
        ScriptedEngine engine = new ScriptedEngine((n, mode, o) -> {
            if (n <= 3) return sureFive(mode);
            if (mode == OcrMode.LINE) return new Answer("纪", 30);
            if (mode == OcrMode.NUMBER) return new Answer("3", 90);
            if (mode == OcrMode.DIGITS && o.script() == OcrScript.LATIN) return new Answer("333", 90);
            return new Answer("", 0);
        });
        assertEquals("5 5 5 3", read(page(FIVE, FIVE, FIVE, THREE), row("5", "5", "5", "纪纪 引中"), engine), engine.calls.toString());
        assertTrue(CellReader.shortJunk("纪"));
        assertFalse(CellReader.shortJunk("其他"));
        assertFalse(CellReader.shortJunk("总计"));
    }

    @Test
    void aNumberStandsAgainstJunkButNotAgainstALabel() {
        assertTrue(CellReader.numberStands("总区和", "总区和", CellReader.REPEATED_WEIGHT));
        assertFalse(CellReader.numberStands("总区和", "总区和", 1), "one reading alone does not outweigh three letters");
        assertTrue(CellReader.numberStands("马", "马", 0.5));
        assertFalse(CellReader.numberStands("其他", "其他", 3), "a known label is a label");
    }

    @Test
    void aShortFigureWithAStrayLetterIsTakenForAFigure() {
        assertTrue(CellReader.figureWithJunk("症5"));
        assertTrue(CellReader.figureWithJunk("才5"));
        assertFalse(CellReader.figureWithJunk("其他"));
        assertFalse(CellReader.figureWithJunk("3.其他"));
        assertFalse(CellReader.figureWithJunk("第1项"));
    }
}
