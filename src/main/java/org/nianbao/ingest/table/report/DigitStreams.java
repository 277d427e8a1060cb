package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a run of digits that lost its cell boundaries ({@code 21317000001324019}, from web text that
 * concatenated a table row) back into cells, using the table's own arithmetic: each group of cells ends
 * with the total of the others (I3 for a row of section 三, I4–I6 for section 四). Only when exactly one
 * split satisfies every group is the result trusted.
 */
public final class DigitStreams {
    /** Longest number one cell is allowed to hold when splitting. */
    public static final int MAX_CELL_DIGITS = 6;
    /** Search steps before giving up (a hostile run cannot make the search explode). */
    public static final int MAX_STEPS = 2_000_000;

    private DigitStreams() { }

    /**
     * All ways (up to {@code maxSolutions}) to split {@code digits} into groups of the given sizes, where
     * in each group the last cell equals the sum of the others, no cell has a leading zero, and no cell
     * is longer than {@link #MAX_CELL_DIGITS}.
     */
    public static List<long[]> segment(String digits, int[] groupSizes, int maxSolutions) {
        List<long[]> out = new ArrayList<>();
        if (digits == null || !digits.chars().allMatch(Character::isDigit)) return out;
        int cells = 0;
        for (int g : groupSizes) {
            if (g < 2) throw new IllegalArgumentException("a group needs at least one part and its total");
            cells += g;
        }
        if (digits.length() < cells || digits.length() > cells * MAX_CELL_DIGITS) return out;
        long[] values = new long[cells];
        int[] steps = {0};
        search(digits, 0, 0, groupSizes, 0, 0, values, out, Math.max(1, maxSolutions), steps);
        return out;
    }

    /** The split when exactly one exists, else null. */
    public static long[] unique(String digits, int[] groupSizes) {
        List<long[]> all = segment(digits, groupSizes, 2);
        return all.size() == 1 ? all.get(0) : null;
    }

    /** Section 四's data row: three groups of five (维持, 纠正, 其他, 尚未审结, 总计). */
    public static long[] sec4Row(String digits) {
        return unique(digits, new int[] {5, 5, 5});
    }

    /** A data row of section 三: six applicant columns and their 总计. */
    public static long[] sec3Row(String digits) {
        return unique(digits, new int[] {7});
    }

    private static void search(String d, int pos, int cell, int[] groups, int group, int inGroup, long[] values,
                               List<long[]> out, int max, int[] steps) {
        if (out.size() >= max || ++steps[0] > MAX_STEPS) return;
        int cells = values.length;
        if (cell == cells) {
            if (pos == d.length()) out.add(values.clone());
            return;
        }
        int remainingCells = cells - cell;
        int remainingDigits = d.length() - pos;
        if (remainingDigits < remainingCells || remainingDigits > remainingCells * MAX_CELL_DIGITS) return;
        boolean last = inGroup == groups[group] - 1;
        for (int len = 1; len <= MAX_CELL_DIGITS && pos + len <= d.length(); len++) {
            if (len > 1 && d.charAt(pos) == '0') break; // no leading zeros
            long v = Long.parseLong(d.substring(pos, pos + len));
            if (last) {
                long sum = 0;
                for (int k = cell - inGroup; k < cell; k++) sum += values[k];
                if (v != sum) continue;
                values[cell] = v;
                search(d, pos + len, cell + 1, groups, group + 1, 0, values, out, max, steps);
            } else {
                values[cell] = v;
                search(d, pos + len, cell + 1, groups, group, inGroup + 1, values, out, max, steps);
            }
            if (out.size() >= max) return;
        }
    }

    /** Result of {@link #expand}: the cells with digit runs split, and each split made. */
    public record Expansion(List<ObservedCell> cells, List<Split> splits) { }

    /** One run split: the index of its first cell in the expanded list, how many cells, and a note for people. */
    public record Split(int index, int count, String note) { }

    /**
     * Splits digit runs in a cell stream where a standard row evidently lost its boundaries: a run of
     * 15+ digits after a section 四 header (I4–I6), or of 7+ digits right after a section 三 row label
     * (I3). Runs with no or several valid splits are left as they are.
     */
    public static Expansion expand(List<ObservedCell> cells) {
        List<ObservedCell> out = new ArrayList<>(cells.size());
        List<Split> notes = new ArrayList<>();
        String previousKey = "";
        for (ObservedCell c : cells) {
            String t = c.text().strip();
            long[] split = null;
            if (t.length() >= 7 && t.length() <= 90 && t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                if (t.length() >= 15 && isSec4Header(previousKey)) split = sec4Row(t);
                if (split == null && t.length() <= 42 && isSec3RowLabel(previousKey)) split = sec3Row(t);
            }
            if (split != null) {
                StringBuilder b = new StringBuilder();
                int index = out.size();
                for (long v : split) {
                    out.add(c.withText(Long.toString(v)));
                    b.append(b.length() == 0 ? "" : " ").append(v);
                }
                notes.add(new Split(index, split.length, "'" + t + "' read as " + split.length + " cells: " + b
                        + " (the only split that satisfies the table's totals)"));
            } else {
                out.add(c);
            }
            if (!t.isEmpty()) previousKey = LabelKey.key(t);
        }
        return new Expansion(out, notes);
    }

    private static boolean isSec4Header(String key) {
        return key.equals("总计") || key.equals("尚未审结") || key.equals("复议后起诉");
    }

    private static boolean isSec3RowLabel(String key) {
        if (key.isEmpty()) return false;
        for (StandardTemplate t : List.of(StandardTemplates.byId(StandardTemplates.SEC3_2019), StandardTemplates.byId(StandardTemplates.SEC3_2021))) {
            for (TemplateCell c : t.cells()) {
                if (c.value() || c.row() < 3) continue;
                if (LabelKey.similarity(key, LabelKey.key(c.label())) >= 0.8) return true;
            }
        }
        return false;
    }
}
