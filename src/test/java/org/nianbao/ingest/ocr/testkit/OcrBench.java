package org.nianbao.ingest.ocr.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrMode;
import org.nianbao.ingest.ocr.OcrOptions;
import org.nianbao.ingest.ocr.OcrScript;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.PageReader;

/**
 * The Java side of scripts/bench-ocr.
 * <pre>
 *   render DIR N [DPI] [PROFILE]   write N page images (page-NN.png) and their truth (page-NN.truth)
 *   ours DIR JOBS [raw]            OCR every page with our engine, JOBS at a time; print pages/min and CER
 *   score DIR SUFFIX               CER of files page-NN.SUFFIX (another tool's output) against the truth
 * </pre>
 */
public final class OcrBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "render" -> render(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 300,
                    args.length > 4 ? args[4] : "office");
            case "ours" -> ours(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 && args[3].equals("raw"));
            case "score" -> System.out.printf(Locale.ROOT, "%.4f%n", score(Path.of(args[1]), args[2]));
            default -> throw new IllegalArgumentException("render | ours | score");
        }
    }

    static void render(Path dir, int n, int dpi, String profile) throws Exception {
        Files.createDirectories(dir);
        List<Path> seeds = new ArrayList<>();
        try (var s = Files.list(Path.of("fixtures/seeds"))) {
            s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(seeds::add);
        }
        seeds.removeIf(p -> {
            try {
                return Corpus.paragraphs(p).isEmpty(); // the traditional-script seed: measured separately
            } catch (java.io.IOException e) {
                return true;
            }
        });
        {
        }
        String[] fonts = {"AR PL UMing CN", "AR PL UKai CN", "WenQuanYi Zen Hei"};
        ScanMaker.Profile prof = profile.equals("cheap") ? ScanMaker.Profile.CHEAP : profile.equals("clean") ? ScanMaker.Profile.CLEAN : ScanMaker.Profile.OFFICE;
        for (int k = 0; k < n; k++) {
            List<String> paras = new ArrayList<>(Corpus.paragraphs(seeds.get(k % seeds.size())));
            java.util.Collections.rotate(paras, -(k / seeds.size()) * 3); // later rounds start elsewhere in the text
            ScanMaker.Scan s = ScanMaker.page(paras, dpi, fonts[k % fonts.length], 12);
            String name = String.format(Locale.ROOT, "page-%02d", k + 1);
            ImageFiles.png(ScanMaker.degrade(s.image(), prof, 500 + k), dpi, dir.resolve(name + ".png"));
            Files.writeString(dir.resolve(name + ".truth"), s.truthText(), StandardCharsets.UTF_8);
        }
    }

    static List<Path> pages(Path dir) throws Exception {
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).sorted().forEach(out::add);
        }
        return out;
    }

    static void ours(Path dir, int jobs, boolean raw) throws Exception {
        List<Path> pages = pages(dir);
        OcrService.Config cfg = new OcrService.Config(Path.of("models"), jobs, OcrService.Isolation.PROCESS, 600_000, 200_000_000L);
        try (OcrService service = new OcrService(cfg)) {
            // the clock includes starting the workers (JVM + model load, once per run), as the CLI's
            // start-up (once per page) is included in its time
            long start = System.nanoTime();
            List<Future<?>> warm = new ArrayList<>();
            ExecutorService ex = Executors.newFixedThreadPool(jobs + 1); // as OcrService's page threads: preparation overlaps OCR
            GrayImage tiny = new GrayImage(64, 32, new byte[64 * 32]);
            for (int i = 0; i < jobs; i++) warm.add(ex.submit(() -> service.read(tiny, null, OcrMode.LINE, OcrOptions.defaults())));
            for (Future<?> f : warm) f.get();
            PageReader reader = new PageReader(service);
            List<Future<String>> results = new ArrayList<>();
            for (Path p : pages) {
                results.add(ex.submit(() -> {
                    GrayImage g = GrayImage.of(ImageIO.read(p.toFile()));
                    String text = raw
                            ? service.read(g, null, OcrMode.PAGE, OcrOptions.defaults()).text()
                            : reader.read(g, 300, OcrScript.SIMPLIFIED, 0).text();
                    Files.writeString(Path.of(p.toString().replace(".png", raw ? ".raw" : ".ours")), text, StandardCharsets.UTF_8);
                    return text;
                }));
            }
            for (Future<String> f : results) f.get();
            double secs = (System.nanoTime() - start) / 1e9;
            ex.shutdown();
            // where the CPU went: this JVM (decoding, preparation, JIT, GC) and the worker JVMs (start-up, Tesseract)
            double own = cpuSeconds(ProcessHandle.current());
            double workers = ProcessHandle.current().descendants().mapToDouble(OcrBench::cpuSeconds).sum();
            System.err.printf(Locale.ROOT, "ours CPU: this JVM %.1f s, workers %.1f s; %.2f s/page%n", own, workers,
                    (own + workers) / pages.size());
            if (Boolean.getBoolean("bench.threads")) {
                // this JVM's CPU by thread (page threads, JIT compilers, GC), from /proc
                MainJvmSteps.threads().forEach((k, v) -> {
                    if (v >= 0.05) System.err.printf(Locale.ROOT, "  this JVM, thread %-20s %6.2f s%n", k, v);
                });
            }
            System.out.printf(Locale.ROOT, "%.1f %.1f %.4f%n", pages.size() * 60 / secs, secs, score(dir, raw ? "raw" : "ours"));
        }
    }

    private static double cpuSeconds(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    static double score(Path dir, String suffix) throws Exception {
        long edits = 0;
        long chars = 0;
        for (Path p : pages(dir)) {
            String truth = Files.readString(Path.of(p.toString().replace(".png", ".truth")));
            Path out = Path.of(p.toString().replace(".png", "." + suffix));
            String text = Files.exists(out) ? Files.readString(out) : "";
            int n = (int) truth.codePoints().filter(c -> !Character.isWhitespace(c)).count();
            edits += Math.round(Cer.of(text, truth) * n);
            chars += n;
        }
        return chars == 0 ? 0 : (double) edits / chars;
    }
}
