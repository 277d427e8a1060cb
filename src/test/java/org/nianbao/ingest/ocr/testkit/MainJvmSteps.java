package org.nianbao.ingest.ocr.testkit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.prep.Despeckle;
import org.nianbao.ingest.ocr.prep.ImageRulings;
import org.nianbao.ingest.ocr.prep.Skew;
import org.nianbao.ingest.ocr.prep.TextLineImage;
import org.nianbao.ingest.ocr.prep.Transforms;

/**
 * Profiling aid (session 9): thread CPU of each step the main JVM runs on a page before OCR (decoding,
 * then PageReader's preparation in its order), on the page-*.png of a folder, and at the end the CPU of
 * the JVM's own threads (JIT compilers, GC) from /proc. {@code MainJvmSteps DIR [ROUNDS]}.
 */
public final class MainJvmSteps {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<Path> pages;
        try (Stream<Path> s = Files.list(dir)) {
            pages = s.filter(p -> p.getFileName().toString().matches("page-.*\\.png")).sorted().toList();
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            Map<String, Long> ns = new LinkedHashMap<>();
            for (Path p : pages) {
                long t = mx.getCurrentThreadCpuTime();
                var bi = ImageIO.read(p.toFile());
                t = add(ns, "decode PNG", t, mx);
                GrayImage g = GrayImage.of(bi);
                t = add(ns, "to grey", t, mx);
                double skew = Skew.estimate(g, 300);
                t = add(ns, "skew estimate", t, mx);
                GrayImage img = g;
                if (Math.abs(skew) >= 0.1) img = Transforms.rotateSmall(g, -skew).image();
                t = add(ns, "rotate", t, mx);
                var rules = ImageRulings.find(img, 300);
                t = add(ns, "rulings find", t, mx);
                if (!rules.isEmpty()) img = ImageRulings.erase(img, rules);
                t = add(ns, "rulings erase", t, mx);
                var d = Despeckle.clean(img, 300);
                if (d.removed() > 0) img = d.image();
                t = add(ns, "despeckle", t, mx);
                TextLineImage.choose(g, img, 300, 300, 1.6, 0.78);
                add(ns, "text line image", t, mx);
            }
            long total = ns.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "round %d, %d pages: %.0f ms/page in all%n", round, pages.size(), total / 1e6 / pages.size());
            ns.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-16s %7.1f ms/page%n", k, v / 1e6 / pages.size()));
        }
        threads().forEach((k, v) -> System.out.printf(Locale.ROOT, "thread %-22s %7.2f s%n", k, v));
    }

    private static long add(Map<String, Long> ns, String step, long since, ThreadMXBean mx) {
        long now = mx.getCurrentThreadCpuTime();
        ns.merge(step, now - since, Long::sum);
        return now;
    }

    /** CPU seconds of this JVM's threads by name (utime+stime from /proc/self/task), grouped. */
    static Map<String, Double> threads() throws IOException {
        Map<String, Double> out = new TreeMap<>();
        double tick = 100.0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[0-9#]+", "").trim();
                    String[] f = stat.substring(close + 2).split(" ");
                    double secs = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick;
                    out.merge(name, secs, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // a thread that ended while listed
                }
            }
        }
        return out;
    }
}
