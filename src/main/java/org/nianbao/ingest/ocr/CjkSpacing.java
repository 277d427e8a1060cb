package org.nianbao.ingest.ocr;

import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Word;

/**
 * Chinese-correct spacing. Tesseract separates every CJK character by a space in every output format
 * (each character is a "word" to it); Chinese text has no spaces between characters, nor between a
 * character and a figure ("受理申请12件"), while Latin words and numbers keep theirs ("PDF 1.7").
 */
public final class CjkSpacing {
    private CjkSpacing() { }

    /** True for characters set on the CJK square grid: Han, kana, CJK and full-width punctuation. */
    public static boolean isWide(int cp) {
        if (cp >= 0x3000 && cp <= 0x30FF) return true;      // CJK punctuation, kana
        if (cp >= 0xFF00 && cp <= 0xFFEF) return true;      // full-width forms (，：（）％)
        if (cp >= 0x2E80 && cp <= 0x2FDF) return true;      // radicals
        if (cp >= 0x31C0 && cp <= 0x31EF) return true;      // strokes
        if (cp >= 0xFE30 && cp <= 0xFE4F) return true;      // vertical forms
        if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x2014 || cp == 0x2026
                || cp == 0x00B7 || cp == 0x2015) return true; // curly quotes, dashes, ellipsis, middle dot used in Chinese
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /**
     * Removes runs of horizontal space (not line breaks) that touch a wide character on either side;
     * every other run (between Latin words and numbers, at the ends of the string) is left as it is.
     */
    public static String strip(String s) {
        if (s == null || s.isEmpty()) return s;
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (isHorizontalSpace(cp)) {
                int j = i;
                while (j < n && isHorizontalSpace(s.codePointAt(j))) j += Character.charCount(s.codePointAt(j));
                boolean inside = out.length() > 0 && j < n;
                if (inside && (isWide(out.codePointBefore(out.length())) || isWide(s.codePointAt(j)))) {
                    i = j; // drop the run
                    continue;
                }
                out.append(s, i, j);
                i = j;
                continue;
            }
            out.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Joins the words of one line. Words are joined without a space when either side of the join is
     * wide; with one space between Latin words; and with one space wherever the gap between two words
     * is wider than {@code columnGap} times the line height (table columns, tab stops), so figures in
     * different columns never run together ("12" "15" stays "12 15", "公开" "12" with a column gap
     * becomes "公开 12").
     */
    public static String joinWords(List<Word> words, double lineHeight) {
        StringBuilder sb = new StringBuilder();
        Word prev = null;
        for (Word w : words) {
            String t = strip(w.text().strip());
            if (t.isEmpty()) continue;
            if (prev != null && sb.length() > 0) {
                int before = sb.codePointBefore(sb.length());
                int after = t.codePointAt(0);
                boolean wideJoin = isWide(before) || isWide(after);
                boolean columnGap = gap(prev.box(), w.box()) > COLUMN_GAP * lineHeight;
                if (!wideJoin || columnGap) sb.append(' ');
            }
            sb.append(t);
            prev = w;
        }
        return sb.toString();
    }

    /** A gap wider than this many line heights between two words separates columns, not characters. */
    static final double COLUMN_GAP = 1.2;

    private static double gap(Box a, Box b) {
        if (a == null || b == null) return 0;
        return b.x() - a.right();
    }

    private static boolean isHorizontalSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == 0x00A0 || cp == 0x3000 || cp == 0x2009 || cp == 0x200A || cp == 0x2002 || cp == 0x2003;
    }
}
