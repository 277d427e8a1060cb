package org.nianbao.ingest.normalize;

/**
 * The canonical punctuation of our output (docs/normalization.md, "Punctuation"): Chinese text uses
 * full-width {@code ，；：？！（）} and {@code 。}; numbers use ASCII digits and ASCII {@code . %};
 * item numbers are written {@code 1.} as the report template writes them. Latin text, URLs, times and
 * numbers keep ASCII punctuation.
 * <ul>
 *   <li>{@code , ;} → {@code ， ；} when the nearest non-space character on either side is Chinese,
 *       unless digits stand on both sides ({@code 1,000});</li>
 *   <li>{@code : ? !} → {@code ： ？ ！} when the character before is Chinese ({@code 电话:0631} →
 *       {@code 电话：0631}; {@code http://} and {@code 10:30} stay);</li>
 *   <li>{@code ( )} → {@code （ ）} as a pair, when the content or either outside neighbour is Chinese
 *       ({@code (一)}, {@code (2021)年}); {@code (see note)} in Latin text stays;</li>
 *   <li>{@code .} after a Chinese character, ending the text or followed by a space or Chinese → {@code 。};</li>
 *   <li>{@code ．} after a digit → {@code .} ({@code 1．属于} → {@code 1.属于}); {@code ％} after a digit → {@code %}.</li>
 * </ul>
 * Thread-safe and stateless.
 */
final class PunctuationPolicy {
    private static final int MAX_PAREN_SPAN = 400;

    private PunctuationPolicy() { }

    static String apply(String s, EditLog log) {
        int n = s.length();
        int i0 = firstCandidate(s);
        if (i0 < 0) return s;
        int[] partner = hasParen(s, i0) ? matchParens(s) : null;
        StringBuilder sb = new StringBuilder(n).append(s, 0, i0);
        long full = 0;
        long ascii = 0;
        for (int i = i0; i < n; i++) {
            char c = s.charAt(i);
            char out = c;
            switch (c) {
                case ',', ';' -> {
                    char p = prevNonSpace(s, i);
                    char q = nextNonSpace(s, i);
                    boolean numeric = Cjk.isAsciiDigit(p) && Cjk.isAsciiDigit(q) && c == ',';
                    if (!numeric && (Cjk.isChineseContext(p) || Cjk.isChineseContext(q))) out = c == ',' ? '，' : '；';
                }
                case ':', '?', '!' -> {
                    if (Cjk.isChineseContext(prevNonSpace(s, i))) out = c == ':' ? '：' : c == '?' ? '？' : '！';
                }
                case '(', '（', ')', '）' -> {
                    boolean chinese = parenIsChinese(s, i, partner == null ? -1 : partner[i]);
                    boolean open = c == '(' || c == '（';
                    if (chinese) out = open ? '（' : '）'; // a full-width pair in Latin text stays as written
                }
                case '.' -> {
                    char p = i > 0 ? s.charAt(i - 1) : 0;
                    char q = i + 1 < n ? s.charAt(i + 1) : 0;
                    if (Cjk.isIdeograph(p) && (q == 0 || q == ' ' || q == '\n' || Cjk.isChineseContext(q))) out = '。';
                }
                case '．' -> {
                    if (i > 0 && Cjk.isAsciiDigit(s.charAt(i - 1))) out = '.';
                }
                case '％' -> {
                    if (i > 0 && Cjk.isAsciiDigit(s.charAt(i - 1))) out = '%';
                }
                default -> { }
            }
            if (out != c) {
                if (out < 0x80) ascii++; else full++;
            }
            sb.append(out);
        }
        if (full == 0 && ascii == 0) return s;
        log.add("punctuation-full-width", full);
        log.add("punctuation-ascii", ascii);
        return sb.toString();
    }

    private static boolean hasParen(String s, int from) {
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '(' || c == ')' || c == '（' || c == '）') return true;
        }
        return false;
    }

    private static int firstCandidate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            switch (s.charAt(i)) {
                case ',', ';', ':', '?', '!', '(', ')', '.', '．', '％', '（', '）':
                    return i;
                default:
                    break;
            }
        }
        return -1;
    }

    /** partner[i] = index of the matching parenthesis (ASCII and full-width match each other), or -1. */
    private static int[] matchParens(String s) {
        int n = s.length();
        int[] partner = new int[n];
        java.util.Arrays.fill(partner, -1);
        int[] stack = new int[64];
        int top = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '（') {
                if (top == stack.length) stack = java.util.Arrays.copyOf(stack, top * 2);
                stack[top++] = i;
            } else if (c == ')' || c == '）') {
                while (top > 0 && i - stack[top - 1] > MAX_PAREN_SPAN) top--; // too far: those never closed
                if (top > 0) {
                    int o = stack[--top];
                    partner[o] = i;
                    partner[i] = o;
                }
            } else if (c == '\n') {
                top = 0; // parentheses do not span lines
            }
        }
        return partner;
    }

    private static boolean parenIsChinese(String s, int i, int j) {
        if (j < 0) {
            // unmatched: judge by its own neighbours
            return Cjk.isChineseContext(prevNonSpace(s, i)) || Cjk.isChineseContext(nextNonSpace(s, i));
        }
        int open = Math.min(i, j);
        int close = Math.max(i, j);
        for (int k = open + 1; k < close; k++) if (Cjk.isChineseContext(s.charAt(k))) return true;
        return Cjk.isChineseContext(prevNonSpace(s, open)) || Cjk.isChineseContext(nextNonSpace(s, close));
    }

    private static char prevNonSpace(String s, int i) {
        for (int k = i - 1; k >= 0; k--) {
            char c = s.charAt(k);
            if (c != ' ' && c != '\t') return c;
            if (i - k > 3) break;
        }
        return 0;
    }

    private static char nextNonSpace(String s, int i) {
        for (int k = i + 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != ' ' && c != '\t') return c;
            if (k - i > 3) break;
        }
        return 0;
    }
}
