package org.nianbao.ingest.extract.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Glyphs grouped into lines by their baselines: top to bottom, each group's glyphs left to right as
 * sorted. Shared by the page's text layout, the cells of ruled tables and the aligned-columns fallback,
 * so that all three agree on what one line is.
 */
public final class BaselineGroups {
    /**
     * Glyphs within this share of the larger type size of their baseline sit on one line: superscripts
     * and a mixed-size run stay together, the next line (about 1.2–1.5 em below) does not.
     */
    public static final double SAME_LINE = 0.35;

    private BaselineGroups() { }

    /** Groups of glyphs, one per line, top to bottom; within a group, left to right. */
    public static List<List<PdfGlyph>> of(List<PdfGlyph> glyphs) {
        List<PdfGlyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(PdfGlyph::baseline).thenComparingDouble(PdfGlyph::x));
        List<List<PdfGlyph>> groups = new ArrayList<>();
        List<PdfGlyph> cur = null;
        double base = 0;
        double size = 0;
        for (PdfGlyph g : sorted) {
            if (cur != null && Math.abs(g.baseline() - base) <= SAME_LINE * Math.max(size, g.size())) {
                cur.add(g);
                continue;
            }
            cur = new ArrayList<>();
            cur.add(g);
            groups.add(cur);
            base = g.baseline();
            size = g.size();
        }
        return groups;
    }
}
