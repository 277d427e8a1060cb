package org.nianbao.ingest.normalize;

import com.github.houbb.opencc4j.support.datamap.IDataMap;
import com.github.houbb.opencc4j.support.datamap.impl.DataMaps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.ingest.util.CommonHanzi;

/**
 * Traditional → simplified Chinese with mainland vocabulary, built once from OpenCC4j's dictionaries
 * plus our own overrides, and applied with one fast longest-match pass.
 *
 * <p>Where the mappings come from, highest priority first:
 * <ol>
 *   <li>{@code normalize/t2s-overrides.txt} (ours): fixes for what OpenCC4j leaves unconverted or
 *       converts wrongly (乾燥, 隨著, 著力, 衹 ...), each entry with a test;</li>
 *   <li>{@code normalize/known-variants.txt} (ours): variant and Japanese-form characters that are
 *       never right in simplified text (説, 値, 戸, 衞 ...);</li>
 *   <li>OpenCC4j {@code TSPhrases} (phrase-level t2s), and the Hong Kong variant phrases converted to
 *       simplified;</li>
 *   <li>OpenCC4j {@code TSCharacters} (first candidate), then its Taiwan/Hong Kong variant characters
 *       for characters TSCharacters does not know.</li>
 * </ol>
 * Taiwan <em>vocabulary</em> (OpenCC's {@code tw2sp}: 建立→创建, 預設→默认) is deliberately not used:
 * reports are legal prose and keep mainland words.
 *
 * <p>Why not call OpenCC4j's {@code ZhConverterUtil.toSimple} per text: our overrides must take
 * priority over its phrases, which its API does not allow, and its segmenter is slower (about 15 MB/s
 * of CPU time on one core in {@code scripts/bench-normalize}, against 25–35 MB/s for our whole
 * normaliser on traditional text). The same dictionaries applied by forward maximum matching (what
 * OpenCC itself does) give the same results: OpenCC's own peer cases pass except the listed ones.
 *
 * <p>Immutable and thread-safe after construction.
 */
public final class ScriptConverter {
    private final char[] charMap = new char[0x10000];            // 0 = unchanged
    private final Map<Integer, String> astralMap = new HashMap<>(); // code point → replacement (rare)
    /** Phrases by first character, longest first (keys and their replacements); null = none start here. */
    private final String[][] phraseKeys = new String[0x10000][];
    private final String[][] phraseValues = new String[0x10000][];
    private final char[] variantMap = new char[0x10000];         // known variants only (safe in any document)
    private final BitSet traditionalOnly = new BitSet(0x10000);
    private final BitSet simplifiedOnly = new BitSet(0x10000);
    private final Map<String, String> overrides;
    private final Map<String, String> variants;

    public ScriptConverter() {
        IDataMap base = DataMaps.defaults();
        Map<String, String> chars = new HashMap<>();
        firstCandidates(base.tsChar()).forEach(chars::put);
        // Variant characters (啟, 衞, 裡 ...) of Taiwan and Hong Kong standards that TSCharacters lacks.
        for (IDataMap variantsMap : List.of(DataMaps.taiwanSelf(), DataMaps.hongKongSelf())) {
            firstCandidates(variantsMap.tsChar()).forEach((k, v) -> {
                if (!chars.containsKey(k) && !k.equals(v)) chars.put(k, v);
            });
        }
        variants = readPairs("normalize/known-variants.txt");
        overrides = readPairs("normalize/t2s-overrides.txt");
        variants.forEach(chars::put);
        Map<String, String> phraseMap = new HashMap<>(firstCandidates(base.tsPhrase()));
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (e.getKey().codePointCount(0, e.getKey().length()) == 1) chars.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : chars.entrySet()) putChar(e.getKey(), e.getValue());
        // Hong Kong variant phrases map to standard traditional; take them on to simplified.
        for (Map.Entry<String, String> e : firstCandidates(DataMaps.hongKongSelf().tsPhrase()).entrySet()) {
            phraseMap.putIfAbsent(e.getKey(), convertChars(e.getValue()));
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (e.getKey().codePointCount(0, e.getKey().length()) > 1) phraseMap.put(e.getKey(), e.getValue());
        }
        Map<Character, List<String>> byFirst = new HashMap<>();
        for (String k : phraseMap.keySet()) {
            if (k.length() >= 2 && k.length() <= 64) byFirst.computeIfAbsent(k.charAt(0), c -> new ArrayList<>()).add(k);
        }
        byFirst.forEach((first, keys) -> {
            keys.sort((x, y) -> y.length() - x.length()); // longest match wins
            phraseKeys[first] = keys.toArray(new String[0]);
            String[] values = new String[keys.size()];
            for (int i = 0; i < values.length; i++) values[i] = phraseMap.get(keys.get(i));
            phraseValues[first] = values;
        });
        for (Map.Entry<String, String> e : variants.entrySet()) {
            if (e.getKey().length() == 1 && e.getValue().length() == 1) variantMap[e.getKey().charAt(0)] = e.getValue().charAt(0);
        }
        // Script detection: a character converts and is not part of the simplified set (GB2312) → traditional only;
        // a GB2312 character whose traditional form differs → simplified only.
        for (int c = 0x3400; c < 0x10000; c++) {
            char ch = (char) c;
            if (charMap[c] != 0 && !CommonHanzi.isCommon(ch)) traditionalOnly.set(c);
        }
        for (Map.Entry<String, String> e : firstCandidates(base.stChar()).entrySet()) {
            String k = e.getKey();
            if (k.length() == 1 && !k.equals(e.getValue()) && CommonHanzi.isCommon(k.charAt(0)) && charMap[k.charAt(0)] == 0) {
                simplifiedOnly.set(k.charAt(0));
            }
        }
        // warm-up: the first calls pay for class loading and JIT of the hot loop, not the first document
        convert("乾燥的臺灣資訊與隨著發展的餅乾", null);
    }

    private void putChar(String from, String to) {
        int cp = from.codePointAt(0);
        if (from.length() != Character.charCount(cp) || to.isEmpty() || from.equals(to)) return;
        if (cp < 0x10000 && to.length() == 1) charMap[cp] = to.charAt(0);
        else astralMap.put(cp, to);
        if (cp < 0x10000 && to.length() != 1) {
            // a BMP character that maps to an astral or multi-char string: keep it in the astral map, mark it
            charMap[cp] = 0xFFFF;
        }
    }

    private static Map<String, String> firstCandidates(Map<String, List<String>> m) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, List<String>> e : m.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) continue;
            String v = e.getValue().get(0);
            if (v != null && !v.isEmpty()) out.put(e.getKey(), v);
        }
        return out;
    }

    /** Reads {@code source<TAB>target[<TAB>note]} lines; {@code #} starts a comment line. */
    static Map<String, String> readPairs(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = ScriptConverter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length < 2 || f[0].isBlank() || f[1].isBlank()) throw new IllegalStateException(resource + ": bad line: " + line);
                out.put(f[0].strip(), f[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The simplified form of one character by the character tables (no phrase context); itself if none. */
    public int simplifyChar(int cp) {
        if (cp >= 0x10000) return cp;
        char m = charMap[cp];
        return m == 0 || m == 0xFFFF ? cp : m;
    }

    /** The override dictionary (for tests and docs). */
    public Map<String, String> overrides() {
        return overrides;
    }

    /** The known-variant table (for tests and docs). */
    public Map<String, String> knownVariants() {
        return variants;
    }

    /** Counts of traditional-only and simplified-only characters: the evidence for a script decision. */
    public record Profile(long traditional, long simplified, long variants) {
        public static final Profile EMPTY = new Profile(0, 0, 0);

        public Profile plus(Profile o) {
            return new Profile(traditional + o.traditional, simplified + o.simplified, variants + o.variants);
        }

        /** Traditional when traditional-only characters are present and outnumber simplified-only ones. */
        public boolean isTraditional() {
            return traditional > 0 && traditional > simplified;
        }

        /** A block on its own, inside a document that is not traditional, needs stronger evidence. */
        public boolean isClearlyTraditional() {
            return traditional >= 4 && traditional >= 4 * simplified;
        }

        public double traditionalShare() {
            long n = traditional + simplified;
            return n == 0 ? 0 : (double) traditional / n;
        }
    }

    public Profile profile(CharSequence s) {
        long t = 0;
        long simp = 0;
        long v = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x3400) continue;
            if (traditionalOnly.get(c)) {
                t++;
                if (variantMap[c] != 0) v++;
            } else if (simplifiedOnly.get(c)) {
                simp++;
            }
        }
        return new Profile(t, simp, v);
    }

    /**
     * Full conversion. Counts converted characters into {@code log} under
     * {@code traditional-to-simplified} (log may be null).
     */
    public String convert(String s, EditLog log) {
        int n = s.length();
        StringBuilder sb = null;
        int copied = 0;
        long changed = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            String[] keys = phraseKeys[c];
            if (keys != null) {
                String hit = null;
                int len = 0;
                for (int k = 0; k < keys.length; k++) {
                    String key = keys[k];
                    if (key.length() <= n - i && s.regionMatches(i, key, 0, key.length())) {
                        hit = phraseValues[c][k];
                        len = key.length();
                        break;
                    }
                }
                if (hit != null) {
                    if (!s.regionMatches(i, hit, 0, len) || hit.length() != len) {
                        if (sb == null) sb = new StringBuilder(n);
                        sb.append(s, copied, i).append(hit);
                        copied = i + len;
                        changed += differing(s, i, len, hit);
                    }
                    i += len;
                    continue;
                }
            }
            char m = charMap[c];
            if (m != 0) {
                String rep;
                int width = 1;
                if (m != 0xFFFF) {
                    rep = null;
                } else {
                    rep = astralMap.get((int) c);
                }
                if (sb == null) sb = new StringBuilder(n);
                sb.append(s, copied, i);
                if (rep == null) sb.append(m); else sb.append(rep);
                copied = i + width;
                changed++;
                i += width;
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && !astralMap.isEmpty()) {
                int cp = s.codePointAt(i);
                String rep = astralMap.get(cp);
                if (rep != null) {
                    if (sb == null) sb = new StringBuilder(n);
                    sb.append(s, copied, i).append(rep);
                    copied = i + 2;
                    changed++;
                }
                i += 2;
                continue;
            }
            i++;
        }
        if (sb == null) return s;
        sb.append(s, copied, n);
        if (log != null) log.add("traditional-to-simplified", changed);
        return sb.toString();
    }

    /**
     * Only the known variants (説→说, 値→值 ...): safe in a simplified document, where a stray
     * traditional character otherwise stays as written.
     */
    public String fixVariants(String s, EditLog log) {
        StringBuilder sb = null;
        long changed = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            char v = variantMap[c];
            if (v == 0) {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) sb = new StringBuilder(n).append(s, 0, i);
            sb.append(v);
            changed++;
        }
        if (sb == null) return s;
        if (log != null) log.add("variants-fixed", changed);
        return sb.toString();
    }

    private String convertChars(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            char m = cp < 0x10000 ? charMap[cp] : 0;
            if (m != 0 && m != 0xFFFF) sb.append(m);
            else if (astralMap.containsKey(cp)) sb.append(astralMap.get(cp));
            else sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    private static long differing(String s, int from, int len, String rep) {
        if (rep.length() != len) return Math.max(len, rep.length());
        long d = 0;
        for (int k = 0; k < len; k++) if (s.charAt(from + k) != rep.charAt(k)) d++;
        return d;
    }
}
