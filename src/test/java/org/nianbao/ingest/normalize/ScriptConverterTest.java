package org.nianbao.ingest.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptConverterTest {
    private static final ScriptConverter CONVERTER = Fixtures.NORMALIZER.scriptConverter();

    static Stream<Arguments> overrideEntries() {
        return CONVERTER.overrides().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<Arguments> knownVariants() {
        return CONVERTER.knownVariants().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    /** Every override entry wins, alone and inside traditional text around it. */
    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("overrideEntries")
    void overrideEntry(String traditional, String simplified) {
        assertEquals(simplified, CONVERTER.convert(traditional, null));
        assertEquals("「" + simplified + "」", CONVERTER.convert("「" + traditional + "」", null));
        assertEquals("报告中" + simplified + "。", CONVERTER.convert("報告中" + traditional + "。", null));
    }

    /** Every known variant is fixed even in a simplified document, and by the full conversion too. */
    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("knownVariants")
    void knownVariant(String variant, String simplified) {
        assertEquals("报告" + simplified + "。", CONVERTER.fixVariants("报告" + variant + "。", null));
        assertEquals("报告" + simplified + "。", CONVERTER.convert("报告" + variant + "。", null));
    }

    @Test
    void theIssuesExamples() {
        Map<String, String> cases = Map.of(
                "天氣乾燥，保持環境乾淨，少吃餅乾", "天气干燥，保持环境干净，少吃饼干",
                "隨著改革的深入，圍繞著重點工作，著力推進", "随着改革的深入，围绕着重点工作，着力推进",
                "成效顯著，著作權保護", "成效显著，著作权保护",
                "建立健全政府資訊公開制度", "建立健全政府资讯公开制度", // mainland vocabulary: 建立 stays, no 创建
                "乾隆年間的乾坤", "乾隆年间的乾坤");
        cases.forEach((in, out) -> assertEquals(out, CONVERTER.convert(in, null), in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_78855fc2a014f9fc", "001_c5f879456b805937", "002_e3978633e113c1b8", "004_45b37724e5fb3c0a"})
    void simplifiedDocumentsAreNotTraditional(String seed) {
        ScriptConverter.Profile p = CONVERTER.profile(Fixtures.seed(seed));
        assertFalse(p.isTraditional(), p.toString());
        assertEquals(0, p.traditional(), "no traditional-only characters in " + seed);
    }

    @Test
    void traditionalSeedIsTraditional() {
        ScriptConverter.Profile p = CONVERTER.profile(Fixtures.seed(Fixtures.TRADITIONAL_SEED));
        assertTrue(p.isTraditional(), p.toString());
        assertTrue(p.traditionalShare() > 0.9, p.toString());
    }

    @Test
    void simplifiedTextIsAFixedPoint() {
        for (String seed : Fixtures.SIMPLIFIED_SEEDS) {
            String s = Fixtures.seed(seed);
            // even the full conversion leaves these simplified reports as they are
            assertEquals(s, CONVERTER.convert(s, null), seed);
        }
    }

    @Test
    void countsConvertedCharacters() {
        EditLog log = new EditLog();
        assertEquals("政府信息公开", CONVERTER.convert("政府信息公開", log));
        assertEquals(1, log.count("traditional-to-simplified"));
    }
}
