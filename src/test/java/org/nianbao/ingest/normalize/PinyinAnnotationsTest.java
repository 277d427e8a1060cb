package org.nianbao.ingest.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PinyinAnnotationsTest {
    private static final TextNormalizer N = Fixtures.NORMALIZER;
    private static final Pattern PINYIN_GROUP = Pattern.compile("[\\(（][a-zA-Z\\u00c0-\\u024f\\s]{1,12}[\\)）]");

    @Test
    void seed003ComesOutWithoutPinyin() {
        TextNormalizer.Result r = N.normalize(Fixtures.seed(Fixtures.TRADITIONAL_SEED));
        assertFalse(PINYIN_GROUP.matcher(r.text()).find(), "no pinyin group left");
        assertTrue(r.text().contains("根据《中华人民共和国政府信息公开条例》"));
        assertTrue(r.text().contains("年度报告格式》"));
        assertTrue(r.text().contains("（网址：http://www.fwzgg.cn/col/col70389/index.html）"), "real parenthetical kept");
        assertTrue(r.edits().counts().get("pinyin-groups-removed") > 200);
        assertTrue(r.warnings().stream().anyMatch(w -> w.code().equals("pinyin-removed")));
    }

    @Test
    void readingIsComparedWithTheCharacterAsWrittenAndSimplified() {
        String doc = "根據(jù)條例，報(bào)告發(fā)布，結(jié)合實(shí)際。";
        assertEquals("根据条例，报告发布，结合实际。", N.normalize(doc).text());
        // the same annotations on simplified characters
        assertEquals("根据条例，报告发布，结合实际。", N.normalize("根据(jù)条例，报(bào)告发(fā)布，结(jié)合实(shí)际。").text());
    }

    @Test
    void multiSyllableGroupsAndToneNumbers() {
        String doc = "根據(gēn jù)條例，統計(tong3 ji4)報(bào)告。";
        assertEquals("根据条例，统计报告。", N.normalize(doc).text());
    }

    @Test
    void realParentheticalsStay() {
        String doc = "根據(jù)條例(2021)，報(bào)告（一）發(fā)布(網址:http://a.cn)，安(an)。" + "(A)類(lei)";
        String out = N.normalize(doc).text();
        assertTrue(out.contains("（2021）"), out);
        assertTrue(out.contains("（一）"), out);
        assertTrue(out.contains("（网址：http://a.cn）"), out);
        assertTrue(out.contains("（A）"), out);
        assertFalse(out.contains("jù") || out.contains("bào") || out.contains("fā"), out);
    }

    @Test
    void aWrongReadingIsNotAnAnnotation() {
        String out = N.normalize("根據(jù)條例，報(bào)告發(fā)布，報(shì)告。").text();
        assertTrue(out.contains("报（shì）告"), out);
    }

    @Test
    void oneHitAloneIsKept() {
        // a single "reading" in a clean report is more likely a real parenthetical: the document decision needs several
        String out = N.normalize("公安(an)机关依法办理。").text();
        assertEquals("公安（an）机关依法办理。", out);
    }

    @Test
    void syllableParsing() {
        assertEquals(List.of("gen", "ju"), PinyinAnnotations.syllables("gēn jù"));
        assertEquals(List.of("nv"), PinyinAnnotations.syllables("nǚ"));
        assertEquals(List.of("ju"), PinyinAnnotations.syllables("ju4"));
        assertEquals(List.of(), PinyinAnnotations.syllables("http://x"));
        assertEquals(List.of(), PinyinAnnotations.syllables("2021"));
    }
}
