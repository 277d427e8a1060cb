package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link TesseractEngine} in this JVM, on a thread of its own, with a hard time limit: the caller
 * waits at most the time limit plus a grace period. A call that runs past its deadline is first
 * cancelled through Tesseract's monitor; one that still does not return (stuck in layout analysis,
 * where the monitor is not checked) is abandoned with its thread and engine, and this engine reports
 * itself dead so the pool builds a fresh one. A native crash, however, still ends the JVM: that is
 * what {@link WorkerProcessEngine} is for. Used when child processes cannot be started.
 */
public final class InProcessEngine implements OcrEngine {
    private final TesseractEngine engine;
    private final ExecutorService thread;
    private volatile boolean dead;

    public InProcessEngine(Path modelsDir) throws OcrException {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ocr-engine");
            t.setDaemon(true);
            return t;
        });
        TesseractEngine e;
        try {
            e = thread.submit(() -> new TesseractEngine(modelsDir)).get();
        } catch (ExecutionException ex) {
            thread.shutdownNow();
            if (ex.getCause() instanceof OcrException oe) throw oe;
            throw new OcrException(OcrException.Kind.UNAVAILABLE, "OCR engine failed to start: " + ex.getCause(), ex.getCause());
        } catch (InterruptedException ex) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
            throw new OcrException(OcrException.Kind.UNAVAILABLE, "interrupted while starting the OCR engine", ex);
        }
        this.engine = e;
    }

    @Override
    public OcrResult read(GrayImage image, Rectangle region, OcrMode mode, OcrOptions options) throws OcrException {
        return call(() -> engine.read(image, region, mode, options), options.timeoutMillis());
    }

    @Override
    public Orientation detectOrientation(GrayImage image, int dpi) throws OcrException {
        return call(() -> engine.detectOrientation(image, dpi), 60_000);
    }

    private <T> T call(Callable<T> task, long timeoutMillis) throws OcrException {
        if (dead) throw new OcrException(OcrException.Kind.CRASHED, "OCR engine was abandoned after a runaway page");
        Future<T> f = thread.submit(task);
        try {
            if (timeoutMillis <= 0) return f.get();
            try {
                return f.get(timeoutMillis + WorkerProcessEngine.KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException first) {
                engine.cancel();
                try {
                    return f.get(WorkerProcessEngine.KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException second) {
                    dead = true; // its thread is stuck in native code; leave both behind
                    thread.shutdown();
                    throw new OcrException(OcrException.Kind.TIMEOUT,
                            "OCR did not finish within the time limit of " + timeoutMillis / 1000 + " s and was abandoned");
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof OcrException oe) throw oe;
            if (c instanceof OutOfMemoryError) throw new OcrException(OcrException.Kind.FAILED, "ran out of memory during OCR", c);
            throw new OcrException(OcrException.Kind.FAILED, "OCR failed: " + c, c);
        } catch (InterruptedException e) {
            engine.cancel();
            Thread.currentThread().interrupt();
            throw new OcrException(OcrException.Kind.FAILED, "interrupted", e);
        }
    }

    @Override
    public boolean alive() {
        return !dead && engine.alive();
    }

    @Override
    public void close() {
        if (dead) return;
        dead = true;
        thread.submit(engine::close);
        thread.shutdown();
    }
}
