package org.nianbao.ingest.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * Pinyin readings some sites print after characters ({@code 根據(jù)}, {@code 報(bào)告}: a
 * "reading aid" plug-in saved along with the page). A parenthesised group of syllables is an
 * annotation only when every syllable is a reading (tones ignored) of the character it follows, in
 * order: {@code 統(tǒng)計(jì)} has one syllable per character; {@code 根據(gēn jù)} has two for the two
 * characters before it. Readings come from pinyin4j, for the character as written and for its
 * simplified form (the annotation may have been made on either).
 *
 * <p>Whether to strip is a document decision ({@link #MIN_HITS} or more annotations): a single
 * {@code 安(an)} in a clean report is more likely a real parenthetical than a reading aid. Real
 * parentheticals — {@code (網址:http://...)}, {@code (2021)}, {@code （一）} — never match.
 *
 * <p>Thread-safe: pinyin4j's lookup is static and read-only after its first use (done at construction).
 */
final class PinyinAnnotations {
    static final int MIN_HITS = 3;
    private static final int MAX_GROUP = 40;
    private final IntUnaryOperator simplifiedForm;
    private final java.util.concurrent.ConcurrentHashMap<Character, String[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param simplifiedForm maps a character to its simplified form (identity when it has none) */
    PinyinAnnotations(IntUnaryOperator simplifiedForm) {
        this.simplifiedForm = simplifiedForm;
        PinyinHelper.toHanyuPinyinStringArray('中'); // loads pinyin4j's table now, not on the first document
    }

    /** Number of annotations in the text (for the document decision). */
    int count(String s) {
        if (s.indexOf('(') < 0 && s.indexOf('（') < 0) return 0;
        int hits = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if ((c == '(' || c == '（') && annotationEnd(s, i) > 0) hits++;
        }
        return hits;
    }

    /** Removes every annotation; counts them into {@code pinyin-groups-removed}. */
    String strip(String s, EditLog log) {
        if (s.indexOf('(') < 0 && s.indexOf('（') < 0) return s;
        StringBuilder sb = null;
        int copied = 0;
        long removed = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c != '(' && c != '（') continue;
            int end = annotationEnd(s, i);
            if (end < 0) continue;
            int from = i;
            while (from > copied && s.charAt(from - 1) == ' ') from--; // "根據 (jù)": drop the space too
            if (sb == null) sb = new StringBuilder(n);
            sb.append(s, copied, from);
            copied = end;
            removed++;
            i = end - 1;
        }
        if (sb == null) return s;
        sb.append(s, copied, s.length());
        log.add("pinyin-groups-removed", removed);
        return sb.toString();
    }

    /** If an annotation opens at {@code open}, the index after its closing parenthesis; else -1. */
    private int annotationEnd(String s, int open) {
        int n = s.length();
        int close = -1;
        for (int j = open + 1; j < n && j - open <= MAX_GROUP; j++) {
            char c = s.charAt(j);
            if (c == ')' || c == '）') { close = j; break; }
            if (!isPinyinChar(c)) return -1;
        }
        if (close < 0 || close == open + 1) return -1;
        List<String> syllables = syllables(s.substring(open + 1, close));
        if (syllables.isEmpty()) return -1;
        // the characters the group annotates: the ideographs just before "(", skipping spaces
        int p = open - 1;
        while (p >= 0 && s.charAt(p) == ' ') p--;
        for (int k = syllables.size() - 1; k >= 0; k--) {
            if (p < 0) return -1;
            char c = s.charAt(p);
            if (!Cjk.isIdeograph(c) || !isReading(c, syllables.get(k))) return -1;
            p--;
        }
        return close + 1;
    }

    private boolean isReading(char c, String syllable) {
        if (readingsMatch(c, syllable)) return true;
        int simp = simplifiedForm.applyAsInt(c);
        return simp != c && simp < 0x10000 && readingsMatch((char) simp, syllable);
    }

    private boolean readingsMatch(char c, String syllable) {
        for (String plain : readings(c)) {
            if (plain.equals(syllable) || plain.replace('v', 'u').equals(syllable.replace('v', 'u'))) return true;
        }
        return false;
    }

    /** Toneless readings of a character, cached: pinyin4j parses its table entry on every call. */
    private String[] readings(char c) {
        return cache.computeIfAbsent(c, k -> {
            String[] raw = PinyinHelper.toHanyuPinyinStringArray(k);
            if (raw == null) return new String[0];
            String[] out = new String[raw.length];
            for (int i = 0; i < raw.length; i++) out[i] = toneless(raw[i]);
            return out;
        });
    }

    /** pinyin4j writes {@code lu:4}; we compare {@code lv}. */
    private static String toneless(String r) {
        StringBuilder sb = new StringBuilder(r.length());
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c >= 'a' && c <= 'z') sb.append(c);
            else if (c == ':') { if (sb.length() > 0 && sb.charAt(sb.length() - 1) == 'u') sb.setCharAt(sb.length() - 1, 'v'); }
        }
        return sb.toString();
    }

    /** Splits {@code "gēn jù"}, {@code "ju4"}, {@code "nǚ"} into toneless lower-case syllables. */
    static List<String> syllables(String group) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (c == ' ' || c == '\'' || c == '’' || c == '-' || c >= '1' && c <= '5') {
                if (cur.length() > 0) { out.add(cur.toString()); cur.setLength(0); }
                continue;
            }
            if (c >= 0x300 && c <= 0x36F) continue; // decomposed tone marks
            char base = baseLetter(c);
            if (base == 0) return List.of();
            cur.append(base);
        }
        if (cur.length() > 0) out.add(cur.toString());
        for (String syl : out) if (syl.length() > 6 || !hasVowel(syl)) return List.of();
        return out;
    }

    private static boolean hasVowel(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case 'a', 'e', 'i', 'o', 'u', 'v', 'm', 'n':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    /** Base letter of Latin letters with tone marks (à → a, ǚ → v), built once; 0 = not a letter. */
    private static final char[] BASE = new char[0x250];

    static {
        for (char c = 'a'; c <= 'z'; c++) BASE[c] = c;
        for (char c = 'A'; c <= 'Z'; c++) BASE[c] = (char) (c + 32);
        for (char c = 0xC0; c < 0x250; c++) {
            char b = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
            if (b >= 'a' && b <= 'z') BASE[c] = b;
            else if (b >= 'A' && b <= 'Z') BASE[c] = (char) (b + 32);
        }
        for (char c : "üǖǘǚǜÜǕǗǙǛ".toCharArray()) BASE[c] = 'v';
    }

    private static char baseLetter(char c) {
        if (c < BASE.length) return BASE[c];
        return c == 'ḿ' ? 'm' : 0;
    }

    private static boolean isPinyinChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == '\'' || c == '’' || c == '-' || c >= '1' && c <= '5'
                || c >= 0xC0 && c <= 0x24F || c >= 0x300 && c <= 0x36F || c == 'ḿ';
    }
}
