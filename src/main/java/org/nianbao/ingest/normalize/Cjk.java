package org.nianbao.ingest.normalize;

/**
 * Character classes the normalisation steps share. Kept as plain range checks (no regex, no
 * Character.UnicodeScript lookups) because every step calls them once per character.
 */
final class Cjk {
    private Cjk() { }

    /** A Han ideograph: URO, extension A, compatibility block, or a surrogate (extensions B+ are astral). */
    static boolean isIdeograph(char c) {
        return c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF || c >= 0xF900 && c <= 0xFAFF || c == 0x3007;
    }

    /** Ideograph code point, including the astral extensions (B..H). */
    static boolean isIdeograph(int cp) {
        return cp < 0x10000 ? isIdeograph((char) cp) : cp >= 0x20000 && cp <= 0x3FFFF;
    }

    /** CJK punctuation, full-width forms and the curly quotes Chinese text uses. */
    static boolean isCjkPunctuation(char c) {
        return c >= 0x3000 && c <= 0x303F && c != 0x3000 && c != 0x3007
                || c >= 0xFF01 && c <= 0xFF0F || c >= 0xFF1A && c <= 0xFF20 || c >= 0xFF3B && c <= 0xFF40 || c >= 0xFF5B && c <= 0xFF65
                || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026 || c == 0x2014 || c == 0x00B7
                || c == 0xFE30 || c >= 0xFE10 && c <= 0xFE19;
    }

    /** Ideograph or CJK punctuation: what makes a neighbourhood "Chinese context". */
    static boolean isChineseContext(char c) {
        return isIdeograph(c) || isCjkPunctuation(c) || Character.isSurrogate(c);
    }

    /** Horizontal white space of any width (ASCII space, tab, NBSP, ideographic space, en/em spaces). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x3000 || c >= 0x2000 && c <= 0x200A || c == 0x202F || c == 0x205F;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isAsciiAlnum(char c) {
        return isAsciiDigit(c) || isAsciiLetter(c);
    }

    /** Ends a sentence or a clause that a following paragraph would not continue. */
    static boolean endsSentence(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '；' || c == ';' || c == '：' || c == ':'
                || c == '…' || c == '.' || c == '．';
    }
}
