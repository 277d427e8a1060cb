package org.nianbao.ingest.eval.score;

/**
 * How the scorer compares text. Whitespace never counts (Tesseract and PDF extraction space CJK
 * text arbitrarily; line breaks inside a paragraph are layout, not content) and full-width ASCII
 * forms equal their ASCII forms ({@code ，} = {@code ,}, {@code （} = {@code (}), since captures
 * differ in punctuation width and both are correct Chinese text. Everything else counts: a
 * traditional character, a mojibake character or a missing character is an error.
 */
public final class TextNorm {
    private TextNorm() { }

    /** Text for character error rates: no whitespace, full-width ASCII folded. */
    public static String forCer(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u200B' || c == '\uFEFF') continue;
            sb.append(fold(c));
        }
        return sb.toString();
    }

    /** A table label or value as a parser would compare it: also {@code 1、} = {@code 1.} and straight = curly quotes. */
    public static String forCell(String s) {
        String t = forCer(s);
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '“' || c == '”' || c == '"') sb.append('"');
            else if (c == '、' && i > 0 && Character.isDigit(t.charAt(i - 1))) sb.append('.');
            else sb.append(c);
        }
        return sb.toString();
    }

    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') return (char) (c - 0xFEE0);
        return c;
    }
}
