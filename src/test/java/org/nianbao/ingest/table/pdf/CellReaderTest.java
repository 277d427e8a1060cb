package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.OcrResult;

class CellReaderTest {
    @Test
    void aTextReadingThatIsAFigureInLookAlikesIsTheFigure() {
        CellReader.Reading o = CellReader.figureAfterAll(new CellReader.Reading("O", java.util.List.of(), 60));
        assertEquals("0", o.text());
        assertEquals(java.util.List.of("O"), o.alternatives());
        assertEquals("0", CellReader.figureAfterAll(new CellReader.Reading("0.", java.util.List.of(), 60)).text());
        // labels stay labels
        assertEquals("其他", CellReader.figureAfterAll(new CellReader.Reading("其他", java.util.List.of(), 60)).text());
        assertEquals("1.属于国家秘密", CellReader.figureAfterAll(new CellReader.Reading("1.属于国家秘密", java.util.List.of(), 60)).text());
        assertEquals("Word", CellReader.figureAfterAll(new CellReader.Reading("Word", java.util.List.of(), 60)).text());
    }

    @Test
    void ruleMarksAndSpecksLeaveTheText() {
        assertEquals("申请人情况", CellReader.tidy("，申请人情况"));
        assertEquals("自然人", CellReader.tidy("| 自然人 ]"));
        assertEquals("三、本年度办理结果", CellReader.tidy("三\\本年度办理结果"));
        assertEquals("（二）部分公开（区分处理的）", CellReader.tidy("（二）部分公开〈区分处理的）"));
        assertEquals("1.属于国家秘密", CellReader.tidy("1 .属于国家秘密"));
        assertEquals("（二）部分公开（区分处理的）", CellReader.tidy("（二）部分公开《区分处理的）"));
        assertEquals("（二）部分公开（区分处理的）", CellReader.tidy("（二）部分公开【区分处理的）"));
        assertEquals("《条例》", CellReader.tidy("《条例》"));
        assertEquals("(二)部分公开（区分处理的)", CellReader.roundBrackets("(二)部分公开〈区分处理的)"));
        assertEquals("本年增/减", CellReader.tidy("本年增/减"));
    }

    @Test
    void wrappedLinesOfACellAreJoined() {
        Line a = new Line("（二）部分公开（区分处理的，只计这一情", new Box(0, 0, 10, 10), 90, List.<Word>of());
        Line b = new Line("形，不计其他情形）", new Box(0, 12, 10, 10), 90, List.<Word>of());
        OcrResult r = new OcrResult(List.of(new OcrResult.Paragraph(List.of(a, b))), 90, 1);
        assertEquals("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", CellReader.textOf(r));
    }

    @Test
    void numbersAreVotedOnTiesGoingToTheDigitsOnlyReading() {
        assertEquals(List.of("0", "6"), CellReader.vote("6", "0", "0"));
        assertEquals(List.of("1"), CellReader.vote("", "1", "", ""));
        assertEquals(List.of("6", "0"), CellReader.vote("6", "0", ""));
        assertEquals(List.of("12"), CellReader.vote("12", "光", "12"));
        assertEquals(List.of(), CellReader.vote("", "其他", ""));
    }

    /**
     * The ballots of a lone 5 on a clean 300 dpi scan (held-out seed 53, table 二, which has no identity to
     * catch it): its three copies came back 999, the English digits 3, the Chinese line 0, the Chinese
     * digits 5 unsure, the page 5. Alone, the copies won; the table's own digits, which say 5, outweigh them.
     */
    @Test
    void theTablesOwnDigitsOutvoteCopiesReadAlikeButWrong() {
        CellReader.Ballot copies = new CellReader.Ballot("9", CellReader.REPEATED_WEIGHT);
        CellReader.Ballot english = CellReader.Ballot.of("3", 72);
        CellReader.Ballot chineseDigits = CellReader.Ballot.of("5", 40);
        CellReader.Ballot chinese = CellReader.Ballot.of("0", 83);
        CellReader.Ballot page = new CellReader.Ballot("5", 0.9);
        assertEquals("9", CellReader.vote(copies, english, chineseDigits, chinese, page).get(0));
        CellReader.Ballot shapes = new CellReader.Ballot("5", CellReader.SHAPE_WEIGHT);
        assertEquals("5", CellReader.vote(copies, shapes, english, chineseDigits, chinese, page).get(0));
        // no match among the learnt digits: no ballot
        assertEquals("9", CellReader.vote(copies, new CellReader.Ballot("", CellReader.SHAPE_WEIGHT), english, chineseDigits, chinese, page).get(0));
    }

    /** Once the page's budget for its cells is spent, a cell keeps its first reading and is counted for the warning. */
    @Test
    void cellsPastTheTimeLimitKeepTheirReadingAndAreCounted() throws Exception {
        byte[] white = new byte[200 * 100];
        java.util.Arrays.fill(white, (byte) 255);
        CellReader reader = new CellReader(new org.nianbao.ingest.ocr.GrayImage(200, 100, white),
                org.nianbao.ingest.ocr.OcrScript.SIMPLIFIED, 300, 40, 2);
        List<org.nianbao.ingest.model.Cell> cells = List.of(
                new org.nianbao.ingest.model.Cell(0, 0, 1, 1, "予以公开", new Box(0, 0, 100, 100), 80, List.of()),
                new org.nianbao.ingest.model.Cell(0, 1, 1, 1, "3", new Box(100, 0, 100, 100), 80, List.of()));
        org.nianbao.ingest.model.Table t = new org.nianbao.ingest.model.Table(1, 2, cells);
        // no engine is needed: nothing may be read once the budget is spent
        org.nianbao.ingest.model.Table read = reader.read(null, t, ReadingBudget.of(0, 60_000));
        assertEquals(t, read);
        assertEquals(2, reader.cellsPastTimeLimit);
        assertEquals(0, reader.calls);
    }
}
