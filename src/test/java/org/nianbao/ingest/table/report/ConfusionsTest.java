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
}
