package org.nianbao.ingest.extract.html;

/**
 * Collects the text of one rendered line (a paragraph, a heading, a table cell) from the text nodes
 * under it, collapsing whitespace the way a reader of Chinese expects: source line breaks and spaces
 * next to a CJK character are layout, not content ("要\n求" is "要求", "本年制发<br>件数" in a cell is
 * "本年制发件数"), while a space between two Latin words or numbers stays one space.
 *
 * <p>Also counts how many characters were bold or centred, so a caller can tell a bold line
 * ("一、总体情况" in {@code <strong>}) from a paragraph with a bold run-in phrase.
 */
final class InlineText {
    private static final int NONE = 0;
    /** Ordinary whitespace or a joined line break: dropped next to any CJK character. */
    private static final int SOFT = 1;
    /** A no-break or ideographic space: dropped only between two CJK characters. */
    private static final int HARD = 2;

    private final StringBuilder sb = new StringBuilder();
    private int pending = NONE;
    private int chars;
    private int boldChars;
    private int centredChars;

    /** Appends text as it appears in a text node. */
    void append(CharSequence s, boolean bold, boolean centred) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\u200B' || c == '\uFEFF' || c == '\u00AD' || c == '\u200C' || c == '\u200D') continue; // invisible
            if (c == '\u00A0' || c == '\u3000' || c >= '\u2000' && c <= '\u200A' || c == '\u202F' || c == '\u205F') {
                pending = Math.max(pending, HARD);
                continue;
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                pending = Math.max(pending, SOFT);
                continue;
            }
            if (pending != NONE && sb.length() > 0) {
                char prev = sb.charAt(sb.length() - 1);
                boolean drop = pending == SOFT ? isCjk(prev) || isCjk(c) : isCjk(prev) && isCjk(c);
                if (!drop) sb.append(' ');
            }
            pending = NONE;
            sb.append(c);
            chars++;
            if (bold) boldChars++;
            if (centred) centredChars++;
        }
    }

    /** A line break inside a unit that is read as one line (a {@code <br>} or {@code <p>} inside a table cell). */
    void join() {
        pending = Math.max(pending, SOFT);
    }

    boolean isEmpty() {
        return sb.length() == 0;
    }

    int length() {
        return sb.length();
    }

    boolean allBold() {
        return chars > 0 && boldChars == chars;
    }

    boolean allCentred() {
        return chars > 0 && centredChars == chars;
    }

    /** The collected text, trimmed, and resets the buffer. */
    String take() {
        String s = sb.toString();
        sb.setLength(0);
        pending = NONE;
        chars = 0;
        boldChars = 0;
        centredChars = 0;
        return s;
    }

    /** Han characters, CJK punctuation and full-width forms: text where spaces are not word separators. */
    static boolean isCjk(char c) {
        return c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF' || c >= '\u3000' && c <= '\u303F'
                || c >= '\uFF00' && c <= '\uFFEF' || c >= '\uF900' && c <= '\uFAFF' || c >= '\u2E80' && c <= '\u2FDF'
                || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019' || c == '\u2014' || c == '\u2026'
                || c == '\u00B7' || Character.isSurrogate(c);
    }
}
