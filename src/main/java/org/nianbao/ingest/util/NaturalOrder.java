package org.nianbao.ingest.util;

import java.util.Comparator;
import java.util.Locale;

/**
 * File names in the order a person reads them: runs of digits compare as numbers, so
 * {@code page-2.jpg} comes before {@code page-10.jpg} (plain string order puts 10 first). Ties between
 * equal numbers written differently ({@code p2} and {@code p02}) and between cases fall back to plain
 * order, so the order is total and repeatable.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() { }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int c = compareNumbers(a.substring(i, ei), b.substring(j, ej));
                if (c != 0) return c;
                i = ei;
                j = ej;
                continue;
            }
            int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
            if (c != 0) return c;
            i++;
            j++;
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        if (c != 0) return c;
        c = a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
        return c != 0 ? c : a.compareTo(b);
    }

    /** ASCII and full-width digits (scanning software on Chinese systems may write the latter). */
    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        // bounded by the string; a name of thousands of digits still compares correctly (as text)
        while (k < s.length() && isDigit(s.charAt(k))) k++;
        return k;
    }

    /** Numeric comparison of two digit runs of any length: no overflow, leading zeros ignored. */
    private static int compareNumbers(String x, String y) {
        String a = stripZeros(ascii(x));
        String b = stripZeros(ascii(y));
        if (a.length() != b.length()) return Integer.compare(a.length(), b.length());
        return a.compareTo(b);
    }

    static String ascii(String digits) {
        StringBuilder sb = new StringBuilder(digits.length());
        for (int k = 0; k < digits.length(); k++) {
            char c = digits.charAt(k);
            sb.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        return sb.toString();
    }

    private static String stripZeros(String s) {
        int k = 0;
        while (k < s.length() - 1 && s.charAt(k) == '0') k++;
        return s.substring(k);
    }
}
