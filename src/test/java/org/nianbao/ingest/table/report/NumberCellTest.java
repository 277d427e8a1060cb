package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NumberCellTest {
    private static String value(String text) {
        return NumberCell.parse(text).value();
    }

    private static NumberCell.Kind kind(String text) {
        return NumberCell.parse(text).kind();
    }

    @Test
    void blanksAreNotZero() {
        for (String b : new String[] {"", " ", "&nbsp;", "\u00a0", "/", "—", "——", "-", "无"}) {
            assertEquals(NumberCell.Kind.BLANK, kind(b), b);
            assertNull(value(b));
        }
        assertEquals("0", value("0"));
        assertEquals(NumberCell.Kind.NUMBER, kind("0"));
    }

    @Test
    void unitsSignsAndWidths() {
        assertEquals("251000", value("251000元"));
        assertEquals("元", NumberCell.parse("251000元").unit());
        assertEquals("2.5", value("2.5万元"));
        assertEquals("3", value("+3"));
        assertEquals("-2", value("-2"));
        assertEquals("-2", value("－２"));
        assertEquals("12", value("１２"));
        assertEquals("1234567", value("1,234,567"));
        assertEquals("2.5", value("2.50"));
        assertEquals("0", value("0.00"));
        assertEquals("7", value(" 7 "));
    }

    @Test
    void textIsText() {
        assertEquals(NumberCell.Kind.TEXT, kind("规章"));
        assertEquals(NumberCell.Kind.TEXT, kind("1.属于国家秘密"));
        assertEquals(NumberCell.Kind.TEXT, kind("12a"));
        assertEquals(NumberCell.Kind.TEXT, kind("1" + "0".repeat(60)));
    }
}
