package org.nianbao.ingest.table.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.StandardTable.Correction;
import org.nianbao.ingest.model.StandardTable.IdentityCheck;
import org.nianbao.ingest.model.StandardTable.KeyedValue;
import org.nianbao.ingest.model.Table;

/**
 * When numbers read by OCR break the identities, tries the other readings OCR offered for the cells
 * involved ({@link Cell#alternatives()}, most likely first) and accepts a combination that makes every
 * identity hold: the fewest changed cells, then the earliest alternatives. Two different combinations
 * of the same (smallest) size that both work make the table ambiguous: nothing is changed then, because
 * a guess dressed up as a correction is worse than a flagged failure.
 *
 * <p>A number from an exact source (HTML, a PDF text layer, a text capture: confidence 100, no
 * alternatives, not from {@code image-rulings}) is never changed: a report printed wrong stays as
 * printed and its failed identity is reported with its cells.
 *
 * <p>A figure read with confidence under {@link #SLIP_CONFIDENCE} at the crossing of two sums also may
 * be a digit the engine often mistakes for the one read ({@link Confusions#digitSlips}: a 0 with a blob in
 * its hole read 8, a 5 read 3), after OCR's own alternatives.
 *
 * <p>The search is bounded: at most {@link #MAX_CHANGES} cells changed, {@link #MAX_READINGS} readings
 * per cell, {@link #MAX_NODES} search steps; past the bound nothing is changed.
 */
final class IdentityCorrector {
    static final int MAX_CHANGES = 3;
    static final int MAX_READINGS = 6;
    static final int MAX_NODES = 200_000;
    static final int MAX_SOLUTIONS = 64;
    /** Figures read with less confidence than this also get {@link Confusions#digitSlips} as readings. */
    static final double SLIP_CONFIDENCE = 80;
    /** The TableBlock origin of grids read cell by cell with OCR. */
    static final String OCR_ORIGIN = "image-rulings";

    enum Outcome {
        /** Every identity holds (or none could be checked). */
        CLEAN,
        /** Alternative readings made every identity hold; corrections recorded. */
        CORRECTED,
        /** Several different combinations would work: nothing changed. */
        AMBIGUOUS,
        /** Some failing identity has OCR cells, but no combination of their readings makes all hold. */
        NO_READING,
        /** Every cell in the failing identities came from an exact source: the report is wrong as printed. */
        AS_PRINTED,
        /** The search stopped at its bound: nothing changed. */
        BOUND_REACHED
    }

    /**
     * @param table   the standard table, checks and corrections updated
     * @param grid    the grid with corrected cell texts
     * @param outcome what happened
     * @param note    a sentence for the warning ("" when clean)
     */
    record Result(StandardTable table, Map<String, KeyedValue> bySlot, Table grid, Outcome outcome, String note) { }

    private IdentityCorrector() { }

    /** One constraint: a sum identity, or I7 on a single cell ({@code sum == null}). */
    private record Constraint(IdentityChecker.SumSpec sum, String slot, String name) { }

    /** A reading a cell may take instead of what was read: its text, its number, its rank (0 = first alternative). */
    private record Reading(String text, BigDecimal value, int rank) { }

    static Result correct(StandardTemplate t, Map<String, KeyedValue> bySlot, StandardTable st, Table grid, String origin) {
        Search s = new Search(t, bySlot, grid, origin);
        List<Integer> failing = s.failingNow();
        if (failing.isEmpty()) return new Result(st, bySlot, grid, Outcome.CLEAN, "");
        Search withSlips = new Search(t, bySlot, grid, origin, true);
        boolean anyCorrectable = false;
        for (int c : failing) {
            for (String slot : s.slotsOf(c)) if (withSlips.correctable.contains(slot)) anyCorrectable = true;
        }
        if (!anyCorrectable) {
            return new Result(st, bySlot, grid, Outcome.AS_PRINTED, "every cell in the failed identities is exact (not OCR): the report is wrong as printed");
        }
        List<Map<String, Reading>> solutions = s.solve();
        if (solutions.isEmpty() && s.nodes <= MAX_NODES) {
            // OCR's own readings make nothing hold: only then the digits the engine often mistakes, so a
            // prior never competes with what the pixels gave
            List<Map<String, Reading>> more = withSlips.solve();
            if (!more.isEmpty() || withSlips.nodes > MAX_NODES) {
                s = withSlips;
                solutions = more;
            }
        }
        if (s.nodes > MAX_NODES) {
            return new Result(st, bySlot, grid, Outcome.BOUND_REACHED, "the search for other OCR readings stopped at its bound ("
                    + MAX_NODES + " steps): cells left as read");
        }
        if (solutions.isEmpty()) {
            AroundMisprint around = aroundMisprint(t, bySlot, grid, origin, s);
            if (around != null) {
                Result r = apply(t, st, bySlot, grid, around.chosen(), around.search(), failing);
                return new Result(r.table(), r.bySlot(), r.grid(), Outcome.CORRECTED, r.note() + ", but for the identities of "
                        + IdentityChecker.ref(bySlot.get(around.misprint())) + " '" + bySlot.get(around.misprint()).text()
                        + "', which hold only if it were " + around.consistent().toPlainString() + ": printed so, it is left as printed and flagged");
            }
            return new Result(st, bySlot, grid, Outcome.NO_READING, "no combination of up to " + MAX_CHANGES
                    + " other OCR readings makes every identity hold: cells left as read");
        }
        Map<String, Reading> chosen = choose(solutions);
        if (chosen == null) {
            return new Result(st, bySlot, grid, Outcome.AMBIGUOUS, describeAmbiguity(solutions, bySlot));
        }
        return apply(t, st, bySlot, grid, chosen, s, failing);
    }

    /**
     * A correction around a count printed wrong: the misprinted cell, the value its identities agree it
     * should have, the readings chosen for the other cells, and the search they were found in.
     */
    private record AroundMisprint(String misprint, BigDecimal consistent, Map<String, Reading> chosen, Search search) { }

    /** Failing sums a table may have for a misprint to be looked for: its own two or three, and a few misreadings' (bounds the work). */
    static final int MAX_MISPRINT_FAILURES = 3 + 2 * MAX_CHANGES;

    /** Failing sums a cell must be in, as read, to be taken for a misprint: a row sum and a column sum cross on it. */
    static final int MISPRINT_SUMS = 2;

    /**
     * A report's own misprint (a count printed wrong) breaks every identity it is in, and so hides a
     * misreading beside it: no reading makes every identity hold, and the misreading stayed (a 0 read as 2
     * in the misprint's row). Tried only when no combination of readings works: each number in two or
     * more failing sums is taken in turn for the misprint. Its identities are set aside and the others
     * solved as usual, never changing it; a solution counts only if the set-aside sums then all say the
     * same other value for it (the printed count is what breaks them, nothing else), and exactly one
     * candidate with one unambiguous solution may remain. The misprint stays as printed, flagged by its
     * failed identities; only OCR readings that the identities confirm are changed. Null otherwise.
     */
    private static AroundMisprint aroundMisprint(StandardTemplate t, Map<String, KeyedValue> bySlot, Table grid, String origin, Search s) {
        Map<String, Integer> failingSums = new LinkedHashMap<>();
        int sums = 0;
        for (int c : s.failingNow()) {
            if (s.constraints.get(c).sum() == null) continue;
            sums++;
            for (String slot : s.slotsOf(c)) failingSums.merge(slot, 1, Integer::sum);
        }
        // one misprint and a few misreadings break a few sums; a table broken all over is no such case
        if (sums > MAX_MISPRINT_FAILURES) return null;
        AroundMisprint found = null;
        int budget = MAX_NODES;
        for (Map.Entry<String, Integer> e : failingSums.entrySet()) {
            String m = e.getKey();
            if (e.getValue() < MISPRINT_SUMS || s.value.get(m) == null) continue;
            Search around = new Search(t, bySlot, grid, origin, false, m);
            List<Map<String, Reading>> solutions = around.solve();
            budget -= around.nodes;
            if (around.nodes > MAX_NODES || budget < 0) return null;
            List<Map<String, Reading>> consistent = new ArrayList<>();
            BigDecimal value = null;
            for (Map<String, Reading> sol : solutions) {
                BigDecimal v = around.impliedValue(m, sol);
                if (v == null || value != null && v.compareTo(value) != 0) continue;
                value = v;
                consistent.add(sol);
            }
            if (consistent.isEmpty()) continue;
            Map<String, Reading> chosen = choose(consistent);
            if (chosen == null || found != null) return null; // ambiguous: nothing changed
            found = new AroundMisprint(m, value, chosen, around);
        }
        return found;
    }

    /** Solutions all change the same cells: the one with the earliest alternatives (unique), else null. */
    private static Map<String, Reading> choose(List<Map<String, Reading>> solutions) {
        Set<String> cells = solutions.get(0).keySet();
        for (Map<String, Reading> m : solutions) if (!m.keySet().equals(cells)) return null;
        Map<String, Reading> best = null;
        int bestRank = Integer.MAX_VALUE;
        boolean tie = false;
        for (Map<String, Reading> m : solutions) {
            int rank = 0;
            for (Reading r : m.values()) rank += r.rank();
            if (rank < bestRank) {
                bestRank = rank;
                best = m;
                tie = false;
            } else if (rank == bestRank && !sameValues(m, best)) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static boolean sameValues(Map<String, Reading> a, Map<String, Reading> b) {
        for (Map.Entry<String, Reading> e : a.entrySet()) {
            if (e.getValue().value().compareTo(b.get(e.getKey()).value()) != 0) return false;
        }
        return true;
    }

    private static String describeAmbiguity(List<Map<String, Reading>> solutions, Map<String, KeyedValue> bySlot) {
        List<String> ways = new ArrayList<>();
        for (Map<String, Reading> m : solutions) {
            if (ways.size() == 3) break;
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Reading> e : new TreeMap<>(m).entrySet()) {
                KeyedValue kv = bySlot.get(e.getKey());
                parts.add(IdentityChecker.ref(kv) + " " + kv.text() + "→" + e.getValue().text());
            }
            ways.add(String.join(", ", parts));
        }
        return solutions.size() + " different combinations of other OCR readings would make every identity hold ("
                + String.join("; ", ways) + (solutions.size() > 3 ? "; …" : "") + "): ambiguous, cells left as read";
    }

    private static Result apply(StandardTemplate t, StandardTable st, Map<String, KeyedValue> bySlot, Table grid,
                                Map<String, Reading> chosen, Search s, List<Integer> failingBefore) {
        Map<String, KeyedValue> fixed = new HashMap<>(bySlot);
        Map<String, String> cellText = new HashMap<>();
        List<Correction> corrections = new ArrayList<>(st.corrections());
        for (Map.Entry<String, Reading> e : new TreeMap<>(chosen).entrySet()) {
            KeyedValue kv = bySlot.get(e.getKey());
            Reading r = e.getValue();
            String value = NumberCell.parse(r.text()).value();
            fixed.put(e.getKey(), new KeyedValue(kv.rowPath(), kv.colPath(), r.text(), value, kv.row(), kv.col()));
            cellText.put(kv.row() + "," + kv.col(), r.text());
            List<String> fixes = new ArrayList<>();
            for (int c : failingBefore) if (s.slotsOf(c).contains(e.getKey())) fixes.add(s.constraints.get(c).name());
            String which = r.rank() < s.alternativesOf(e.getKey()) ? "OCR's alternative reading " + (r.rank() + 1)
                    : NumberCell.isNumber(kv.text()) ? "a digit OCR mistakes for the one read"
                    : "the digits OCR confuses with these characters";
            corrections.add(new Correction(kv.row(), kv.col(), kv.text(), r.text(), which + " '" + r.text()
                    + "' makes every identity hold" + (fixes.isEmpty() ? "" : "; it broke " + String.join(", ", fixes))));
        }
        List<KeyedValue> values = new ArrayList<>();
        for (KeyedValue kv : st.values()) {
            KeyedValue replaced = kv;
            for (Map.Entry<String, Reading> e : chosen.entrySet()) {
                KeyedValue old = bySlot.get(e.getKey());
                if (old.row() == kv.row() && old.col() == kv.col()) replaced = fixed.get(e.getKey());
            }
            values.add(replaced);
        }
        List<Cell> cells = new ArrayList<>();
        for (Cell c : grid.cells()) {
            String text = cellText.get(c.row() + "," + c.col());
            cells.add(text == null ? c : c.withText(text));
        }
        List<IdentityCheck> checks = IdentityChecker.check(t, fixed);
        StandardTable out = new StandardTable(st.template(), values, checks, st.deviations(), corrections);
        return new Result(out, fixed, new Table(grid.rows(), grid.cols(), cells), Outcome.CORRECTED,
                chosen.size() + (chosen.size() == 1 ? " OCR cell" : " OCR cells") + " re-read from the alternatives OCR offered so that every identity holds");
    }

    /** The constraints, the cells and their readings, and the bounded search over them. */
    private static final class Search {
        final List<Constraint> constraints = new ArrayList<>();
        final Map<String, List<Integer>> bySlot = new HashMap<>();
        final Map<String, BigDecimal> value = new HashMap<>();
        final Map<String, Boolean> text = new HashMap<>();
        final Map<String, ValueKind> kind = new HashMap<>();
        final Map<String, List<Reading>> readings = new LinkedHashMap<>();
        final Map<String, Integer> alternativeCount = new HashMap<>();
        final Set<String> correctable = new LinkedHashSet<>();
        final List<Map<String, Reading>> solutions = new ArrayList<>();
        final Set<String> seen = new java.util.HashSet<>();
        int nodes;

        Search(StandardTemplate t, Map<String, KeyedValue> kvs, Table grid, String origin) {
            this(t, kvs, grid, origin, false);
        }

        /** The cell taken for a misprint: its sums are set aside and it is never changed (null: none). */
        final String misprint;

        Search(StandardTemplate t, Map<String, KeyedValue> kvs, Table grid, String origin, boolean slips) {
            this(t, kvs, grid, origin, slips, null);
        }

        /**
         * @param slips    also offer {@link Confusions#digitSlips} for unsure figures where two checkable sums cross
         * @param misprint a slot taken for a count printed wrong ({@link #aroundMisprint}), or null
         */
        Search(StandardTemplate t, Map<String, KeyedValue> kvs, Table grid, String origin, boolean slips, String misprint) {
            this.misprint = misprint;
            for (TemplateCell c : t.values()) kind.put(c.slotKey(), c.kind());
            for (IdentityChecker.SumSpec spec : IdentityChecker.sums(t)) add(new Constraint(spec, null, spec.description()));
            Map<String, Cell> cellAt = new HashMap<>();
            for (Cell c : grid.cells()) cellAt.put(c.row() + "," + c.col(), c);
            for (TemplateCell tc : t.values()) {
                KeyedValue kv = kvs.get(tc.slotKey());
                if (kv == null) continue;
                String slot = tc.slotKey();
                add(new Constraint(null, slot, "I7 (" + IdentityChecker.ref(kv) + " '" + kv.text() + "')"));
                value.put(slot, kv.value() == null ? null : new BigDecimal(kv.value()));
                text.put(slot, kv.value() == null && !NumberCell.isBlank(kv.text()));
                Cell cell = cellAt.get(kv.row() + "," + kv.col());
                // only a grid cell that holds exactly this one value can be changed (not a digit run split in pieces)
                if (cell == null || !cell.text().strip().equals(kv.text())) continue;
                boolean ocr = OCR_ORIGIN.equals(origin) || !cell.alternatives().isEmpty() || cell.confidence() < 100;
                if (!ocr) continue;
                alternativeCount.put(slot, cell.alternatives().size());
                pending.add(new Object[] {slot, cell, kv, tc.kind()});
            }
            for (Object[] o : pending) {
                String slot = (String) o[0];
                if (slot.equals(misprint)) continue; // taken as printed
                // slips only where two checkable sums cross on the cell: one sum alone cannot say which of its cells slipped
                List<Reading> rs = readingsOf((Cell) o[1], (KeyedValue) o[2], (ValueKind) o[3], slips && checkableSums(slot) >= 2);
                if (!rs.isEmpty()) {
                    correctable.add(slot);
                    readings.put(slot, rs);
                }
            }
        }

        private final List<Object[]> pending = new ArrayList<>();

        /** Sum identities of the slot whose every operand was read as a number. */
        private int checkableSums(String slot) {
            int n = 0;
            for (int i : bySlot.getOrDefault(slot, List.of())) {
                Constraint c = constraints.get(i);
                if (c.sum() == null) continue;
                boolean all = true;
                for (String s : slotsOf(c)) all &= value.get(s) != null;
                if (all) n++;
            }
            return n;
        }

        private void add(Constraint c) {
            int i = constraints.size();
            constraints.add(c);
            for (String s : slotsOf(c)) bySlot.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
        }

        /** Other readings of the cell that are numbers its column allows and differ from what was read. */
        private static List<Reading> readingsOf(Cell cell, KeyedValue kv, ValueKind k, boolean crossing) {
            List<Reading> out = new ArrayList<>();
            List<String> texts = new ArrayList<>(cell.alternatives());
            String mapped = Confusions.asDigits(kv.text());
            if (mapped != null) texts.add(mapped);
            // a figure the engine was unsure of may be a digit it often mistakes; a sure one is taken as printed
            if (crossing && cell.confidence() < SLIP_CONFIDENCE) texts.addAll(Confusions.digitSlips(kv.text()));
            Set<BigDecimal> values = new java.util.TreeSet<>();
            if (kv.value() != null) values.add(new BigDecimal(kv.value()));
            for (int i = 0; i < texts.size() && out.size() < MAX_READINGS; i++) {
                String alt = texts.get(i) == null ? "" : texts.get(i).strip();
                NumberCell.Parsed p = NumberCell.parse(alt);
                // a blank reading would only make the identities uncheckable, never hold: not a correction
                if (!p.isNumber()) continue;
                BigDecimal d = p.decimal();
                if (!IdentityChecker.allowed(k, d) || !values.add(d)) continue;
                out.add(new Reading(alt, d, i));
            }
            return out;
        }

        int alternativesOf(String slot) {
            return alternativeCount.getOrDefault(slot, 0);
        }

        List<String> slotsOf(int constraint) {
            return slotsOf(constraints.get(constraint));
        }

        private static List<String> slotsOf(Constraint c) {
            if (c.sum() == null) return List.of(c.slot());
            List<String> out = new ArrayList<>(c.sum().left());
            out.addAll(c.sum().right());
            return out;
        }

        List<Integer> failingNow() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < constraints.size(); i++) if (fails(i, Map.of())) out.add(i);
            return out;
        }

        /** Whether the constraint fails with the given readings in place (a blank operand makes a sum unchecked, not failed). */
        boolean fails(int i, Map<String, Reading> assigned) {
            Constraint c = constraints.get(i);
            if (misprint != null && c.sum() != null && slotsOf(c).contains(misprint)) return false; // set aside
            if (c.sum() == null) {
                Reading r = assigned.get(c.slot());
                if (r != null) return false; // readings are numbers the column allows
                if (Boolean.TRUE.equals(text.get(c.slot()))) return true;
                BigDecimal v = value.get(c.slot());
                return v != null && !IdentityChecker.allowed(kind.get(c.slot()), v);
            }
            BigDecimal base = baseDiff(i);
            if (base == null) return sumFails(c.sum(), assigned);
            // only the assigned cells differ from what was read: adjust the difference by their change
            BigDecimal d = base;
            for (Map.Entry<String, Reading> e : assigned.entrySet()) {
                int sign = sign(i, e.getKey());
                if (sign != 0) d = d.add(e.getValue().value().subtract(value.get(e.getKey())).multiply(BigDecimal.valueOf(sign)));
            }
            return d.signum() != 0;
        }

        private final Map<Integer, BigDecimal> baseDiffs = new HashMap<>();
        private final Map<Integer, Map<String, Integer>> signs = new HashMap<>();

        /** left − right as read, or null when an operand is missing, blank or text (then the sum is worked out in full). */
        private BigDecimal baseDiff(int i) {
            if (baseDiffs.containsKey(i)) return baseDiffs.get(i);
            IdentityChecker.SumSpec spec = constraints.get(i).sum();
            BigDecimal d = BigDecimal.ZERO;
            for (String slot : spec.left()) d = value.get(slot) == null || d == null ? null : d.add(value.get(slot));
            for (String slot : spec.right()) d = value.get(slot) == null || d == null ? null : d.subtract(value.get(slot));
            baseDiffs.put(i, d);
            return d;
        }

        /** +1 when the slot is on the left of sum identity i, −1 on the right, 0 when not in it. */
        private int sign(int i, String slot) {
            return signs.computeIfAbsent(i, k -> {
                Map<String, Integer> m = new HashMap<>();
                for (String s : constraints.get(k).sum().left()) m.merge(s, 1, Integer::sum);
                for (String s : constraints.get(k).sum().right()) m.merge(s, -1, Integer::sum);
                return m;
            }).getOrDefault(slot, 0);
        }

        private boolean sumFails(IdentityChecker.SumSpec sum, Map<String, Reading> assigned) {
            BigDecimal l = BigDecimal.ZERO;
            for (int side = 0; side < 2; side++) {
                for (String slot : side == 0 ? sum.left() : sum.right()) {
                    Reading r = assigned.get(slot);
                    BigDecimal v = r != null ? r.value() : value.get(slot);
                    if (v == null) return false; // missing or blank (or text: I7 reports it)
                    l = side == 0 ? l.add(v) : l.subtract(v);
                }
            }
            return l.signum() != 0;
        }

        /**
         * The value the set-aside sums of {@code m} agree it should have under the assignment, or null when
         * fewer than {@link #MISPRINT_SUMS} of them can be worked out, they disagree, or they say what was read.
         */
        BigDecimal impliedValue(String m, Map<String, Reading> assigned) {
            BigDecimal out = null;
            int sums = 0;
            for (Constraint c : constraints) {
                if (c.sum() == null || !slotsOf(c).contains(m)) continue;
                BigDecimal diff = BigDecimal.ZERO;
                int sign = 0;
                for (int side = 0; side < 2 && diff != null; side++) {
                    for (String slot : side == 0 ? c.sum().left() : c.sum().right()) {
                        if (slot.equals(m)) {
                            sign += side == 0 ? 1 : -1;
                            continue;
                        }
                        Reading r = assigned.get(slot);
                        BigDecimal v = r != null ? r.value() : value.get(slot);
                        if (v == null) {
                            diff = null;
                            break;
                        }
                        diff = side == 0 ? diff.add(v) : diff.subtract(v);
                    }
                }
                if (diff == null || sign == 0) continue;
                // sign * m + diff = 0
                BigDecimal v = diff.negate().multiply(BigDecimal.valueOf(sign));
                if (out != null && out.compareTo(v) != 0) return null;
                out = v;
                sums++;
            }
            if (sums < MISPRINT_SUMS || out == null || out.compareTo(value.get(m)) == 0) return null;
            return IdentityChecker.allowed(kind.get(m), out) ? out : null;
        }

        /** All smallest combinations that make every constraint hold (iterative deepening). */
        List<Map<String, Reading>> solve() {
            for (int depth = 1; depth <= MAX_CHANGES && nodes <= MAX_NODES; depth++) {
                dfs(new LinkedHashMap<>(), depth);
                if (!solutions.isEmpty() || nodes > MAX_NODES) break;
            }
            return solutions;
        }

        private void dfs(Map<String, Reading> assigned, int depth) {
            if (++nodes > MAX_NODES || solutions.size() >= MAX_SOLUTIONS) return;
            int first = firstFailing(assigned, depth - assigned.size());
            if (first == -2) return;
            if (first < 0) {
                if (assigned.size() == depth && seen.add(key(assigned))) solutions.add(new LinkedHashMap<>(assigned));
                return;
            }
            if (assigned.size() >= depth) return;
            for (String slot : slotsOf(first)) {
                List<Reading> rs = readings.get(slot);
                if (rs == null || assigned.containsKey(slot)) continue;
                for (Reading r : rs) {
                    assigned.put(slot, r);
                    dfs(assigned, depth);
                    assigned.remove(slot);
                    if (nodes > MAX_NODES) return;
                }
            }
        }

        /**
         * The first constraint failing under the assignment, or -1 when none fails, or -2 when more fail
         * than the changes left could fix (each cell is in at most {@link #widest} constraints). Only
         * constraints on assigned cells can have changed.
         */
        private int firstFailing(Map<String, Reading> assigned, int changesLeft) {
            int first = Integer.MAX_VALUE;
            int count = 0;
            Set<Integer> touched = new java.util.HashSet<>();
            for (String slot : assigned.keySet()) touched.addAll(bySlot.getOrDefault(slot, List.of()));
            for (int i : touched) {
                if (fails(i, assigned)) {
                    count++;
                    if (i < first) first = i;
                }
            }
            for (int i : baseFailing()) {
                if (touched.contains(i)) continue;
                count++;
                if (i < first) first = i;
            }
            if (count > changesLeft * widest()) return -2;
            return first == Integer.MAX_VALUE ? -1 : first;
        }

        private int widest = -1;

        /** Most constraints one correctable cell is in. */
        private int widest() {
            if (widest < 0) {
                widest = 1;
                for (String slot : readings.keySet()) widest = Math.max(widest, bySlot.getOrDefault(slot, List.of()).size());
            }
            return widest;
        }

        private List<Integer> base;

        private List<Integer> baseFailing() {
            if (base == null) base = failingNow();
            return base;
        }

        private static String key(Map<String, Reading> m) {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Reading> e : new TreeMap<>(m).entrySet()) sb.append(e.getKey()).append('=').append(e.getValue().value()).append(';');
            return sb.toString();
        }
    }
}
