package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitStreamsTest {
    @Test
    void pingtan2024SectionFourHasExactlyOneSplit() {
        // reference §6: only 2 1 3 1 7 | 0 0 0 0 0 | 13 2 4 0 19 satisfies I4–I6
        assertArrayEquals(new long[] {2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19}, DigitStreams.sec4Row("21317000001324019"));
    }

    @Test
    void pingtan2021SectionFour() {
        assertArrayEquals(new long[] {1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0}, DigitStreams.sec4Row("10203120001200000"));
    }

    @Test
    void everySolutionSatisfiesTheGroupTotals() {
        List<long[]> all = DigitStreams.segment("21317000001324019", new int[] {5, 5, 5}, 100);
        assertEquals(1, all.size());
        for (long[] s : all) {
            for (int g = 0; g < 3; g++) assertEquals(s[g * 5 + 4], s[g * 5] + s[g * 5 + 1] + s[g * 5 + 2] + s[g * 5 + 3]);
        }
    }

    @Test
    void ambiguousRunsAreNotGuessed() {
        // a + b = c over "11011": 1 + 10 = 11 and 11 + 0 = 11 both hold, so nothing is trusted
        assertEquals(2, DigitStreams.segment("11011", new int[] {3}, 10).size());
        assertNull(DigitStreams.unique("11011", new int[] {3}));
        // leading zeros are not numbers a table prints: "2000002" can only be 2 0 0 0 0 0 | 2
        assertArrayEquals(new long[] {2, 0, 0, 0, 0, 0, 2}, DigitStreams.sec3Row("2000002"));
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 6}, DigitStreams.sec3Row("1111116"));
        assertNull(DigitStreams.sec3Row("1111117"));
    }

    @Test
    void nonDigitsAndImpossibleLengthsGiveNothing() {
        assertTrue(DigitStreams.segment("12a4", new int[] {3}, 5).isEmpty());
        assertTrue(DigitStreams.segment("12", new int[] {5, 5, 5}, 5).isEmpty());
        assertTrue(DigitStreams.segment("9".repeat(200), new int[] {5, 5, 5}, 5).isEmpty());
    }

    @Test
    void hostileRunsStayBounded() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            DigitStreams.segment("1".repeat(90), new int[] {5, 5, 5}, 1000);
            DigitStreams.segment("0".repeat(42), new int[] {7}, 1000);
            DigitStreams.segment("123456789".repeat(10), new int[] {5, 5, 5, 5, 5, 5}, 1000);
        });
    }

    @Test
    void aConcatenatedSectionFourRowIsSplitInsideAStream() {
        List<ObservedCell> cells = new ArrayList<>();
        String[] header = {"行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
            "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
        for (String h : header) cells.add(new ObservedCell(h, -1, -1, cells.size(), cells.size() + 1));
        cells.add(new ObservedCell("21317000001324019", -1, -1, cells.size(), cells.size() + 1));
        DigitStreams.Expansion e = DigitStreams.expand(cells);
        assertEquals(1, e.splits().size());
        Alignment a = TableRecognizer.best(new CellStream(e.cells()));
        assertEquals("sec4", a.template().id());
        assertEquals(15, a.numericValues());
        assertEquals("13", a.observedText(a.template().cells().indexOf(a.template().values().get(10))));
    }
}
