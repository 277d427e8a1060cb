package org.nianbao.ingest.util;

/**
 * How plausible a string is as Chinese (or plain ASCII) report text, 0..1. Used to choose between
 * decodings; mojibake has rare CJK, Latin-1 letters mixed with CJK, private-use and replacement chars.
 */
public final class TextPlausibility {
    private TextPlausibility() { }

    public static double score(String s) {
        int n = Math.min(s.length(), 200_000);
        if (n == 0) return 1;
        double good = 0;
        double bad = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                good += (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') ? 1 : -1;
            } else if (c >= 0x4E00 && c <= 0x9FFF) {
                good += CommonHanzi.isVeryCommon(c) || CommonHanzi.isFrequentTraditional(c) ? 1 : CommonHanzi.isCommon(c) ? 0.4 : 0.1;
            } else if (c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFFEF || c == 0x201C || c == 0x201D
                    || c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026 || c == 0x00B7) {
                good += 1; // CJK punctuation, full-width forms, curly quotes, dashes
            } else if (c == 0xFFFD || c >= 0xE000 && c <= 0xF8FF || Character.isISOControl(c)) {
                bad += 3;
            } else if (c >= 0x00C0 && c <= 0x024F || c >= 0x0080 && c <= 0x00BF) {
                bad += 1; // Latin-1 letters and symbols among Chinese are the mark of GBK/UTF-8 read as Latin-1
            } else if (Character.isSurrogate(c)) {
                good += 0.2;
            } else {
                good += 0.3;
            }
        }
        return Math.max(0, (good - bad)) / n;
    }
}
