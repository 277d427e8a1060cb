package org.nianbao.ingest.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts Tesseract's ASCII punctuation back to the full-width forms Chinese print uses. The Chinese
 * models read a printed {@code （} {@code ，} {@code ：} as ASCII far more often than not, because the
 * glyphs only differ by the white space around them. Only punctuation touching a Chinese character is
 * changed, so {@code 1,234}, {@code http://} and English phrases stay as they are.
 */
public final class OcrPunctuation {
    private OcrPunctuation() { }

    public static String fix(String s) {
        return fix(s, new QuoteState());
    }

    /** A year in the brackets of a document number, 国办公开办函〔2021〕30号, read with square brackets. */
    private static final java.util.regex.Pattern DOC_NUMBER_YEAR =
            java.util.regex.Pattern.compile("[【\\[［〔]\\s*((?:19|20)\\d\\d)\\s*[】\\]］〕](?=\\s*第?\\d{1,4}\\s*号)");

    /**
     * Which double quote comes next in a paragraph: Chinese quotes open and close in turn, and a
     * quotation may run over several lines, so the state is carried from line to line.
     */
    public static final class QuoteState {
        boolean open;
    }

    /**
     * The repairs that need a paragraph's lines together (a document number or a bracket pair broken over
     * two lines), in order: document-number years, parentheses read as angle brackets, nested titles.
     * Lines keep their number; their lengths change only by whitespace inside a repaired document number.
     */
    public static List<String> fixParagraph(List<String> lines) {
        return nestTitles(parenthesesReadAsAngles(docNumberYears(lines)));
    }

    /**
     * {@link #DOC_NUMBER_YEAR} across the lines of a paragraph: a document number broken after its year
     * (国办公开办函【2021 ] / 30号) is not seen by the per-line repair, whose look-ahead needs the 号 on the
     * same line.
     */
    static List<String> docNumberYears(List<String> lines) {
        if (lines.size() < 2) return lines;
        String all = String.join("\n", lines);
        java.util.regex.Matcher m = DOC_NUMBER_YEAR.matcher(all);
        if (!m.find()) return lines;
        StringBuilder sb = new StringBuilder(all.length());
        int at = 0;
        do {
            sb.append(all, at, m.start());
            String hit = m.group();
            // the brackets become 〔 〕 and the spaces go; a line break inside the number stays where it was
            StringBuilder fixed = new StringBuilder("〔");
            for (int i = 1; i < hit.length(); i++) {
                char c = hit.charAt(i);
                if (c == '\n' || Character.isDigit(c)) fixed.append(c);
                else if (!Character.isWhitespace(c)) fixed.append('〕');
            }
            sb.append(fixed);
            at = m.end();
        } while (m.find());
        sb.append(all, at, all.length());
        List<String> out = List.of(sb.toString().split("\n", -1));
        return out.size() == lines.size() ? out : lines;
    }

    /**
     * An opening parenthesis read as {@code 〈}: the Song face's （ is a thin curve the model takes for the
     * angle bracket (the document number after a nested title, 〈国办公开办函〔2021〕30号）). A {@code 〈} whose
     * next bracket of any kind is a closing parenthesis is the opening one: an angle bracket is closed by
     * {@code 〉} (or a {@code 》} the model made of it), never by {@code ）}. Run before {@link #nestTitles},
     * which gives up on a paragraph whose marks do not pair.
     */
    static List<String> parenthesesReadAsAngles(List<String> lines) {
        String all = String.join("", lines);
        if (all.indexOf('〈') < 0) return lines;
        boolean[] paren = new boolean[all.length()];
        boolean any = false;
        for (int i = 0; i < all.length(); i++) {
            if (all.charAt(i) != '〈') continue;
            for (int k = i + 1; k < all.length(); k++) {
                char c = all.charAt(k);
                if ("（(〈《〉》".indexOf(c) >= 0) break;
                if (c == '）' || c == ')') {
                    paren[i] = true;
                    any = true;
                    break;
                }
            }
        }
        if (!any) return lines;
        List<String> out = new ArrayList<>(lines.size());
        int at = 0;
        for (String l : lines) {
            StringBuilder sb = new StringBuilder(l);
            for (int i = 0; i < l.length(); i++) if (paren[at + i]) sb.setCharAt(i, '（');
            out.add(sb.toString());
            at += l.length();
        }
        return out;
    }

    /**
     * A title inside a title is marked 〈 〉, which the model reads as 《 》. Only a paragraph whose title
     * marks are complete and properly nested (《…《…》…》) is changed: with a mark missed or added by
     * the model, nothing can be told and the marks stay as read. Lines keep their lengths.
     */
    public static List<String> nestTitles(List<String> lines) {
        String all = String.join("", lines);
        boolean[] inner = nestedTitles(all);
        List<String> out = new ArrayList<>(lines.size());
        int at = 0;
        for (String l : lines) {
            StringBuilder sb = new StringBuilder(l);
            for (int i = 0; i < l.length(); i++) {
                if (inner[at + i]) sb.setCharAt(i, l.charAt(i) == '《' || l.charAt(i) == '〈' ? '〈' : '〉');
            }
            out.add(sb.toString());
            at += l.length();
        }
        return out;
    }

    private static boolean[] nestedTitles(String s) {
        boolean[] inner = new boolean[s.length()];
        int depth = 0;
        boolean nested = false;
        int[] opens = new int[3];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '《' || c == '〈') {
                if (depth == 2) return new boolean[s.length()];
                opens[depth++] = i;
            } else if (c == '》' || c == '〉') {
                if (depth == 0) return new boolean[s.length()];
                depth--;
                if (depth == 1) {
                    inner[opens[1]] = true;
                    inner[i] = true;
                    nested = true;
                }
            }
        }
        return depth == 0 && nested ? inner : new boolean[s.length()];
    }

    /** Fixes one line of a paragraph; {@code quotes} carries the quote parity to the next line. */
    public static String fix(String s, QuoteState quotes) {
        if (s == null || s.isEmpty()) return s;
        s = DOC_NUMBER_YEAR.matcher(s).replaceAll("〔$1〕");
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        boolean[] widePair = parenthesesToWiden(s);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int prev = i > 0 ? s.codePointBefore(i) : -1;
            int next = i + 1 < n ? s.codePointAt(i + 1) : -1;
            boolean hanBefore = prev >= 0 && isHan(prev);
            boolean hanAfter = next >= 0 && isHan(next);
            switch (c) {
                case ',' -> out.append(hanBefore || hanAfter && !isDigit(prev) ? '，' : c);
                case ';' -> out.append(hanBefore || hanAfter ? '；' : c);
                case ':' -> out.append(hanBefore && next != '/' ? '：' : c);
                case '?' -> out.append(hanBefore ? '？' : c);
                // a sentence of Chinese ends in 。; the model often reads it as . or o
                case '.', 'o', 'O', '°' -> out.append(hanBefore && (next < 0 || next == ' ' || isHan(next) && c != '.' || c == '.' && !isDigit(next) && !isLatin(next)) && !isLatin(prevPrev(s, i)) ? '。' : c);
                case '!' -> out.append(hanBefore ? '！' : c);
                // a lone hyphen opening a clause of Chinese is the numeral 一 (。一是…；二是…): Chinese
                // running text has no hyphen, and its dash is the double ——
                case '-' -> out.append(hanAfter && next != '一' && (prev >= 0 && "。；，：;,".indexOf(prev) >= 0
                        || prev == '.' && i >= 2 && isHan(s.codePointBefore(i - 1))) ? '一' : c);
                case '(' -> out.append(widePair[i] || hanBefore ? '（' : c);
                case ')' -> out.append(widePair[i] || hanAfter ? '）' : c);
                case '“', '”', '"', '\'' -> {
                    // Chinese text quotes with “ ”; the model confuses the two and reads them as ASCII
                    // " or even '. Which one it is comes from the neighbours first (a quote before a
                    // comma or 的 closes, one after a comma or at the start opens), then from the
                    // open/close alternation. A lone apostrophe between Chinese characters with no
                    // partner on the line is a speck read as a mark and is dropped.
                    boolean ascii = c == '"' || c == '\'';
                    if (ascii && !hanBefore && !hanAfter && !isCjkPunct(prev) && !isCjkPunct(next)) {
                        out.append(c);
                        break;
                    }
                    if (c == '\'' && !quotes.open && !hasQuoteAfter(s, i) && hanBefore && hanAfter) break;
                    boolean close;
                    if (next >= 0 && CLOSES_BEFORE.indexOf(next) >= 0) close = true;
                    else if (prev < 0 || OPENS_AFTER.indexOf(prev) >= 0) close = false;
                    else if (c == '“' && !quotes.open || c == '”' && quotes.open) close = c == '”';
                    else close = quotes.open;
                    out.append(close ? '”' : '“');
                    quotes.open = !close;
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Marks both parentheses of each pair (same line, at most 60 characters apart) that sits in Chinese
     * text: a Chinese character just before the pair, just after it, or inside it.
     */
    private static boolean[] parenthesesToWiden(String s) {
        boolean[] wide = new boolean[s.length()];
        int open = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                open = -1;
            } else if (c == '(' || c == '（') {
                open = i;
            } else if ((c == ')' || c == '）') && open >= 0 && i - open <= 60) {
                boolean han = open > 0 && isHan(s.codePointBefore(open)) || i + 1 < s.length() && isHan(s.codePointAt(i + 1));
                for (int k = open + 1; k < i && !han; k++) han = isHan(s.charAt(k));
                if (han) {
                    wide[open] = true;
                    wide[i] = true;
                }
                open = -1;
            }
        }
        return wide;
    }

    /** A quote just before one of these closes a quotation. */
    private static final String CLOSES_BEFORE = "，。、；：！？）》的…";
    /** A quote just after one of these opens one. */
    private static final String OPENS_AFTER = "，。、；：！？（《 ";

    private static boolean isCjkPunct(int cp) {
        return cp >= 0 && (CLOSES_BEFORE.indexOf(cp) >= 0 || OPENS_AFTER.indexOf(cp) >= 0);
    }

    private static boolean hasQuoteAfter(String s, int i) {
        for (int k = i + 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '"' || c == '\'' || c == '”' || c == '“') return true;
        }
        return false;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || cp == '（' || cp == '）' || cp == '，' || cp == '。' || cp == '、' || cp == '“' || cp == '”' || cp == '《' || cp == '》';
    }

    private static boolean isLatin(int cp) {
        return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z';
    }

    /** The character before the previous one (-1 at the start). */
    private static int prevPrev(String s, int i) {
        return i >= 2 ? s.charAt(i - 2) : -1;
    }

    private static boolean isDigit(int cp) {
        return cp >= '0' && cp <= '9';
    }
}
