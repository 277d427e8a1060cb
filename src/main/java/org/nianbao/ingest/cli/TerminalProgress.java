package org.nianbao.ingest.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.nianbao.ingest.batch.BatchListener;
import org.nianbao.ingest.batch.BatchSummary;
import org.nianbao.ingest.batch.DocumentResult;
import org.nianbao.ingest.batch.Input;
import org.nianbao.ingest.model.Status;

/**
 * A progress bar redrawn in place on a terminal: documents, pages, rate and time left. Problems
 * (partial, failed) are printed as lines above the bar so they stay visible.
 */
final class TerminalProgress implements BatchListener {
    private final PrintStream out;
    private long start;
    private int total;
    private int pages;
    private int failed;
    private int partial;
    private String current = "";

    TerminalProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void started(int total) {
        this.total = total;
        this.start = System.nanoTime();
        draw(0);
    }

    @Override
    public synchronized void documentStarted(Input input) {
        current = input.file().getFileName() == null ? input.file().toString() : input.file().getFileName().toString();
    }

    @Override
    public synchronized void documentFinished(DocumentResult r, int finished, int total) {
        pages += r.pages();
        if (r.status().state() != Status.State.DONE) {
            if (r.status().state() == Status.State.FAILED) failed++;
            else partial++;
            out.print("\r\033[K");
            out.println(LogProgress.line(r, finished, total));
        }
        draw(finished);
    }

    private void draw(int finished) {
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) finished * width / total);
        double secs = (System.nanoTime() - start) / 1e9;
        double rate = secs > 0 ? finished / secs : 0;
        String eta = finished == 0 || rate == 0 ? "--:--" : clock((total - finished) / rate);
        String name = current.length() > 30 ? "…" + current.substring(current.length() - 29) : current;
        out.print(String.format(Locale.ROOT, "\r\033[K[%s%s] %d/%d docs, %d pages, %.1f docs/min, left %s%s%s %s",
                "#".repeat(filled), ".".repeat(width - filled), finished, total, pages, rate * 60, eta,
                failed > 0 ? ", " + failed + " failed" : "", partial > 0 ? ", " + partial + " partial" : "", name));
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public synchronized void finished(BatchSummary s) {
        out.print("\r\033[K");
        out.flush();
    }
}
