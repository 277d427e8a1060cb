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
 * A progress bar redrawn in place on a terminal: documents, pages, rate and time left. Problems
 * (partial, failed) are printed as lines above the bar so they stay visible. The bar is also redrawn
 * every second, so the clock moves while a long document is being read; the last state stays on screen.
 */
final class TerminalProgress implements BatchListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final ProgressStats stats = new ProgressStats();
    private String current = "";
    private ScheduledExecutorService ticker;
    private boolean stopped;

    TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void started(int total) {
        stats.started(total);
        draw();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nianbao-progress-bar");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void tick() {
        if (!stopped) draw();
    }

    @Override
    public synchronized void documentStarted(Input input) {
        current = input.file().getFileName() == null ? input.file().toString() : input.file().getFileName().toString();
    }

    @Override
    public synchronized void documentFinished(DocumentResult r, int finished, int total) {
        stats.finished(r);
        if (stopped) return;
        if (r.status().state() != Status.State.DONE) {
            out.print("\r\033[K");
            out.println(LogProgress.line(r, finished, total));
        }
        draw();
    }

    private void draw() {
        out.print("\r\033[K" + bar(stats.snapshot(), current));
        out.flush();
    }

    /** One line: "[#####.....] 12/30 docs, 48 pages, 10.5 docs/min, 42.0 pages/min, left 1:42  name". */
    static String bar(ProgressStats.Snapshot s, String current) {
        int filled = s.total() == 0 ? WIDTH : (int) ((long) s.finished() * WIDTH / s.total());
        String name = current.length() > 30 ? "…" + current.substring(current.length() - 29) : current;
        String time = s.finished() >= s.total() ? "took " + ProgressStats.clock(s.seconds()) : "left " + s.timeLeft();
        return String.format(Locale.ROOT, "[%s%s] %s, %s %s", "#".repeat(filled), ".".repeat(WIDTH - filled), s.counts(), time,
                s.finished() >= s.total() ? "" : name).stripTrailing();
    }

    @Override
    public synchronized void finished(BatchSummary s) {
        stop();
        current = "";
        draw();
        out.println(); // the final bar stays on screen above the summary line
        out.flush();
    }

    @Override
    public synchronized void interrupted(BatchSummary soFar) {
        stop();
        out.print("\r\033[K");
        out.flush();
    }

    private void stop() {
        stopped = true;
        if (ticker != null) ticker.shutdownNow();
    }
}
