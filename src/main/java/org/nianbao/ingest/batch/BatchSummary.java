package org.nianbao.ingest.batch;

import java.util.List;
import org.nianbao.ingest.model.Status;

/**
 * The outcome of a batch, in input order.
 *
 * @param results    one result per finished input
 * @param millis     wall time of the run
 * @param unfinished inputs the run did not finish because it was interrupted (Ctrl-C, kill); 0 for a
 *                   complete run. A later run with the same command does them.
 */
public record BatchSummary(List<DocumentResult> results, long millis, int unfinished) {
    public BatchSummary {
        results = List.copyOf(results);
    }

    public BatchSummary(List<DocumentResult> results, long millis) {
        this(results, millis, 0);
    }

    public boolean interrupted() {
        return unfinished > 0;
    }

    public long count(Status.State state) {
        return results.stream().filter(r -> r.status().state() == state).count();
    }

    public long reused() {
        return results.stream().filter(DocumentResult::reused).count();
    }

    public int pages() {
        return results.stream().mapToInt(DocumentResult::pages).sum();
    }
}
