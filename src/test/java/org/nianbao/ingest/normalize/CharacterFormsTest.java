package org.nianbao.ingest.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class CharacterFormsTest {
    private static String forms(String s) {
        return CharacterForms.apply(s, new EditLog());
    }

    @Test
    void kangxiAndSupplementRadicalsBecomeIdeographs() {
        assertEquals("生产长门马页", forms("\u2F63\u4EA7\u2ED3\u2ED4\u2EE2\u2EDA"));
        assertEquals("一人", forms("\u2F00\u2F08"));
    }

    @Test
    void compatibilityIdeographsBecomeCanonicalButUnifiedOnesStay() {
        assertEquals("\u8C48\u66F4", forms("\uF900\uF901")); // 豈 更
        assertEquals("\uFA0E\uFA0F", forms("\uFA0E\uFA0F")); // 﨎 﨏 are unified ideographs
    }

    @Test
    void fullWidthLettersAndDigitsBecomeAsciiButPunctuationStays() {
        assertEquals("2023年PDF版，（一）：；", forms("２０２３年ＰＤＦ版，（一）：；"));
    }

    @Test
    void invisibleCharactersAreRemovedAndSpacesUnified() {
        EditLog log = new EditLog();
        String out = CharacterForms.apply("\uFEFF政\u200B府\u200D信\u00AD息\u2060公\u202E开\u0007 \u00A0a\u3000b\u2003c\r\nd\re", log);
        assertEquals("政府信息公开  a b c\nd\ne", out);
        assertEquals(7, log.count("invisible-removed"));
        assertEquals(3, log.count("spaces-unified"));
    }

    @Test
    void parenthesisedIdeographNumbers() {
        assertEquals("（一）总体情况（十）", forms("㈠总体情况㈩"));
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String s = Fixtures.seed("001_c5f879456b805937");
        assertSame(s, forms(s));
    }

    @Test
    void loneSurrogatesAndTagsAreDropped() {
        assertEquals("ab", forms("a\uD800b"));
        assertEquals("a\uD840\uDC00b", forms("a\uD840\uDC00b")); // 𠀀 (extension B) stays
    }
}
