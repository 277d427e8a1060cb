package org.nianbao.ingest.eval.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Character error of a truth paragraph against the output: the edit distance between the paragraph
 * and its best-matching span of the output text (approximate substring matching, Sellers 1980), both
 * normalised by {@link TextNorm#forCer}. Extra output text around the paragraph costs nothing; missing,
 * wrong and inserted characters inside it cost one each.
 *
 * <p>To stay fast on long outputs, the span is searched near the places where the paragraph's
 * character trigrams occur in the output; when none occur the whole output is searched.
 */
public final class Cer {
    private final String text;
    private final Map<Integer, List<Integer>> trigrams = new HashMap<>();

    /** @param output the output text, already normalised with {@link TextNorm#forCer} */
    public Cer(String output) {
        this.text = output;
        for (int i = 0; i + 3 <= output.length(); i++) {
            trigrams.computeIfAbsent(key(output, i), k -> new ArrayList<>(2)).add(i);
        }
    }

    private static int key(String s, int i) {
        return (s.charAt(i) * 31 + s.charAt(i + 1)) * 31 + s.charAt(i + 2);
    }

    /** Edit distance of {@code pattern} (normalised) to its best-matching span of the output. */
    public int distance(String pattern) {
        int m = pattern.length();
        if (m == 0) return 0;
        if (text.isEmpty()) return m;
        if ((long) m * text.length() <= 4_000_000L) return sellers(pattern, 0, text.length());
        // vote for alignments (output position minus pattern position) of shared trigrams
        Map<Integer, Integer> votes = new HashMap<>();
        for (int i = 0; i + 3 <= m; i++) {
            List<Integer> hits = trigrams.get(key(pattern, i));
            if (hits == null || hits.size() > 50) continue;
            for (int pos : hits) votes.merge((pos - i) / 16, 1, Integer::sum);
        }
        if (votes.isEmpty()) return sellers(pattern, 0, text.length());
        List<Map.Entry<Integer, Integer>> best = new ArrayList<>(votes.entrySet());
        best.sort((a, b) -> b.getValue() - a.getValue());
        int result = m;
        for (int k = 0; k < Math.min(3, best.size()); k++) {
            int offset = best.get(k).getKey() * 16;
            int from = Math.max(0, offset - m / 2 - 32);
            int to = Math.min(text.length(), offset + m + m / 2 + 48);
            result = Math.min(result, sellers(pattern, from, to));
            if (result == 0) break;
        }
        return result;
    }

    /** Approximate substring distance of pattern within text[from, to). */
    private int sellers(String p, int from, int to) {
        int m = p.length();
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int i = 0; i <= m; i++) prev[i] = i;
        int best = m;
        for (int j = from; j < to; j++) {
            char tc = text.charAt(j);
            cur[0] = 0; // the span may start anywhere
            for (int i = 1; i <= m; i++) {
                int sub = prev[i - 1] + (p.charAt(i - 1) == tc ? 0 : 1);
                int del = prev[i] + 1;
                int ins = cur[i - 1] + 1;
                cur[i] = Math.min(sub, Math.min(del, ins));
            }
            if (cur[m] < best) best = cur[m];
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return best;
    }
}
