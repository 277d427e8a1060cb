package org.nianbao.ingest.ocr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Measuring aid for {@link LineImageCompression}: reads each page twice with one engine, Leptonica's
 * line PNGs compressed as Tesseract leaves them and stored uncompressed, in alternating order (the
 * machine is shared: each pair is measured within seconds), and prints the thread CPU of each read and
 * whether the two readings are identical (text, boxes, confidences).
 *
 * <pre>  java -cp nianbao-ingest.jar:test-classes org.nianbao.ingest.ocr.LineImageAB DIR [PAGES]</pre>
 */
public final class LineImageAB {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<Path> pages;
        try (var files = java.nio.file.Files.list(Path.of(args[0]))) {
            pages = files.filter(f -> f.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
        if (args.length > 1) pages = pages.subList(0, Math.min(pages.size(), Integer.parseInt(args[1])));
        double sumOff = 0, sumOn = 0;
        int identical = 0;
        try (TesseractEngine engine = new TesseractEngine(Path.of("models").toAbsolutePath())) {
            engine.read(new GrayImage(64, 32, new byte[64 * 32]), null, OcrMode.LINE, OcrOptions.defaults()); // warm-up
            int i = 0;
            for (Path p : pages) {
                GrayImage g = GrayImage.of(ImageIO.read(p.toFile()));
                OcrResult off = null, on = null;
                double cpuOff = 0, cpuOn = 0;
                for (int k = 0; k < 2; k++) {
                    boolean fast = (i + k) % 2 == 0;
                    if (fast) {
                        String why = LineImageCompression.install();
                        if (why != null) throw new IllegalStateException("cannot install: " + why);
                    } else {
                        LineImageCompression.uninstall();
                    }
                    long t = THREADS.getCurrentThreadCpuTime();
                    OcrResult r = engine.read(g, null, OcrMode.COLUMN, OcrOptions.defaults());
                    double cpu = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
                    if (fast) {
                        on = r;
                        cpuOn = cpu;
                    } else {
                        off = r;
                        cpuOff = cpu;
                    }
                }
                i++;
                boolean same = off.paragraphs().equals(on.paragraphs());
                if (same) identical++;
                sumOff += cpuOff;
                sumOn += cpuOn;
                System.out.printf(Locale.ROOT, "%s: compressed %.2f s, stored %.2f s, %s%n", p.getFileName(), cpuOff, cpuOn,
                        same ? "identical" : "DIFFERENT");
            }
        } finally {
            LineImageCompression.uninstall();
        }
        int n = pages.size();
        System.out.printf(Locale.ROOT, "mean of %d pages: compressed %.2f s, stored %.2f s (%.1f%%), %d identical%n",
                n, sumOff / n, sumOn / n, 100 * (sumOn - sumOff) / sumOff, identical);
    }
}
