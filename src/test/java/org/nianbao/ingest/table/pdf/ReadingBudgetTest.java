package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.OcrException;

class ReadingBudgetTest {

    @Test
    void aCountOfReadingsEndsAtTheSameReadingWhateverTheClock() throws Exception {
        ReadingBudget b = ReadingBudget.of(3, 600_000);
        for (int i = 0; i < 3; i++) {
            assertFalse(b.spent());
            assertEquals(20_000, b.take(20_000), "a reading gets its own limit while the backstop is far off");
        }
        assertTrue(b.spent());
        assertFalse(b.ranOutOfTime(), "the count ended it, not the clock");
        OcrException e = assertThrows(OcrException.class, () -> b.take(20_000));
        assertEquals(OcrException.Kind.TIMEOUT, e.kind());
    }

    @Test
    void theWallClockBackstopEndsAnEngineGoneSlowAndSaysSo() throws Exception {
        ReadingBudget b = ReadingBudget.of(1000, 0);
        Thread.sleep(5);
        assertTrue(b.spent());
        assertTrue(b.ranOutOfTime());
        assertEquals(1000, b.readingsLeft(), "nothing was taken");
    }

    @Test
    void aReadingNeverGetsMoreTimeThanTheBackstopLeaves() throws Exception {
        ReadingBudget b = ReadingBudget.of(10, 5_000);
        long left = b.take(20_000);
        assertTrue(left <= 5_000 && left > 0, "left " + left);
    }

    @Test
    void unlimitedNeverRunsOut() throws Exception {
        ReadingBudget b = ReadingBudget.unlimited();
        for (int i = 0; i < 10_000; i++) b.take(1_000);
        assertFalse(b.spent());
    }
}
