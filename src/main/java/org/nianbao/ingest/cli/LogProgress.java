package org.nianbao.ingest.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nianbao.ingest.batch.BatchListener;
import org.nianbao.ingest.batch.BatchSummary;
import org.nianbao.ingest.batch.DocumentResult;
import org.nianbao.ingest.batch.Input;
import org.nianbao.ingest.model.Status;

/**
 * Plain log lines for logs and pipes (no terminal control codes): one per finished document, and on a
 * long run a progress line every {@code interval} seconds with the numbers the terminal bar shows
 * (documents, pages, rates, time left), so a log read the next morning says how far the run got.
 */
final class LogProgress implements BatchListener {
    static final int DEFAULT_INTERVAL_SECONDS = 30;
    private final PrintStream out;
    private final boolean quiet;
    private final int intervalSeconds;
    private final ProgressStats stats = new ProgressStats();
    private ScheduledExecutorService ticker;
    /** Documents being read and since when: a log should say which document a long wait is spent on. */
    private final java.util.Map<Input, Long> inFlight = new java.util.LinkedHashMap<>();

    LogProgress(PrintStream out, boolean quiet) {
        this(out, quiet, DEFAULT_INTERVAL_SECONDS);
    }

    LogProgress(PrintStream out, boolean quiet, int intervalSeconds) {
        this.out = out;
        this.quiet = quiet;
        this.intervalSeconds = intervalSeconds;
    }

    @Override
    public synchronized void started(int total) {
        stats.started(total);
        if (quiet) return;
        out.println("nianbao-ingest: " + total + " input" + (total == 1 ? "" : "s"));
        if (intervalSeconds > 0 && total > 0) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "nianbao-progress-log");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::progressLine, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        }
    }

    private synchronized void progressLine() {
        StringBuilder line = new StringBuilder(progressText(stats.snapshot()));
        if (!inFlight.isEmpty()) {
            var oldest = inFlight.entrySet().iterator().next();
            line.append("; working on ").append(oldest.getKey().relativeName()).append(" for ")
                    .append(ProgressStats.clock((System.nanoTime() - oldest.getValue()) / 1e9));
            if (inFlight.size() > 1) line.append(" (and ").append(inFlight.size() - 1).append(" more)");
        }
        out.println(line);
    }

    static String progressText(ProgressStats.Snapshot s) {
        return "nianbao-ingest: progress " + s.counts() + ", " + ProgressStats.clock(s.seconds()) + " elapsed, about "
                + s.timeLeft() + " left";
    }

    @Override
    public synchronized void documentStarted(Input input) {
        inFlight.put(input, System.nanoTime());
    }

    @Override
    public synchronized void documentFinished(DocumentResult r, int finished, int total) {
        stats.finished(r);
        inFlight.remove(r.input());
        if (quiet && r.status().state() == Status.State.DONE) return;
        out.println(line(r, finished, total));
    }

    static String line(DocumentResult r, int finished, int total) {
        String state = r.status().state().name().toLowerCase(Locale.ROOT);
        String reason = r.status().reason() == null ? "" : " — " + r.status().reason();
        if (r.reused()) reason += " (finished by an earlier run; skipped)";
        return String.format(Locale.ROOT, "[%d/%d] %-7s %s (%s, %d page%s, %.1f s)%s", finished, total, state,
                r.input().file(), r.kind(), r.pages(), r.pages() == 1 ? "" : "s", r.millis() / 1000.0, reason);
    }

    @Override
    public synchronized void finished(BatchSummary s) {
        stop();
    }

    @Override
    public synchronized void interrupted(BatchSummary soFar) {
        stop();
    }

    private void stop() {
        if (ticker != null) ticker.shutdownNow();
        ticker = null;
    }
}
