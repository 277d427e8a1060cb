package org.nianbao.ingest.table.pdf;

import java.util.regex.Pattern;

/**
 * Numbers in table cells as OCR reads them: whether a reading is a number a report prints (a count
 * {@code 12}, a signed change {@code -2} / {@code +3}, an amount {@code 153.04}, money with its unit
 * {@code 251000元} / {@code 86.50万元}), and the repairs that are safe for a cell known to hold one
 * (spaces inside the figure, full-width digits, letters that are digits' look-alikes, a thousands
 * separator).
 */
public final class CellNumbers {
    /** What reports print in number cells. */
    static final Pattern NUMBER = Pattern.compile("[+-]?(0|[1-9][0-9]*)(\\.[0-9]+)?(万元|元|%)?");
    /** A unit after the figure. */
    static final Pattern UNIT = Pattern.compile("(万元|元|%)$");

    private CellNumbers() { }

    /**
     * A digits-only reading of a cell whose reading with the Chinese model ends in a unit: the unit's
     * character read as one more digit after the figure (元 as 7: {@code 5193007} beside {@code 519300元},
     * seed 89) is dropped, so the two readings vote for one figure. At most one extra digit per character of
     * the unit, and only after the very figure the Chinese reading has; otherwise the reading is returned.
     */
    static String withoutUnitDigits(String digitsOnly, String withUnit) {
        java.util.regex.Matcher m = UNIT.matcher(withUnit);
        if (!m.find() || m.group(1).equals("%") || !isNumber(withUnit) || !isNumber(digitsOnly)) return digitsOnly;
        String figure = withUnit.substring(0, m.start());
        int extra = digitsOnly.length() - figure.length();
        if (extra < 1 || extra > m.group(1).length() || !digitsOnly.startsWith(figure)) return digitsOnly;
        for (int i = figure.length(); i < digitsOnly.length(); i++) if (!Character.isDigit(digitsOnly.charAt(i))) return digitsOnly;
        return figure;
    }

    /**
     * A digits-only reading put beside the Chinese model's reading of the same cell: the unit's character
     * read as a digit dropped ({@link #withoutUnitDigits}), then the Chinese reading's unit given to a
     * figure that has none (the digits-only passes cannot read 元 or 万元).
     */
    static String withUnitOf(String digitsOnly, String withUnit) {
        String d = withoutUnitDigits(digitsOnly, withUnit);
        if (!isNumber(d) || UNIT.matcher(d).find()) return d;
        java.util.regex.Matcher m = UNIT.matcher(withUnit);
        return m.find() ? d + m.group(1) : d;
    }

    /** Whether {@code s} (after {@link #clean}) is a number as reports print them. */
    public static boolean isNumber(String s) {
        return s != null && NUMBER.matcher(s).matches();
    }

    /**
     * A reading of a number cell tidied: whitespace and full-width forms out, look-alike letters in a
     * run of digits turned into the digits ({@code O}/{@code o}/{@code @} → 0, {@code l}/{@code I}/{@code |} → 1),
     * a comma between thousands dropped, a trailing full stop dropped. Returns the tidied text, which may
     * still not be a number ({@link #isNumber}).
     */
    public static String clean(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') continue;
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0); // full-width ASCII
            if (c == '—' || c == '–' || c == '一' && i == 0 && s.length() > 1 && isDigitLike(s.charAt(s.length() - 1))) c = '-';
            sb.append(c);
        }
        // specks read as points or commas before or after the figure (".0", "3,") are not part of it
        String t = sb.toString().replaceAll("^[.,'`·“”\"‘’*]+(?=[0-9+-])", "").replaceAll("(?<=[0-9])[,'`·:：;；]+$", "");
        String unit = "";
        java.util.regex.Matcher um = UNIT.matcher(t);
        if (um.find()) {
            unit = um.group(1);
            t = t.substring(0, um.start());
        }
        boolean digits = t.chars().anyMatch(Character::isDigit);
        if (digits || t.length() <= 2) {
            StringBuilder d = new StringBuilder(t.length());
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                switch (c) {
                    case 'O', 'o', 'D', 'Q', '@' -> d.append('0'); // '@': a 0 with a speck in its hole
                    case 'l', 'I', '|', 'i', '!', ']', '[', '丨' -> d.append('1');
                    case 'S' -> d.append(digits ? '5' : c);
                    case 'B' -> d.append(digits ? '8' : c);
                    case 'Z' -> d.append(digits ? '2' : c);
                    default -> d.append(c);
                }
            }
            t = d.toString();
        }
        // 1,234 → 1234 (reports print plain counts; a comma is a thousands separator or a misread speck)
        if (t.matches("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?")) t = t.replace(",", "");
        if (t.length() > 1 && (t.endsWith(".") || t.endsWith(",")) && Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        // zero has no sign: "+0" in a 本年增/减 column is a speck read as a plus
        if (t.matches("[+-]0(\\.0+)?")) t = t.substring(1);
        return t + unit;
    }

    /**
     * The figure in a reading of a cut-out set {@code copies} times side by side ({@link CellCrop#repeated}):
     * the copies as separate words that all say the same, or run together as one string of equal parts
     * ({@code 000}, {@code 191919}); "" when the copies do not agree (the reading is then no evidence).
     */
    public static String repeated(String reading, int copies) {
        if (reading == null || copies < 1) return "";
        String[] words = reading.strip().split("\\s+");
        if (words.length == copies) {
            String first = clean(words[0]);
            boolean same = isNumber(first);
            for (String w : words) same &= clean(w).equals(first);
            if (same) return first;
        }
        String all = clean(reading);
        if (all.isEmpty() || all.length() % copies != 0) return "";
        int n = all.length() / copies;
        String part = all.substring(0, n);
        for (int c = 1; c < copies; c++) if (!all.startsWith(part, c * n)) return "";
        part = clean(part);
        return isNumber(part) ? part : "";
    }

    private static boolean isDigitLike(char c) {
        return Character.isDigit(c) || c >= '０' && c <= '９';
    }

    /** Share of {@code s}'s non-space characters that are ASCII or full-width digits. */
    public static double digitShare(String s) {
        int n = 0;
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) continue;
            n++;
            if (isDigitLike(c)) d++;
        }
        return n == 0 ? 0 : (double) d / n;
    }

    /** Number of Han characters in {@code s}. */
    public static int han(String s) {
        return org.nianbao.ingest.util.Han.count(s);
    }
}
