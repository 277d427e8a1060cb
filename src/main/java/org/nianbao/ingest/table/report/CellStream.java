package org.nianbao.ingest.table.report;

import java.util.List;

/**
 * Observed cells in reading order with what matching needs precomputed once: each cell's label key,
 * its sorted characters, and whether it reads as a number, a blank or text.
 */
public final class CellStream {
    static final byte EMPTY = 0;
    static final byte BLANK = 1;
    static final byte NUMBER = 2;
    static final byte TEXT = 3;
    /** Not a number, but shaped like one misread (OCR: {@code O} for 0, {@code l} for 1): it fills a value slot. */
    static final byte NUMERIC_NOISE = 4;

    private final List<ObservedCell> cells;
    final String[] keys;
    final char[][] bags;
    final byte[] kinds;
    /** Per cell: it stands in a grid column of labels ({@link #labelColumns}); false for streams that are no grid. */
    final boolean[] inLabelColumn;

    public CellStream(List<ObservedCell> cells) {
        this.cells = List.copyOf(cells);
        int n = this.cells.size();
        keys = new String[n];
        bags = new char[n][];
        kinds = new byte[n];
        for (int i = 0; i < n; i++) {
            String t = this.cells.get(i).text();
            if (t.isBlank()) {
                kinds[i] = EMPTY;
            } else {
                NumberCell.Kind k = NumberCell.parse(t).kind();
                kinds[i] = k == NumberCell.Kind.NUMBER ? NUMBER : k == NumberCell.Kind.BLANK ? BLANK
                        : looksLikeMisreadNumber(t) ? NUMERIC_NOISE : TEXT;
            }
        }
        junkAfterFigures(this.cells, kinds);
        for (int i = 0; i < n; i++) {
            String t = this.cells.get(i).text();
            keys[i] = kinds[i] == TEXT && t.length() <= 4 * LabelKey.MAX_LABEL_CHARS ? LabelKey.key(t) : "";
            if (keys[i].length() > LabelKey.MAX_LABEL_CHARS) keys[i] = "";
            bags[i] = LabelKey.bag(keys[i]);
        }
        inLabelColumn = labelColumns(this.cells, kinds);
    }

    /**
     * The cells of a grid (cells that carry no source lines) standing in a column of labels: one whose
     * text cells outnumber its numbers more than {@link #LABEL_COLUMN_RATIO} times. A table without rules
     * laid out by alignment gives a label that spans two template columns an empty cell of its own in the
     * second ({@code （七）总计} then a blank); taken as the row's first value, it slid the row's numbers one
     * slot on and the last into the next row. A column of figures holds text only in its header rows
     * (section 四: three header rows over one row of figures), so it never counts as a label column.
     */
    static boolean[] labelColumns(List<ObservedCell> cells, byte[] kinds) {
        boolean[] out = new boolean[cells.size()];
        java.util.Map<Integer, int[]> byColumn = new java.util.HashMap<>(); // col -> {text, numbers}
        for (int i = 0; i < cells.size(); i++) {
            ObservedCell c = cells.get(i);
            if (c.firstLine() >= 0 || c.col() < 0) return out;
            int[] n = byColumn.computeIfAbsent(c.col(), k -> new int[2]);
            if (kinds[i] == TEXT) n[0]++;
            else if (kinds[i] == NUMBER || kinds[i] == NUMERIC_NOISE || kinds[i] == BLANK) n[1]++;
        }
        for (int i = 0; i < cells.size(); i++) {
            int[] n = byColumn.get(cells.get(i).col());
            out[i] = n[0] >= MIN_LABEL_COLUMN_TEXTS && n[0] > LABEL_COLUMN_RATIO * n[1];
        }
        return out;
    }

    /**
     * Short text ({@link #MAX_JUNK} characters at most) to the right of a figure in the same grid row, or
     * below a figure in the same grid column, is a figure OCR could not read ({@code 纪} for 3, {@code 了}
     * for 4 on a noisy scan), not a label: the standard tables print their labels left of their figures and
     * their headers above them, never between them. Taken as a label it fell outside the template and slid
     * every later figure of its row one slot on (section 四: 总计 read as the next column's value), or
     * joined the row's label ({@code （七）总计了}). Made {@link #NUMERIC_NOISE}, it keeps its slot and
     * fails I7 as unread.
     */
    static void junkAfterFigures(List<ObservedCell> cells, byte[] kinds) {
        java.util.Map<Integer, Integer> firstInRow = new java.util.HashMap<>(); // row -> leftmost figure's column
        java.util.Map<Integer, Integer> firstInCol = new java.util.HashMap<>(); // column -> topmost figure's row
        for (int i = 0; i < cells.size(); i++) {
            ObservedCell c = cells.get(i);
            if (c.firstLine() >= 0 || c.col() < 0 || c.row() < 0) return;
            if (kinds[i] == NUMBER || kinds[i] == NUMERIC_NOISE) {
                firstInRow.merge(c.row(), c.col(), Math::min);
                firstInCol.merge(c.col(), c.row(), Math::min);
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            ObservedCell c = cells.get(i);
            String t = c.text().strip();
            if (kinds[i] != TEXT || t.codePointCount(0, t.length()) > MAX_JUNK) continue;
            Integer left = firstInRow.get(c.row());
            Integer above = firstInCol.get(c.col());
            if (left != null && left < c.col() || above != null && above < c.row()) kinds[i] = NUMERIC_NOISE;
        }
    }

    /** Longest text taken for an unread figure when it follows a figure in its row. */
    static final int MAX_JUNK = 3;

    /** A label column's text cells outnumber its numbers more than this many times. */
    static final int LABEL_COLUMN_RATIO = 3;
    /** And it holds at least this many text cells. */
    static final int MIN_LABEL_COLUMN_TEXTS = 4;

    /**
     * Short text of digits and the characters OCR confuses with them, with at least one digit or made
     * only of {@code O/o}: {@code 1O}, {@code l2}, {@code O}, {@code 3,} .
     */
    static boolean looksLikeMisreadNumber(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 8 || t.endsWith(".")) return false; // "1." numbers an item
        int digits = 0;
        int zeros = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') digits++;
            else if (c == 'O' || c == 'o' || c == 'Ｏ' || c == '@') zeros++; // @: a 0 with a speck in its hole
            else if ("lI|!SZBGgq,.'`".indexOf(c) < 0) return false;
        }
        return digits > 0 || zeros == t.length();
    }

    public List<ObservedCell> cells() {
        return cells;
    }

    public int size() {
        return cells.size();
    }

    public ObservedCell get(int i) {
        return cells.get(i);
    }

    public boolean isText(int i) {
        return kinds[i] == TEXT;
    }

    public boolean isEmpty(int i) {
        return kinds[i] == EMPTY;
    }

    public boolean isNumber(int i) {
        return kinds[i] == NUMBER;
    }
}
