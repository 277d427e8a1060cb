package org.nianbao.ingest.eval.gen;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.nianbao.ingest.eval.layout.StandardLayouts;
import org.nianbao.ingest.eval.layout.StandardLayouts.RequestRow;
import org.nianbao.ingest.eval.layout.TableLayout;

/**
 * Plausible numbers for the three standard tables that satisfy identities I1–I6 of report-format.md
 * §6: mostly zeros (most agencies receive few requests), some large counts (licensing decisions,
 * requests to a busy bureau), signed changes in 2019, a decimal money amount.
 */
public final class NumberFiller {
    /** How busy the agency is; drives the size of every count. */
    enum Activity { QUIET, NORMAL, BUSY }

    private final Random rnd;
    private final Activity activity;

    public NumberFiller(Random rnd) {
        this.rnd = rnd;
        double p = rnd.nextDouble();
        this.activity = p < 0.45 ? Activity.QUIET : p < 0.8 ? Activity.NORMAL : Activity.BUSY;
    }

    public List<FilledTable> fill(int format) {
        return List.of(active(format), requests(format), appeals(format));
    }

    // ------------------------------------------------------------------ 二

    FilledTable active(int format) {
        TableLayout layout = StandardLayouts.active(format);
        Map<String, String> v = new HashMap<>();
        if (format == 2021) {
            put(v, 2, countsOf(0, 0, rnd.nextInt(10) < 2 ? 1 + rnd.nextInt(3) : 0));
            int made = small(6);
            int repealed = rnd.nextInt(10) < 3 ? rnd.nextInt(3) : 0;
            put(v, 3, new String[]{"" + made, "" + repealed, "" + (made + rnd.nextInt(40))});
            v.put(FilledTable.pos(6, 1), "" + big(1500));
            v.put(FilledTable.pos(9, 1), "" + big(400));
            v.put(FilledTable.pos(10, 1), "" + small(12));
            v.put(FilledTable.pos(13, 1), amount());
        } else {
            put(v, 2, countsOf(0, 0, 0));
            int made = small(8);
            put(v, 3, new String[]{"" + made, "" + made, "" + (made + rnd.nextInt(60))});
            put(v, 6, itemRow(true));
            put(v, 7, itemRow(false));
            put(v, 10, itemRow(true));
            put(v, 11, itemRow(false));
            int fees = rnd.nextInt(10) < 3 ? 1 + rnd.nextInt(5) : 0;
            v.put(FilledTable.pos(14, 1), "" + fees);
            v.put(FilledTable.pos(14, 2), signed(fees == 0 ? 0 : rnd.nextInt(3) - 1));
            int projects = rnd.nextInt(10) < 4 ? 1 + rnd.nextInt(20) : 0;
            v.put(FilledTable.pos(17, 1), "" + projects);
            v.put(FilledTable.pos(17, 2), projects == 0 ? "0" : money());
        }
        return new FilledTable(layout, v);
    }

    private static String[] countsOf(int a, int b, int c) {
        return new String[]{"" + a, "" + b, "" + c};
    }

    private static void put(Map<String, String> v, int row, String[] three) {
        for (int i = 0; i < 3; i++) v.put(FilledTable.pos(row, 1 + i), three[i]);
    }

    /** 2019 item rows: last year's items, signed change, decisions this year. */
    private String[] itemRow(boolean main) {
        if (!main && rnd.nextInt(10) < 7) return countsOf(0, 0, 0);
        int items = main ? small(60) : small(10);
        int change = items == 0 ? 0 : rnd.nextInt(7) - 3;
        if (items + change < 0) change = -items;
        int decisions = items == 0 ? 0 : big(main ? 1200 : 50);
        return new String[]{"" + items, signed(change), "" + decisions};
    }

    private String signed(int n) {
        if (n > 0 && rnd.nextInt(4) == 0) return "+" + n;
        return Integer.toString(n);
    }

    /** 2021 fee income in 万元: decimals most of the time a fee is charged at all. */
    private String amount() {
        int p = rnd.nextInt(10);
        if (p < 3) return "0";
        double x = activity == Activity.BUSY ? 10 + rnd.nextDouble() * 900 : rnd.nextDouble() * 60;
        int decimals = 1 + rnd.nextInt(3);
        String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
        return s.equals("0.0") || s.equals("0.00") || s.equals("0.000") ? "0.35" : s;
    }

    /** 2019 procurement money: units written in the cell as real reports do. */
    private String money() {
        int p = rnd.nextInt(4);
        int yuan = 5000 + rnd.nextInt(2_000_000);
        return switch (p) {
            case 0 -> yuan + "元";
            case 1 -> Integer.toString(yuan);
            case 2 -> String.format(Locale.ROOT, "%.2f万元", yuan / 10000.0);
            default -> String.format(Locale.ROOT, "%.2f", yuan / 10000.0);
        };
    }

    /** A count that is often zero and otherwise small. */
    private int small(int max) {
        if (activity == Activity.QUIET && rnd.nextInt(3) > 0) return 0;
        return rnd.nextInt(max + 1);
    }

    /** A count that can be large (log-uniform up to about max, bigger for busy agencies). */
    private int big(int max) {
        if (activity == Activity.QUIET && rnd.nextInt(2) == 0) return 0;
        double scale = activity == Activity.BUSY ? max * 4.0 : activity == Activity.NORMAL ? max : max / 8.0;
        return (int) Math.floor(Math.exp(rnd.nextDouble() * Math.log(scale + 1)));
    }

    // ------------------------------------------------------------------ 三

    /** Relative weights of the outcome rows: most requests are answered or the information is not held. */
    private static double outcomeWeight(RequestRow r) {
        String l2 = r.level2();
        String l3 = r.level3() == null ? "" : r.level3();
        if (l2.startsWith("（一）")) return 40;
        if (l2.startsWith("（二）")) return 10;
        if (l2.startsWith("（三）")) return l3.startsWith("1.") ? 0.3 : l3.startsWith("4.") ? 2 : 0.8;
        if (l2.startsWith("（四）")) return l3.startsWith("1.") ? 22 : 3;
        if (l2.startsWith("（五）")) return l3.startsWith("1.") ? 5 : l3.startsWith("2.") ? 3 : 1;
        if (l2.startsWith("（六）")) return l3.isEmpty() ? 4 : l3.startsWith("1.") ? 3 : l3.startsWith("2.") ? 0.5 : 2;
        return 0; // （七）总计 is computed
    }

    FilledTable requests(int format) {
        TableLayout layout = StandardLayouts.requests(format);
        List<RequestRow> rows = StandardLayouts.requestRows(format);
        int n = rows.size();
        int[][] t = new int[n][7];
        int[] newMax = switch (activity) {
            case QUIET -> new int[]{4, 1, 0, 0, 1, 1};
            case NORMAL -> new int[]{60, 8, 1, 1, 4, 3};
            case BUSY -> new int[]{2500, 120, 6, 8, 40, 30};
        };
        int totalRow = n - 2;
        int carryNextRow = n - 1;
        double[] weights = new double[n];
        for (int i = 2; i < totalRow; i++) weights[i] = outcomeWeight(rows.get(i));
        for (int c = 0; c < 6; c++) {
            int fresh = newMax[c] == 0 ? 0 : (rnd.nextInt(10) < (c == 0 ? 8 : 3) ? logish(newMax[c]) : 0);
            int carried = fresh > 0 && rnd.nextInt(4) == 0 ? rnd.nextInt(1 + fresh / 6) : 0;
            int open = fresh + carried;
            int carryNext = open > 0 && rnd.nextInt(4) == 0 ? rnd.nextInt(1 + open / 8) : 0;
            int done = open - carryNext;
            t[0][c] = fresh;
            t[1][c] = carried;
            t[carryNextRow][c] = carryNext;
            for (int k = 0; k < done; k++) t[pick(weights)][c]++;
            int sum = 0;
            for (int i = 2; i < totalRow; i++) sum += t[i][c];
            t[totalRow][c] = sum;
        }
        for (int[] row : t) {
            int s = 0;
            for (int c = 0; c < 6; c++) s += row[c];
            row[6] = s;
        }
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < n; i++) for (int c = 0; c < 7; c++) v.put(FilledTable.pos(3 + i, 3 + c), Integer.toString(t[i][c]));
        return new FilledTable(layout, v);
    }

    private int logish(int max) {
        return (int) Math.floor(Math.exp(rnd.nextDouble() * Math.log(max + 1)));
    }

    private int pick(double[] w) {
        double total = 0;
        for (double x : w) total += x;
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            r -= w[i];
            if (r < 0 && w[i] > 0) return i;
        }
        for (int i = w.length - 1; i >= 0; i--) if (w[i] > 0) return i;
        throw new IllegalStateException("no weights");
    }

    // ------------------------------------------------------------------ 四

    FilledTable appeals(int format) {
        TableLayout layout = StandardLayouts.appeals(format);
        Map<String, String> v = new HashMap<>();
        int chance = switch (activity) { case QUIET -> 1; case NORMAL -> 4; case BUSY -> 8; };
        for (int g = 0; g < 3; g++) {
            int total = 0;
            for (int o = 0; o < 4; o++) {
                int x = rnd.nextInt(10) < chance ? rnd.nextInt(activity == Activity.BUSY ? 25 : 4) : 0;
                total += x;
                v.put(FilledTable.pos(3, g * 5 + o), Integer.toString(x));
            }
            v.put(FilledTable.pos(3, g * 5 + 4), Integer.toString(total));
        }
        return new FilledTable(layout, v);
    }
}
