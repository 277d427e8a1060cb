package org.nianbao.ingest.golden;

import java.util.ArrayList;
import java.util.List;

/** A small unified-style line diff (LCS) for golden-file reports; inputs are fixture-sized. */
final class LineDiff {
    private LineDiff() { }

    static String diff(String expected, String actual, String expectedName, String actualName) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        StringBuilder out = new StringBuilder("--- " + expectedName + "\n+++ " + actualName + "\n");
        if ((long) a.size() * b.size() > 25_000_000L) {
            int i = 0;
            while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) i++;
            out.append("first difference at line ").append(i + 1).append('\n');
            if (i < a.size()) out.append("-").append(a.get(i)).append('\n');
            if (i < b.size()) out.append("+").append(b.get(i)).append('\n');
            return out.toString();
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add("  " + (i + 1) + ": " + a.get(i));
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                lines.add("+ " + (j + 1) + ": " + b.get(j++));
            } else {
                lines.add("- " + (i + 1) + ": " + a.get(i++));
            }
        }
        // keep changed lines with two lines of context
        boolean[] keep = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (!lines.get(k).startsWith("  ")) {
                for (int d = -2; d <= 2; d++) if (k + d >= 0 && k + d < lines.size()) keep[k + d] = true;
            }
        }
        boolean gap = false;
        for (int k = 0; k < lines.size(); k++) {
            if (keep[k]) {
                out.append(lines.get(k)).append('\n');
                gap = false;
            } else if (!gap) {
                out.append("...\n");
                gap = true;
            }
        }
        return out.toString();
    }
}
