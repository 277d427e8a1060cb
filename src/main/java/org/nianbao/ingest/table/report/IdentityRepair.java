package org.nianbao.ingest.table.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * When a row of section 三 or the data row of section 四 has a stray number among its cells (a page
 * number in a flattened capture, a cell the capture doubled), the alignment alone cannot tell which
 * number is the stray one. The row's own totals can: of the ways to leave one or two numbers out,
 * if exactly one makes the row add up (I3 for a row of section 三, I4–I6 for section 四) while the
 * first reading does not, that way is taken. The number left out stays reported as unplaced text.
 */
final class IdentityRepair {
    /** Extra numbers considered per row; each adds a factor of the row length to the search. */
    static final int MAX_EXTRA = 2;

    private IdentityRepair() { }

    static void apply(StandardTemplate t, CellStream s, int[] first, int[] count) {
        List<TemplateCell> tc = t.cells();
        if (t.section().equals("三")) {
            for (int k = 0; k < tc.size(); k++) {
                TemplateCell c = tc.get(k);
                if (c.value() && c.colId().equals(StandardTemplates.SEC3_COLUMNS.get(0))) repairGroup(t, s, first, count, k, 7, new int[] {7});
            }
        } else if (t.section().equals("四")) {
            for (int k = 0; k < tc.size(); k++) {
                if (tc.get(k).value()) {
                    repairGroup(t, s, first, count, k, 15, new int[] {5, 5, 5});
                    break;
                }
            }
        }
    }

    /** Tokens {@code [k, k + n)} are one row's values; {@code groups}: each group's last cell is the sum of the others. */
    private static void repairGroup(StandardTemplate t, CellStream s, int[] first, int[] count, int k, int n, int[] groups) {
        if (k + n > first.length) return;
        for (int i = k; i < k + n; i++) if (!t.cells().get(i).value()) return;
        int lo = 0;
        for (int i = k - 1; i >= 0; i--) {
            if (first[i] >= 0) {
                lo = first[i] + count[i];
                break;
            }
        }
        int hi = -1;
        for (int i = k + n; i < first.length; i++) {
            if (first[i] >= 0) {
                hi = first[i];
                break;
            }
        }
        if (hi < 0) {
            int last = -1;
            for (int i = k; i < k + n; i++) if (first[i] >= 0) last = first[i];
            if (last < 0) return;
            hi = last + 1;
            while (hi < s.size() && hi - last <= MAX_EXTRA && s.kinds[hi] == CellStream.NUMBER) hi++;
        }
        List<Integer> numbers = new ArrayList<>();
        for (int o = lo; o < hi; o++) {
            if (s.kinds[o] == CellStream.NUMBER) numbers.add(o);
            else if (s.kinds[o] != CellStream.EMPTY) return; // labels or text inside: not a plain row
        }
        int extra = numbers.size() - n;
        if (extra < 1 || extra > MAX_EXTRA) return;
        int[] current = new int[n];
        for (int i = 0; i < n; i++) {
            current[i] = first[k + i];
            if (current[i] < 0 || s.kinds[current[i]] != CellStream.NUMBER) return; // blanks: nothing to check
        }
        if (holds(s, current, groups)) return;
        // every way to leave out one (or two) of the numbers
        List<int[]> leaveOut = new ArrayList<>();
        for (int a = 0; a < numbers.size(); a++) {
            if (extra == 1) leaveOut.add(new int[] {a});
            else for (int b = a + 1; b < numbers.size(); b++) leaveOut.add(new int[] {a, b});
        }
        int[] found = null;
        int solutions = 0;
        for (int[] out : leaveOut) {
            int[] pick = new int[n];
            int p = 0;
            for (int q = 0; q < numbers.size(); q++) {
                boolean skipped = q == out[0] || out.length > 1 && q == out[1];
                if (!skipped) pick[p++] = numbers.get(q);
            }
            if (holds(s, pick, groups)) {
                solutions++;
                found = pick;
            }
        }
        if (solutions != 1) return;
        for (int i = 0; i < n; i++) {
            first[k + i] = found[i];
            count[k + i] = 1;
        }
    }

    private static boolean holds(CellStream s, int[] cells, int[] groups) {
        int at = 0;
        for (int g : groups) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < g - 1; i++) sum = sum.add(value(s, cells[at + i]));
            if (sum.compareTo(value(s, cells[at + g - 1])) != 0) return false;
            at += g;
        }
        return true;
    }

    private static BigDecimal value(CellStream s, int o) {
        return NumberCell.parse(s.get(o).text()).decimal();
    }
}
