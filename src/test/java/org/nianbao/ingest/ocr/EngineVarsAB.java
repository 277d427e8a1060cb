package org.nianbao.ingest.ocr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Measuring aid (session 7): two in-process engines, one as production opens it and one opened with
 * extra init-only Tesseract variables, read each page in alternating order; prints each read's thread
 * CPU and whether the two readings are identical (text, boxes, confidences).
 *
 * <pre>  java -cp nianbao-ingest.jar:test-classes org.nianbao.ingest.ocr.EngineVarsAB DIR PAGES "name=value,..." [MODE]</pre>
 */
public final class EngineVarsAB {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<Path> pages;
        try (var files = java.nio.file.Files.list(Path.of(args[0]))) {
            pages = files.filter(f -> f.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
        pages = pages.subList(0, Math.min(pages.size(), Integer.parseInt(args[1])));
        OcrMode mode = args.length > 3 ? OcrMode.valueOf(args[3]) : OcrMode.COLUMN;
        Path models = Path.of("models").toAbsolutePath();
        double sumA = 0, sumB = 0;
        int identical = 0;
        try (TesseractEngine a = new TesseractEngine(models, ""); TesseractEngine b = new TesseractEngine(models, args[2])) {
            GrayImage tiny = new GrayImage(64, 32, new byte[64 * 32]);
            a.read(tiny, null, OcrMode.LINE, OcrOptions.defaults());
            b.read(tiny, null, OcrMode.LINE, OcrOptions.defaults());
            int i = 0;
            for (Path p : pages) {
                GrayImage g = GrayImage.of(ImageIO.read(p.toFile()));
                OcrResult ra = null, rb = null;
                double ca = 0, cb = 0;
                for (int k = 0; k < 2; k++) {
                    boolean first = (i + k) % 2 == 0;
                    long t = THREADS.getCurrentThreadCpuTime();
                    OcrResult r = (first ? a : b).read(g, null, mode, OcrOptions.defaults());
                    double cpu = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
                    if (first) { ra = r; ca = cpu; } else { rb = r; cb = cpu; }
                }
                i++;
                boolean same = ra.paragraphs().equals(rb.paragraphs());
                if (same) identical++;
                sumA += ca;
                sumB += cb;
                System.out.printf(Locale.ROOT, "%s: as now %.2f s, with variables %.2f s, %s%n", p.getFileName(), ca, cb,
                        same ? "identical" : "DIFFERENT: " + diff(ra.text(), rb.text()));
            }
        }
        System.out.printf(Locale.ROOT, "total: as now %.2f s, with variables %.2f s (%+.1f%%), %d/%d identical%n",
                sumA, sumB, 100 * (sumB / sumA - 1), identical, pages.size());
    }

    private static String diff(String x, String y) {
        int i = 0;
        while (i < x.length() && i < y.length() && x.charAt(i) == y.charAt(i)) i++;
        return "at " + i + ": «" + x.substring(i, Math.min(x.length(), i + 20)) + "» vs «" + y.substring(i, Math.min(y.length(), i + 20)) + "»";
    }
}
