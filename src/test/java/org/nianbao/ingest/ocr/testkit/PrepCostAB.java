package org.nianbao.ingest.ocr.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrMode;
import org.nianbao.ingest.ocr.OcrOptions;
import org.nianbao.ingest.ocr.TesseractEngine;
import org.nianbao.ingest.ocr.prep.Despeckle;
import org.nianbao.ingest.ocr.prep.ImageRulings;
import org.nianbao.ingest.ocr.prep.Skew;
import org.nianbao.ingest.ocr.prep.Transforms;

/**
 * Debugging aid: does a preparation step make Tesseract's own read dearer? Reads one page in several
 * states (as scanned, straightened, straightened and despeckled, fully prepared) round-robin, ROUNDS
 * times, and prints the mean thread CPU of each (round-robin so the machine's changing load hits all alike).
 *
 * <pre>  java -cp ... org.nianbao.ingest.ocr.testkit.PrepCostAB PAGE.png [ROUNDS]</pre>
 */
public final class PrepCostAB {
    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        GrayImage g = GrayImage.of(ImageIO.read(Path.of(args[0]).toFile()));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double skew = Skew.estimate(g, 300);
        GrayImage straight = Transforms.rotateSmall(g, -skew).image();
        Map<String, GrayImage> states = new LinkedHashMap<>();
        states.put("as scanned", g);
        states.put("despeckled", Despeckle.clean(g, 300).image());
        states.put("straightened", straight);
        states.put("prepared", Despeckle.clean(ImageRulings.erase(straight, ImageRulings.find(straight, 300)), 300).image());
        Map<String, Double> sum = new LinkedHashMap<>();
        try (TesseractEngine engine = new TesseractEngine(Path.of("models").toAbsolutePath())) {
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, GrayImage> e : states.entrySet()) {
                    long t = threads.getCurrentThreadCpuTime();
                    String text = engine.read(e.getValue(), null, OcrMode.COLUMN, OcrOptions.defaults()).text();
                    double s = (threads.getCurrentThreadCpuTime() - t) / 1e9;
                    sum.merge(e.getKey(), s, Double::sum);
                    System.out.printf(Locale.ROOT, "round %d %-14s %.2f s, %d chars%n", r, e.getKey(), s, text.length());
                }
            }
        }
        System.out.printf(Locale.ROOT, "skew %.2f; mean:", skew);
        for (Map.Entry<String, Double> e : sum.entrySet()) System.out.printf(Locale.ROOT, "  %s %.2f s", e.getKey(), e.getValue() / rounds);
        System.out.println();
    }
}
