package org.nianbao.ingest.normalize;

import org.nianbao.ingest.util.CommonHanzi;

/**
 * How plausible a run of non-ASCII characters is as Chinese report text, about -2..1 per character
 * (mean over the run). Clean simplified or traditional prose scores above 0.85; mojibake scores low
 * because it is made of rare ideographs, Latin-1 letters among Chinese, symbols from the GBK symbol
 * rows (kana, Greek, Cyrillic, box drawing), private-use and replacement characters.
 *
 * <p>Used only to compare a run with its candidate repairs, never as an absolute verdict on text.
 */
final class TextScore {
    /** The score of every BMP character, computed once: scoring runs on every non-ASCII run of every text. */
    private static final float[] TABLE = new float[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) TABLE[c] = (float) compute((char) c);
    }

    private TextScore() { }

    static double mean(CharSequence s, int from, int to) {
        if (to <= from) return 1;
        double sum = 0;
        for (int i = from; i < to; i++) sum += TABLE[s.charAt(i)];
        return sum / (to - from);
    }

    static double mean(CharSequence s) {
        return mean(s, 0, s.length());
    }

    /**
     * Mean over the characters other than U+FFFD: for a repaired run, a replacement character marks
     * bytes lost before we saw the text; it is damage to report, not evidence that the repair is wrong.
     */
    static double meanOfRepaired(CharSequence s) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0xFFFD) continue;
            sum += TABLE[c];
            n++;
        }
        return n == 0 ? -2 : sum / n;
    }

    /** Score of one character. */
    static double of(char c) {
        return TABLE[c];
    }

    private static double compute(char c) {
        if (c < 0x80) return c >= 0x20 || c == '\n' || c == '\r' || c == '\t' ? 0.5 : -2;
        if (c >= 0x4E00 && c <= 0x9FFF) {
            if (CommonHanzi.isVeryCommon(c)) return 1;
            if (CommonHanzi.isFrequentTraditional(c)) return 0.95;
            if (CommonHanzi.isCommon(c)) return 0.45;
            return -0.6; // GBK-only or Big5 level-2 ideographs: names use a few, mojibake is full of them
        }
        switch (c) {
            case '，', '。', '、', '：', '；', '（', '）', '《', '》', '“', '”', '‘', '’', '【', '】', '—', '…', '·', '！', '？',
                 '「', '」', '『', '』', '〔', '〕', '〈', '〉', '％', '．', '～', '－', '／', '　', '\u00A0':
                return 1;
            case '℃', '‰', '×', '÷', '±', '≤', '≥', '№', '√', '■', '□', '●', '○', '★', '☆', '▲', '△', '◆', '◇', '→', '←',
                 '–', '•', '°', '¥', '￥', '®', '©', '™', '〇':
                return 0.3;
            default:
                break;
        }
        if (c == 0xFFFD) return -2;
        if (c >= 0xE000 && c <= 0xF8FF) return -2;   // private use: GBK user-defined rows, broken fonts
        if (c < 0xA0) return -2;                       // C1 controls
        if (c <= 0x024F) return -1;                    // Latin-1 supplement and Latin Extended: GBK/UTF-8 read as Latin-1
        if (c >= 0x2460 && c <= 0x24FF || c >= 0x2160 && c <= 0x217F || c >= 0x3220 && c <= 0x3243 || c >= 0x2474 && c <= 0x249B) {
            return 0.3;                                // circled/parenthesised numbers and Roman numerals used as list markers
        }
        if (c >= 0x3400 && c <= 0x4DBF || c >= 0xF900 && c <= 0xFAFF) return -1; // extension A, compatibility ideographs
        if (c >= 0x3000 && c <= 0x303F || c >= 0xFF01 && c <= 0xFF5E) return 0.6; // other CJK punctuation, full-width ASCII
        if (Character.isSurrogate(c)) return -0.5;
        // kana, Hangul, Greek, Cyrillic, box drawing, math, bopomofo: the symbol rows of GBK/Big5
        return -1;
    }
}
