package org.nianbao.ingest.table.report;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a numeric cell. A blank cell ({@code ""}, {@code &nbsp;}, {@code /}, {@code —},
 * {@code 无}) is kept distinct from 0; units written in the cell ({@code 251000元}, {@code 3件}) and
 * explicit signs ({@code +3}, {@code -2}, {@code －2}) are understood; anything else is text.
 */
public final class NumberCell {
    public enum Kind { BLANK, NUMBER, TEXT }

    /**
     * @param kind  blank, number or text
     * @param value the number as a plain decimal string ({@code "12"}, {@code "-3"}, {@code "2.5"}), null unless NUMBER
     * @param unit  the unit written in the cell ({@code 元}, {@code 万元}), "" when none
     */
    public record Parsed(Kind kind, String value, String unit) {
        public boolean isNumber() { return kind == Kind.NUMBER; }

        public BigDecimal decimal() { return value == null ? null : new BigDecimal(value); }
    }

    private static final List<String> BLANKS = List.of("", "&nbsp;", "nbsp", "/", "\\", "-", "--", "—", "——", "–", "―", "─",
            "无", "空", "null", "n/a", "na", "…", "...");
    // Units as reports write them in count and money cells; longest first so 万元 wins over 元.
    private static final Pattern NUMBER = Pattern.compile(
            "^(?:[¥￥])?([+\\-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(万元|亿元|千元|元|万|件|个|项|条|次|宗|人|家|份)?$");

    private NumberCell() { }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Parsed BLANK = new Parsed(Kind.BLANK, null, "");
    private static final Parsed NOT_A_NUMBER = new Parsed(Kind.TEXT, null, "");

    public static Parsed parse(String text) {
        if (text == null) return BLANK;
        if (isPlainDigits(text)) {
            // the common case, kept cheap: tables are mostly plain counts
            String v = text.length() > 1 && text.charAt(0) == '0' ? new BigDecimal(text).toPlainString() : text;
            return new Parsed(Kind.NUMBER, v, "");
        }
        if (text.length() > 200) return NOT_A_NUMBER;
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        s = SPACES.matcher(s.replace('\u00a0', ' ').replace('\u2212', '-')).replaceAll("");
        if (s.length() <= 8 && BLANKS.contains(s.toLowerCase())) return BLANK;
        if (s.length() > 40) return NOT_A_NUMBER;
        Matcher m = NUMBER.matcher(s);
        if (!m.matches()) return NOT_A_NUMBER;
        String digits = m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3));
        BigDecimal v = new BigDecimal(digits);
        if ("-".equals(m.group(1))) v = v.negate();
        String plain = v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
        return new Parsed(Kind.NUMBER, plain, m.group(4) == null ? "" : m.group(4));
    }

    private static boolean isPlainDigits(String t) {
        int n = t.length();
        if (n == 0 || n > 18) return false;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** True for text that reads as a number (with optional unit or sign). */
    public static boolean isNumber(String text) {
        return parse(text).isNumber();
    }

    /** True for text that stands for an empty numeric cell. */
    public static boolean isBlank(String text) {
        return parse(text).kind() == Kind.BLANK;
    }
}
