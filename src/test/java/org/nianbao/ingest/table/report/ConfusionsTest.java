package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ConfusionsTest {
    @Test
    void lettersOcrPutsForDigitsAreOfferedAsDigits() {
        assertEquals("10", Confusions.asDigits("1O"));
        assertEquals("0", Confusions.asDigits("@"));     // a 0 with a speck in its hole
        assertEquals("20", Confusions.asDigits("2@"));
    }

    @Test
    void textAndNumbersAreNoConfusion() {
        assertNull(Confusions.asDigits("12"));           // already a number
        assertNull(Confusions.asDigits("其他"));
        assertNull(Confusions.asDigits("a@b"));
        assertNull(Confusions.asDigits("1."));           // an item's number
    }

    @Test
    void digitSlipsChangeOneDigitForOneTheEngineMistakesItFor() {
        assertEquals(java.util.List.of("0", "3"), Confusions.digitSlips("8"));
        assertEquals(java.util.List.of("50", "80", "38", "36"), Confusions.digitSlips("30"));  // no leading 0: 30 → 00 is not offered
        assertEquals(java.util.List.of(), Confusions.digitSlips("OO"));
        assertEquals(java.util.List.of(), Confusions.digitSlips("1.5"));
        assertEquals(java.util.List.of(), Confusions.digitSlips("2"));   // 2 is no digit the engine slips on here
    }
}
