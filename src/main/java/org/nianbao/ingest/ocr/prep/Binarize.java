package org.nianbao.ingest.ocr.prep;

import org.nianbao.ingest.ocr.GrayImage;

/** Global thresholds for telling ink from paper. */
public final class Binarize {
    private Binarize() { }

    /** Otsu's threshold: grey levels below it are ink. */
    public static int otsu(GrayImage img) {
        return otsu(histogram(img));
    }

    /** How many pixels have each grey level. */
    public static long[] histogram(GrayImage img) {
        // Four interleaved partial counts: a page is mostly a few paper levels, and one array's
        // increments of the same bin wait on each other (store to load); four chains run side by side.
        // Counts are the same as one loop's (session 9, docs/ocr.md); ints do not overflow, since no
        // image has more than Integer.MAX_VALUE pixels.
        byte[] px = img.pixels();
        int[] h0 = new int[256], h1 = new int[256], h2 = new int[256], h3 = new int[256];
        int n = px.length;
        int i = 0;
        for (int end = n & ~3; i < end; i += 4) {
            h0[px[i] & 0xFF]++;
            h1[px[i + 1] & 0xFF]++;
            h2[px[i + 2] & 0xFF]++;
            h3[px[i + 3] & 0xFF]++;
        }
        for (; i < n; i++) h0[px[i] & 0xFF]++;
        long[] hist = new long[256];
        for (int v = 0; v < 256; v++) hist[v] = (long) h0[v] + h1[v] + h2[v] + h3[v];
        return hist;
    }

    /** Otsu's threshold of a grey-level histogram. */
    public static int otsu(long[] hist) {
        long total = 0;
        for (long c : hist) total += c;
        double sum = 0;
        for (int i = 0; i < 256; i++) sum += (double) i * hist[i];
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0) continue;
            long wF = total - wB;
            if (wF == 0) break;
            sumB += (double) t * hist[t];
            double mB = sumB / wB;
            double mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t + 1;
            }
        }
        return threshold;
    }
}
