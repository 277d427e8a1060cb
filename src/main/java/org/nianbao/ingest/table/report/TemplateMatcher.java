package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lines up observed cells with a template by dynamic programming (an edit-distance alignment):
 * template cells are matched in order to observed cells, labels by text similarity (a label may be
 * split over up to three observed cells), values by reading as a number or a blank. Observed cells may
 * be skipped (empty placeholders of merged cells cheaply, text and numbers at a price) and template
 * cells may be missing (a missing row, a caption the capture dropped). Observed cells before and after
 * the table are free to skip, so the table is found inside a longer stream.
 *
 * <p>Work is bounded: one call costs O(template cells × window), and the window is capped.
 */
public final class TemplateMatcher {
    /** Most observed cells one alignment looks at. */
    public static final int MAX_WINDOW = 1200;

    static final double SKIP_EMPTY = 0.02;
    static final double SKIP_BLANK = 0.3;
    static final double SKIP_NUMBER = 0.9;
    static final double SKIP_TEXT = 0.7;
    static final double MISS_LABEL = 0.5;
    static final double MISS_VALUE = 0.8;
    static final double VALUE_FROM_EMPTY = 0.1;
    static final double VALUE_FROM_BLANK = 0.02;
    static final double VALUE_FROM_NOISE = 0.4;
    static final double MERGE_PENALTY = 0.1;
    static final double MIN_LABEL_SIMILARITY = 0.5;
    static final double TIE_BREAK = 1e-7;
    /** A label found out of reading order (a header the capture moved) must be this alike and unique. */
    static final double RESCUE_SIMILARITY = 0.85;

    private static final byte FROM_START = 0;
    private static final byte SKIP_OBS = 1;
    private static final byte MISS = 2;
    private static final byte MATCH1 = 3;
    private static final byte MATCH2 = 4;
    private static final byte MATCH3 = 5;

    private static final Map<String, Prepared> PREPARED = new ConcurrentHashMap<>();

    private TemplateMatcher() { }

    /**
     * Label keys of a template, computed once, and a cache of observed keys' similarities to its labels.
     *
     * @param exact every label and alias key, for telling a piece that is itself a label
     * @param slot per template cell, its index among the label cells ({@code -1} for a value cell)
     */
    private record Prepared(String[][] keys, char[][][] bags, java.util.Set<String> exact, int[] slot, int labels,
                            Map<String, double[]> similarities) {
        /** Distinct observed keys remembered per template; the cache starts over when it is full. */
        static final int MAX_CACHED_KEYS = 4096;

        static Prepared of(StandardTemplate t) {
            List<TemplateCell> cells = t.cells();
            String[][] keys = new String[cells.size()][];
            char[][][] bags = new char[cells.size()][][];
            int[] slot = new int[cells.size()];
            int labels = 0;
            for (int i = 0; i < cells.size(); i++) {
                TemplateCell c = cells.get(i);
                if (c.value()) {
                    slot[i] = -1;
                    continue;
                }
                slot[i] = labels++;
                keys[i] = new String[1 + c.aliases().size()];
                bags[i] = new char[keys[i].length][];
                keys[i][0] = LabelKey.key(c.label());
                for (int a = 0; a < c.aliases().size(); a++) keys[i][a + 1] = LabelKey.key(c.aliases().get(a));
                for (int a = 0; a < keys[i].length; a++) bags[i][a] = LabelKey.bag(keys[i][a]);
            }
            java.util.Set<String> exact = new java.util.HashSet<>();
            for (String[] k : keys) if (k != null) for (String key : k) if (!key.isEmpty()) exact.add(key);
            return new Prepared(keys, bags, exact, slot, labels, new ConcurrentHashMap<>());
        }

        /**
         * An observed key's best similarity (over aliases) to every label cell, indexed by {@link #slot}.
         * Reports and the tables within one repeat the same few hundred labels, so each distinct key is
         * compared with the labels once rather than once per alignment step.
         */
        double[] similaritiesOf(String key, char[] bag) {
            double[] v = similarities.get(key);
            if (v != null) return v;
            v = new double[labels];
            for (int i = 0; i < keys.length; i++) {
                if (slot[i] < 0) continue;
                double best = 0;
                for (int a = 0; a < keys[i].length; a++) best = Math.max(best, LabelKey.similarity(key, bag, keys[i][a], bags[i][a]));
                v[slot[i]] = best;
            }
            if (similarities.size() >= MAX_CACHED_KEYS) similarities.clear();
            similarities.put(key, v);
            return v;
        }
    }

    static String[] labelKeys(StandardTemplate t, int cellIndex) {
        return prepared(t).keys[cellIndex];
    }

    /** Whether {@code key} is exactly the key of a label (or alias) of {@code t} other than template cell {@code k}'s. */
    static boolean isAnotherLabel(StandardTemplate t, int k, String key) {
        Prepared p = prepared(t);
        if (!p.exact().contains(key)) return false;
        for (String own : p.keys[k]) if (own.equals(key)) return false;
        return true;
    }

    private static Prepared prepared(StandardTemplate t) {
        return PREPARED.computeIfAbsent(t.id(), k -> Prepared.of(t));
    }

    /** Aligns {@code t} with observed cells {@code [from, to)} (clipped to {@link #MAX_WINDOW}). */
    public static Alignment align(StandardTemplate t, CellStream s, int from, int to) {
        to = Math.min(to, Math.min(s.size(), from + MAX_WINDOW));
        Prepared p = prepared(t);
        List<TemplateCell> tc = t.cells();
        int m = tc.size();
        int n = Math.max(0, to - from);
        int w = n + 1;
        // similarity to every label of each text cell, and of two and three consecutive text cells joined
        // (a label split over cells): sims[k][q] for cells from + q .. from + q + k - 1, null when no label fits
        double[][][] sims = new double[4][][];
        for (int k = 1; k <= 3; k++) {
            sims[k] = new double[n][];
            for (int q = 0; q + k <= n; q++) sims[k][q] = windowSimilarities(p, s, from + q, k);
        }
        // per observed cell: the cost of skipping it, and of reading a value slot from it (-1: cannot)
        double[] skip = new double[n];
        double[] asValue = new double[n];
        for (int q = 0; q < n; q++) {
            skip[q] = skipCost(s, from + q);
            asValue[q] = valueCost(s, from + q);
        }
        Buffers buf = BUFFERS.get().ensure((m + 1) * w);
        double[] d = buf.cost;
        byte[] mv = buf.moves;
        for (int j = 0; j <= n; j++) {
            d[j] = 0;
            mv[j] = FROM_START;
        }
        for (int i = 1; i <= m; i++) {
            TemplateCell cell = tc.get(i - 1);
            // a later template cell is a hair cheaper to miss: when two readings cost the same (the last value
            // of a table cut short could be the end of one row or the start of the next), earlier cells are filled
            double miss = (cell.value() ? MISS_VALUE : MISS_LABEL) - TIE_BREAK * i;
            int row = i * w;
            int prev = (i - 1) * w;
            d[row] = (d[prev] + miss);
            mv[row] = MISS;
            int slot = p.slot[i - 1];
            for (int j = 1; j <= n; j++) {
                int o = from + j - 1;
                double best = (d[row + j - 1] + skip[j - 1]);
                byte move = SKIP_OBS;
                double c = (d[prev + j] + miss);
                if (c < best) {
                    best = c;
                    move = MISS;
                }
                if (cell.value()) {
                    double vc = asValue[j - 1];
                    if (vc >= 0) {
                        c = (d[prev + j - 1] + vc);
                        if (c < best) {
                            best = c;
                            move = MATCH1;
                        }
                    }
                } else if (s.kinds[o] == CellStream.TEXT) {
                    for (int k = 1; k <= 3 && k <= j; k++) {
                        if (k > 1 && s.kinds[from + j - k] != CellStream.TEXT) break;
                        double[] v = sims[k][j - k];
                        double sim = v == null ? 0 : v[slot];
                        if (sim < MIN_LABEL_SIMILARITY) continue;
                        c = (d[prev + j - k] + (1 - sim) + MERGE_PENALTY * (k - 1));
                        // a piece that is by itself another label of the table (a header 总计 just before
                        // 一、本年新收…) is that label out of place, not part of this one: as dear as skipping it
                        for (int q = k > 1 ? from + j - k : Integer.MAX_VALUE; q < from + j; q++) {
                            if (p.exact().contains(s.keys[q])) c += SKIP_TEXT;
                        }
                        if (c < best) {
                            best = c;
                            move = (byte) (MATCH1 + k - 1);
                        }
                    }
                }
                d[row + j] = best;
                mv[row + j] = move;
            }
        }
        // free trailing skip: the table may end anywhere
        int bestJ = 0;
        for (int j = 1; j <= n; j++) if (d[m * w + j] < d[m * w + bestJ]) bestJ = j;
        int[] first = new int[m];
        int[] count = new int[m];
        double[] sim = new double[m];
        java.util.Arrays.fill(first, -1);
        int i = m;
        int j = bestJ;
        while (i > 0) {
            byte move = mv[i * w + j];
            if (move == SKIP_OBS) {
                j--;
            } else if (move == MISS) {
                i--;
            } else if (move == FROM_START) {
                // only row 0 has FROM_START; unreachable for i > 0
                break;
            } else {
                int k = move - MATCH1 + 1;
                first[i - 1] = from + j - k;
                count[i - 1] = k;
                TemplateCell cell = tc.get(i - 1);
                sim[i - 1] = cell.value() ? 1 : sims[k][j - k][p.slot[i - 1]];
                i--;
                j -= k;
            }
        }
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (int k = 0; k < m; k++) {
            if (first[k] < 0) continue;
            start = Math.min(start, first[k]);
            end = Math.max(end, first[k] + count[k]);
        }
        if (end < 0) {
            start = from;
            end = from;
        }
        rescueMovedLabels(t, p, s, first, count, sim, start, end);
        IdentityRepair.apply(t, s, first, count);
        return new Alignment(t, s, first, count, sim, start, end, d[m * w + bestJ]);
    }

    /**
     * The most label and value cells of {@code t} that {@link #align} could find in observed cells
     * {@code [from, to)}, from counts alone: a label needs a text cell, or two or three consecutive ones,
     * at least {@link #MIN_LABEL_SIMILARITY} alike (a moved label, even more alike), and each observed
     * cell serves one template cell. Cheap next to an alignment, so templates that cannot reach
     * acceptance on these cells are not aligned at all.
     */
    public static Reach reach(StandardTemplate t, CellStream s, int from, int to) {
        to = Math.min(to, Math.min(s.size(), from + MAX_WINDOW));
        Prepared p = prepared(t);
        int values = 0;
        int texts = 0;
        for (int o = from; o < to; o++) {
            if (valueCost(s, o) >= 0) values++;
            else if (s.kinds[o] == CellStream.TEXT) texts++;
        }
        int templateValues = t.cells().size() - p.labels;
        int maxValues = Math.min(values, templateValues);
        int maxLabels = Math.min(texts, p.labels);
        return new Reach(maxLabels, maxValues, p, s, from, to);
    }

    /**
     * An upper bound on what an alignment finds: {@link #labels} and {@link #values} never fall below the
     * matched labels and values of {@code align} on the same cells.
     */
    public static final class Reach {
        private int labels;
        private final int values;
        private final Prepared p;
        private final CellStream s;
        private final int from;
        private final int to;
        private boolean refined;

        private Reach(int labels, int values, Prepared p, CellStream s, int from, int to) {
            this.labels = labels;
            this.values = values;
            this.p = p;
            this.s = s;
            this.from = from;
            this.to = to;
        }

        public int values() {
            return values;
        }

        /** The count bound on labels, before looking at what the text cells say. */
        public int labelsByCount() {
            return labels;
        }

        /** Template labels that some text cell (or two or three consecutive ones) is alike enough to. */
        public int labels() {
            if (refined) return labels;
            refined = true;
            boolean[] reachable = new boolean[p.labels];
            int found = 0;
            for (int q = from; q < to && found < labels; q++) {
                for (int k = 1; k <= 3 && q + k <= to; k++) {
                    double[] v = windowSimilarities(p, s, q, k);
                    if (v == null) break;
                    for (int l = 0; l < v.length; l++) {
                        if (!reachable[l] && v[l] >= MIN_LABEL_SIMILARITY) {
                            reachable[l] = true;
                            found++;
                        }
                    }
                }
            }
            labels = Math.min(labels, found);
            return labels;
        }
    }

    /** Similarities of observed cells {@code q .. q+k-1} joined to every label, or null when they cannot be a label. */
    private static double[] windowSimilarities(Prepared p, CellStream s, int q, int k) {
        for (int r = 0; r < k; r++) if (s.kinds[q + r] != CellStream.TEXT) return null;
        if (k == 1) return s.keys[q].isEmpty() ? null : p.similaritiesOf(s.keys[q], s.bags[q]);
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < k; r++) b.append(s.keys[q + r]);
        if (b.length() == 0 || b.length() > LabelKey.MAX_LABEL_CHARS) return null;
        String key = b.toString();
        return p.similaritiesOf(key, LabelKey.bag(key));
    }

    /**
     * Template labels left unmatched are looked for among the unused text cells of the table's span:
     * a capture sometimes lists a header out of order (004 puts 总计 in the first header row). Only an
     * unambiguous, near-exact match is taken.
     */
    private static void rescueMovedLabels(StandardTemplate t, Prepared p, CellStream s, int[] first, int[] count, double[] sim,
                                          int start, int end) {
        boolean[] used = new boolean[Math.max(0, end - start)];
        for (int k = 0; k < first.length; k++) {
            for (int q = 0; q < count[k]; q++) used[first[k] + q - start] = true;
        }
        List<TemplateCell> tc = t.cells();
        for (int k = 0; k < tc.size(); k++) {
            if (tc.get(k).value() || first[k] >= 0) continue;
            int found = -1;
            int candidates = 0;
            for (int o = start; o < end; o++) {
                if (used[o - start] || s.kinds[o] != CellStream.TEXT) continue;
                if (labelSimilarity(p, k, s, o) >= RESCUE_SIMILARITY) {
                    candidates++;
                    found = o;
                }
            }
            if (candidates != 1) continue;
            // the cell must not fit another missing label equally well
            boolean ambiguous = false;
            for (int q = 0; q < tc.size() && !ambiguous; q++) {
                if (q == k || tc.get(q).value() || first[q] >= 0) continue;
                if (labelSimilarity(p, q, s, found) >= RESCUE_SIMILARITY) ambiguous = true;
            }
            if (ambiguous) continue;
            first[k] = found;
            count[k] = 1;
            sim[k] = labelSimilarity(p, k, s, found);
            used[found - start] = true;
        }
    }

    private static double skipCost(CellStream s, int o) {
        return switch (s.kinds[o]) {
            case CellStream.EMPTY -> SKIP_EMPTY;
            case CellStream.BLANK -> SKIP_BLANK;
            case CellStream.NUMBER, CellStream.NUMERIC_NOISE -> SKIP_NUMBER;
            default -> SKIP_TEXT;
        };
    }

    /** Cost of reading a value slot from observed cell {@code o}, or -1 when the cell cannot be a value. */
    private static double valueCost(CellStream s, int o) {
        return switch (s.kinds[o]) {
            case CellStream.NUMBER -> 0;
            case CellStream.BLANK -> VALUE_FROM_BLANK;
            // an empty cell in a column of labels is the rest of a label spanning two columns, no blank figure
            case CellStream.EMPTY -> s.inLabelColumn[o] ? -1 : VALUE_FROM_EMPTY;
            case CellStream.NUMERIC_NOISE -> VALUE_FROM_NOISE;
            default -> -1;
        };
    }

    /** Best similarity of template label {@code cell} (any alias) to observed cell {@code o}. */
    private static double labelSimilarity(Prepared p, int cell, CellStream s, int o) {
        String key = s.keys[o];
        if (key.isEmpty()) return 0;
        return p.similaritiesOf(key, s.bags[o])[p.slot[cell]];
    }

    /**
     * The alignment table of one call, kept per thread and reused: every entry a call reads it has
     * written first, and a fresh table per call (up to 1.4 MB for the largest template and window)
     * made recognition allocation-bound on table-dense captures.
     */
    private static final class Buffers {
        double[] cost = new double[0];
        byte[] moves = new byte[0];

        Buffers ensure(int size) {
            if (cost.length < size) {
                cost = new double[size];
                moves = new byte[size];
            }
            return this;
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** Observed cells matched to label cells whose text differs from the official label (for deviations). */
    static List<int[]> labelVariants(Alignment a) {
        List<int[]> out = new ArrayList<>();
        List<TemplateCell> tc = a.template().cells();
        for (int k = 0; k < tc.size(); k++) {
            if (tc.get(k).value() || a.first()[k] < 0) continue;
            if (!LabelKey.key(a.observedText(k)).equals(labelKeys(a.template(), k)[0])) out.add(new int[] {k});
        }
        return out;
    }
}
