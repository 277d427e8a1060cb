package org.nianbao.ingest.extract.pdf;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.CjkSpacing;

/**
 * Builds visual lines from a page's glyphs: glyphs on one baseline (within a third of the type size)
 * form a line, read left to right; a line is cut into words at gaps and at space glyphs, and the words
 * are joined the Chinese way ({@link CjkSpacing#joinWords}): no space between Chinese characters, a
 * space between Latin words and across table column gaps.
 */
final class PdfTextLayout {
    /** A gap wider than this share of the type size ends a word. */
    private static final double WORD_GAP = 0.15;

    private PdfTextLayout() { }

    /** Lines top to bottom. */
    static List<Line> lines(List<PdfGlyph> glyphs) {
        List<List<PdfGlyph>> groups = BaselineGroups.of(glyphs);
        List<Line> lines = new ArrayList<>();
        for (List<PdfGlyph> group : groups) {
            Line l = line(group);
            if (l != null) lines.add(l);
        }
        return lines;
    }

    private static Line line(List<PdfGlyph> glyphs) {
        glyphs.sort(Comparator.comparingDouble(PdfGlyph::x));
        List<Word> words = new ArrayList<>();
        List<Boolean> spaceBefore = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double x0 = 0, x1 = 0, top = 0, bottom = 0;
        boolean open = false;
        boolean sawSpace = false;
        PdfGlyph prev = null;
        double lineTop = Double.MAX_VALUE, lineBottom = -Double.MAX_VALUE, size = 0;
        for (PdfGlyph g : glyphs) {
            boolean space = g.text().isBlank();
            boolean gap = prev != null && g.x() - prev.right() > WORD_GAP * Math.max(g.size(), prev.size());
            if (open && (space || gap)) {
                words.add(new Word(text.toString(), new Box(x0, top, x1 - x0, bottom - top), 100));
                text.setLength(0);
                open = false;
            }
            if (space) {
                sawSpace = true;
            } else {
                lineTop = Math.min(lineTop, g.top());
                lineBottom = Math.max(lineBottom, g.bottom());
                size = Math.max(size, g.size());
                if (!open) {
                    x0 = g.x();
                    top = g.top();
                    bottom = g.bottom();
                    open = true;
                    spaceBefore.add(sawSpace);
                    sawSpace = false;
                }
                text.append(g.text());
                x1 = Math.max(x1, g.right());
                if (x1 < x0) x1 = x0;
                top = Math.min(top, g.top());
                bottom = Math.max(bottom, g.bottom());
            }
            prev = g;
        }
        if (open) words.add(new Word(text.toString(), new Box(x0, top, x1 - x0, bottom - top), 100));
        if (words.isEmpty()) return null;
        Word first = words.get(0);
        Word last = words.get(words.size() - 1);
        Box box = new Box(first.box().x(), lineTop, Math.max(0, last.box().right() - first.box().x()), lineBottom - lineTop);
        return new Line(join(words, spaceBefore, Math.max(size, 1)), box, 100, words);
    }

    /**
     * Joins the words of a text-layer line. A space the author typed is kept unless it sits between two
     * Chinese characters (justification); where there is only a gap, the OCR rule applies: no space
     * next to a Chinese character unless the gap is a column gap.
     */
    private static String join(List<Word> words, List<Boolean> spaceBefore, double size) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String t = words.get(i).text();
            if (i > 0 && sb.length() > 0 && !t.isEmpty()) {
                int before = sb.codePointBefore(sb.length());
                int after = t.codePointAt(0);
                boolean wide = CjkSpacing.isWide(before) || CjkSpacing.isWide(after);
                boolean bothWide = CjkSpacing.isWide(before) && CjkSpacing.isWide(after);
                double gap = words.get(i).box().x() - words.get(i - 1).box().right();
                boolean column = gap > 1.2 * size;
                if (column || (spaceBefore.get(i) ? !bothWide : !wide)) sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    /**
     * Kangxi radicals (U+2F00–U+2FD5) that WPS and Word put in text layers instead of the ideographs
     * they look like (⼀ for 一, ⼈ for 人), mapped to the ideographs by Unicode compatibility
     * decomposition. Returns the text and how many were mapped.
     */
    static String mapKangxi(String s, int[] mapped) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isKangxi(c)) {
                String n = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
                if (!n.equals(String.valueOf(c))) {
                    if (sb == null) sb = new StringBuilder(s.substring(0, i));
                    sb.append(n);
                    mapped[0]++;
                    continue;
                }
            }
            if (sb != null) sb.append(c);
        }
        return sb == null ? s : sb.toString();
    }

    static boolean isKangxi(int c) {
        return c >= 0x2F00 && c <= 0x2FDF || c >= 0x2E80 && c <= 0x2EFF;
    }
}
