package org.nianbao.ingest.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of garbling the issue names, made from the clean report captures, must come back to
 * the clean text (or to the clean text with lost characters marked U+FFFD and counted), and clean
 * text in any script must come out unchanged.
 */
class MojibakeRepairerTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private final MojibakeRepairer repairer = new MojibakeRepairer();

    static Stream<String> simplifiedSeeds() {
        return Fixtures.SIMPLIFIED_SEEDS.stream();
    }

    static Stream<String> allSeeds() {
        return Stream.concat(Fixtures.SIMPLIFIED_SEEDS.stream(), Stream.of(Fixtures.TRADITIONAL_SEED));
    }

    private String repair(String garbled, EditLog log) {
        return repairer.repair(garbled, log);
    }

    @ParameterizedTest
    @MethodSource("allSeeds")
    void cleanFixturesComeOutUnchanged(String seed) {
        String clean = Fixtures.seed(seed);
        EditLog log = new EditLog();
        assertEquals(clean, repair(clean, log));
        assertTrue(log.counts().isEmpty(), "no edits on clean text: " + log.counts());
    }

    @Test
    void ftfyNegativeCasesComeOutUnchanged() throws Exception {
        JsonNode cases = new ObjectMapper().readTree(Fixtures.resource("peer-tests/ftfy/negative.json"));
        List<String> changed = new ArrayList<>();
        for (JsonNode c : cases) {
            String original = c.get("original").asText();
            String out = repair(original, new EditLog());
            if (!out.equals(original)) changed.add(c.get("label").asText() + ": " + original + " -> " + out);
        }
        assertTrue(cases.size() >= 30, "negative.json was read");
        assertTrue(changed.isEmpty(), "clean text changed: " + changed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "政府信息公開工作年度報告，根據《條例》規定編製。",           // traditional Chinese
        "情報公開制度について、ご説明いたします。年次報告書を公表しました。", // Japanese
        "정보공개 연차보고서를 발표합니다",                            // Korean
        "Η ετήσια έκθεση για την πρόσβαση στις πληροφορίες",          // Greek
        "Ежегодный доклад об открытости информации правительства",      // Russian
        "Le rapport annuel sur la transparence, publié à Genève — été 2023",
        "naïve café Brontë Ünïcödé ÀÉÎÕÜ ÑÍCH ÄÖÜß",
        "数学公式 ∑∏√∞ ≤ ≥ ±×÷ 和符号 ①②③ ㈠ ■□●○ ℃ ‰",
        "2023年度报告 PDF格式 (第3页) http://www.gov.cn/?a=1&b=2 AT&T &unknown;"
    })
    void cleanTextInAnyScriptIsLeftAlone(String clean) {
        EditLog log = new EditLog();
        assertEquals(clean, repair(clean, log));
        assertTrue(log.counts().isEmpty(), log.counts().toString());
    }

    private void assertRepairedWithMarkedLoss(String clean, String garbled, String kind, int maxSpan, double maxLossShare) {
        EditLog log = new EditLog();
        String out = repair(garbled, log);
        assertTrue(Fixtures.sameExceptMarkedLoss(clean, out, maxSpan), kind + ": repaired text differs from the clean text beyond marked losses");
        long lost = Fixtures.count(out, '\uFFFD');
        assertEquals(lost, log.count("mojibake-unrecoverable"), "every lost character is counted");
        if (lost > 0) assertTrue(log.noted("mojibake-unrecoverable"));
        assertTrue(lost <= maxLossShare * clean.length(), kind + ": too many characters lost: " + lost);
        assertTrue(log.counts().keySet().stream().anyMatch(k -> k.startsWith("mojibake-repair:" + kind)),
                "repair kind recorded: " + log.counts());
        assertTrue(log.noted("mojibake-repaired"));
    }

    private void assertRepairedExactly(String clean, String garbled, String kind) {
        EditLog log = new EditLog();
        assertEquals(clean, repair(garbled, log));
        assertTrue(log.counts().keySet().stream().anyMatch(k -> k.startsWith("mojibake-repair:" + kind)), log.counts().toString());
        assertEquals(0, log.count("mojibake-unrecoverable"));
    }

    @ParameterizedTest
    @MethodSource("simplifiedSeeds")
    void utf8ReadAsGbk(String seed) {
        String clean = Fixtures.seed(seed);
        // A GBK decoder loses the last byte of a character cut by ASCII (odd byte count): marked, not guessed.
        assertRepairedWithMarkedLoss(clean, new String(clean.getBytes(StandardCharsets.UTF_8), GBK), "utf8-as-gbk", 1, 0.06);
    }

    @ParameterizedTest
    @MethodSource("simplifiedSeeds")
    void utf8ReadAsGb18030(String seed) {
        String clean = Fixtures.seed(seed);
        // Java's GB18030 decoder also swallows ASCII digits after a stray lead byte: more loss, still nothing invented.
        assertRepairedWithMarkedLoss(clean, new String(clean.getBytes(StandardCharsets.UTF_8), GB18030), "utf8-as-gbk", 8, 0.08);
    }

    @ParameterizedTest
    @MethodSource("simplifiedSeeds")
    void gbkReadAsLatin1(String seed) {
        String clean = Fixtures.seed(seed);
        assertRepairedExactly(clean, new String(clean.getBytes(GB18030), StandardCharsets.ISO_8859_1), "gbk-as-latin1");
    }

    @ParameterizedTest
    @MethodSource("simplifiedSeeds")
    void gbkReadAsCp1252(String seed) {
        String clean = Fixtures.seed(seed);
        assertRepairedExactly(clean, Fixtures.whatwgCp1252(clean.getBytes(GB18030)), "gbk-as-");
    }

    @ParameterizedTest
    @MethodSource("simplifiedSeeds")
    void utf8ReadAsCp1252(String seed) {
        String clean = Fixtures.seed(seed);
        assertRepairedExactly(clean, Fixtures.whatwgCp1252(clean.getBytes(StandardCharsets.UTF_8)), "utf8-as-");
    }

    @ParameterizedTest
    @MethodSource("simplifiedSeeds")
    void utf8ReadAsCp1252ByALossyDecoder(String seed) {
        String clean = Fixtures.seed(seed);
        // Java's windows-1252 decoder turns 0x81 0x8D 0x8F 0x90 0x9D into U+FFFD: those characters are lost
        assertRepairedWithMarkedLoss(clean, new String(clean.getBytes(StandardCharsets.UTF_8), CP1252), "utf8-as-", 3, 0.2);
    }

    @ParameterizedTest
    @MethodSource("simplifiedSeeds")
    void doubleEncodedUtf8(String seed) {
        String clean = Fixtures.seed(seed);
        String once = Fixtures.whatwgCp1252(clean.getBytes(StandardCharsets.UTF_8));
        String twice = Fixtures.whatwgCp1252(once.getBytes(StandardCharsets.UTF_8));
        assertRepairedExactly(clean, twice, "double-utf8");
    }

    @Test
    void big5ReadAsGbk() {
        // the traditional report, without its pinyin annotations (Big5 has no tone-marked letters)
        String clean = Fixtures.seed(Fixtures.TRADITIONAL_SEED).replaceAll("\\([a-z\\u00e0-\\u01dc]+\\)", "");
        String big5Clean = new String(clean.getBytes(BIG5), BIG5); // what Big5 can hold of it
        assertRepairedExactly(big5Clean, new String(clean.getBytes(BIG5), GBK), "big5-as-gbk");
    }

    @Test
    void htmlEntitiesLeftInText() {
        EditLog log = new EditLog();
        String out = repair("&#25919;&#24220;&#x4FE1;&#X606F;公开&ldquo;年报&rdquo;&nbsp;A&amp;B&amp;#20844;", log);
        assertEquals("政府信息公开“年报”\u00A0A&B公", out);
        assertEquals(10, log.count("html-entities-decoded")); // 9, then &amp;#20844; a second time
        for (String keep : List.of("AT&T", "a&b;c", "&#0;", "&#xD800;", "&#1114112;", "&bogus;", "&", "&#;", "&#x;")) {
            assertEquals(keep, repair(keep, new EditLog()), keep);
        }
    }

    @ParameterizedTest
    @MethodSource("simplifiedSeeds")
    void lossyDecodeIsRepairedAsFarAsPossible(String seed) {
        String clean = Fixtures.seed(seed);
        byte[] utf8 = clean.getBytes(StandardCharsets.UTF_8);
        // A damaged transfer (every 97th byte broken), decoded as UTF-8 with U+FFFD, saved as UTF-8 and
        // then read as GBK: the garbled text carries 锟斤拷 where the damage was.
        for (int i = 50; i < utf8.length; i += 97) utf8[i] = (byte) 0xFF;
        String damaged = new String(utf8, StandardCharsets.UTF_8);
        String garbled = new String(damaged.getBytes(StandardCharsets.UTF_8), GBK);
        assertTrue(garbled.contains("锟斤拷"));
        EditLog log = new EditLog();
        String out = repair(garbled, log);
        assertTrue(Fixtures.sameExceptMarkedLoss(clean, out, 4), "nothing invented");
        assertTrue(log.count("mojibake-unrecoverable") >= Fixtures.count(damaged, '\uFFFD'));
        assertTrue(log.noted("mojibake-unrecoverable"));
        long lost = Fixtures.count(out, '\uFFFD');
        assertTrue(lost < 0.15 * clean.length(), "most text recovered, lost " + lost);
    }

    @Test
    void garbageRunsAreFlaggedNotKept() {
        EditLog log = new EditLog();
        assertEquals("政府\uFFFD信息\uFFFD公开\uFFFD", repair("政府锟斤拷锟斤拷信息烫烫烫烫公开屯屯屯", log));
        assertEquals(2 + 4 + 3, log.count("mojibake-unrecoverable"));
        assertTrue(log.noted("mojibake-unrecoverable"));
        EditLog clean = new EditLog();
        assertEquals("烫伤和屯田，锟斤", repair("烫伤和屯田，锟斤", clean), "ordinary words stay");
        assertTrue(clean.counts().isEmpty());
    }

    @Test
    void garbledTitleInACleanDocumentIsRepairedAlone() {
        String title = "原州区医疗保障局2023年政府信息公开工作年度报告";
        String body = Fixtures.seed("001_c5f879456b805937");
        String garbledTitle = new String(title.getBytes(GB18030), StandardCharsets.ISO_8859_1);
        List<String> doc = List.of(garbledTitle, body);
        MojibakeRepairer.Diagnosis d = repairer.diagnose(doc);
        EditLog log = new EditLog();
        assertEquals(title, repairer.repair(garbledTitle, d, log));
        assertEquals(body, repairer.repair(body, d, log));
    }

    @Test
    void diagnosisOfCleanDocumentIsClean() {
        List<String> texts = new ArrayList<>();
        allSeeds().forEach(s -> texts.add(Fixtures.seed(s)));
        assertTrue(repairer.diagnose(texts).clean());
        MojibakeRepairer.Diagnosis d = repairer.diagnose(List.of(new String(texts.get(0).getBytes(StandardCharsets.UTF_8), GBK)));
        assertFalse(d.clean());
        assertEquals(List.of("utf8-as-gbk"), MojibakeRepairer.labels(d));
    }
}
