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
            keys[i] = kinds[i] == TEXT && t.length() <= 4 * LabelKey.MAX_LABEL_CHARS ? LabelKey.key(t) : "";
            if (keys[i].length() > LabelKey.MAX_LABEL_CHARS) keys[i] = "";
            bags[i] = LabelKey.bag(keys[i]);
        }
    }

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
