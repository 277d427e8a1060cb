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
    private static final Set<String> LABELS = load();

    private CellLexicon() { }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        for (StandardTemplate t : StandardTemplates.all()) {
            for (TemplateCell c : t.cells()) {
                if (c.value()) continue;
                if (c.label() != null && !c.label().isBlank()) out.add(key(c.label()));
                for (String a : c.aliases()) if (a != null && !a.isBlank()) out.add(key(a));
            }
        }
        return Set.copyOf(out);
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
