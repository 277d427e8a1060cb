package org.nianbao.ingest.ocr.prep;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * Thread CPU of each page preparation step, before ({@link PrepReference}, {@link PrepReference#rotateSmall})
 * and after, interleaved page by page so the shared machine's changing load falls on both alike. The
 * first round warms the JIT up and is not counted.
 *
 * <pre>  java -cp ... org.nianbao.ingest.ocr.prep.PrepAB DIR [PAGES] [ROUNDS]</pre>
 * DIR holds page-NN.png (300 dpi) as written by {@code OcrBench render}.
 */
public final class PrepAB {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Map<String, double[]> MS = new TreeMap<>(); // step -> {before, after}

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        try (var s = Files.list(Path.of(args[0]))) {
            s.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).sorted().forEach(files::add);
        }
        int n = Math.min(files.size(), args.length > 1 ? Integer.parseInt(args[1]) : 8);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<GrayImage> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) pages.add(GrayImage.of(ImageIO.read(files.get(i).toFile())));
        for (int r = 0; r <= rounds; r++) {
            boolean count = r > 0;
            for (GrayImage g : pages) {
                run(g, false, count);
                run(g, true, count);
            }
        }
        System.out.printf(Locale.ROOT, "%d pages x %d rounds; thread CPU ms per page%n", n, rounds);
        System.out.printf(Locale.ROOT, "  %-22s %8s %8s%n", "step", "before", "after");
        double[] total = new double[2];
        for (Map.Entry<String, double[]> e : MS.entrySet()) {
            double b = e.getValue()[0] / (n * rounds), a = e.getValue()[1] / (n * rounds);
            total[0] += b;
            total[1] += a;
            System.out.printf(Locale.ROOT, "  %-22s %8.1f %8.1f%n", e.getKey(), b, a);
        }
        System.out.printf(Locale.ROOT, "  %-22s %8.1f %8.1f%n", "all", total[0], total[1]);
    }

    private static void run(GrayImage g, boolean after, boolean count) {
        long t = cpu();
        double skew = Skew.estimate(g, 300);
        t = add("1 skew estimate", after, count, t);
        GrayImage r = after ? Transforms.rotateSmall(g, -skew).image() : PrepReference.rotateSmall(g, -skew).image();
        t = add("2 small rotation", after, count, t);
        List<ImageRulings.Segment> segs = after ? ImageRulings.find(r, 300) : PrepReference.find(r, 300);
        t = add("3 rulings find", after, count, t);
        int paper = after ? ImageRulings.paperLevel(r) : PrepReference.paperLevel(r);
        t = add("4 paper level (erase)", after, count, t);
        if (paper < 0 || segs.size() < 0) throw new AssertionError();
        if (after) Despeckle.clean(r, 300);
        else PrepReference.despeckle(r, 300);
        add("5 despeckle", after, count, t);
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long add(String step, boolean after, boolean count, long since) {
        long now = cpu();
        if (count) MS.computeIfAbsent(step, k -> new double[2])[after ? 1 : 0] += (now - since) / 1e6;
        return now;
    }
}
