package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link TesseractEngine} in a child JVM ({@link OcrWorkerMain}). A native crash kills only the
 * child; a page that runs past its time limit is ended by killing the child. Either way the call
 * fails with a reason and the pool starts a fresh worker for the next page.
 *
 * <p>The child is started with {@code OMP_THREAD_LIMIT=1} in its environment (one OpenMP thread per
 * engine is 3x faster than the default when engines run side by side), whatever the parent's
 * environment says.
 */
public final class WorkerProcessEngine implements OcrEngine {
    /** Extra time the child gets beyond its own deadline before it is killed. */
    static final long KILL_GRACE_MILLIS = 5_000;
    private static final long START_TIMEOUT_MILLIS = 60_000;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ocr-worker-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final AtomicBoolean killedByWatchdog = new AtomicBoolean();
    private volatile boolean dead;

    private WorkerProcessEngine(Process process) {
        this.process = process;
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        Thread drain = new Thread(this::drainStderr, "ocr-worker-stderr-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * JVM options that keep the child's stdout, the protocol channel, free of anything but protocol
     * messages: unified logging writes its warnings to stdout by default (a {@code -XX:+UseLargePages}
     * from {@code JAVA_TOOL_OPTIONS} on a machine without large pages, a class-data archive that does not
     * match), which would break the handshake and cost the run its worker processes. They go to stderr,
     * whose last lines a failure message quotes. A native crash's report goes to the temporary folder, not
     * to hs_err_pid files in the user's working directory.
     */
    static List<String> outputOptions() {
        return List.of("-Xlog:disable", "-Xlog:all=warning:stderr",
                "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), CRASH_LOG_PREFIX + "%p.log"));
    }

    /** The name of a worker's crash report in the temporary folder, before its process id. */
    static final String CRASH_LOG_PREFIX = "nianbao-ocr-worker-hs_err_pid";

    /** The command line of a worker process over {@code modelsDir}. */
    static List<String> command(Path modelsDir, long maxPixels) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small heap: the child holds one page image and Tesseract's (native) memory; C1 only, it runs little Java.
        long heapMb = Math.max(256, Math.min(2048, maxPixels * 3 / (1024 * 1024) + 128));
        cmd.add("-Xmx" + heapMb + "m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xshare:auto");
        cmd.addAll(outputOptions());
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-D" + LineImageCompression.PROPERTY + "=" + LineImageCompression.enabled());
        cmd.add("-D" + OcrScript.ENGLISH_PROPERTY + "=" + Boolean.getBoolean(OcrScript.ENGLISH_PROPERTY));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(OcrWorkerMain.class.getName());
        cmd.add(modelsDir.toString());
        cmd.add(Long.toString(maxPixels));
        return cmd;
    }

    /** Starts a worker and waits until its engine is initialised. */
    public static WorkerProcessEngine start(Path modelsDir, long maxPixels) throws OcrException {
        List<String> cmd = command(modelsDir, maxPixels);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new OcrException(OcrException.Kind.UNAVAILABLE, "cannot start an OCR worker process: " + e.getMessage(), e);
        }
        WorkerProcessEngine engine = new WorkerProcessEngine(p);
        ScheduledFuture<?> guard = WATCHDOG.schedule(engine::kill, START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        try {
            WorkerProtocol.readStatus(engine.in);
            WorkerProtocol.readOrientation(engine.in); // the ready handshake
            return engine;
        } catch (OcrException e) {
            engine.kill();
            throw e;
        } catch (IOException e) {
            engine.kill();
            throw new OcrException(OcrException.Kind.UNAVAILABLE, "OCR worker process failed to start" + engine.exitDetail(), e);
        } finally {
            guard.cancel(false);
        }
    }

    @Override
    public OcrResult read(GrayImage image, Rectangle region, OcrMode mode, OcrOptions options) throws OcrException {
        // The child stops itself at the deadline (a clean failure, worker kept); the watchdog is the backstop.
        long childDeadline = options.timeoutMillis();
        if (region == null) {
            return call(new WorkerProtocol.Request(WorkerProtocol.OP_READ, mode, options.withTimeout(childDeadline), null, image),
                    options.timeoutMillis(), true);
        }
        // A region (one line, one cell) travels alone: ~0.2 MB instead of the page's ~9 MB per re-read.
        RegionCut cut = RegionCut.of(image, region, RegionCut.MARGIN);
        if (cut == null) return OcrResult.empty(0);
        OcrResult r = call(new WorkerProtocol.Request(WorkerProtocol.OP_READ, mode, options.withTimeout(childDeadline), cut.region(),
                cut.image()), options.timeoutMillis(), true);
        return cut.toPage(r);
    }

    @Override
    public Orientation detectOrientation(GrayImage image, int dpi) throws OcrException {
        OcrOptions o = OcrOptions.defaults().withDpi(dpi);
        return call(new WorkerProtocol.Request(WorkerProtocol.OP_ORIENT, OcrMode.PAGE, o, null, image), 60_000, false);
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T call(WorkerProtocol.Request req, long timeoutMillis, boolean isRead) throws OcrException {
        if (dead) throw new OcrException(OcrException.Kind.CRASHED, "OCR worker is not running");
        ScheduledFuture<?> guard = timeoutMillis > 0
                ? WATCHDOG.schedule(() -> { killedByWatchdog.set(true); kill(); }, timeoutMillis + KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS)
                : null;
        long start = System.nanoTime();
        try {
            WorkerProtocol.writeRequest(out, req);
            WorkerProtocol.readStatus(in);
            return (T) (isRead ? WorkerProtocol.readResult(in) : WorkerProtocol.readOrientation(in));
        } catch (IOException e) {
            dead = true;
            kill();
            long secs = (System.nanoTime() - start) / 1_000_000_000L;
            if (killedByWatchdog.get()) {
                throw new OcrException(OcrException.Kind.TIMEOUT,
                        "OCR did not finish within the time limit of " + timeoutMillis / 1000 + " s (worker stopped after " + secs + " s)");
            }
            throw new OcrException(OcrException.Kind.CRASHED, "OCR worker process died" + exitDetail(), e);
        } finally {
            if (guard != null) guard.cancel(false);
        }
    }

    private String exitDetail() {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder sb = new StringBuilder();
        if (!process.isAlive()) {
            int code = process.exitValue();
            sb.append(" (exit ").append(code);
            if (code > 128) sb.append(", signal ").append(code - 128);
            sb.append(')');
        }
        if (!process.isAlive()) {
            Path report = Path.of(System.getProperty("java.io.tmpdir"), CRASH_LOG_PREFIX + process.pid() + ".log");
            if (java.nio.file.Files.isRegularFile(report)) sb.append(" (crash report: ").append(report).append(')');
        }
        String last;
        synchronized (stderrTail) {
            last = stderrTail.isEmpty() ? null : stderrTail.peekLast();
        }
        if (last != null) sb.append(": ").append(last);
        return sb.toString();
    }

    private void drainStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("SLF4J")) continue;
                synchronized (stderrTail) {
                    if (stderrTail.size() == 20) stderrTail.removeFirst();
                    stderrTail.addLast(line.length() > 300 ? line.substring(0, 300) : line);
                }
            }
        } catch (IOException ignored) {
            // the worker is gone; nothing more to read
        }
    }

    private void kill() {
        dead = true;
        process.destroyForcibly();
    }

    /** Kills the worker at once, even in the middle of a call (which then fails as crashed). */
    public void terminate() {
        kill();
    }

    /** Waits up to {@code millis} for the child to end (after {@link #terminate}); true once it has. */
    public boolean awaitExit(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The child's process id (for logs and tests). */
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean alive() {
        return !dead && process.isAlive();
    }

    @Override
    public void close() {
        if (dead) return;
        dead = true;
        try {
            WorkerProtocol.writeRequest(out, new WorkerProtocol.Request(WorkerProtocol.OP_QUIT, null, null, null, null));
            out.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
