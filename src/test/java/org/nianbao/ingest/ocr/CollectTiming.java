package org.nianbao.ingest.ocr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Measuring aid for {@link TessIteratorCalls}: reads pages with one engine and prints the thread CPU of
 * the reads and a hash of every reading (text, boxes, confidences). Run it twice, with
 * {@code -Dnianbao.ocr.directCalls=false} and without, under the worker's JVM flags, and compare.
 *
 * <pre>  java -XX:TieredStopAtLevel=1 -cp nianbao-ingest.jar:test-classes org.nianbao.ingest.ocr.CollectTiming DIR [PAGES]</pre>
 */
public final class CollectTiming {
    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Path> pages;
        try (var files = Files.list(Path.of(args[0]))) {
            pages = files.filter(f -> f.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
        if (args.length > 1) pages = pages.subList(0, Math.min(pages.size(), Integer.parseInt(args[1])));
        double sum = 0;
        try (TesseractEngine engine = new TesseractEngine(Path.of("models").toAbsolutePath())) {
            for (Path p : pages) {
                GrayImage g = GrayImage.of(ImageIO.read(p.toFile()));
                long t = threads.getCurrentThreadCpuTime();
                OcrResult r = engine.read(g, null, OcrMode.COLUMN, OcrOptions.defaults());
                double cpu = (threads.getCurrentThreadCpuTime() - t) / 1e9;
                sum += cpu;
                System.out.printf(Locale.ROOT, "%s %.2f s hash %08x%n", p.getFileName(), cpu, r.paragraphs().hashCode());
            }
        }
        System.out.printf(Locale.ROOT, "direct=%b mean %.3f s%n", TessIteratorCalls.AVAILABLE, sum / pages.size());
    }
}
