package org.nianbao.ingest.table.text;

import java.util.List;
import org.nianbao.ingest.table.report.LabelKey;

/** Joins the lines of one cell the way the cell was printed: no space between ideographs, one space otherwise. */
final class CellText {
    private CellText() { }

    static String join(List<String> parts) {
        StringBuilder b = new StringBuilder();
        for (String raw : parts) {
            String p = raw.strip();
            if (p.isEmpty()) continue;
            if (b.length() > 0) {
                char last = b.charAt(b.length() - 1);
                char next = p.charAt(0);
                if (!(LabelKey.isIdeograph(last) || LabelKey.isIdeograph(next) || isCjkPunct(last) || isCjkPunct(next))) b.append(' ');
            }
            b.append(p);
        }
        return b.toString();
    }

    private static boolean isCjkPunct(char c) {
        return c >= 0x3000 && c <= 0x303F || c >= 0xFF00 && c <= 0xFFEF || c == '“' || c == '”';
    }

    /** Leading tab count of a line. */
    static int leadingTabs(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '\t') n++;
        return n;
    }
}
