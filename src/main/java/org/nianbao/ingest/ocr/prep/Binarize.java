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
        long[] hist = new long[256];
        for (byte b : img.pixels()) hist[b & 0xFF]++;
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
