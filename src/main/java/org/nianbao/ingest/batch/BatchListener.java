package org.nianbao.ingest.batch;

/** Hears about a batch's progress (the terminal progress bar, log lines, tests). Called from worker threads. */
public interface BatchListener {
    void started(int total);

    void documentStarted(Input input);

    void documentFinished(DocumentResult result, int finished, int total);

    void finished(BatchSummary summary);

    /** The run was stopped from outside (Ctrl-C, SIGTERM) with {@code soFar.unfinished()} inputs left. */
    default void interrupted(BatchSummary soFar) { }
}
