package org.nianbao.ingest.ocr.testkit;

import java.awt.Rectangle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrEngine;
import org.nianbao.ingest.ocr.OcrException;
import org.nianbao.ingest.ocr.OcrMode;
import org.nianbao.ingest.ocr.OcrOptions;
import org.nianbao.ingest.ocr.OcrResult;
import org.nianbao.ingest.ocr.OcrScript;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.PageReader;
import org.nianbao.ingest.ocr.WorkerProcessEngine;
import org.nianbao.ingest.ocr.prep.Despeckle;
import org.nianbao.ingest.ocr.prep.ImageRulings;
import org.nianbao.ingest.ocr.prep.Skew;
import org.nianbao.ingest.ocr.prep.Transforms;

/**
 * Where the CPU of one 300 dpi page goes on the production path, in CPU time (not wall time: the
 * machine is shared). One page at a time, one worker process:
 * <ol>
 *   <li>pass 1, in this JVM, each step alone (thread CPU): decoding, skew estimate, small rotation,
 *   rulings, erase, despeckle;</li>
 *   <li>pass 2, {@link PageReader#read} as production calls it, every engine call timed by a wrapper:
 *   the worker's process CPU (Tesseract plus protocol) and this thread's CPU inside the call (sending
 *   the pixels, decoding the answer), labelled by the step that asked (page read, line/weak-word
 *   re-read, missed lines, orientation).</li>
 * </ol>
 * Prints mean CPU ms per page for every row, the worker's start-up CPU, and this JVM's CPU outside the
 * page threads (JIT compilation, GC) during pass 2.
 *
 * <pre>  java -cp nianbao-ingest.jar:test-classes org.nianbao.ingest.ocr.testkit.OcrProfile DIR [PAGES]</pre>
 * DIR holds page-NN.png as written by {@code OcrBench render} (300 dpi).
 */
public final class OcrProfile {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Map<String, long[]> ROWS = new LinkedHashMap<>(); // label -> {total ns, calls}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Path> pages = OcrBench.pages(dir);
        if (args.length > 1) pages = pages.subList(0, Math.min(pages.size(), Integer.parseInt(args[1])));
        int n = pages.size();

        prepPass(pages); // JIT warm-up of the steps; timed again at the end

        // pass 2: the production page path
        OcrService.Config cfg = new OcrService.Config(Path.of("models"), 1, OcrService.Isolation.PROCESS, 600_000, 200_000_000L);
        long workerStart;
        double pass2Process;
        long pass2Threads = 0;
        try (OcrService service = new OcrService(cfg)) {
            List<Timed> engines = new ArrayList<>();
            service.decorateEngines(e -> {
                Timed t = new Timed(e);
                engines.add(t);
                return t;
            });
            service.read(new GrayImage(64, 32, new byte[64 * 32]), null, OcrMode.LINE, OcrOptions.defaults());
            workerStart = engines.get(0).workerCpu();
            ROWS.clear(); // pass 1's warm-up rows and the tiny read (start-up, not page work)
            PageReader reader = new PageReader(service);
            double before = processCpu();
            for (Path p : pages) {
                long d = cpu();
                GrayImage g = GrayImage.of(ImageIO.read(p.toFile()));
                long t = cpu();
                long inEngine = Timed.callerNanos;
                long w0 = engines.get(engines.size() - 1).workerCpu();
                PageReader.PageText text = reader.read(g, 300, OcrScript.SIMPLIFIED, 0);
                long total = cpu() - t;
                System.out.printf(Locale.ROOT, "%s: worker %d ms, this thread %d ms%n", p.getFileName(),
                        (engines.get(engines.size() - 1).workerCpu() - w0) / 1_000_000, total / 1_000_000);
                if (System.getProperty("dumpPrepared") != null && text.readImage() != null) {
                    ImageFiles.png(text.readImage().toBufferedImage(), 300,
                            Path.of(System.getProperty("dumpPrepared")).resolve(p.getFileName().toString().replace("page-", "prep-")));
                }
                pass2Threads += cpu() - d;
                row("main: PageReader outside engine calls", total - (Timed.callerNanos - inEngine));
            }
            pass2Process = processCpu() - before;
        }
        Map<String, long[]> pass2 = new LinkedHashMap<>(ROWS);
        ROWS.clear();
        prepPass(pages);
        ROWS.putAll(pass2);
        System.out.printf(Locale.ROOT, "%d pages; CPU ms per page (calls per page)%n", n);
        double sumWorker = 0;
        for (Map.Entry<String, long[]> r : ROWS.entrySet()) {
            double ms = r.getValue()[0] / 1e6 / n;
            if (r.getKey().startsWith("worker")) sumWorker += ms;
            System.out.printf(Locale.ROOT, "  %-48s %8.0f  (%.1f)%n", r.getKey(), ms, (double) r.getValue()[1] / n);
        }
        System.out.printf(Locale.ROOT, "  %-48s %8.0f%n", "worker: all calls", sumWorker);
        System.out.printf(Locale.ROOT, "  %-48s %8.0f  (once per worker)%n", "worker: start-up (JVM + model load)", workerStart / 1e6);
        System.out.printf(Locale.ROOT, "  %-48s %8.0f%n", "main: JIT, GC, other threads during pass 2",
                (pass2Process - pass2Threads / 1e9) * 1000 / n);
    }

    /** Each preparation step alone, as {@link PageReader} runs them on a 300 dpi page. */
    private static void prepPass(List<Path> pages) throws Exception {
        for (Path p : pages) {
            long t = cpu();
            GrayImage g = GrayImage.of(ImageIO.read(p.toFile()));
            t = add("main: decode PNG -> GrayImage", t);
            double skew = Skew.estimate(g, 300);
            t = add("main: prep skew estimate", t);
            GrayImage r = Math.abs(skew) >= 0.1 ? Transforms.rotateSmall(g, -skew).image() : g;
            t = add("main: prep small rotation", t);
            List<ImageRulings.Segment> segs = ImageRulings.find(r, 300);
            t = add("main: prep rulings find", t);
            GrayImage e = ImageRulings.erase(r, segs);
            t = add("main: prep rulings erase", t);
            Despeckle.clean(e, 300);
            add("main: prep despeckle", t);
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long add(String label, long since) {
        long now = cpu();
        row(label, now - since);
        return now;
    }

    private static synchronized void row(String label, long nanos) {
        long[] r = ROWS.computeIfAbsent(label, k -> new long[2]);
        r[0] += nanos;
        r[1]++;
    }

    private static double processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** An engine whose every call is timed: the worker's CPU and the caller's CPU, by the step that asked. */
    static final class Timed implements OcrEngine {
        static volatile long callerNanos;
        private final OcrEngine inner;
        private final ProcessHandle worker;

        Timed(OcrEngine inner) {
            this.inner = inner;
            this.worker = inner instanceof WorkerProcessEngine w ? ProcessHandle.of(w.pid()).orElse(null) : null;
        }

        long workerCpu() {
            return worker == null ? 0 : worker.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
        }

        @Override
        public OcrResult read(GrayImage image, Rectangle region, OcrMode mode, OcrOptions options) throws OcrException {
            String step = step();
            long w = workerCpu();
            long t = cpu();
            try {
                return inner.read(image, region, mode, options);
            } finally {
                long caller = cpu() - t;
                callerNanos += caller;
                row("worker: " + step, workerCpu() - w);
                row("main: engine call overhead (" + step + ")", caller);
            }
        }

        @Override
        public Orientation detectOrientation(GrayImage image, int dpi) throws OcrException {
            long w = workerCpu();
            long t = cpu();
            try {
                return inner.detectOrientation(image, dpi);
            } finally {
                callerNanos += cpu() - t;
                row("worker: orientation (OSD)", workerCpu() - w);
            }
        }

        /** The step that made the call, from the stack. */
        private static String step() {
            for (StackTraceElement e : Thread.currentThread().getStackTrace()) {
                String c = e.getClassName();
                if (c.endsWith(".WeakWordReread")) return "weak-word re-read";
                if (c.endsWith(".MissedLines")) return "missed lines";
                if (c.endsWith(".LineReread")) return "line re-read";
                if (e.getMethodName().equals("tryOrientations")) return "turned page read";
                if (c.startsWith("org.nianbao.ingest.ocr.PageReader")) return "page read";
            }
            return "other";
        }

        @Override
        public boolean alive() {
            return inner.alive();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
