package org.nianbao.ingest.ocr.prep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * Estimates the height of text lines in an image of unknown resolution (a table picture from a web
 * page, a screenshot): the median height of the horizontal bands of rows that hold ink. Good enough to
 * tell 12-pixel screen text, which Tesseract reads badly, from 40-pixel scan text, which it reads well.
 */
public final class TextSize {
    private TextSize() { }

    /** Median line height in pixels, or 0 when the image shows no lines of text. */
    public static int lineHeight(GrayImage img) {
        int threshold = Binarize.otsu(img);
        int w = img.width();
        int h = img.height();
        // rows with ink, ignoring rows that are one long rule (a table border is not text)
        boolean[] ink = new boolean[h];
        for (int y = 0; y < h; y++) {
            int n = 0;
            for (int x = 0; x < w; x++) if (img.get(x, y) < threshold) n++;
            ink[y] = n > 0 && n < w * 0.6;
        }
        List<Integer> bands = new ArrayList<>();
        int start = -1;
        for (int y = 0; y <= h; y++) {
            boolean on = y < h && ink[y];
            if (on && start < 0) start = y;
            if (!on && start >= 0) {
                int height = y - start;
                if (height >= 4) bands.add(height);
                start = -1;
            }
        }
        if (bands.size() < 1) return 0;
        Collections.sort(bands);
        return bands.get(bands.size() / 2);
    }
}
