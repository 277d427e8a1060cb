package org.nianbao.ingest.ocr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Measuring aid for {@link SegmentationSwitches}: reads each page twice in column mode with one engine,
 * with Tesseract's vertical-text test and without it, in alternating order (the machine is shared: each
 * pair is measured within seconds), line images stored uncompressed as in the workers, and prints the
 * thread CPU of each read and whether the two readings are identical (text, boxes, confidences).
 *
 * <pre>  java -cp nianbao-ingest.jar:test-classes org.nianbao.ingest.ocr.VerticalTestAB DIR [PAGES] [ROUNDS]</pre>
 */
public final class VerticalTestAB {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<Path> pages;
        try (var files = Files.list(Path.of(args[0]))) {
            pages = files.filter(f -> f.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
        if (args.length > 1) pages = pages.subList(0, Math.min(pages.size(), Integer.parseInt(args[1])));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        double sumKept = 0, sumSkipped = 0;
        int identical = 0, pairs = 0;
        try (TesseractEngine engine = new TesseractEngine(Path.of("models").toAbsolutePath())) {
            String why = LineImageCompression.install();
            if (why != null) System.out.println("line images left compressed: " + why);
            engine.read(new GrayImage(64, 32, new byte[64 * 32]), null, OcrMode.LINE, OcrOptions.defaults()); // warm-up
            int i = 0;
            for (int round = 0; round < rounds; round++) {
                for (Path p : pages) {
                    GrayImage g = GrayImage.of(ImageIO.read(p.toFile()));
                    OcrResult kept = null, skipped = null;
                    double cpuKept = 0, cpuSkipped = 0;
                    for (int k = 0; k < 2; k++) {
                        boolean keep = (i + k) % 2 == 0;
                        engine.verticalTestKept = keep;
                        long t = THREADS.getCurrentThreadCpuTime();
                        OcrResult r = engine.read(g, null, OcrMode.COLUMN, OcrOptions.defaults());
                        double cpu = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
                        if (keep) {
                            kept = r;
                            cpuKept = cpu;
                        } else {
                            skipped = r;
                            cpuSkipped = cpu;
                        }
                    }
                    i++;
                    pairs++;
                    boolean same = kept.paragraphs().equals(skipped.paragraphs());
                    if (same) identical++;
                    sumKept += cpuKept;
                    sumSkipped += cpuSkipped;
                    System.out.printf(Locale.ROOT, "%s: vertical test %.2f s, without %.2f s, %s%n", p.getFileName(), cpuKept,
                            cpuSkipped, same ? "identical" : "DIFFERENT");
                }
            }
        } finally {
            LineImageCompression.uninstall();
        }
        System.out.printf(Locale.ROOT, "mean of %d reads: vertical test %.3f s, without %.3f s (%.1f%%), %d of %d identical%n",
                pairs, sumKept / pairs, sumSkipped / pairs, 100 * (sumSkipped - sumKept) / sumKept, identical, pairs);
    }
}
