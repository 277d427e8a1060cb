package org.nianbao.ingest.util;

import java.util.regex.Pattern;

/**
 * Recognises headings in flat text, where no markup says what a heading is. Report sections are
 * numbered {@code 一、} and sub-sections {@code （一）}; a heading is short and has no sentence end.
 */
public final class Headings {
    private static final Pattern SECTION = Pattern.compile("^[一二三四五六七八九十]{1,3}[、.．]\\s*\\S.{0,40}$");
    private static final Pattern SUBSECTION = Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[）)]\\s*\\S.{0,30}$");
    private static final Pattern TITLE = Pattern.compile("^.{2,80}(工作)?年度报告$");

    private Headings() { }

    /** Heading level (1 title, 2 section, 3 sub-section) or 0 when the line reads as running text. */
    public static int level(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 80) return 0;
        if (endsSentence(s)) return 0;
        if (TITLE.matcher(s).matches() && s.contains("政府信息公开")) return 1;
        if (SECTION.matcher(s).matches()) return 2;
        if (SUBSECTION.matcher(s).matches() && s.length() <= 24) return 3;
        return 0;
    }

    private static boolean endsSentence(String s) {
        char last = s.charAt(s.length() - 1);
        return last == '。' || last == '；' || last == ';' || last == '，' || last == ',' || last == '：' || last == ':';
    }
}
