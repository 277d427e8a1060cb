package org.nianbao.ingest.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private static final TextNormalizer N = Fixtures.NORMALIZER;

    @Test
    void aStrayTraditionalCharacterInASimplifiedReportStays() {
        String doc = Fixtures.seed("001_c5f879456b805937") + "\n附件：根據條例制作的说明。";
        TextNormalizer.Result r = N.normalize(doc);
        assertTrue(r.text().contains("根據條例"), "stray traditional characters stay");
        assertFalse(r.edits().counts().containsKey("traditional-to-simplified"));
    }

    @Test
    void butAKnownVariantIsFixed() {
        String doc = Fixtures.seed("001_c5f879456b805937") + "\n附件：有关情况的説明。";
        TextNormalizer.Result r = N.normalize(doc);
        assertTrue(r.text().contains("有关情况的说明。"));
        assertEquals(1L, r.edits().counts().get("variants-fixed"));
    }

    @Test
    void orderOfStepsOnOneLine() {
        // pinyin before conversion (報(bào)告 is one phrase again), full-width digits, punctuation, then spacing
        String clean = "根據(jù)《條例》(國務(wù)院令第７１１號)，報(bào)告 全 文 如 下";
        assertEquals("根据《条例》（国务院令第711号），报告全文如下", N.normalize(clean).text());
        // garbled first: the repair runs on the raw text, everything else on the repaired text
        String simplified = "原州区医疗保障局 2023 年政府信息公开工作年度报告(一)总体情况,主动公开政府信息23条。";
        String garbled = new String(simplified.getBytes(java.nio.charset.Charset.forName("GB18030")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("原州区医疗保障局2023年政府信息公开工作年度报告（一）总体情况，主动公开政府信息23条。", N.normalize(garbled).text());
    }

    @Test
    void nullAndEmpty() {
        assertEquals("", N.normalize((String) null).text());
        assertEquals("", N.normalize("").text());
        assertEquals("abc", N.normalize("abc").text());
    }

    @Test
    void threadSafe() throws Exception {
        List<String> inputs = List.of(Fixtures.seed("000_78855fc2a014f9fc"), Fixtures.seed(Fixtures.TRADITIONAL_SEED),
                new String(Fixtures.seed("004_45b37724e5fb3c0a").getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.Charset.forName("GBK")));
        List<String> expected = inputs.stream().map(s -> N.normalize(s).text()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> fs = new java.util.ArrayList<>();
            for (int k = 0; k < 24; k++) {
                int i = k % inputs.size();
                fs.add(pool.submit(() -> N.normalize(inputs.get(i)).text().equals(expected.get(i))));
            }
            for (Future<Boolean> f : fs) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
