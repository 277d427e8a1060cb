package org.nianbao.ingest.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Repairs text that was decoded with the wrong charset (see {@link Recoding}), HTML entities left in
 * text, and flags garbage that cannot be repaired ({@code 锟斤拷}, {@code 烫烫烫}, U+FFFD).
 *
 * <p>How it decides, in two passes so one document is judged as a whole:
 * <ol>
 *   <li><b>Diagnose.</b> Text is cut into runs of non-ASCII characters (ASCII survives every misreading
 *       unchanged, so it separates independently garbled pieces). A run that reads badly
 *       ({@link TextScore} below {@value #SUSPICIOUS}) is evidence for a misreading when undoing it
 *       (possibly twice, for double encoding) gives a run that reads clearly better. A misreading is
 *       accepted for the document only when it explains a good share of the suspicious text and
 *       yields several ideographs; a lone lucky run in clean text does not change anything.</li>
 *   <li><b>Repair.</b> With an accepted misreading, every run it undoes cleanly and improves is
 *       replaced (short garbled runs often read plausibly on their own: {@code 骞村害} is 年度).</li>
 * </ol>
 * Clean text in any script is left unchanged: it has no suspicious runs, or its suspicious runs (Greek,
 * Latin with accents, kana) do not undo into clearly better Chinese.
 *
 * <p>Thread-safe and stateless.
 */
public final class MojibakeRepairer {
    /** Runs scoring below this are suspicious. */
    static final double SUSPICIOUS = 0.6;
    /** A repair counts as evidence when it reads at least this well ... */
    static final double REPAIRED_MIN = 0.75;
    /** ... and at least this much better than the garbled run. */
    static final double MARGIN = 0.35;
    private static final int MAX_DEPTH = 2;
    private static final int MAX_RUN = 1 << 16;
    private static final int MAX_TRIED_RUNS = 400;

    /** A chain of misreadings to undo, outermost first (double encoding is a chain of two). */
    public record Chain(List<Recoding> steps) {
        String label(boolean cp1252) {
            StringBuilder sb = new StringBuilder();
            for (Recoding r : steps) {
                if (sb.length() > 0) sb.append('+');
                String l = r.label;
                if (!cp1252 && r == Recoding.UTF8_AS_CP1252) l = "utf8-as-latin1";
                if (cp1252 && r == Recoding.GBK_AS_LATIN1) l = "gbk-as-cp1252";
                sb.append(l);
            }
            if (steps.size() == 2 && steps.get(0) == steps.get(1) && steps.get(0) == Recoding.UTF8_AS_CP1252) return "double-utf8";
            return sb.toString();
        }

        boolean writesUtf8() {
            return steps.get(steps.size() - 1).writtenIn == java.nio.charset.StandardCharsets.UTF_8;
        }

        String undo(String run) {
            return undo(run, false);
        }

        String undo(String run, boolean nearDigits) {
            String s = run;
            for (int k = 0; k < steps.size(); k++) {
                s = steps.get(k).undo(s, k < steps.size() - 1, nearDigits);
                if (s == null) return null;
            }
            return s;
        }
    }

    /** The document-level verdict: which chains to undo, best evidence first. Empty for clean text. */
    public record Diagnosis(List<Chain> chains, long suspiciousChars) {
        public static final Diagnosis CLEAN = new Diagnosis(List.of(), 0);

        public boolean clean() {
            return chains.isEmpty();
        }
    }

    private static final List<Chain> CHAINS;

    static {
        List<Chain> list = new ArrayList<>();
        for (Recoding r : Recoding.values()) list.add(new Chain(List.of(r)));
        // double encodings seen in the wild: UTF-8 garbled twice through Windows-1252, or through GBK then cp1252
        list.add(new Chain(List.of(Recoding.UTF8_AS_CP1252, Recoding.UTF8_AS_CP1252)));
        list.add(new Chain(List.of(Recoding.UTF8_AS_CP1252, Recoding.UTF8_AS_GBK)));
        list.add(new Chain(List.of(Recoding.UTF8_AS_GBK, Recoding.UTF8_AS_GBK)));
        list.add(new Chain(List.of(Recoding.GBK_AS_LATIN1, Recoding.UTF8_AS_GBK)));
        CHAINS = List.copyOf(list);
    }

    /** Judges the texts of one document together. */
    public Diagnosis diagnose(Iterable<String> texts) {
        Map<Chain, long[]> evidence = new LinkedHashMap<>(); // chars explained, ideographs produced
        long suspicious = 0;
        int tried = 0;
        for (String text : texts) {
            if (text == null || isAscii(text)) continue;
            int n = text.length();
            int i = 0;
            while (i < n) {
                if (text.charAt(i) < 0x80) { i++; continue; }
                int j = runEnd(text, i);
                double score = TextScore.mean(text, i, j);
                // runs of one or two characters (a pinyin ù, a stray symbol) carry no evidence either way;
                // and a few hundred tried runs decide any document
                if (score < SUSPICIOUS && j - i >= 3 && tried < MAX_TRIED_RUNS) {
                    suspicious += j - i;
                    tried++;
                    String run = text.substring(i, j);
                    Best best = bestRepair(run, score, nearDigits(text, i, j));
                    if (best != null) {
                        long[] e = evidence.computeIfAbsent(best.chain, k -> new long[2]);
                        e[0] += j - i;
                        e[1] += ideographs(best.text);
                    }
                }
                i = j;
            }
        }
        if (evidence.isEmpty()) return Diagnosis.CLEAN;
        final long total = suspicious;
        List<Chain> accepted = new ArrayList<>();
        evidence.entrySet().stream()
                .filter(e -> e.getValue()[0] >= 0.3 * total && e.getValue()[1] >= 4)
                .sorted(Comparator.comparingLong((Map.Entry<Chain, long[]> e) -> -e.getValue()[0]))
                .forEach(e -> accepted.add(e.getKey()));
        return accepted.isEmpty() ? new Diagnosis(List.of(), suspicious) : new Diagnosis(List.copyOf(accepted), suspicious);
    }

    record Best(Chain chain, String text, double score) { }

    /** The chain that turns a suspicious run into text that reads clearly better, or null. */
    static Best bestRepair(String run, double score) {
        return bestRepair(run, score, nearDigits(run, 0, run.length()));
    }

    static Best bestRepair(String run, double score, boolean nearDigits) {
        Best best = null;
        int ideo = ideographs(run);
        for (Chain chain : CHAINS) {
            if (chain.steps().size() > MAX_DEPTH) continue;
            Recoding first = chain.steps().get(0);
            // Latin-1 readings of short runs are too easy to fit by chance (Ä£ → a GBK pair)
            if (first.misreadAs == Recoding.Side.LATIN && run.length() < 4) continue;
            String fixed = chain.undo(run, nearDigits);
            if (fixed == null || fixed.equals(run) || fixed.isEmpty()) continue;
            double s = TextScore.meanOfRepaired(fixed);
            double need = REPAIRED_MIN;
            if (chain.steps().contains(Recoding.BIG5_AS_GBK)) {
                // Big5 decodes almost anything into frequent characters: demand a garbled run that
                // actually holds GBK ideographs (Big5 text read as GBK always does) and a near-perfect result.
                if (ideo * 4 < run.length()) continue;
                need = 0.85;
            }
            if (s < need || s < score + MARGIN) continue;
            if (best == null || s > best.score + 1e-9) best = new Best(chain, fixed, s);
        }
        return best;
    }

    /**
     * Repairs one text under a document's diagnosis, then decodes HTML entities and flags garbage.
     * Counts go to {@code log}: {@code mojibake-repair:<kind>} (characters repaired),
     * {@code html-entities-decoded}, {@code mojibake-unrecoverable} (characters lost).
     */
    public String repair(String text, Diagnosis d, EditLog log) {
        if (text == null || text.isEmpty()) return text;
        String s = text;
        if (!d.clean() && !isAscii(s)) s = undoRuns(s, d, log);
        if (s.indexOf('&') >= 0) s = HtmlEntities.decode(s, log);
        s = flagGarbage(s, log);
        return s;
    }

    /** Convenience for a lone string: diagnose it on its own, then repair. */
    public String repair(String text, EditLog log) {
        return repair(text, diagnose(List.of(text)), log);
    }

    private static String undoRuns(String text, Diagnosis d, EditLog log) {
        StringBuilder out = null;
        int n = text.length();
        int copied = 0;
        int i = 0;
        Map<String, Long> repaired = new LinkedHashMap<>();
        long lost = 0;
        while (i < n) {
            if (text.charAt(i) < 0x80) { i++; continue; }
            int j = runEnd(text, i);
            String run = text.substring(i, j);
            double score = TextScore.mean(run);
            boolean digits = nearDigits(text, i, j);
            for (Chain chain : d.chains()) {
                String fixed = chain.undo(run, digits);
                if (fixed == null || fixed.equals(run)) continue;
                double s = TextScore.meanOfRepaired(fixed);
                boolean better = score < SUSPICIOUS ? s >= SUSPICIOUS && s > score + 0.1 : s > score + 0.05;
                // a garbled run that undoes to nothing but lost bytes and ASCII (骞�1 → �1): report the loss, keep no garbage
                if (!better && score < SUSPICIOUS && fixed.length() <= run.length() && onlyLossAndAscii(fixed)) better = true;
                // Under a document diagnosis every run is garbled, including runs that happen to read well
                // (聽 is UTF-8 C2 A0, a NBSP; ¨´ is GBK A8 B4, the pinyin letter ù): take a clean undo that
                // reads no worse. For Big5, which decodes nearly any GBK bytes cleanly, only into frequent characters.
                boolean big5 = chain.steps().contains(Recoding.BIG5_AS_GBK);
                if (!better && (!big5 || s >= 0.9) && fixed.length() <= run.length()
                        && count(fixed, '\uFFFD') <= count(run, '\uFFFD') && s >= score - 0.05 - 1e-6) {
                    better = true;
                }
                if (!better) continue;
                if (out == null) out = new StringBuilder(n);
                out.append(text, copied, i).append(fixed);
                copied = j;
                repaired.merge(chain.label(Recoding.usesCp1252(run)), (long) fixed.length(), Long::sum);
                lost += count(fixed, '\uFFFD'); // each marks a character whose bytes were lost before we saw the text
                break;
            }
            i = j;
        }
        if (out == null) return text;
        out.append(text, copied, n);
        repaired.forEach((kind, chars) -> {
            log.add("mojibake-repair:" + kind, chars);
            log.note("mojibake-repaired", "text was garbled (" + kind + ") and has been re-decoded");
        });
        if (lost > 0) {
            log.add("mojibake-unrecoverable", lost);
            log.note("mojibake-unrecoverable", "some garbled characters had lost bytes and are marked U+FFFD, not guessed");
        }
        return out.toString();
    }

    /**
     * {@code 锟斤拷} is the GBK reading of UTF-8 U+FFFD U+FFFD: a character was already lost before
     * the text reached us. {@code 烫烫烫}/{@code 屯屯屯} are uninitialised memory (0xCC/0xCD bytes) read
     * as GBK. Neither hides any text: each is replaced by one U+FFFD, counted and flagged.
     */
    private static String flagGarbage(String s, EditLog log) {
        if (s.indexOf('锟') < 0 && s.indexOf('烫') < 0 && s.indexOf('屯') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        long lost = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '锟' && s.startsWith("锟斤拷", i)) {
                int j = i;
                while (s.startsWith("锟斤拷", j)) j += 3;
                sb.append('\uFFFD');
                lost += (j - i) / 3;
                i = j;
                continue;
            }
            if (c == '烫' || c == '屯') {
                int j = i;
                while (j < n && s.charAt(j) == c) j++;
                if (j - i >= 3) {
                    sb.append('\uFFFD');
                    lost += j - i;
                    i = j;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        if (lost == 0) return s;
        log.add("mojibake-unrecoverable", lost);
        log.note("mojibake-unrecoverable", "garbage runs (锟斤拷, 烫烫烫 or 屯屯屯) hide lost text; marked U+FFFD");
        return sb.toString();
    }

    /**
     * End of the garbled-text run starting at {@code i}: non-ASCII characters, plus a single ASCII
     * digit or GBK trail-byte character (0x40–0x7E) between two of them. Multi-byte encodings put ASCII-range bytes inside one
     * character (GB18030 four-byte codes such as NBSP = 81 30 84 36, GBK trail bytes 0x40–0x7E),
     * so a garbled character can show up as {@code \u00810\u00846}; ASCII passes every encoding
     * unchanged, so taking it into the run never hurts.
     */
    static int runEnd(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n && j - i < MAX_RUN) {
            char c = text.charAt(j);
            if (c >= 0x80) { j++; continue; }
            if ((c >= '0' && c <= '9' || c >= 0x40 && c < 0x7F) && j + 1 < n && text.charAt(j + 1) >= 0x80) { j += 2; continue; }
            // the last byte of a GB18030 four-byte code (high, digit, high, digit) read one byte per char
            if (c >= '0' && c <= '9' && j - i >= 3 && text.charAt(j - 1) >= 0x80 && Cjk.isAsciiDigit(text.charAt(j - 2))
                    && text.charAt(j - 3) >= 0x80) {
                j++;
            }
            break;
        }
        return j;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    private static int ideographs(String s) {
        int k = 0;
        for (int i = 0; i < s.length(); i++) if (Cjk.isIdeograph(s.charAt(i))) k++;
        return k;
    }

    /** The run [i, j) holds an ASCII digit or follows one (see {@link Recoding#undo(String, boolean, boolean)}). */
    static boolean nearDigits(String text, int i, int j) {
        for (int k = Math.max(0, i - 2); k < j; k++) if (Cjk.isAsciiDigit(text.charAt(k))) return true;
        return false;
    }

    private static boolean onlyLossAndAscii(String s) {
        boolean loss = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0xFFFD) loss = true;
            else if (c >= 0x80) return false;
        }
        return loss;
    }

    private static long count(String s, char c) {
        long k = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) k++;
        return k;
    }

    /** The kinds a document was diagnosed with, as edit labels (for logs and tests). */
    static List<String> labels(Diagnosis d) {
        List<String> l = new ArrayList<>();
        for (Chain c : d.chains()) l.add(c.label(false));
        return l;
    }
}
