package org.nianbao.ingest.table.pdf;

import java.util.HashSet;
import java.util.Set;
import org.nianbao.ingest.table.report.StandardTemplate;
import org.nianbao.ingest.table.report.StandardTemplates;
import org.nianbao.ingest.table.report.TemplateCell;

/**
 * The label texts of the standard report tables (and their known variants), as a lexicon for choosing
 * among OCR's readings of a cell: when one reading of a text cell is a known label and another is not
 * (禁 read as 茜 at one size, right at another), the known label is the likelier reading. Only readings
 * the engine produced are chosen from; a cell's text is never replaced by a label nobody read.
 */
public final class CellLexicon {
    private static final Set<String> TEXTS = texts();
    private static final Set<String> LABELS = keys(TEXTS);
    /** The labels as printed, by their letters alone (punctuation left out); letters two labels share map to null. */
    private static final java.util.Map<String, String> BY_LETTERS = byLetters(TEXTS);

    private CellLexicon() { }

    /** The label texts and variants as the templates spell them. */
    private static Set<String> texts() {
        Set<String> out = new HashSet<>();
        for (StandardTemplate t : StandardTemplates.all()) {
            for (TemplateCell c : t.cells()) {
                if (c.value()) continue;
                if (c.label() != null && !c.label().isBlank()) out.add(c.label().strip());
                for (String a : c.aliases()) if (a != null && !a.isBlank()) out.add(a.strip());
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> keys(Set<String> texts) {
        Set<String> out = new HashSet<>();
        for (String t : texts) out.add(key(t));
        return Set.copyOf(out);
    }

    private static java.util.Map<String, String> byLetters(Set<String> labels) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String l : labels) {
            String k = letters(key(l));
            if (k.length() < 3) continue;
            if (out.containsKey(k) && (out.get(k) == null || !key(l).equals(key(out.get(k))))) out.put(k, null);
            else out.put(k, l);
        }
        return out;
    }

    /**
     * The known label a reading is when only its punctuation is off (三本年度办理结果 for 三、本年度办理结果:
     * a small 、 of a vertical label lost; （三不予公开 with its bracket half read; a speck read as a trailing
     * 。): every letter and digit the engine read, in order, and nothing more. Null when the letters are
     * no known label's or are several labels'. The label as the template spells it.
     */
    public static String byLetters(String reading) {
        if (reading == null) return null;
        String k = letters(key(reading));
        return k.length() < 3 ? null : BY_LETTERS.get(k);
    }

    /** Letters, digits and Han characters only. */
    static String letters(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** Whether {@code text} is a known label (spacing, bracket and colon widths aside). */
    public static boolean known(String text) {
        return text != null && !text.isBlank() && LABELS.contains(key(text));
    }

    /** Comparison form: no whitespace, full-width ASCII folded, curly quotes straight, 1、 as 1. */
    static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') continue;
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);
            if (c == '“' || c == '”') c = '"';
            if (c == '、' && i > 0 && Character.isDigit(s.charAt(i - 1))) c = '.';
            sb.append(c);
        }
        return sb.toString();
    }
}
