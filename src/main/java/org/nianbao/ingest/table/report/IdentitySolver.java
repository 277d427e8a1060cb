package org.nianbao.ingest.table.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.StandardTable.Correction;
import org.nianbao.ingest.model.StandardTable.KeyedValue;
import org.nianbao.ingest.model.Table;

/**
 * Works out, from the identities, the figures OCR could not read at all. A count cell of an OCR'd grid
 * whose text is no number ({@code OO}, {@code D :.}, {@code 本}, a speck read as letters) or that came
 * out blank although there was ink in it is an <em>unknown</em>; every other cell is taken as read. A sum
 * identity (I1–I6) with exactly one unknown left determines it; solving one may leave another identity
 * with one unknown, so this is repeated until nothing changes. {@link IdentityCorrector} cannot do this:
 * it only tries the readings OCR offered, and an identity with a non-number in it is not checkable for it.
 *
 * <p>A value is taken only when it is a non-negative integer, every identity it is in holds (or, with
 * unknowns still in it, can still hold with non-negative counts), and it is <em>confirmed</em>: a second
 * identity, complete once everything is solved, holds with it, or it is what OCR itself offered (an
 * alternative reading, the digits OCR confuses with the characters read). A value that rests on a
 * value not taken is not taken either.
 *
 * <p>When a figure read as a number is wrong too (a 0 with a blob in its hole read 8), the unknowns
 * around it cannot be solved consistently. Then one, at most {@link #MAX_DOUBTED}, unsure figures are
 * doubted — treated as unknowns as well: a figure read with confidence under {@link #UNSURE}, or one
 * whose forced value is among its own other readings. A doubted figure is changed only when it is
 * forced, differs from what was read, and exactly one choice of doubted figures solves every unknown
 * consistently. Doubts are guesses (which figure is wrong), so they are bounded; forced values are not
 * guesses and are not counted — each is checked against every identity it is in instead.
 *
 * <p>Never touched: a cell of an exact source (HTML, PDF text layer, text capture: confidence 100, no
 * alternatives, not {@code image-rulings}); a blank OCR cell without ink (a printed blank stays blank,
 * distinct from 0); amounts and signed cells (section 二 has no sum identities).
 */
final class IdentitySolver {
    /** A blank OCR cell read with less confidence than this held ink that no reading made anything of. */
    static final double INKED_BLANK = 50;
    /** A figure read with less confidence than this may be doubted. */
    static final double UNSURE = 50;
    /** Figures read as numbers that may be doubted at once. */
    static final int MAX_DOUBTED = 2;
    /** Doubt sets tried at most (bounds the work on a table full of unsure figures). */
    static final int MAX_TRIES = 2_000;
    /** Above this share of unknown count cells the grid reading is too broken to rebuild from its sums. */
    static final double MAX_UNKNOWN_SHARE = 0.25;

    private IdentitySolver() { }

    /**
     * @param bySlot the keyed values after solving
     * @param table  the standard table with corrections added (checks not yet re-run)
     * @param grid   the grid with the solved cells' text
     * @param solved how many cells were solved
     * @param note   a sentence for the warning ("" when nothing was solved)
     */
    record Result(Map<String, KeyedValue> bySlot, StandardTable table, Table grid, int solved, String note) { }

    /** One value worked out: how, and from what. */
    record Solution(BigDecimal value, int identity, Set<String> dependsOn) { }

    static Result solve(StandardTemplate t, Map<String, KeyedValue> bySlot, StandardTable st, Table grid, String origin) {
        Result none = new Result(bySlot, st, grid, 0, "");
        Problem p = Problem.of(t, bySlot, grid, origin);
        if (p == null || p.unknowns.isEmpty()) return none;
        if (p.unknowns.size() > MAX_UNKNOWN_SHARE * p.countCells) return none;
        Outcome plain = p.run(Set.of());
        Outcome best = plain;
        Set<String> doubted = Set.of();
        if (plain.rejected > 0) {
            // some unknown could not be solved consistently: one or two figures read as numbers next to
            // it may be wrong too; the smallest doubt set that solves all consistently, if unique
            List<String> doubtable = p.doubtable(plain);
            int tries = 0;
            for (int size = 1; size <= MAX_DOUBTED && doubted.isEmpty(); size++) {
                List<Set<String>> found = new ArrayList<>();
                List<Outcome> outcomes = new ArrayList<>();
                for (Set<String> d : subsets(doubtable, size)) {
                    if (++tries > MAX_TRIES) break;
                    Outcome o = p.run(d);
                    if (o.rejected == 0 && o.allDoubtedChanged(d, p) && p.failingWith(o.accepted).isEmpty()) {
                        found.add(d);
                        outcomes.add(o);
                    }
                }
                if (found.size() == 1) {
                    doubted = found.get(0);
                    best = outcomes.get(0);
                } else if (found.size() > 1) {
                    break; // several choices of the wrong figures would do: a guess, so none is taken
                }
            }
        }
        if (best.accepted.isEmpty()) return none;
        return apply(p, st, bySlot, grid, best, doubted);
    }

    private static Result apply(Problem p, StandardTable st, Map<String, KeyedValue> bySlot, Table grid, Outcome o, Set<String> doubted) {
        Map<String, KeyedValue> fixed = new HashMap<>(bySlot);
        Map<String, String> cellText = new HashMap<>();
        List<Correction> corrections = new ArrayList<>(st.corrections());
        List<Map.Entry<String, Solution>> inGridOrder = new ArrayList<>(o.accepted.entrySet());
        inGridOrder.sort(java.util.Comparator.comparingInt((Map.Entry<String, Solution> e) -> bySlot.get(e.getKey()).row())
                .thenComparingInt(e -> bySlot.get(e.getKey()).col()));
        for (Map.Entry<String, Solution> e : inGridOrder) {
            String slot = e.getKey();
            KeyedValue kv = bySlot.get(slot);
            Solution s = e.getValue();
            String value = s.value().toPlainString();
            fixed.put(slot, new KeyedValue(kv.rowPath(), kv.colPath(), value, value, kv.row(), kv.col()));
            cellText.put(kv.row() + "," + kv.col(), value);
            corrections.add(new Correction(kv.row(), kv.col(), kv.text(), value, p.reason(slot, s, o, doubted.contains(slot))));
        }
        List<KeyedValue> values = new ArrayList<>();
        for (KeyedValue kv : st.values()) {
            KeyedValue replaced = kv;
            for (String slot : o.accepted.keySet()) {
                KeyedValue old = bySlot.get(slot);
                if (old.row() == kv.row() && old.col() == kv.col()) replaced = fixed.get(slot);
            }
            values.add(replaced);
        }
        List<Cell> cells = new ArrayList<>();
        for (Cell c : grid.cells()) {
            String text = cellText.get(c.row() + "," + c.col());
            cells.add(text == null ? c : c.withText(text));
        }
        int unknownsSolved = 0;
        for (String slot : o.accepted.keySet()) if (!doubted.contains(slot)) unknownsSolved++;
        String note = unknownsSolved + (unknownsSolved == 1 ? " unread OCR figure" : " unread OCR figures")
                + " worked out from the identities" + (doubted.isEmpty() ? "" : " (" + doubted.size()
                + (doubted.size() == 1 ? " unsure figure" : " unsure figures") + " read as numbers changed with them)")
                + (o.unsolved > 0 ? "; " + o.unsolved + " left as read (not determined, or not confirmed)" : "");
        StandardTable out = new StandardTable(st.template(), values, IdentityChecker.check(p.template, fixed), st.deviations(), corrections);
        return new Result(fixed, out, new Table(grid.rows(), grid.cols(), cells), o.accepted.size(), note);
    }

    /** Every subset of {@code items} of the given size, in order. */
    static List<Set<String>> subsets(List<String> items, int size) {
        List<Set<String>> out = new ArrayList<>();
        if (size == 1) {
            for (String s : items) out.add(Set.of(s));
        } else if (size == 2) {
            for (int i = 0; i < items.size(); i++) for (int j = i + 1; j < items.size(); j++) out.add(Set.of(items.get(i), items.get(j)));
        }
        return out;
    }

    /** What one run of the propagation gave: the values taken, how many unknowns were left, whether all is consistent. */
    record Outcome(Map<String, Solution> accepted, int rejected, int unsolved) {
        /**
         * Every doubted figure was worked out, to something other than what was read, and is either unsure
         * or was offered that value by OCR itself.
         */
        boolean allDoubtedChanged(Set<String> doubted, Problem p) {
            for (String d : doubted) {
                Solution s = accepted.get(d);
                if (s == null || s.value().compareTo(p.value.get(d)) == 0) return false;
                if (p.confidence.getOrDefault(d, 100.0) >= UNSURE && !p.isCandidate(d, s.value())) return false;
            }
            return true;
        }
    }

    /** The identities on the table's count cells, the cells as read, and which of them are unknown. */
    static final class Problem {
        final List<IdentityChecker.SumSpec> sums;
        final List<Map<String, Integer>> signs = new ArrayList<>();
        final Map<String, List<Integer>> identitiesOf = new HashMap<>();
        /** Numbers as read (null: blank, text or missing). */
        final Map<String, BigDecimal> value = new HashMap<>();
        /** Count cells of OCR origin that read as no number (text, or blank over ink). */
        final Set<String> unknowns = new LinkedHashSet<>();
        /** Readings OCR offered per OCR cell (alternatives, confusable letters as digits) that are numbers. */
        final Map<String, List<BigDecimal>> candidates = new HashMap<>();
        final Map<String, Double> confidence = new HashMap<>();
        final Set<String> ocr = new LinkedHashSet<>();
        final Map<String, KeyedValue> kvs;
        final StandardTemplate template;
        int countCells;

        private Problem(StandardTemplate template, List<IdentityChecker.SumSpec> sums, Map<String, KeyedValue> kvs) {
            this.template = template;
            this.sums = sums;
            this.kvs = kvs;
        }

        static Problem of(StandardTemplate t, Map<String, KeyedValue> kvs, Table grid, String origin) {
            List<IdentityChecker.SumSpec> sums = IdentityChecker.sums(t);
            if (sums.isEmpty()) return null;
            Problem p = new Problem(t, sums, kvs);
            for (int i = 0; i < sums.size(); i++) {
                Map<String, Integer> m = new HashMap<>();
                for (String s : sums.get(i).left()) m.merge(s, 1, Integer::sum);
                for (String s : sums.get(i).right()) m.merge(s, -1, Integer::sum);
                p.signs.add(m);
                for (String s : m.keySet()) p.identitiesOf.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
            }
            Map<String, Cell> cellAt = new HashMap<>();
            for (Cell c : grid.cells()) cellAt.put(c.row() + "," + c.col(), c);
            for (TemplateCell tc : t.values()) {
                String slot = tc.slotKey();
                KeyedValue kv = kvs.get(slot);
                if (kv == null || tc.kind() != ValueKind.COUNT) continue;
                p.countCells++;
                if (kv.value() != null) p.value.put(slot, new BigDecimal(kv.value()));
                Cell cell = cellAt.get(kv.row() + "," + kv.col());
                // only a grid cell that holds exactly this one value (not a digit run split in pieces)
                if (cell == null || !cell.text().strip().equals(kv.text())) continue;
                boolean fromOcr = IdentityCorrector.OCR_ORIGIN.equals(origin) || !cell.alternatives().isEmpty() || cell.confidence() < 100;
                if (!fromOcr) continue;
                p.ocr.add(slot);
                p.confidence.put(slot, cell.confidence());
                p.candidates.put(slot, candidates(cell, kv));
                boolean blank = NumberCell.isBlank(kv.text());
                if (kv.value() == null && p.identitiesOf.containsKey(slot) && (!blank || cell.confidence() < INKED_BLANK)) {
                    p.unknowns.add(slot);
                }
            }
            return p;
        }

        /** The numbers among the cell's other readings and its letters read as the digits OCR confuses them with. */
        private static List<BigDecimal> candidates(Cell cell, KeyedValue kv) {
            List<BigDecimal> out = new ArrayList<>();
            List<String> texts = new ArrayList<>(cell.alternatives());
            String mapped = Confusions.asDigits(kv.text());
            if (mapped != null) texts.add(mapped);
            for (String s : texts) {
                NumberCell.Parsed parsed = NumberCell.parse(s == null ? "" : s.strip());
                if (parsed.isNumber() && IdentityChecker.allowed(ValueKind.COUNT, parsed.decimal())) out.add(parsed.decimal().stripTrailingZeros());
            }
            return out;
        }

        boolean isCandidate(String slot, BigDecimal v) {
            for (BigDecimal c : candidates.getOrDefault(slot, List.of())) if (c.compareTo(v) == 0) return true;
            return false;
        }

        /** Identities complete with the solved values in place that fail. */
        List<Integer> failingWith(Map<String, Solution> solved) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < sums.size(); i++) {
                Terms t = terms(i, solved, solved.keySet());
                if (!t.blocked() && t.known().signum() != 0) out.add(i);
            }
            return out;
        }

        /**
         * Identity {@code i} with the values in: cells in {@code vars} count as solved when {@code solved}
         * has them and as open otherwise, every other cell as read.
         *
         * @param known     Σ sign × value over the terms with a value (as far as read when blocked)
         * @param blocked   a term has no value at all (a printed blank, a cell not found): the identity says nothing
         * @param lastOpen  the last open term met, for an identity with one open term
         * @param used      the solved terms it rests on
         */
        private record Terms(BigDecimal known, boolean blocked, int openPlus, int openMinus, int openBothSides, String lastOpen,
                             Set<String> used) {
            int open() {
                return openPlus + openMinus + openBothSides;
            }
        }

        private Terms terms(int i, Map<String, Solution> solved, Set<String> vars) {
            BigDecimal known = BigDecimal.ZERO;
            int openPlus = 0;
            int openMinus = 0;
            int openBothSides = 0;
            String lastOpen = null;
            Set<String> used = new LinkedHashSet<>();
            for (Map.Entry<String, Integer> e : signs.get(i).entrySet()) {
                String s = e.getKey();
                BigDecimal v;
                if (vars.contains(s)) {
                    Solution sol = solved.get(s);
                    if (sol == null) {
                        lastOpen = s;
                        if (e.getValue() > 0) openPlus++;
                        else if (e.getValue() < 0) openMinus++;
                        else openBothSides++;
                        continue;
                    }
                    v = sol.value();
                    used.add(s);
                } else {
                    v = value.get(s);
                }
                if (v == null) return new Terms(known, true, openPlus, openMinus, openBothSides, lastOpen, used);
                known = known.add(v.multiply(BigDecimal.valueOf(e.getValue())));
            }
            return new Terms(known, false, openPlus, openMinus, openBothSides, lastOpen, used);
        }

        /**
         * Figures read as numbers that may be wrong: OCR figures in an identity that holds an unknown the
         * plain run could not take, read unsurely or with other readings offered, in the grid's order.
         */
        List<String> doubtable(Outcome plain) {
            Set<Integer> suspect = new LinkedHashSet<>();
            for (String u : unknowns) if (!plain.accepted().containsKey(u)) suspect.addAll(identitiesOf.getOrDefault(u, List.of()));
            List<String> out = new ArrayList<>();
            for (String slot : ocr) {
                if (unknowns.contains(slot) || !value.containsKey(slot)) continue;
                boolean in = false;
                for (int i : identitiesOf.getOrDefault(slot, List.of())) in |= suspect.contains(i);
                if (!in) continue;
                if (confidence.getOrDefault(slot, 100.0) < UNSURE || !candidates.getOrDefault(slot, List.of()).isEmpty()) out.add(slot);
            }
            return out;
        }

        /** Propagates with the unknowns and the doubted figures as variables; keeps only consistent, confirmed values. */
        Outcome run(Set<String> doubted) {
            Set<String> vars = new LinkedHashSet<>(unknowns);
            vars.addAll(doubted);
            Map<String, Solution> solved = new LinkedHashMap<>();
            Set<String> bad = new LinkedHashSet<>();
            boolean changed = true;
            int rounds = 0;
            while (changed && rounds++ <= vars.size()) {
                changed = false;
                for (int i = 0; i < sums.size(); i++) {
                    Terms t = terms(i, solved, vars);
                    if (t.blocked() || t.open() != 1) continue;
                    String open = t.lastOpen();
                    int sign = signs.get(i).get(open);
                    if (sign == 0) continue; // on both sides: cancels out
                    // sign * x + known = 0
                    BigDecimal x = t.known().negate().divide(BigDecimal.valueOf(sign));
                    Set<String> deps = new LinkedHashSet<>(t.used());
                    for (String u : t.used()) deps.addAll(solved.get(u).dependsOn());
                    solved.put(open, new Solution(x, i, deps));
                    if (!IdentityChecker.allowed(ValueKind.COUNT, x)) bad.add(open);
                    changed = true;
                }
            }
            // every identity with a solved value in it must hold, or still be able to hold
            for (int i = 0; i < sums.size(); i++) {
                Boolean ok = holds(i, solved, vars);
                if (ok != null && !ok) {
                    for (String s : signs.get(i).keySet()) if (solved.containsKey(s)) bad.add(s);
                }
            }
            // confirmed: a second complete identity holds with it, or OCR offered it
            for (Map.Entry<String, Solution> e : solved.entrySet()) {
                String s = e.getKey();
                if (bad.contains(s)) continue;
                boolean confirmed = isCandidate(s, e.getValue().value());
                for (int i : identitiesOf.get(s)) {
                    if (i != e.getValue().identity() && Boolean.TRUE.equals(holds(i, solved, vars))) confirmed = true;
                }
                if (!confirmed) bad.add(s);
            }
            // a value that rests on one not taken is not taken either
            boolean more = true;
            while (more) {
                more = false;
                for (Map.Entry<String, Solution> e : solved.entrySet()) {
                    if (bad.contains(e.getKey())) continue;
                    for (String d : e.getValue().dependsOn()) {
                        if (bad.contains(d)) {
                            bad.add(e.getKey());
                            more = true;
                            break;
                        }
                    }
                }
            }
            Map<String, Solution> accepted = new LinkedHashMap<>();
            for (Map.Entry<String, Solution> e : solved.entrySet()) if (!bad.contains(e.getKey())) accepted.put(e.getKey(), e.getValue());
            int rejected = 0;
            for (String s : bad) if (solved.containsKey(s)) rejected++;
            int unsolved = 0;
            for (String u : unknowns) if (!accepted.containsKey(u)) unsolved++;
            return new Outcome(accepted, rejected, unsolved);
        }

        /**
         * Whether identity {@code i} holds with the solved values: true/false when complete, false when the
         * unknowns left in it all sit on one side and would have to be negative, null when it cannot be said
         * (blank operands, or unknowns on both sides) or holds no solved value.
         */
        private Boolean holds(int i, Map<String, Solution> solved, Set<String> vars) {
            Terms t = terms(i, solved, vars);
            if (t.blocked() || t.used().isEmpty()) return null;
            BigDecimal d = t.known();
            int openPlus = t.openPlus();
            int openMinus = t.openMinus();
            if (openPlus == 0 && openMinus == 0) return d.signum() == 0;
            // open unknowns are non-negative: Σ(+open) − Σ(−open) = −d
            if (openMinus == 0) return d.signum() <= 0 ? null : Boolean.FALSE;
            if (openPlus == 0) return d.signum() >= 0 ? null : Boolean.FALSE;
            return null;
        }

        /** Why the slot got its value, for the correction's record. */
        String reason(String slot, Solution s, Outcome o, boolean doubted) {
            KeyedValue kv = kvs.get(slot);
            IdentityChecker.SumSpec spec = sums.get(s.identity());
            List<String> also = new ArrayList<>();
            for (int i : identitiesOf.get(slot)) {
                if (i != s.identity() && also.size() < 2) also.add(sums.get(i).id());
            }
            String what = doubted ? "figure read '" + kv.text() + "' with confidence " + Math.round(confidence.getOrDefault(slot, 0.0))
                    + " is the one unsure figure that makes the unread cells solvable"
                    : NumberCell.isBlank(kv.text()) ? "cell came out blank though it holds ink" : "'" + kv.text() + "' is no number";
            String mapped = Confusions.asDigits(kv.text());
            String offered = mapped != null && NumberCell.isNumber(mapped) && NumberCell.parse(mapped).decimal().compareTo(s.value()) == 0
                    ? "; the digits OCR confuses with these characters give it too"
                    : isCandidate(slot, s.value()) ? "; OCR offered this reading too" : "";
            return "OCR " + what + "; forced by " + spec.description() + " as its one unknown"
                    + (s.dependsOn().isEmpty() ? "" : " (after " + s.dependsOn().size() + " other cell(s) were worked out)")
                    + "; no identity it is in fails with it (" + String.join(", ", also) + " checked)" + offered;
        }
    }
}
