package org.nianbao.ingest.output;

import java.util.List;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;

/**
 * Renders the {@code .txt} hand-off (docs/output-format.md): one paragraph per line, headings on
 * their own lines, each table a block of {@code " | "}-separated grid rows with a blank line before and
 * after, every row with the full column count and merged text repeated, so every row reads on its own.
 */
public final class TextWriter {
    /** Cell separator; a literal "|" inside cell text is written as full-width "｜" so rows always split cleanly. */
    public static final String SEPARATOR = " | ";
    /**
     * Repeating merged text is bounded: when it would make a table's text more than {@link #REPEAT_FACTOR}
     * times its cells' own text (plus {@link #REPEAT_SLACK} characters), merged text is written once, at
     * the cell's top-left position. Real tables never come near (a standard table's repeated headers and
     * row labels add a few times its text at most); a hostile page with one cell spanning 1,000 columns
     * by 300 rows would otherwise turn 70 KB of input into 100 MB of text.
     */
    static final long REPEAT_SLACK = 4096;
    static final int REPEAT_FACTOR = 16;

    private TextWriter() { }

    public static String render(Document doc) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(doc, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Streams the text to {@code w}: a table-dense capture of 50 MB has some 35 million characters of
     * text, which as one string (and the builder's copies while it grows) took hundreds of MB at once.
     */
    public static void write(Document doc, java.io.Writer w) throws java.io.IOException {
        Lines out = new Lines(w);
        for (Block b : doc.blocks()) {
            if (b instanceof TableBlock t) {
                if (t.table().rows() == 0 || t.table().cols() == 0) continue;
                out.blankLine();
                String[][] grid = repeatMerged(t.table()) ? t.table().textGrid() : anchoredGrid(t.table());
                StringBuilder line = new StringBuilder();
                for (String[] row : grid) {
                    line.setLength(0);
                    for (int c = 0; c < row.length; c++) {
                        if (c > 0) line.append(SEPARATOR);
                        line.append(cellText(row[c]));
                    }
                    out.text(line);
                    out.newline();
                }
                out.newline();
                continue;
            }
            String line;
            if (b instanceof ImageBlock i) line = imageText(i);
            else line = oneLine(b.text()); // headings and paragraphs
            if (line.isEmpty()) continue;
            out.text(line);
            out.newline();
        }
        out.end();
    }

    /**
     * Text and line breaks on their way out. Line breaks are held back until more text follows, so
     * blank lines are never doubled and the document ends with exactly one newline, without ever
     * looking back at what was written.
     */
    private static final class Lines {
        private final java.io.Writer w;
        private int pendingNewlines;
        private boolean any;

        Lines(java.io.Writer w) {
            this.w = w;
        }

        void text(CharSequence s) throws java.io.IOException {
            if (s.length() == 0) return;
            for (; pendingNewlines > 0; pendingNewlines--) w.write('\n');
            w.append(s);
            any = true;
        }

        void newline() {
            pendingNewlines++;
        }

        /** A blank line before what follows (none at the very start). */
        void blankLine() {
            if (any || pendingNewlines > 0) pendingNewlines = Math.max(pendingNewlines, 2);
        }

        void end() throws java.io.IOException {
            if (any) w.write('\n');
        }
    }

    /** Whether repeating this table's merged text stays within the bounds above. */
    static boolean repeatMerged(Table table) {
        long once = 0;
        long repeated = 0;
        for (Cell c : table.cells()) {
            long len = c.text() == null ? 0 : c.text().length();
            once += len;
            repeated += len * Math.max(1, c.rowSpan()) * (long) Math.max(1, c.colSpan());
        }
        return repeated <= REPEAT_FACTOR * once + REPEAT_SLACK;
    }

    /** The grid with each cell's text only at its top-left position (every other position empty). */
    private static String[][] anchoredGrid(Table table) {
        String[][] grid = new String[table.rows()][table.cols()];
        for (String[] row : grid) java.util.Arrays.fill(row, "");
        for (Cell c : table.cells()) {
            if (c.row() < table.rows() && c.col() < table.cols()) grid[c.row()][c.col()] = c.text() == null ? "" : c.text();
        }
        return grid;
    }

    /**
     * An image's OCR text, one line per paragraph; an image that was not read leaves a note line
     * {@code [image: SOURCE — not read]} so nothing disappears without a trace.
     */
    static String imageText(ImageBlock img) {
        if (img.read() && !img.text().isBlank()) {
            StringBuilder sb = new StringBuilder();
            for (String l : img.text().split("\\R")) {
                String s = l.strip();
                if (s.isEmpty()) continue;
                if (sb.length() > 0) sb.append('\n');
                sb.append(s);
            }
            return sb.toString();
        }
        return "[image: " + oneLine(img.source()) + " — " + (img.read() ? "no text found" : "not read") + "]";
    }

    /** Cell text on one line: inner line breaks joined, the separator character escaped. */
    static String cellText(String s) {
        return oneLine(s).replace('|', '｜');
    }

    /**
     * Joins the lines of a block into one line: no space where both sides are CJK (a line broken by
     * the page), a single space otherwise (Latin words and numbers).
     */
    public static String oneLine(String s) {
        if (s == null) return "";
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s.strip();
        List<String> parts = s.lines().map(String::strip).filter(x -> !x.isEmpty()).toList();
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (sb.length() > 0) {
                char a = sb.charAt(sb.length() - 1);
                char b = p.charAt(0);
                if (!(isCjk(a) || isCjk(b))) sb.append(' ');
            }
            sb.append(p);
        }
        return sb.toString();
    }

    static boolean isCjk(char c) {
        return c >= 0x2E80 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF || c >= 0xFF00 && c <= 0xFFEF || c >= 0x3000 && c <= 0x303F;
    }
}
