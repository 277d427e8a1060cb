package org.nianbao.ingest.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Our traditional → simplified conversion measured against OpenCC's own test cases (t2s, tw2s, hk2s)
 * and the round trip of the US-constitution texts, with an explicit list of expected failures
 * ({@code normalize/opencc-expected-failures.txt}, one reason per case). The test fails when a case
 * not on the list fails, and when a listed case passes (so the list cannot rot).
 */
class OpenCcPeerTest {
    private static final List<String> CONFIGS = List.of("t2s", "tw2s", "hk2s");
    private final ScriptConverter converter = Fixtures.NORMALIZER.scriptConverter();

    private static Map<String, String> expectedFailures() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Fixtures.resource("normalize/opencc-expected-failures.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            assertTrue(f.length == 3 && !f[2].isBlank(), "every expected failure needs id, config and a reason: " + line);
            m.put(f[0] + "\t" + f[1], f[2]);
        }
        return m;
    }

    @Test
    void openccCasesPassExceptTheListedOnes() throws Exception {
        ObjectMapper om = new ObjectMapper();
        om.enable(JsonParser.Feature.ALLOW_TRAILING_COMMA); // the file has a trailing comma
        JsonNode root = om.readTree(Fixtures.resource("peer-tests/opencc/testcases.json"));
        Map<String, String> listed = expectedFailures();
        List<String> unexpected = new ArrayList<>();
        Set<String> nowPassing = new LinkedHashSet<>();
        int measured = 0;
        int passed = 0;
        for (JsonNode c : root.get("cases")) {
            for (String config : CONFIGS) {
                JsonNode expected = c.get("expected").get(config);
                if (expected == null) continue;
                measured++;
                String key = c.get("id").asText() + "\t" + config;
                String out = converter.convert(c.get("input").asText(), null);
                boolean ok = out.equals(expected.asText());
                if (ok) passed++;
                if (!ok && !listed.containsKey(key)) {
                    unexpected.add(key + "\n  input:    " + c.get("input").asText() + "\n  expected: " + expected.asText() + "\n  got:      " + out);
                }
                if (ok && listed.containsKey(key)) nowPassing.add(key);
            }
        }
        assertEquals(108, measured, "t2s + tw2s + hk2s cases in the peer file");
        System.out.printf("OpenCC peer cases: %d/%d pass, %d expected failures listed%n", passed, measured, listed.size());
        if (!unexpected.isEmpty()) fail("cases failing that are not on the expected-failure list:\n" + String.join("\n", unexpected));
        if (!nowPassing.isEmpty()) fail("listed as expected failures but passing now (remove them from the list): " + nowPassing);
        Set<String> seen = new LinkedHashSet<>(listed.keySet());
        assertEquals(listed.size(), seen.size());
    }

    @Test
    void usConstitutionRoundTripsBackToSimplified() {
        String simplified = Fixtures.resource("peer-tests/opencc/us_constitution_zhs.txt");
        for (String variant : List.of("s2t", "s2tw", "s2hk")) {
            String traditional = Fixtures.resource("peer-tests/opencc/us_constitution_zhs." + variant + ".txt");
            String back = converter.convert(traditional, null);
            List<String> diffs = new ArrayList<>();
            for (int i = 0; i < Math.min(back.length(), simplified.length()); i++) {
                if (back.charAt(i) != simplified.charAt(i)) {
                    diffs.add(i + ": " + simplified.charAt(i) + "→" + back.charAt(i));
                }
            }
            // no ambiguous characters remain in this text with our dictionaries and overrides
            assertEquals(simplified.length(), back.length(), variant);
            assertTrue(diffs.isEmpty(), variant + " round trip differs at " + diffs);
        }
    }
}
