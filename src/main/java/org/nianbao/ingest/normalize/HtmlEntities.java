package org.nianbao.ingest.normalize;

import org.jsoup.nodes.Entities;

/**
 * Decodes HTML character references left in text ({@code &#25919;&#24220;}, {@code &#x653F;},
 * {@code &ldquo;}, {@code &nbsp;}), as copied out of page source or double-escaped by a CMS.
 * Only complete references with a terminating semicolon are decoded (plus the bare {@code &nbsp}
 * that broken editors emit); {@code AT&T} or {@code a&b;} with an unknown name stay as they are.
 * A second pass handles double escaping ({@code &amp;#25919;}). Named references come from jsoup's
 * HTML5 table.
 */
final class HtmlEntities {
    private static final int MAX_NAME = 32;

    private HtmlEntities() { }

    static String decode(String s, EditLog log) {
        String once = decodeOnce(s, log);
        if (once != s && once.indexOf('&') >= 0) once = decodeOnce(once, log);
        return once;
    }

    private static String decodeOnce(String s, EditLog log) {
        int amp = s.indexOf('&');
        if (amp < 0) return s;
        StringBuilder sb = null;
        int copied = 0;
        long decoded = 0;
        int n = s.length();
        for (int i = amp; i < n; i = nextAmp(s, i + 1)) {
            if (i < 0) break;
            int end = -1;
            String value = null;
            if (i + 2 < n && s.charAt(i + 1) == '#') {
                boolean hex = s.charAt(i + 2) == 'x' || s.charAt(i + 2) == 'X';
                int j = i + (hex ? 3 : 2);
                int start = j;
                long cp = 0;
                while (j < n && j - start < 8 && digit(s.charAt(j), hex) >= 0) {
                    cp = cp * (hex ? 16 : 10) + digit(s.charAt(j), hex);
                    j++;
                }
                if (j > start && j < n && s.charAt(j) == ';' && validCodePoint(cp)) {
                    value = new String(Character.toChars((int) cp));
                    end = j + 1;
                }
            } else {
                int j = i + 1;
                while (j < n && j - i <= MAX_NAME && Cjk.isAsciiAlnum(s.charAt(j))) j++;
                if (j > i + 1) {
                    String name = s.substring(i + 1, j);
                    if (j < n && s.charAt(j) == ';' && Entities.isNamedEntity(name)) {
                        value = Entities.getByName(name);
                        end = j + 1;
                    } else if (name.equals("nbsp")) {
                        value = "\u00A0";
                        end = j;
                    }
                }
            }
            if (value == null || value.isEmpty()) continue;
            if (sb == null) sb = new StringBuilder(n);
            sb.append(s, copied, i).append(value);
            copied = end;
            decoded++;
        }
        if (sb == null) return s;
        sb.append(s, copied, n);
        log.add("html-entities-decoded", decoded);
        return sb.toString();
    }

    private static int nextAmp(String s, int from) {
        return from >= s.length() ? -1 : s.indexOf('&', from);
    }

    private static int digit(char c, boolean hex) {
        if (c >= '0' && c <= '9') return c - '0';
        if (hex && c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (hex && c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** Text characters only: no NUL, controls, surrogates or out-of-range values. */
    private static boolean validCodePoint(long cp) {
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') return false;
        if (cp >= 0x7F && cp < 0xA0) return false;
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;
        return cp <= 0x10FFFF;
    }
}
