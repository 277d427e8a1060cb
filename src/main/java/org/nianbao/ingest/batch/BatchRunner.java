package org.nianbao.ingest.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.Version;
import org.nianbao.ingest.batch.DocumentResult.Details;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.output.AtomicFiles;
import org.nianbao.ingest.output.OutputFormat;

/**
 * Runs a batch: every input through the pipeline on {@code jobs} workers, outputs written atomically,
 * one result per input. Nothing about one input can stop the others: exceptions, errors, time-outs and
 * output that cannot be written (a full disk) become a failed result with a reason. A document that runs
 * past its time limit is abandoned (its worker may still be stuck, so a fresh worker takes its place and
 * its late output is discarded).
 *
 * <p>Memory stays bounded whatever the batch size: a worker drops its {@link Document} as soon as the
 * outputs are written; the runner keeps only a small {@link DocumentResult} per input, and at most
 * {@code jobs} documents are in flight.
 *
 * <p>A run stopped from outside ({@link #interrupt()}, called by the command line's shutdown hook on
 * Ctrl-C or SIGTERM) writes the run report for what finished so far; the journal lets the same command
 * pick up where it stopped.
 */
public final class BatchRunner {
    /** Writes one output file of a document. A seam: tests put a full disk behind it. */
    @FunctionalInterface
    public interface OutputWriter {
        void write(OutputFormat format, Document doc, Path source, Path target) throws IOException;
    }

    private enum RunState { IDLE, RUNNING, REPORTING, DONE, INTERRUPTED }

    private final NianbaoIngest ingest;
    private final Path outputDir;
    private final Set<OutputFormat> formats;
    private final int jobs;
    private final BatchListener listener;
    private final ResumeJournal journal;
    private OutputWriter writer = DEFAULT_WRITER;

    private final AtomicReference<RunState> state = new AtomicReference<>(RunState.IDLE);
    private final CountDownLatch reportWritten = new CountDownLatch(1);
    private volatile AtomicReferenceArray<DocumentResult> results = new AtomicReferenceArray<>(0);
    private volatile long startNanos;

    public BatchRunner(NianbaoIngest ingest, Path outputDir, Set<OutputFormat> formats, int jobs, BatchListener listener) {
        this(ingest, outputDir, formats, jobs, listener, null);
    }

    /** With a journal, documents finished by an earlier run with the same bytes and settings are skipped. */
    public BatchRunner(NianbaoIngest ingest, Path outputDir, Set<OutputFormat> formats, int jobs, BatchListener listener,
                       ResumeJournal journal) {
        this.journal = journal;
        this.ingest = ingest;
        this.outputDir = outputDir;
        // an EnumSet keeps the order fixed (txt, json, pdf), so a failure always happens at the same step
        this.formats = formats.isEmpty() ? EnumSet.noneOf(OutputFormat.class) : EnumSet.copyOf(formats);
        this.jobs = Math.max(1, jobs);
        this.listener = listener;
    }

    /**
     * A document's JSON grows with its structure, not its bytes: a hostile page of a few hundred KB can
     * describe a table of millions of empty cells, gigabytes of JSON. Such an output is stopped at 256 MB
     * plus 64 times the input's size (and the document fails) instead of filling the archive's disk.
     * Real reports stay far below: the JSON of a 100 MB web capture is about 1.2 times its size.
     */
    static final OutputWriter DEFAULT_WRITER = boundedWriter(256L * 1024 * 1024, 64);

    /** An output over the limit; not retried on resume (it would happen again). */
    static final class OutputTooLargeException extends IOException {
        OutputTooLargeException(String message) {
            super(message);
        }
    }

    /** The formats' own writers, with the JSON stream cut off at {@code base + perInputByte × input size}. */
    static OutputWriter boundedWriter(long base, long perInputByte) {
        return (format, doc, source, target) -> {
            if (format != OutputFormat.JSON) {
                format.write(doc, source, target);
                return;
            }
            long size;
            try {
                size = Files.isDirectory(source) ? folderSize(source) : Files.size(source); // a folder of page images
            } catch (IOException | RuntimeException e) {
                size = 0;
            }
            long limit = base + perInputByte * size;
            String why = "the JSON would be over " + human(limit) + " for an input of " + human(size)
                    + " (a table of millions of cells?); the input is probably broken or hostile";
            AtomicFiles.writeText(target, w -> org.nianbao.ingest.output.JsonWriter.write(doc, new java.io.FilterWriter(w) {
                private long written;

                private void count(long n) throws IOException {
                    written += n;
                    if (written > limit) throw new OutputTooLargeException(why);
                }

                @Override
                public void write(int c) throws IOException {
                    count(1);
                    out.write(c);
                }

                @Override
                public void write(char[] cbuf, int off, int len) throws IOException {
                    count(len);
                    out.write(cbuf, off, len);
                }

                @Override
                public void write(String str, int off, int len) throws IOException {
                    count(len);
                    out.write(str, off, len);
                }
            }));
        };
    }

    /** The bytes of a folder's own files (a folder of page images read as one document). */
    private static long folderSize(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return org.nianbao.ingest.extract.image.PageSet.size(s.filter(Files::isRegularFile).toList());
        }
    }

    private static String human(long bytes) {
        if (bytes >= 10L << 20) return (bytes >> 20) + " MB";
        if (bytes >= 10L << 10) return (bytes >> 10) + " KB";
        return bytes + " bytes";
    }

    private List<String> notes = List.of();

    /**
     * Lines the run report shows before the documents (report.json {@code notes}): which folders of page
     * images were read as one document, and why. Returns this runner.
     */
    public BatchRunner withNotes(List<String> runNotes) {
        this.notes = List.copyOf(runNotes);
        return this;
    }

    /** Replaces the writer of output files (tests: a disk that fills up). Returns this runner. */
    public BatchRunner withOutputWriter(OutputWriter w) {
        this.writer = Objects.requireNonNull(w);
        return this;
    }

    public BatchSummary run(List<Input> inputs) {
        if (!state.compareAndSet(RunState.IDLE, RunState.RUNNING)) throw new IllegalStateException("a BatchRunner runs one batch");
        startNanos = System.nanoTime();
        List<String> names = OutputNames.assign(inputs);
        ResumeJournal.cleanLeftovers(outputDir);
        results = new AtomicReferenceArray<>(inputs.size());
        listener.started(inputs.size());
        AtomicInteger finished = new AtomicInteger();
        CountDownLatch allFinished = new CountDownLatch(inputs.size());
        Semaphore slots = new Semaphore(jobs);
        // A cached pool, not a fixed one: a worker stuck in a hung page must not take a slot forever.
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "nianbao-worker");
            t.setDaemon(true);
            return t;
        });
        int timeout = ingest.pipeline().context().limits().documentTimeoutSeconds();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                slots.acquireUninterruptibly();
                if (state.get() == RunState.INTERRUPTED) {
                    // stopped from outside: start nothing more; what is in flight may still finish
                    slots.release();
                    for (int k = i; k < inputs.size(); k++) allFinished.countDown();
                    break;
                }
                final int idx = i;
                Input in = inputs.get(i);
                AtomicBoolean abandoned = new AtomicBoolean(false);
                long t0 = System.nanoTime();
                // No reference to the future is kept: its result is only the small DocumentResult,
                // stored in results[idx]; the Document never leaves processOne.
                CompletableFuture
                        .supplyAsync(() -> processOne(in, names.get(idx), abandoned, t0), pool)
                        .orTimeout(timeout, TimeUnit.SECONDS)
                        .handle((res, err) -> {
                            try {
                                DocumentResult r = res;
                                if (err != null) {
                                    abandoned.set(true);
                                    Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                                    String reason = cause instanceof TimeoutException
                                            ? "timed out after " + timeout + " s (document time limit)"
                                            : "internal error: " + cause;
                                    r = new DocumentResult(in, names.get(idx), "unknown", Status.failed(reason), 0,
                                            (System.nanoTime() - t0) / 1_000_000, 0, List.of(), false, null);
                                    recordQuietly(r, ""); // retried on resume: no need to hash the input
                                }
                                results.set(idx, r);
                                slots.release();
                                listener.documentFinished(r, finished.incrementAndGet(), inputs.size());
                            } finally {
                                allFinished.countDown();
                            }
                            return null;
                        });
            }
            awaitUninterruptibly(allFinished);
        } finally {
            pool.shutdownNow();
        }
        BatchSummary summary = snapshot();
        if (!state.compareAndSet(RunState.RUNNING, RunState.REPORTING)) {
            return summary; // interrupted: interrupt() has written the report of what had finished
        }
        try {
            writeReports(summary);
        } finally {
            state.set(RunState.DONE);
            reportWritten.countDown();
        }
        listener.finished(summary);
        return summary;
    }

    /**
     * Stops the run from outside (the shutdown hook on Ctrl-C): no new document is started and the run
     * report is written for the documents finished so far. Returns that partial summary, or empty when
     * the run had already finished (then this waits briefly for its final report to be on disk).
     */
    public Optional<BatchSummary> interrupt() {
        if (state.compareAndSet(RunState.RUNNING, RunState.INTERRUPTED)) {
            BatchSummary soFar = snapshot();
            writeReports(soFar);
            listener.interrupted(soFar);
            return Optional.of(soFar);
        }
        if (state.get() == RunState.REPORTING) {
            try {
                reportWritten.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.empty();
    }

    /** The results so far, in input order, and how many inputs have none yet. */
    private BatchSummary snapshot() {
        AtomicReferenceArray<DocumentResult> rs = results;
        List<DocumentResult> done = new ArrayList<>(rs.length());
        for (int i = 0; i < rs.length(); i++) {
            DocumentResult r = rs.get(i);
            if (r != null) done.add(r);
        }
        return new BatchSummary(done, (System.nanoTime() - startNanos) / 1_000_000, rs.length() - done.size());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private DocumentResult processOne(Input in, String name, AtomicBoolean abandoned, long t0) {
        if (journal != null) {
            var reused = journal.reusable(in, name);
            if (reused.isPresent()) return reused.get();
        }
        listener.documentStarted(in);
        Document doc;
        try {
            doc = in.isPageSet() ? ingest.processPages(in.file(), in.pages()) : ingest.process(in.file());
        } catch (OutOfMemoryError e) {
            doc = Document.failed(in.file().toString(), SourceKind.UNKNOWN, null, "ran out of memory while processing");
        } catch (RuntimeException | StackOverflowError e) {
            doc = Document.failed(in.file().toString(), SourceKind.UNKNOWN, null, "internal error: " + e);
        }
        Status status = doc.status();
        List<String> written = new ArrayList<>();
        if (!abandoned.get()) status = writeOutputs(doc, in.file(), name, status, written);
        String review = null;
        if (!abandoned.get() && status.state() != Status.State.FAILED) {
            try {
                review = ReviewPage.writeIfUseful(doc, in.file(), outputDir, name, written);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // the review page is a convenience; its failure must not fail the document
                review = null;
            }
        }
        DocumentResult r = new DocumentResult(in, name, doc.kind().name().toLowerCase(Locale.ROOT), status, doc.pages().size(),
                (System.nanoTime() - t0) / 1_000_000, doc.allWarnings().size(), written, false, Details.of(doc, review));
        if (!abandoned.get()) recordQuietly(r, doc.sha256());
        return r;
    }

    /**
     * Writes the document's outputs, filling {@code written}; returns the document's final status. When a
     * file cannot be written (full disk, permissions) the document fails with that reason and none of its
     * outputs are kept, so what is on disk is either a complete set or nothing that could be mistaken for
     * one. A failed document gets only its JSON (status and reason); an older .txt of the same input is
     * removed, as it no longer matches the input.
     */
    private Status writeOutputs(Document doc, Path source, String name, Status status, List<String> written) {
        for (OutputFormat f : formats) {
            if (!f.appliesTo(doc)) continue;
            String rel = name + "." + f.extension();
            Path target = outputDir.resolve(rel);
            if (status.state() == Status.State.FAILED && f != OutputFormat.JSON) {
                deleteQuietly(target);
                continue;
            }
            try {
                writer.write(f, doc, source, target);
                written.add(rel);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
                for (String w : written) deleteQuietly(outputDir.resolve(w));
                written.clear();
                for (OutputFormat g : formats) deleteQuietly(outputDir.resolve(name + "." + g.extension()));
                if (e instanceof OutputTooLargeException) return Status.failed("output too large: " + why);
                return Status.failed("cannot write " + rel + ": " + why);
            }
        }
        return status;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException | RuntimeException ignored) {
            // nothing more to do: the journal has no entry for the document, so it is redone next time
        }
    }

    /** Journal entry last, after the outputs: a kill before this line means the document is redone. */
    private void recordQuietly(DocumentResult r, String knownSha256) {
        if (journal == null) return;
        try {
            Path f = r.input().file();
            List<Path> pages = r.input().pages();
            long size = r.input().isPageSet() ? org.nianbao.ingest.extract.image.PageSet.size(pages)
                    : Files.isRegularFile(f) ? Files.size(f) : -1;
            // The hash of the bytes that were actually read (the sniffer's), not of the file as it is now.
            String sha = size < 0 ? "" : knownSha256 != null ? knownSha256
                    : r.input().isPageSet() ? org.nianbao.ingest.extract.image.PageSet.sha256(pages) : ResumeJournal.sha256(f);
            journal.record(r, sha, size);
        } catch (IOException | RuntimeException e) {
            // Without an entry the document is simply redone next time; nothing is lost.
        }
    }

    private void writeReports(BatchSummary summary) {
        writeRunReport(summary);
        try {
            RunReportHtml.write(summary, outputDir);
        } catch (IOException | RuntimeException e) {
            System.err.println("nianbao-ingest: cannot write " + outputDir.resolve("report.html") + ": " + e.getMessage());
        }
    }

    /** {@code report.json}: one entry per finished input with its status and reason, plus totals. */
    private void writeRunReport(BatchSummary s) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("format", Version.OUTPUT_FORMAT + "/run-report");
        root.put("tool", "nianbao-ingest " + Version.tool());
        root.put("interrupted", s.interrupted());
        if (s.interrupted()) {
            root.put("resume", "The run was stopped before every input was finished. Run the same command again:"
                    + " finished documents are kept and skipped, the rest are done.");
        }
        if (!notes.isEmpty()) {
            ArrayNode n = root.putArray("notes");
            notes.forEach(n::add);
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("inputs", s.results().size() + s.unfinished());
        totals.put("done", s.count(Status.State.DONE));
        totals.put("partial", s.count(Status.State.PARTIAL));
        totals.put("failed", s.count(Status.State.FAILED));
        totals.put("notFinished", s.unfinished());
        totals.put("skippedAsAlreadyDone", s.reused());
        totals.put("pages", s.pages());
        totals.put("seconds", s.millis() / 1000.0);
        totals.put("pagesPerMinute", s.millis() == 0 ? 0 : Math.round(s.pages() * 60_000.0 / s.millis() * 10) / 10.0);
        ArrayNode docs = root.putArray("documents");
        for (DocumentResult r : s.results()) {
            ObjectNode d = docs.addObject();
            d.put("input", r.input().file().toString());
            d.put("output", r.output());
            d.put("kind", r.kind());
            d.put("status", r.status().state().name().toLowerCase(Locale.ROOT));
            d.put("reason", r.status().reason());
            d.put("pages", r.pages());
            d.put("seconds", r.millis() / 1000.0);
            d.put("warnings", r.warnings());
            d.put("reused", r.reused());
            if (r.input().isPageSet()) {
                ArrayNode pf = d.putArray("pageFiles"); // the files of a folder read as one document, in page order
                for (Path p : r.input().pages()) pf.add(String.valueOf(p.getFileName()));
            }
            ArrayNode w = d.putArray("files");
            r.written().forEach(w::add);
        }
        try {
            AtomicFiles.writeString(outputDir.resolve("report.json"), m.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            System.err.println("nianbao-ingest: cannot write " + outputDir.resolve("report.json") + ": " + e.getMessage());
        }
    }
}
