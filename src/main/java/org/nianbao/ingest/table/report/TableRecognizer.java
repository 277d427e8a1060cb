package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the standard tables in a stream of observed cells: slides a bounded window over the stream,
 * aligns every template that has anchors in the window, keeps the best acceptable alignment, and
 * continues after it. Total work is linear in the stream length (each window costs at most
 * templates × template cells × window).
 */
public final class TableRecognizer {
    /** Streams longer than this are not searched for standard tables at all (hostile input). */
    public static final int MAX_STREAM = 200_000;
    static final int WINDOW = 900;
    static final double MIN_COVERAGE = 0.35;
    static final double MIN_PURITY = 0.7;
    static final int MIN_LABELS = 3;

    private static final Map<String, Set<String>> ANCHORS = new HashMap<>();

    static {
        for (StandardTemplate t : StandardTemplates.all()) {
            Set<String> set = new HashSet<>();
            for (int k = 0; k < t.cells().size(); k++) {
                if (t.cells().get(k).value()) continue;
                for (String key : TemplateMatcher.labelKeys(t, k)) {
                    for (int len = Math.min(3, key.length()); len <= key.length(); len++) set.add(key.substring(0, len));
                }
            }
            ANCHORS.put(t.id(), set);
        }
    }

    private TableRecognizer() { }

    /** Whether an alignment is good enough to call the cells that standard table. */
    public static boolean accepted(Alignment a) {
        return a.matchedLabels() >= MIN_LABELS && a.matchedValues() >= 1 && a.coverage() >= MIN_COVERAGE && a.purity() >= MIN_PURITY
                && (headed(a) || rowsLabelled(a));
    }

    /**
     * Whether every row of a big template that took values also found its own row label (closely alike,
     * not another row's label): a part of a table without its head (the rows after a page break in a
     * capture) is a standard table when it keys each number by a row it can name.
     */
    static boolean rowsLabelled(Alignment a) {
        StandardTemplate t = a.template();
        List<TemplateCell> tc = t.cells();
        Map<Integer, Integer> rowLabel = new HashMap<>();
        for (int k = 0; k < tc.size(); k++) {
            TemplateCell c = tc.get(k);
            if (c.value()) continue;
            Integer prev = rowLabel.get(c.row());
            if (prev == null || tc.get(prev).col() < c.col()) rowLabel.put(c.row(), k);
        }
        for (int k = 0; k < tc.size(); k++) {
            TemplateCell c = tc.get(k);
            if (!c.value() || a.first()[k] < 0) continue;
            Integer label = rowLabel.get(c.row());
            if (label == null || !closeMatch(a, label)) return false;
        }
        return true;
    }

    /** Template label {@code k} was found, closely alike, and what was found is not exactly another of the template's labels. */
    private static boolean closeMatch(Alignment a, int k) {
        return a.first()[k] >= 0 && a.similarity()[k] >= HEAD_SIMILARITY
                && !TemplateMatcher.isAnotherLabel(a.template(), k, LabelKey.key(a.observedText(k)));
    }

    /**
     * Whether a big template (section 三) found its head: two labels (read closely alike) of the column header rows or of
     * the first data rows (一、本年新收, 二、上年结转); one could be a body row's short label ({@code 3.其他} of the
     * 2021 layout is 0.8 alike to the header 其他 of the 2019 one). Without them, values are taken by position
     * alone, and a run of body rows (a capture that repeats a piece of the table) filled the template's
     * first rows with the numbers of later ones, each piece a full keyed table of wrong paths; such a
     * headless piece is a standard table only when {@link #rowsLabelled} too. Small templates (sections 二
     * and 四) are printed as small parts and keep the coverage rules alone.
     */
    static boolean headed(Alignment a) {
        StandardTemplate t = a.template();
        if (t.cells().size() <= BIG_TEMPLATE) return true;
        int firstValueRow = Integer.MAX_VALUE;
        for (TemplateCell c : t.cells()) if (c.value()) firstValueRow = Math.min(firstValueRow, c.row());
        int found = 0;
        for (int k = 0; k < t.cells().size(); k++) {
            TemplateCell c = t.cells().get(k);
            if (c.value() || c.row() > firstValueRow + 1) continue;
            // a body label taken for a header (（七）总计 for 总计, 3.其他 for 其他) is no head
            if (closeMatch(a, k) && ++found >= MIN_HEAD_LABELS) return true;
        }
        return false;
    }

    /**
     * How alike a head label must be to count: loose matches do not ({@code （六）其他处理} is 0.57 alike
     * to the header 其他); a 4-character header with one character misread by OCR is 0.75.
     */
    static final double HEAD_SIMILARITY = 0.7;
    static final int MIN_HEAD_LABELS = 2;

    /** Templates with more cells than this (section 三) need more evidence: anchors, a head. */
    static final int BIG_TEMPLATE = 100;

    /**
     * Every standard table found in the stream, in stream order, not overlapping. Templates are only
     * tried in windows holding a few of their labels exactly (or cut short): right for text captures,
     * whose labels are exact; OCR'd grids use {@link #best}, which tries every template.
     */
    public static List<Alignment> carve(CellStream s) {
        return carve(s, StandardTemplates.all(), true);
    }

    public static List<Alignment> carve(CellStream s, List<StandardTemplate> templates, boolean useAnchors) {
        List<Alignment> out = new ArrayList<>();
        int n = s.size();
        if (n == 0 || n > MAX_STREAM) return out;
        int pos = 0;
        while (pos < n) {
            int end = Math.min(n, pos + WINDOW);
            Alignment best = bestIn(s, pos, end, templates, !useAnchors && n <= WINDOW);
            if (best == null) {
                if (end == n) break;
                pos += WINDOW / 2;
                continue;
            }
            if (best.start() > pos && best.start() + WINDOW > end && end < n) {
                // the table may run past the window: align the chosen template again from its start
                Alignment again = TemplateMatcher.align(best.template(), s, best.start(), Math.min(n, best.start() + WINDOW));
                if (accepted(again) && again.quality() >= best.quality() - 1e-9) best = again;
            }
            out.add(best);
            pos = Math.max(best.end(), pos + 1);
        }
        return out;
    }

    /** The single best standard table over the whole stream (grids: every template tried, noisy labels too), or null. */
    public static Alignment best(CellStream s) {
        Alignment best = null;
        for (Alignment a : carve(s, StandardTemplates.all(), false)) {
            if (best == null || a.matchedLabels() + a.matchedValues() > best.matchedLabels() + best.matchedValues()) best = a;
        }
        return best;
    }

    private static Alignment bestIn(CellStream s, int from, int to, List<StandardTemplate> templates, boolean skipAnchors) {
        List<Alignment> found = new ArrayList<>();
        for (StandardTemplate t : templates) {
            if (!skipAnchors && anchors(t, s, from, to) < minAnchors(t)) continue;
            // a window a few times the template's size: room for empty placeholders and stray cells
            int end = Math.min(to, from + 4 * t.cells().size() + 100);
            if (!reachable(t, TemplateMatcher.reach(t, s, from, end))) continue;
            Alignment a = TemplateMatcher.align(t, s, from, end);
            if (accepted(a)) found.add(a);
        }
        if (found.isEmpty()) return null;
        // the table that starts first wins; tables competing for the same cells are compared by quality
        Alignment earliest = found.get(0);
        for (Alignment a : found) if (a.start() < earliest.start()) earliest = a;
        Alignment best = earliest;
        for (Alignment a : found) {
            boolean overlaps = a.start() < earliest.end() && earliest.start() < a.end();
            if (overlaps && better(a, best)) best = a;
        }
        return best;
    }

    /**
     * Whether alignment {@code a} is the better reading of the cells than {@code b}: by
     * {@link Alignment#quality} (found cells minus cost, per template cell), except between the two
     * formats' layouts of one section when only one of them found labels the other format does not have
     * ({@link #ownLabels}): those rows are printed only in that format. Per template cell, a 2021 section
     * 三 whose last row went to the next page (8 of its 215 cells missing) lost to the 2019 layout, which
     * skipped the three （六） sub-rows' labels it has no place for, keyed every row after （六） one row off
     * and stopped before the real （七）总计 row.
     */
    static boolean better(Alignment a, Alignment b) {
        if (a.template().section().equals(b.template().section()) && !a.template().id().equals(b.template().id())) {
            boolean aOwn = ownLabels(a, b.template()) > 0;
            boolean bOwn = ownLabels(b, a.template()) > 0;
            if (aOwn != bOwn) return aOwn;
        }
        return a.quality() > b.quality();
    }

    /**
     * Labels of {@code a}'s template that {@code other} has no label or alias for, found closely alike
     * ({@link #OWN_SIMILARITY}) in text that is not exactly a label of either template.
     */
    static int ownLabels(Alignment a, StandardTemplate other) {
        java.util.Set<String> others = new HashSet<>();
        for (int k = 0; k < other.cells().size(); k++) {
            if (!other.cells().get(k).value()) others.addAll(List.of(TemplateMatcher.labelKeys(other, k)));
        }
        StandardTemplate t = a.template();
        int n = 0;
        for (int k = 0; k < t.cells().size(); k++) {
            if (t.cells().get(k).value() || a.first()[k] < 0 || a.similarity()[k] < OWN_SIMILARITY) continue;
            boolean shared = false;
            for (String key : TemplateMatcher.labelKeys(t, k)) shared |= others.contains(key);
            if (shared) continue;
            String seen = LabelKey.key(a.observedText(k));
            if (others.contains(seen) || TemplateMatcher.isAnotherLabel(t, k, seen)) continue;
            n++;
        }
        return n;
    }

    /** How alike a label only one format has must be read to tell the format (one character of a long label off). */
    static final double OWN_SIMILARITY = 0.85;

    /**
     * Whether an alignment could be {@link #accepted} at all, judged from an upper bound on what it can
     * find: skipping one that cannot changes no result and saves most of the work on table-dense input
     * (section 三's 200-cell templates against every small table).
     */
    static boolean reachable(StandardTemplate t, TemplateMatcher.Reach r) {
        int m = t.cells().size();
        if (r.values() < 1) return false;
        if (r.labelsByCount() < MIN_LABELS || (double) (r.labelsByCount() + r.values()) / m < MIN_COVERAGE) return false;
        return r.labels() >= MIN_LABELS && (double) (r.labels() + r.values()) / m >= MIN_COVERAGE;
    }

    /** Distinct template labels (or their beginnings) among the window's cells: a cheap pre-filter. */
    private static int anchors(StandardTemplate t, CellStream s, int from, int to) {
        Set<String> set = ANCHORS.get(t.id());
        Set<String> seen = new HashSet<>();
        int need = minAnchors(t);
        for (int j = from; j < to; j++) {
            if (s.kinds[j] == CellStream.TEXT && set.contains(s.keys[j]) && seen.add(s.keys[j]) && seen.size() >= need) return need;
        }
        return seen.size();
    }

    /** Big templates need more distinct anchors, so that a stray 总计 does not wake section 三 up. */
    private static int minAnchors(StandardTemplate t) {
        return t.cells().size() > BIG_TEMPLATE ? 4 : 2;
    }
}
