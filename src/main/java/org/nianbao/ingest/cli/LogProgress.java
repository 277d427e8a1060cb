package org.nianbao.ingest.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.nianbao.ingest.batch.BatchListener;
import org.nianbao.ingest.batch.BatchSummary;
import org.nianbao.ingest.batch.DocumentResult;
import org.nianbao.ingest.batch.Input;
import org.nianbao.ingest.model.Status;

/** Plain log lines, one per finished document, for logs and pipes (no terminal control codes). */
final class LogProgress implements BatchListener {
    private final PrintStream out;
    private final boolean quiet;

    LogProgress(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public void started(int total) {
        if (!quiet) out.println("nianbao-ingest: " + total + " input" + (total == 1 ? "" : "s"));
    }

    @Override
    public void documentStarted(Input input) { }

    @Override
    public synchronized void documentFinished(DocumentResult r, int finished, int total) {
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
    public void finished(BatchSummary s) { }
}
