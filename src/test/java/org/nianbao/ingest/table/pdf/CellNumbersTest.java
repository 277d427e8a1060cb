package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellNumbersTest {
    @Test
    void numbersAsReportsPrintThem() {
        for (String s : new String[]{"0", "12", "3605", "-2", "+3", "153.04", "5.19", "251000元", "86.50万元"}) {
            assertTrue(CellNumbers.isNumber(s), s);
        }
        for (String s : new String[]{"", "光", "0二", ".0", "01", "1.2.3", "--2", "其他", "3 5"}) {
            assertFalse(CellNumbers.isNumber(s), s);
        }
    }

    @Test
    void safeRepairsOfANumberReading() {
        assertEquals("0", CellNumbers.clean(" O "));
        assertEquals("10", CellNumbers.clean("1O"));
        assertEquals("0", CellNumbers.clean("@"));  // a 0 with a speck in its hole
        assertEquals("10", CellNumbers.clean("1@"));
        assertEquals("0", CellNumbers.clean("0 :"));  // a speck after the figure read as a colon
        assertEquals("11", CellNumbers.clean("l1"));
        assertEquals("1", CellNumbers.clean("]"));
        assertEquals("1234", CellNumbers.clean("1,234"));
        assertEquals("0", CellNumbers.clean(".0"));
        assertEquals("3", CellNumbers.clean("3,"));
        assertEquals("12", CellNumbers.clean("１２"));
        assertEquals("-2", CellNumbers.clean("一2"));
        assertEquals("86.50万元", CellNumbers.clean("86.50 万元"));
        assertEquals("153.04", CellNumbers.clean("153. 04"));
    }

    @Test
    void wordsAreNotTurnedIntoDigits() {
        assertEquals("其他", CellNumbers.clean("其他"));
        assertEquals("Sub", CellNumbers.clean("Sub"));
    }
    @Test
    void zeroLosesASignASpeckGaveIt() {
        assertEquals("0", CellNumbers.clean("+0"));
        assertEquals("0", CellNumbers.clean("-0"));
        assertEquals("+3", CellNumbers.clean("+3"));
        assertEquals("-10", CellNumbers.clean("-10"));
        assertEquals("0万元", CellNumbers.clean("+0万元"));
    }

    @Test
    void threeCopiesReadAlikeGiveTheFigure() {
        assertEquals("0", CellNumbers.repeated("000", 3));
        assertEquals("19", CellNumbers.repeated("191919", 3));
        assertEquals("-2", CellNumbers.repeated("-2-2-2", 3));
        assertEquals("26", CellNumbers.repeated("26 26 26", 3));
        assertEquals("0", CellNumbers.repeated("O 0 0", 3));
    }

    @Test
    void copiesThatDisagreeAreNoEvidence() {
        assertEquals("", CellNumbers.repeated("", 3));
        assertEquals("", CellNumbers.repeated("9900", 3));
        assertEquals("", CellNumbers.repeated("--1-1", 3));
        assertEquals("", CellNumbers.repeated("2 2 3", 3));
        assertEquals("2", CellNumbers.repeated("2 2 2 .", 3)); // a speck after the last copy, as clean() drops it
        assertEquals("", CellNumbers.repeated("113.07777%113.07977113.077", 3));
        assertEquals("", CellNumbers.repeated("3.33", 3));
        assertEquals("", CellNumbers.repeated("11", 3));
    }

    @Test
    void aUnitReadAsDigitsByTheDigitsOnlyPassIsTheUnit() {
        assertEquals("519300", CellNumbers.withoutUnitDigits("5193007", "519300元"), "元 read as 7");
        assertEquals("86.50", CellNumbers.withoutUnitDigits("86.5077", "86.50万元"), "万元 read as two digits");
        assertEquals("5193007", CellNumbers.withoutUnitDigits("5193007", "519300"), "no unit: nothing to drop");
        assertEquals("51930077", CellNumbers.withoutUnitDigits("51930077", "519300元"), "more digits than the unit has characters");
        assertEquals("5193017", CellNumbers.withoutUnitDigits("5193017", "519300元"), "not the same figure");
        assertEquals("1234", CellNumbers.withoutUnitDigits("1234", "123%"), "a percent sign is not read as a digit here");
        assertEquals("519300", CellNumbers.withoutUnitDigits("519300", "519300元"), "already the figure");
    }

    @Test
    void aDigitsOnlyReadingTakesTheChineseReadingsUnit() {
        assertEquals("519300元", CellNumbers.withUnitOf("5193007", "519300元"), "元 read as 7 is the unit");
        assertEquals("86.50万元", CellNumbers.withUnitOf("86.50", "86.5O万元"), "the unit even where the figures differ");
        assertEquals("12", CellNumbers.withUnitOf("12", "l2"), "no unit to give");
        assertEquals("12%", CellNumbers.withUnitOf("12%", "12元"), "a figure with a unit of its own keeps it");
        assertEquals("", CellNumbers.withUnitOf("", "12元"), "no figure: nothing to give it to");
    }
}
