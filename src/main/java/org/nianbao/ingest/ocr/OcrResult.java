package org.nianbao.ingest.ocr;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Line;

/**
 * What Tesseract read in one image or region: paragraphs of lines (each with word boxes and
 * confidences, in image pixels), in Tesseract's reading order.
 *
 * @param paragraphs    lines grouped by Tesseract's paragraph analysis
 * @param confidence    mean word confidence 0..100 weighted by characters; 0 when nothing was read
 * @param millis        time the recognition took
 */
public record OcrResult(List<Paragraph> paragraphs, double confidence, long millis) {
    public OcrResult {
        paragraphs = List.copyOf(paragraphs);
    }

    /** Lines of one paragraph, top to bottom. */
    public record Paragraph(List<Line> lines) {
        public Paragraph {
            lines = List.copyOf(lines);
        }
    }

    /**
     * This result with every line passed through {@code repair}; {@code this} itself when the repair
     * returned every line unchanged (the same object), so callers can tell that nothing was done.
     */
    public OcrResult mapLines(java.util.function.UnaryOperator<Line> repair) {
        List<Paragraph> paras = new ArrayList<>(paragraphs.size());
        boolean changed = false;
        for (Paragraph p : paragraphs) {
            List<Line> lines = new ArrayList<>(p.lines().size());
            for (Line line : p.lines()) {
                Line fixed = repair.apply(line);
                changed |= fixed != line;
                lines.add(fixed);
            }
            paras.add(new Paragraph(lines));
        }
        return changed ? new OcrResult(paras, confidence, millis) : this;
    }

    /**
     * This result read from a cut-out, moved onto the page: every box divided by {@code scale} (the
     * cut-out was enlarged by it before reading) and shifted by ({@code dx}, {@code dy}), the cut-out's
     * place on the page. Tesseract's "no box" (all zero) stays as it is.
     */
    public OcrResult moved(double scale, double dx, double dy) {
        if (scale == 1 && dx == 0 && dy == 0) return this;
        List<Paragraph> out = new ArrayList<>(paragraphs.size());
        for (Paragraph p : paragraphs) {
            List<Line> lines = new ArrayList<>(p.lines().size());
            for (Line l : p.lines()) {
                List<org.nianbao.ingest.model.Word> words = new ArrayList<>(l.words().size());
                for (org.nianbao.ingest.model.Word w : l.words()) {
                    words.add(new org.nianbao.ingest.model.Word(w.text(), moved(w.box(), scale, dx, dy), w.confidence()));
                }
                lines.add(new Line(l.text(), moved(l.box(), scale, dx, dy), l.confidence(), words));
            }
            out.add(new Paragraph(lines));
        }
        return new OcrResult(out, confidence, millis);
    }

    private static org.nianbao.ingest.model.Box moved(org.nianbao.ingest.model.Box b, double scale, double dx, double dy) {
        if (b == null || b.x() == 0 && b.y() == 0 && b.width() == 0 && b.height() == 0) return b;
        return new org.nianbao.ingest.model.Box(b.x() / scale + dx, b.y() / scale + dy, b.width() / scale, b.height() / scale);
    }

    public static OcrResult empty(long millis) {
        return new OcrResult(List.of(), 0, millis);
    }

    public List<Line> lines() {
        List<Line> all = new ArrayList<>();
        for (Paragraph p : paragraphs) all.addAll(p.lines());
        return all;
    }

    /** Number of characters read (without spaces). */
    public int characters() {
        int n = 0;
        for (Line l : lines()) {
            String t = l.text();
            for (int i = 0; i < t.length(); i++) if (!Character.isWhitespace(t.charAt(i))) n++;
        }
        return n;
    }

    /** The text, lines separated by newlines and paragraphs by blank lines. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : paragraphs) {
            if (sb.length() > 0) sb.append("\n\n");
            for (int i = 0; i < p.lines().size(); i++) {
                if (i > 0) sb.append('\n');
                sb.append(p.lines().get(i).text());
            }
        }
        return sb.toString();
    }
}
