package org.nianbao.ingest.ocr.testkit;

/** Character error rate: edit distance between OCR text and truth over truth length, whitespace ignored. */
public final class Cer {
    private Cer() { }

    public static double of(String ocr, String truth) {
        int[] a = codePoints(ocr);
        int[] b = codePoints(truth);
        if (b.length == 0) return a.length == 0 ? 0 : 1;
        return (double) distance(a, b) / b.length;
    }

    public static int distance(int[] a, int[] b) {
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) prev[j] = j;
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length];
    }

    private static int[] codePoints(String s) {
        return s.codePoints().filter(c -> !Character.isWhitespace(c) && c != 0x3000).toArray();
    }

    /** The edits that turn truth into OCR text, as "truth→ocr" pieces, for looking at what goes wrong. */
    public static java.util.List<String> edits(String ocr, String truth) {
        int[] a = codePoints(ocr);
        int[] b = codePoints(truth);
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) d[i][0] = i;
        for (int j = 0; j <= b.length; j++) d[0][j] = j;
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }
        java.util.LinkedList<String> out = new java.util.LinkedList<>();
        int i = a.length, j = b.length;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)) {
                if (a[i - 1] != b[j - 1]) out.addFirst(str(b[j - 1]) + "→" + str(a[i - 1]));
                i--; j--;
            } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                out.addFirst("+" + str(a[i - 1]));
                i--;
            } else {
                out.addFirst("-" + str(b[j - 1]));
                j--;
            }
        }
        return out;
    }

    private static String str(int cp) {
        return new String(Character.toChars(cp));
    }
}
