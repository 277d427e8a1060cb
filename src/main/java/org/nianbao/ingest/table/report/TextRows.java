package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.Word;

/**
 * Reads lines of text that are really a table's last row(s) pushed over a page break. A one-row part
 * at the top of the next page has no header and at most one ruled box, so no table finder sees a
 * table there and OCR gives it back as a line of text: {@code 四、结转下年度继续办理 0 0 0 0 0 0 0}. Such a
 * line is a label followed by exactly as many figures as the table above has figure columns; laid on
 * the columns of that table's rows with the same number of figures it is a part the stitcher can try
 * to join. Whether it really continues the table is for the stitcher (the template must explain it);
 * this class only reads the shape.
 */
final class TextRows {
    /**
     * A line read as a row: its label (may be empty: table 四's rows are figures only) and figures. A
     * line of labels only (a caption such as {@code 第二十条第（八）项}, a header row) has no figures and
     * its labels, as the gaps between them cut them, in {@code words}.
     */
    record Row(String label, List<String> figures, Box box, List<String> words) {
        boolean labelsOnly() {
            return figures.isEmpty();
        }
    }

    /** A line of labels only is short and not a sentence. */
    static final int MAX_LABEL_LINE = 50;

    /** A block longer than this is running text, never a few table rows. */
    static final int MAX_LINES = 6;
    static final int MAX_CHARS = 200;

    private TextRows() { }

    /**
     * The rows of a paragraph or heading each of whose lines reads as a label followed by figures or as
     * a line of labels only, or null when any line does not (the block is text, kept as it is).
     */
    static List<Row> rows(Block b) {
        String text;
        List<Line> lines;
        if (b instanceof ParagraphBlock p) {
            text = p.text();
            lines = p.lines();
        } else if (b instanceof HeadingBlock h) {
            text = h.text();
            lines = h.lines();
        } else {
            return null;
        }
        if (text == null || text.length() > MAX_CHARS) return null;
        List<Row> out = new ArrayList<>();
        if (!lines.isEmpty()) {
            if (lines.size() > MAX_LINES) return null;
            for (Line l : lines) {
                Row r = row(l.text(), l.box(), l.words());
                if (r == null) r = labels(l.text(), l.box());
                if (r == null) return null;
                out.add(r);
            }
        } else {
            String[] parts = text.split("\n");
            if (parts.length > MAX_LINES) return null;
            for (String s : parts) {
                Row r = row(s, null, List.of());
                if (r == null) r = labels(s, null);
                if (r == null) return null;
                out.add(r);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** A loose line of figures is this short at most (a cell or two set apart from their row). */
    static final int MAX_LOOSE_CHARS = 20;

    /**
     * A paragraph of one line of figures only, too few for a row of their own ({@code 0}): a cell the page
     * reading set apart from the rest of its row, because the figure sits a little higher than the label
     * (seed 67's last row of table 二, {@code 政府集中采购 0} with its second 0 a block of its own).
     */
    static boolean looseFigures(Block b) {
        if (!(b instanceof ParagraphBlock p) || p.lines().size() != 1) return false;
        Line l = p.lines().get(0);
        String s = l.text() == null ? "" : l.text().strip();
        if (l.box() == null || s.isEmpty() || s.length() > MAX_LOOSE_CHARS) return false;
        boolean number = false;
        for (String t : s.split("[\\s\\u3000]+")) {
            if (!isFigure(t)) return false;
            number |= NumberCell.isNumber(t);
        }
        return number && rows(b) == null;
    }

    /**
     * The paragraph with each loose line of figures ({@link #looseFigures}) that is level with one of its
     * lines put into that line, left to right; {@code used[i]} is set for each loose block taken. Level:
     * the two overlap over at least half the lower one's height, and the loose figures overlap none of
     * the line's words. The paragraph itself when none is level.
     */
    static ParagraphBlock withLevelFigures(ParagraphBlock p, List<ParagraphBlock> loose, boolean[] used) {
        boolean changed = false;
        List<Line> lines = new ArrayList<>();
        for (Line l : p.lines()) {
            Line merged = l;
            for (int i = 0; i < loose.size(); i++) {
                if (used[i] || l.box() == null || l.words().isEmpty()) continue;
                Line f = loose.get(i).lines().get(0);
                if (!level(merged, f)) continue;
                merged = joined(merged, f);
                used[i] = true;
                changed = true;
            }
            lines.add(merged);
        }
        if (!changed) return p;
        StringBuilder text = new StringBuilder();
        for (Line l : lines) text.append(text.length() == 0 ? "" : "\n").append(l.text());
        return new ParagraphBlock(text.toString(), lines, p.provenance(), p.warnings());
    }

    private static boolean level(Line l, Line f) {
        Box a = l.box();
        Box b = f.box();
        double overlap = Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
        if (overlap < 0.5 * Math.min(a.height(), b.height())) return false;
        List<Word> fw = f.words().isEmpty() ? List.of(new Word(f.text(), b, f.confidence())) : f.words();
        for (Word w : l.words()) {
            if (w.box() == null) return false;
            for (Word x : fw) {
                if (x.box() == null) return false;
                if (x.box().x() < w.box().right() && w.box().x() < x.box().right()) return false;
            }
        }
        return true;
    }

    /** The line with the loose figures' words put in by their place from left to right. */
    private static Line joined(Line l, Line f) {
        List<Word> fw = f.words().isEmpty() ? List.of(new Word(f.text().strip(), f.box(), f.confidence())) : f.words();
        List<Word> words = new ArrayList<>(l.words());
        double lastRight = 0;
        for (Word w : words) lastRight = Math.max(lastRight, w.box().right());
        boolean after = true;
        for (Word w : fw) after &= w.box().x() >= lastRight;
        words.addAll(fw);
        words.sort(java.util.Comparator.comparingDouble(w -> w.box().x()));
        String text;
        if (after) {
            // the line's own spacing kept, the figures after it
            StringBuilder sb = new StringBuilder(l.text().strip());
            for (Word w : fw) sb.append(' ').append(w.text());
            text = sb.toString();
        } else {
            StringBuilder sb = new StringBuilder();
            for (Word w : words) sb.append(sb.length() == 0 ? "" : " ").append(w.text());
            text = sb.toString();
        }
        Box a = l.box();
        Box b = f.box();
        double x0 = Math.min(a.x(), b.x());
        double y0 = Math.min(a.y(), b.y());
        Box box = new Box(x0, y0, Math.max(a.right(), b.right()) - x0, Math.max(a.bottom(), b.bottom()) - y0);
        return new Line(text, box, Math.min(l.confidence(), f.confidence()), words);
    }

    /**
     * A line as a row: trailing whitespace-separated figures (at least two, one of them a number), the
     * rest the label. OCR often runs the first figure into the label ({@code 继续办理0}): digits ending a
     * label that ends in an ideograph before them are split off as a figure. Null when the line is not
     * of that shape.
     */
    static Row row(String line, Box box, List<Word> words) {
        if (line == null) return null;
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_CHARS) return null;
        String[] tokens = s.split("[\\s\\u3000]+");
        int k = tokens.length;
        while (k > 0 && isFigure(tokens[k - 1])) k--;
        List<String> figures = new ArrayList<>();
        for (int i = k; i < tokens.length; i++) figures.add(tokens[i]);
        String label = String.join("", java.util.Arrays.asList(tokens).subList(0, k));
        // a first figure run into the label: 继续办理0
        int d = label.length();
        while (d > 0 && Character.isDigit(label.charAt(d - 1))) d--;
        // (with a speck read as a full stop between them: 政府集中采购。0)
        int end = withoutTrailingMark(label.substring(0, d)).length();
        if (d < label.length() && end > 0 && LabelKey.isIdeograph(label.charAt(end - 1)) && label.length() - d <= 6) {
            figures.add(0, label.substring(d));
            label = label.substring(0, end);
        }
        int numbers = 0;
        for (String f : figures) if (NumberCell.isNumber(f)) numbers++;
        if (numbers == 0) return null;
        // a speck or the cut end of the cell's rule just after the label, read as a full stop or comma
        // (政府集中采购。0 0): a sentence does not end in a row of figures, so it does not make the line one
        label = withoutTrailingMark(label);
        // figures alone must be a row of them (table 四), not a page number between dashes
        if (label.isEmpty() && numbers < 3) return null;
        // a label is words: not long running text, not a sentence
        if (label.length() > LabelKey.MAX_LABEL_CHARS / 2 || sentence(label)) return null;
        return new Row(label, figures, box, List.of(label));
    }

    /** A line of labels only, cut into labels at its spaces; null for a sentence or a long line. */
    static Row labels(String line, Box box) {
        if (line == null) return null;
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_LABEL_LINE || sentence(s)) return null;
        List<String> words = List.of(s.split("[\\s\\u3000]+"));
        boolean ideograph = false;
        for (int i = 0; i < s.length() && !ideograph; i++) ideograph = LabelKey.isIdeograph(s.charAt(i));
        if (!ideograph) return null;
        return new Row(String.join("", words), List.of(), box, words);
    }

    /** The label without one trailing full stop or comma (the label itself keeps any inside it). */
    static String withoutTrailingMark(String label) {
        if (label.length() < 2) return label;
        char last = label.charAt(label.length() - 1);
        boolean mark = last == '。' || last == '，' || last == '.' || last == ',' || last == '、';
        return mark && LabelKey.isIdeograph(label.charAt(label.length() - 2)) ? label.substring(0, label.length() - 1) : label;
    }

    /** Sentence punctuation: running text, never a table label. */
    private static boolean sentence(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '，') return true;
        }
        return false;
    }

    private static boolean isFigure(String t) {
        if (t.length() > 12) return false;
        if (NumberCell.isNumber(t)) return true;
        // the dashes and slashes reports print in empty cells, but not 无 / 空 (words a label ends in)
        return NumberCell.isBlank(t) && !t.isEmpty() && !LabelKey.isIdeograph(t.charAt(0));
    }

    /**
     * The rows laid on the columns of {@code above} (the table part before them): each row's figures
     * take the columns of the figures of the last row of {@code above} that has as many figures, its
     * label the columns left of them, placed where the template puts that label when the template's
     * label columns are the part's. Null when a row has no such model row: the line has a figure count
     * the table does not have, so it is not one of its rows.
     */
    static Table part(Table above, List<Row> rows, StandardTemplate template) {
        int cols = above.cols();
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.labelsOnly()) {
                List<Cell> laid = labelLine(above, rows, r);
                if (laid == null) return null;
                cells.addAll(laid);
                continue;
            }
            List<Cell> model = modelRow(above, row.figures().size());
            if (model == null) return null;
            int firstValue = model.get(0).col();
            if (row.label().isEmpty() != (firstValue == 0)) return null;
            for (int i = 0; i < model.size(); i++) {
                Cell m = model.get(i);
                cells.add(new Cell(r, m.col(), 1, m.colSpan(), row.figures().get(i), null, 1.0, List.of()));
            }
            if (firstValue == 0) continue;
            int labelCol = labelColumn(template, row.label(), firstValue);
            // left of a sub-row's label the grid stays empty, one cell per column: the stitcher carries the
            // row-spanning labels above over them
            cells.add(new Cell(r, labelCol, 1, firstValue - labelCol, row.label(), row.box(), 1.0, List.of()));
        }
        return Table.normalized(rows.size(), cols, cells).table();
    }

    /**
     * Row {@code r} of the part, a line of labels: a caption (one label) spans the whole table; a
     * header line puts its first label over the label columns of the next row of figures and the rest
     * over its figure columns, one each, or one label over all of them. Null when the line fits neither.
     */
    private static List<Cell> labelLine(Table above, List<Row> rows, int r) {
        List<String> words = rows.get(r).words();
        Box box = rows.get(r).box();
        if (words.size() == 1) return List.of(new Cell(r, 0, 1, above.cols(), words.get(0), box, 1.0, List.of()));
        List<Cell> model = null;
        for (int k = r + 1; k < rows.size() && model == null; k++) {
            if (!rows.get(k).labelsOnly()) model = modelRow(above, rows.get(k).figures().size());
        }
        if (model == null) return null;
        int firstValue = model.get(0).col();
        if (firstValue == 0) return null;
        List<Cell> out = new ArrayList<>();
        out.add(new Cell(r, 0, 1, firstValue, words.get(0), null, 1.0, List.of()));
        if (words.size() == 2) {
            out.add(new Cell(r, firstValue, 1, above.cols() - firstValue, words.get(1), null, 1.0, List.of()));
        } else if (words.size() - 1 == model.size()) {
            for (int i = 0; i < model.size(); i++) {
                out.add(new Cell(r, model.get(i).col(), 1, model.get(i).colSpan(), words.get(i + 1), null, 1.0, List.of()));
            }
        } else {
            return null;
        }
        return out;
    }

    /**
     * The figure cells of the last row of {@code t} that holds exactly {@code n} of them right of its
     * labels (numbers or empty-cell marks, no text among them), left to right; null if none. Cells
     * with no text at all at either end are not figures: the empty rest of a label column, or the
     * columns a table without rules has right of a figure it centres under a wide header.
     */
    static List<Cell> modelRow(Table t, int n) {
        for (int r = t.rows() - 1; r >= 0; r--) {
            List<Cell> inRow = new ArrayList<>();
            for (Cell c : t.cells()) if (c.row() == r) inRow.add(c);
            inRow.sort(java.util.Comparator.comparingInt(Cell::col));
            List<Cell> figures = new ArrayList<>();
            boolean anyNumber = false;
            boolean label = false;
            for (int i = inRow.size() - 1; i >= 0; i--) {
                Cell c = inRow.get(i);
                boolean number = NumberCell.isNumber(c.text());
                if (!number && !NumberCell.isBlank(c.text())) {
                    label = true;
                    break;
                }
                anyNumber |= number;
                figures.add(0, c);
            }
            // a row of figures needs its label left of them, unless the figures fill the row (table 四)
            while (!figures.isEmpty() && figures.get(0).text().isBlank() && figures.size() > n) figures.remove(0);
            while (!figures.isEmpty() && figures.get(figures.size() - 1).text().isBlank() && figures.size() > n) {
                figures.remove(figures.size() - 1);
            }
            if (anyNumber && figures.size() == n && (label || figures.get(0).col() == 0)) return figures;
        }
        return null;
    }

    /**
     * The column the label starts in: the template's, for a template label of that wording that ends
     * where the part's figures start (the grids agree left of the figures); else the first column (the
     * label spans all label columns).
     */
    static int labelColumn(StandardTemplate template, String label, int firstValue) {
        if (template == null) return 0;
        String key = LabelKey.key(label);
        if (key.isEmpty()) return 0;
        char[] bag = LabelKey.bag(key);
        TemplateCell best = null;
        double bestSim = 0.8;
        // the part above may not tell the formats apart (the top of table 三 is the same in both): look
        // the label up in every template of the section, the part's own first
        List<TemplateCell> labels = new ArrayList<>(template.labels());
        for (StandardTemplate t : StandardTemplates.all()) {
            if (t != template && t.section().equals(template.section())) labels.addAll(t.labels());
        }
        for (TemplateCell c : labels) {
            // several rows share a label (3.其他): only one ending where the figures start can be this row
            if (c.col() + c.colSpan() != firstValue) continue;
            String tk = LabelKey.key(c.label());
            double sim = LabelKey.similarity(key, bag, tk, LabelKey.bag(tk));
            if (sim > bestSim || best == null && sim >= bestSim) {
                bestSim = sim;
                best = c;
            }
        }
        return best == null ? 0 : best.col();
    }
}
