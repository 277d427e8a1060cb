package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.nianbao.ingest.pipeline.Context;

/**
 * The run's OCR engines: a pool of at most {@code --jobs} engines, each initialised once and reused,
 * handed to one caller at a time. Shared through {@link Context#service}, so documents and pages
 * processed in parallel all draw from the same engines and never oversubscribe the cores.
 *
 * <p>Isolation (system property {@code nianbao.ocr.isolation}): {@code process} (default) runs each
 * engine in a child JVM ({@link WorkerProcessEngine}) so a Tesseract crash or a runaway page costs one
 * page, not the batch; {@code inprocess} keeps Tesseract in this JVM ({@link InProcessEngine}) — a bit
 * less memory, but a native crash ends the run. If child processes cannot be started the pool falls
 * back to in-process engines.
 *
 * <p>Every call has a time limit (the page time limit unless the caller sets one). An engine that
 * crashed or timed out is discarded and replaced on the next call.
 */
public final class OcrService implements AutoCloseable {
    public enum Isolation { PROCESS, INPROCESS }

    /**
     * @param modelsDir     configured models folder (resolved by {@link Models#locate})
     * @param size          engines at most (the --jobs value)
     * @param isolation     where engines run
     * @param timeoutMillis default time limit of one call
     * @param maxPixels     largest image an engine accepts
     */
    public record Config(Path modelsDir, int size, Isolation isolation, long timeoutMillis, long maxPixels) {
        public static Config from(Context ctx) {
            String iso = System.getProperty("nianbao.ocr.isolation", "process").trim().toUpperCase(Locale.ROOT);
            Isolation isolation = iso.equals("INPROCESS") || iso.equals("THREAD") ? Isolation.INPROCESS : Isolation.PROCESS;
            return new Config(ctx.settings().modelsDir(), Math.max(1, ctx.settings().jobs()), isolation,
                    ctx.limits().pageTimeoutSeconds() * 1000L, ctx.limits().maxImagePixels());
        }
    }

    private final Config config;
    private final Semaphore permits;
    private final Deque<OcrEngine> idle = new ArrayDeque<>();
    private final List<OcrEngine> all = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();
    private final ExecutorService pageExecutor;
    private volatile Path models;
    private volatile OcrException unavailable;
    private volatile boolean processFailed;
    private volatile boolean closed;
    private final Thread shutdownHook;
    private volatile java.util.function.UnaryOperator<OcrEngine> decorator;

    public OcrService(Config config) {
        this.config = config;
        this.permits = new Semaphore(config.size(), true);
        AtomicInteger n = new AtomicInteger();
        // one thread more than engines: while a page is being prepared (decoded, straightened) in Java,
        // every engine can still be reading another page
        this.pageExecutor = Executors.newFixedThreadPool(config.size() + 1, r -> {
            Thread t = new Thread(r, "ocr-page-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.shutdownHook = new Thread(this::close, "ocr-service-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The run's shared service. */
    public static OcrService of(Context ctx) {
        return ctx.service(OcrService.class, () -> new OcrService(Config.from(ctx)));
    }

    public Config config() {
        return config;
    }

    /** Threads for page-level work (preparing pages, OCR calls): one more than there are engines. */
    public ExecutorService pageExecutor() {
        return pageExecutor;
    }

    /**
     * Wraps every engine started from now on (profiling harnesses time each call this way); null = none.
     * A wrapped worker is closed politely at the end instead of being killed.
     */
    public void decorateEngines(java.util.function.UnaryOperator<OcrEngine> d) {
        this.decorator = d;
    }

    /** Engines started so far (replacements after crashes included); for tests and run reports. */
    public int enginesStarted() {
        return started.get();
    }

    /** Reads with a pooled engine; the call's time limit defaults to the page time limit. */
    public OcrResult read(GrayImage image, Rectangle region, OcrMode mode, OcrOptions options) throws OcrException {
        OcrOptions o = options.timeoutMillis() > 0 ? options : options.withTimeout(config.timeoutMillis());
        return withEngine(e -> e.read(image, region, mode, o));
    }

    public OcrEngine.Orientation detectOrientation(GrayImage image, int dpi) throws OcrException {
        return withEngine(e -> e.detectOrientation(image, dpi));
    }

    /** Something to do with one engine. */
    @FunctionalInterface
    public interface EngineTask<T> {
        T run(OcrEngine engine) throws OcrException;
    }

    /** Borrows an engine for {@code task}, waiting while all are busy. */
    public <T> T withEngine(EngineTask<T> task) throws OcrException {
        if (closed) throw new OcrException(OcrException.Kind.UNAVAILABLE, "OCR service is closed");
        if (unavailable != null) throw unavailable;
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrException(OcrException.Kind.FAILED, "interrupted while waiting for an OCR engine", e);
        }
        OcrEngine engine = null;
        try {
            engine = take();
            return task.run(engine);
        } finally {
            if (engine != null) giveBack(engine);
            permits.release();
        }
    }

    private OcrEngine take() throws OcrException {
        synchronized (idle) {
            while (!idle.isEmpty()) {
                OcrEngine e = idle.pollFirst();
                if (e.alive()) return e;
                all.remove(e);
            }
        }
        OcrEngine e = create();
        synchronized (idle) {
            all.add(e);
        }
        return e;
    }

    private void giveBack(OcrEngine e) {
        synchronized (idle) {
            if (e.alive() && !closed) {
                idle.addFirst(e);
            } else {
                all.remove(e);
                e.close();
            }
        }
    }

    private OcrEngine create() throws OcrException {
        Path dir = modelsDir();
        try {
            OcrEngine e;
            if (config.isolation() == Isolation.PROCESS && !processFailed) {
                try {
                    e = WorkerProcessEngine.start(dir, config.maxPixels());
                } catch (OcrException ex) {
                    if (ex.getMessage() != null && ex.getMessage().startsWith("cannot start an OCR worker process")) {
                        processFailed = true; // no child processes here: use the in-process engine from now on
                        e = new InProcessEngine(dir);
                    } else {
                        throw ex;
                    }
                }
            } else {
                e = new InProcessEngine(dir);
            }
            started.incrementAndGet();
            java.util.function.UnaryOperator<OcrEngine> d = decorator;
            return d == null ? e : d.apply(e);
        } catch (OcrException ex) {
            if (ex.kind() == OcrException.Kind.UNAVAILABLE && started.get() == 0) unavailable = ex;
            throw ex;
        }
    }

    private Path modelsDir() throws OcrException {
        Path m = models;
        if (m != null) return m;
        try {
            m = Models.locate(config.modelsDir());
        } catch (OcrException e) {
            unavailable = e;
            throw e;
        }
        models = m;
        return m;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        List<OcrEngine> engines;
        synchronized (idle) {
            engines = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        for (OcrEngine e : engines) {
            if (e instanceof WorkerProcessEngine w) w.terminate();
            else e.close();
        }
        // Wait (briefly) until the killed workers are gone: no process outlives the run, and their CPU
        // time is counted in this process's children (what /usr/bin/time and the benchmark report).
        long until = System.nanoTime() + 2_000_000_000L;
        for (OcrEngine e : engines) {
            if (e instanceof WorkerProcessEngine w) w.awaitExit(Math.max(0, (until - System.nanoTime()) / 1_000_000));
        }
        pageExecutor.shutdownNow();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }
}
