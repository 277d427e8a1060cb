package org.nianbao.ingest.ocr.testkit;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.nianbao.ingest.eval.score.DocScore;
import org.nianbao.ingest.eval.score.Evaluator;
import org.nianbao.ingest.eval.truth.Truth;
import org.nianbao.ingest.eval.truth.TruthIO;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrBlocks;
import org.nianbao.ingest.ocr.OcrScript;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.PageReader;

/**
 * Narrative CER of the page reader alone on the page images of a generated set ({@code scripts/generate},
 * forms scan300-png and scan200-jpg), under several {@link PageReader} configurations, engines loaded once.
 * Much faster than {@code scripts/eval} for comparing OCR changes (no PDF rendering, no table stage, no
 * worker start per document); the eval command stays the judge of the whole path.
 * <pre>
 *   java -cp ... ScanSetEval SET [--forms scan300-png,scan200-jpg] [--jobs 2] [--config name=spec]... [--dump DIR]
 * </pre>
 * A spec is as in {@link OcrEval} ("all" = PageReader's defaults). PDF forms are rendered at their scan's
 * resolution as {@code PdfExtractor} does ({@code --pdf-at-300}: at 300 dpi whatever the scan, as it did).
 */
public final class ScanSetEval {
    public static void main(String[] args) throws Exception {
        Path set = Path.of(args[0]);
        List<String> forms = List.of("scan300-png", "scan200-jpg");
        int jobs = 2;
        boolean pdfAt300 = false;
        // in-process engines: the JVM's CPU time then includes Tesseract's, so each configuration's CPU cost is printed
        OcrService.Isolation isolation = OcrService.Isolation.PROCESS;
        Path dump = null;
        Map<String, PageReader.Options> configs = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--forms" -> forms = List.of(args[++i].split(","));
                case "--pdf-at-300" -> pdfAt300 = true;
                case "--inprocess" -> isolation = OcrService.Isolation.INPROCESS;
                case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                case "--dump" -> dump = Path.of(args[++i]);
                case "--config" -> {
                    String[] kv = args[++i].split("=", 2);
                    configs.put(kv[0], OcrEval.parse(kv[1]));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        final boolean renderAt300 = pdfAt300;
        if (configs.isEmpty()) configs.put("defaults", PageReader.Options.defaults());
        record Item(Path dir, Truth truth, Truth.TruthForm form) { }
        java.util.function.ToIntFunction<Item> pages = it -> it.form().files().size() == 1 ? it.form().pages().size() : it.form().files().size();
        List<Item> items = new ArrayList<>();
        for (Path d : Evaluator.reportDirs(set)) {
            Truth t = TruthIO.read(d.resolve(TruthIO.FILE));
            for (Truth.TruthForm f : t.forms()) if (forms.contains(f.form())) items.add(new Item(d, t, f));
        }
        OcrService.Config cfg = new OcrService.Config(Path.of("models"), jobs, isolation, 600_000, 200_000_000L);
        ExecutorService ex = Executors.newFixedThreadPool(jobs + 1);
        try (OcrService service = new OcrService(cfg)) {
            System.out.printf("%-14s %-12s %6s %8s %8s %9s%n", "config", "form", "pages", "edits", "chars", "CER");
            for (Map.Entry<String, PageReader.Options> c : configs.entrySet()) {
                PageReader reader = new PageReader(service, c.getValue());
                Map<String, long[]> byForm = new LinkedHashMap<>();
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                List<Future<String>> texts = new ArrayList<>();
                for (Item it : items) {
                    int dpi = it.form().form().contains("200") ? 200 : 300;
                    for (int pi = 0; pi < pages.applyAsInt(it); pi++) {
                        final int pageIndex = pi;
                        texts.add(ex.submit(() -> {
                            // a scanned PDF page is rendered at its scan's resolution, as PdfExtractor does
                            int readDpi = isPdf(it.form()) && renderAt300 ? 300 : dpi;
                            GrayImage img = page(it.dir(), it.form(), pageIndex, readDpi);
                            PageReader.PageText t = reader.read(img, readDpi, OcrScript.SIMPLIFIED, 0);
                            StringBuilder sb = new StringBuilder();
                            for (Block b : OcrBlocks.blocks(t, 1, 0, 0, null)) sb.append(b.text()).append('\n');
                            return sb.toString();
                        }));
                    }
                }
                int k = 0;
                for (Item it : items) {
                    StringBuilder text = new StringBuilder();
                    for (int j = 0; j < pages.applyAsInt(it); j++) text.append(texts.get(k++).get()).append('\n');
                    DocScore s = DocScore.score(it.truth(), it.form(), text.toString(), null);
                    long[] acc = byForm.computeIfAbsent(it.form().form(), x -> new long[3]);
                    acc[0] += s.cerEdits();
                    acc[1] += s.cerChars();
                    acc[2] += pages.applyAsInt(it);
                    if (dump != null) {
                        Path d = dump.resolve(c.getKey()).resolve(it.truth().id());
                        Files.createDirectories(d);
                        Files.writeString(d.resolve(it.form().form() + ".txt"), text);
                    }
                }
                long edits = 0, chars = 0;
                for (Map.Entry<String, long[]> e : byForm.entrySet()) {
                    long[] a = e.getValue();
                    edits += a[0];
                    chars += a[1];
                    System.out.printf(Locale.ROOT, "%-14s %-12s %6d %8d %8d %8.2f%%%n", c.getKey(), e.getKey(), a[2], a[0], a[1], 100.0 * a[0] / Math.max(1, a[1]));
                }
                long pageCount = byForm.values().stream().mapToLong(a -> a[2]).sum();
                System.out.printf(Locale.ROOT, "%-14s %-12s %6s %8d %8d %8.2f%%   %.0f s wall, %.1f CPU s/page%s%n", c.getKey(), "all", "", edits, chars,
                        100.0 * edits / Math.max(1, chars), (System.nanoTime() - t0) / 1e9,
                        (processCpuNanos() - cpu0) / 1e9 / Math.max(1, pageCount),
                        isolation == OcrService.Isolation.INPROCESS ? "" : " (workers not counted: --inprocess)");
            }
        } finally {
            ex.shutdownNow();
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static boolean isPdf(Truth.TruthForm f) {
        return f.files().get(0).endsWith(".pdf");
    }

    /**
     * Page {@code index} of a form as the extractors see it: a PDF page rendered grey at 300 dpi (as
     * {@code PdfPageRasterizer} does), a TIFF frame, or an image file of its own.
     */
    static GrayImage page(Path dir, Truth.TruthForm form, int index, int pdfDpi) throws java.io.IOException {
        String first = form.files().get(0);
        if (first.endsWith(".pdf")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(first));
            try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                return GrayImage.of(new org.apache.pdfbox.rendering.PDFRenderer(doc)
                        .renderImageWithDPI(index, pdfDpi, org.apache.pdfbox.rendering.ImageType.GRAY));
            }
        }
        if (form.files().size() == 1 && (first.endsWith(".tif") || first.endsWith(".tiff"))) {
            try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(dir.resolve(first).toFile())) {
                javax.imageio.ImageReader r = ImageIO.getImageReaders(in).next();
                r.setInput(in);
                try {
                    return GrayImage.of(r.read(index));
                } finally {
                    r.dispose();
                }
            }
        }
        BufferedImage img = ImageIO.read(dir.resolve(form.files().get(index)).toFile());
        return GrayImage.of(img);
    }
}
