package org.nianbao.ingest.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Short recurring strings of the model are kept once (table-dense documents hold millions of them). */
class CanonicalTest {
    @Test
    void equalShortCellTextsAreOneString() {
        Cell a = Cell.of(0, 0, 1, 1, new String("0"));
        Cell b = Cell.of(1, 0, 1, 1, new String("0"));
        assertSame(a.text(), b.text());
        assertEquals("0", b.text());
    }

    @Test
    void keyedValuesAndIdentityChecksShareTheirStrings() {
        var v1 = new StandardTable.KeyedValue(new String("（三）不予公开 > 1.属于国家秘密"), new String("自然人"), new String("0"), new String("0"), 5, 3);
        var v2 = new StandardTable.KeyedValue(new String("（三）不予公开 > 1.属于国家秘密"), new String("自然人"), new String("0"), new String("0"), 9, 3);
        assertSame(v1.rowPath(), v2.rowPath());
        assertSame(v1.text(), v2.text());
        var c1 = new StandardTable.IdentityCheck(new String("I3"), "行合计", new String("passed"), List.of(new String("r5c3")), null);
        var c2 = new StandardTable.IdentityCheck(new String("I3"), "行合计", new String("passed"), List.of(new String("r5c3")), null);
        assertSame(c1.id(), c2.id());
        assertSame(c1.cells().get(0), c2.cells().get(0));
        assertEquals(null, c1.detail());
    }

    @Test
    void longTextIsNotInterned() {
        String para = "根据《中华人民共和国政府信息公开条例》".repeat(5);
        Cell a = Cell.of(0, 0, 1, 1, new String(para));
        Cell b = Cell.of(0, 0, 1, 1, new String(para));
        assertNotSame(a.text(), b.text());
        assertEquals(a.text(), b.text());
    }
}
