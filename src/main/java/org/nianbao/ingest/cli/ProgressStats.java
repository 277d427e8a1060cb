package org.nianbao.ingest.cli;

import java.util.Locale;
import org.nianbao.ingest.batch.DocumentResult;
import org.nianbao.ingest.model.Status;

/**
 * The numbers both progress displays show: documents and pages so far, rates and time left. Rates count
 * only documents this run actually processed: a resumed run skips thousands of finished documents in
 * its first seconds, and counting those would promise a finish time far too early.
 */
final class ProgressStats {
    private long start = System.nanoTime();
    private int total;
    private int finished;
    private int processed;
    private int reused;
    private int pages;
    private int failed;
    private int partial;

    synchronized void started(int total) {
        this.total = total;
        this.start = System.nanoTime();
    }

    synchronized void finished(DocumentResult r) {
        finished++;
        if (r.reused()) reused++;
        else {
            processed++;
            pages += r.pages();
        }
        if (r.status().state() == Status.State.FAILED) failed++;
        else if (r.status().state() == Status.State.PARTIAL) partial++;
    }

    /** An immutable view for one line of output. */
    record Snapshot(int total, int finished, int processed, int reused, int pages, int failed, int partial, double seconds) {
        double docsPerMinute() {
            return seconds <= 0 ? 0 : processed * 60 / seconds;
        }

        double pagesPerMinute() {
            return seconds <= 0 ? 0 : pages * 60 / seconds;
        }

        /** Seconds left at the current rate, or -1 while there is no rate to go by yet. */
        double secondsLeft() {
            if (processed == 0 || seconds <= 0) return finished >= total ? 0 : -1;
            return (total - finished) / (processed / seconds);
        }

        /** "12/30 docs, 48 pages, 10.5 docs/min, 42.0 pages/min" with problem counts when there are any. */
        String counts() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d/%d docs, %d pages, %.1f docs/min, %.1f pages/min",
                    finished, total, pages, docsPerMinute(), pagesPerMinute()));
            if (failed > 0) sb.append(", ").append(failed).append(" failed");
            if (partial > 0) sb.append(", ").append(partial).append(" partial");
            if (reused > 0) sb.append(", ").append(reused).append(" already done");
            return sb.toString();
        }

        String timeLeft() {
            double s = secondsLeft();
            return s < 0 ? "--:--" : clock(s);
        }
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(total, finished, processed, reused, pages, failed, partial, (System.nanoTime() - start) / 1e9);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
