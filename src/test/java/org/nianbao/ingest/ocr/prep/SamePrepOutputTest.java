package org.nianbao.ingest.ocr.prep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.testkit.Corpus;
import org.nianbao.ingest.ocr.testkit.ScanMaker;

/**
 * Session 9 made the main JVM's preparation cheaper without changing a pixel or a decision: the grey-level
 * histogram counted in four interleaved arrays, one histogram for both tests of {@link TextLineImage}, the
 * grey path's 1-bit cut skipping the paper interpolation for pixels clearly above or below it, and the
 * area-averaging shrink with its column spans worked out once. Each is held here to the routine it replaced
 * (copied below as it was at deba1c5) on built pages: a degraded scan, grey paper with a light gradient,
 * noise of every level, odd sizes.
 */
class SamePrepOutputTest {
    private static List<GrayImage> pages() {
        String para = Corpus.fullWidth("2023年,本局认真贯彻落实《中华人民共和国政府信息公开条例》,全面推进政务公开工作。");
        ScanMaker.Scan s = ScanMaker.page(List.of(para.repeat(4), para.repeat(3)), 200, "WenQuanYi Zen Hei", 12);
        GrayImage office = GrayImage.of(ScanMaker.degrade(s.image(), ScanMaker.Profile.OFFICE, 7));
        GrayImage clean = GrayImage.of(s.image());
        Random rnd = new Random(9);
        // grey paper lit unevenly (170 at the left to 230 at the right), ink strokes, noise
        int w = 1237, h = 901;
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int paper = 170 + 60 * x / w + (y * 13 / h);
                boolean ink = (x / 7 + y / 11) % 9 == 0 && (y / 40) % 2 == 0;
                int v = (ink ? 40 : paper) + (int) Math.round(rnd.nextGaussian() * 12);
                px[y * w + x] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        GrayImage grey = new GrayImage(w, h, px);
        byte[] all = new byte[333 * 77];
        for (int i = 0; i < all.length; i++) all[i] = (byte) rnd.nextInt(256);
        GrayImage noise = new GrayImage(333, 77, all);
        GrayImage tiny = new GrayImage(3, 1, new byte[]{0, (byte) 255, (byte) 128});
        return List.of(office, clean, grey, noise, tiny);
    }

    @Test
    void histogramCountsAsOneLoopDid() {
        for (GrayImage g : pages()) {
            long[] want = new long[256];
            for (byte b : g.pixels()) want[b & 0xFF]++;
            assertArrayEquals(want, Binarize.histogram(g));
        }
    }

    @Test
    void textLineTestsFromOneHistogramDecideAsBefore() {
        int grey = 0, lifted = 0;
        for (GrayImage g : pages()) {
            long[] hist = Binarize.histogram(g);
            assertEquals(oldPaperLiftedToWhite(g), Tone.paperLiftedToWhite(hist));
            assertEquals(oldIsGreyScan(g), PaperLevel.isGreyScan(hist));
            if (oldIsGreyScan(g)) grey++;
            if (oldPaperLiftedToWhite(g)) lifted++;
        }
        assertTrue(grey > 0 && lifted > 0, "the pages try both ways: " + grey + " grey, " + lifted + " lifted");
    }

    @Test
    void greyCutIsTheSamePixels() {
        for (GrayImage g : pages()) {
            for (double share : new double[]{0.78, 0.5, 0.95}) {
                for (int dpi : new int[]{300, 200, 0}) {
                    assertArrayEquals(oldThreshold(g, dpi, share).pixels(), PaperLevel.threshold(g, dpi, share).pixels(),
                            g.width() + "x" + g.height() + " share " + share + " dpi " + dpi);
                }
            }
        }
    }

    @Test
    void shrinkIsTheSamePixels() {
        for (GrayImage g : pages()) {
            for (double f : new double[]{0.5, 1 / 3.0, 0.37, 0.999}) {
                int w = Math.max(1, (int) Math.round(g.width() * f));
                int h = Math.max(1, (int) Math.round(g.height() * f));
                assertArrayEquals(oldShrink(g, w, h), Transforms.scale(g, f).image().pixels(), g.width() + "x" + g.height() + " by " + f);
            }
        }
    }

    // ---- the routines as they were (deba1c5) ----

    private static boolean oldPaperLiftedToWhite(GrayImage img) {
        byte[] px = img.pixels();
        long white = 0;
        long grey = 0;
        for (byte b : px) {
            int v = b & 0xFF;
            if (v == 255) white++;
            else if (v != 0) grey++;
        }
        return white >= Tone.MIN_WHITE * px.length && grey >= Tone.MIN_GREY * px.length;
    }

    private static boolean oldIsGreyScan(GrayImage img) {
        long[] hist = new long[256];
        for (byte b : img.pixels()) hist[b & 0xFF]++;
        long n = img.pixels().length;
        long grey = n - hist[0] - hist[255];
        return grey >= 0.5 * n && hist[255] < 0.5 * n;
    }

    private static GrayImage oldThreshold(GrayImage img, int dpi, double share) {
        PaperLevel.Paper paper = PaperLevel.paper(img, dpi);
        int w = img.width();
        int h = img.height();
        byte[] in = img.pixels();
        byte[] out = new byte[in.length];
        float[] cut = new float[w];
        float k = (float) share;
        for (int y = 0; y < h; y++) {
            paper.row(y, cut);
            int row = y * w;
            for (int x = 0; x < w; x++) out[row + x] = (in[row + x] & 0xFF) < k * cut[x] ? 0 : (byte) 255;
        }
        return new GrayImage(w, h, out);
    }

    private static byte[] oldShrink(GrayImage src, int w, int h) {
        byte[] out = new byte[w * h];
        double sx = (double) src.width() / w;
        double sy = (double) src.height() / h;
        for (int y = 0; y < h; y++) {
            int y0 = (int) (y * sy);
            int y1 = Math.max(y0 + 1, Math.min(src.height(), (int) ((y + 1) * sy)));
            for (int x = 0; x < w; x++) {
                int x0 = (int) (x * sx);
                int x1 = Math.max(x0 + 1, Math.min(src.width(), (int) ((x + 1) * sx)));
                int sum = 0;
                for (int yy = y0; yy < y1; yy++) {
                    int row = yy * src.width();
                    for (int xx = x0; xx < x1; xx++) sum += src.pixels()[row + xx] & 0xFF;
                }
                out[y * w + x] = (byte) (sum / ((y1 - y0) * (x1 - x0)));
            }
        }
        return out;
    }
}
