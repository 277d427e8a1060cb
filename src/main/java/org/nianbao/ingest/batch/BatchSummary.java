package org.nianbao.ingest.batch;

import java.util.List;
import org.nianbao.ingest.model.Status;

/** The outcome of a batch, in input order. */
public record BatchSummary(List<DocumentResult> results, long millis) {
    public long count(Status.State state) {
        return results.stream().filter(r -> r.status().state() == state).count();
    }

    public int pages() {
        return results.stream().mapToInt(DocumentResult::pages).sum();
    }
}
