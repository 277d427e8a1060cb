package org.nianbao.ingest.table.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a row of section 三 or the data row of section 四 has a stray number among its cells (a page
 * number in a flattened capture, a cell the capture doubled), the alignment alone cannot tell which
 * number is the stray one. The row's own totals can: of the ways to leave one or two numbers out,
 * if exactly one makes the row add up (every sum identity of {@link IdentityChecker#sums} that lies
 * wholly inside the row: I3 for a row of section 三, I4–I6 for section 四) while the first reading does
 * not, that way is taken. The number left out stays reported as unplaced text.
 */
final class IdentityRepair {
    /** Extra numbers considered per row; each adds a factor of the row length to the search. */
    static final int MAX_EXTRA = 2;

    private IdentityRepair() { }

    /**
     * A run of value cells of one template row, {@code [start, start + length)} in template order, and
     * the sum identities whose every operand is in the run, as positions within it.
     */
    record RowSums(int start, int length, List<int[][]> sums) { }

    private static final Map<String, List<RowSums>> ROWS = new java.util.concurrent.ConcurrentHashMap<>();

    static void apply(StandardTemplate t, CellStream s, int[] first, int[] count) {
        for (RowSums r : rowSums(t)) repairGroup(t, s, first, count, r);
    }

    /** The template's value rows that hold at least one sum identity of their own, computed once per template. */
    static List<RowSums> rowSums(StandardTemplate t) {
        return ROWS.computeIfAbsent(t.id(), id -> findRowSums(t));
    }

    private static List<RowSums> findRowSums(StandardTemplate t) {
        List<TemplateCell> tc = t.cells();
        List<IdentityChecker.SumSpec> specs = IdentityChecker.sums(t);
        List<RowSums> out = new ArrayList<>();
        int k = 0;
        while (k < tc.size()) {
            if (!tc.get(k).value()) {
                k++;
                continue;
            }
            int start = k;
            String rowId = tc.get(k).rowId();
            Map<String, Integer> at = new HashMap<>();
            while (k < tc.size() && tc.get(k).value() && tc.get(k).rowId().equals(rowId)) {
                at.put(tc.get(k).slotKey(), k - start);
                k++;
            }
            List<int[][]> sums = new ArrayList<>();
            for (IdentityChecker.SumSpec spec : specs) {
                int[] left = positions(spec.left(), at);
                int[] right = positions(spec.right(), at);
                if (left != null && right != null) sums.add(new int[][] {left, right});
            }
            if (!sums.isEmpty()) out.add(new RowSums(start, k - start, List.copyOf(sums)));
        }
        return List.copyOf(out);
    }

    /** Positions of the slots in the run, or null when one of them lies outside it. */
    private static int[] positions(List<String> slots, Map<String, Integer> at) {
        int[] out = new int[slots.size()];
        for (int i = 0; i < out.length; i++) {
            Integer p = at.get(slots.get(i));
            if (p == null) return null;
            out[i] = p;
        }
        return out;
    }

    /** Template cells {@code [k, k + n)} are one row's values, {@code row.sums()} the identities among them. */
    private static void repairGroup(StandardTemplate t, CellStream s, int[] first, int[] count, RowSums row) {
        int k = row.start();
        int n = row.length();
        if (k + n > first.length) return;
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
        if (holds(s, current, row.sums())) return;
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
            if (holds(s, pick, row.sums())) {
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

    /** Whether every sum (left positions, right positions) holds on the observed cells picked for the row. */
    private static boolean holds(CellStream s, int[] cells, List<int[][]> sums) {
        for (int[][] sum : sums) {
            BigDecimal left = BigDecimal.ZERO;
            BigDecimal right = BigDecimal.ZERO;
            for (int p : sum[0]) left = left.add(value(s, cells[p]));
            for (int p : sum[1]) right = right.add(value(s, cells[p]));
            if (left.compareTo(right) != 0) return false;
        }
        return true;
    }

    private static BigDecimal value(CellStream s, int o) {
        return NumberCell.parse(s.get(o).text()).decimal();
    }
}
