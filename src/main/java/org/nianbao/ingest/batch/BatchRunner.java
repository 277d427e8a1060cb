package org.nianbao.ingest.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.Version;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.output.AtomicFiles;
import org.nianbao.ingest.output.OutputFormat;
import org.nianbao.ingest.batch.DocumentResult.Details;

/**
 * Runs a batch: every input through the pipeline on {@code jobs} workers, outputs written atomically,
 * one result per input. Nothing about one input can stop the others: exceptions, errors and time-outs
 * become a failed result with a reason. A document that runs past its time limit is abandoned (its
 * worker may still be stuck, so a fresh worker takes its place and its late output is discarded).
 */
public final class BatchRunner {
    private final NianbaoIngest ingest;
    private final Path outputDir;
    private final Set<OutputFormat> formats;
    private final int jobs;
    private final BatchListener listener;
    private final ResumeJournal journal;

    public BatchRunner(NianbaoIngest ingest, Path outputDir, Set<OutputFormat> formats, int jobs, BatchListener listener) {
        this(ingest, outputDir, formats, jobs, listener, null);
    }

    /** With a journal, documents finished by an earlier run with the same bytes and settings are skipped. */
    public BatchRunner(NianbaoIngest ingest, Path outputDir, Set<OutputFormat> formats, int jobs, BatchListener listener,
                       ResumeJournal journal) {
        this.journal = journal;
        this.ingest = ingest;
        this.outputDir = outputDir;
        this.formats = Set.copyOf(formats);
        this.jobs = Math.max(1, jobs);
        this.listener = listener;
    }

    public BatchSummary run(List<Input> inputs) {
        long start = System.nanoTime();
        List<String> names = OutputNames.assign(inputs);
        ResumeJournal.cleanLeftovers(outputDir);
        listener.started(inputs.size());
        DocumentResult[] results = new DocumentResult[inputs.size()];
        AtomicInteger finished = new AtomicInteger();
        Semaphore slots = new Semaphore(jobs);
        // A cached pool, not a fixed one: a worker stuck in a hung page must not take a slot forever.
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "nianbao-worker");
            t.setDaemon(true);
            return t;
        });
        int timeout = ingest.pipeline().context().limits().documentTimeoutSeconds();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        try {
            for (int i = 0; i < inputs.size(); i++) {
                slots.acquireUninterruptibly();
                final int idx = i;
                Input in = inputs.get(i);
                AtomicBoolean abandoned = new AtomicBoolean(false);
                long t0 = System.nanoTime();
                CompletableFuture<Void> f = CompletableFuture
                        .supplyAsync(() -> processOne(in, names.get(idx), abandoned, t0), pool)
                        .orTimeout(timeout, TimeUnit.SECONDS)
                        .handle((res, err) -> {
                            DocumentResult r = res;
                            if (err != null) {
                                abandoned.set(true);
                                Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
                                String reason = cause instanceof TimeoutException
                                        ? "timed out after " + timeout + " s (document time limit)"
                                        : "internal error: " + cause;
                                r = new DocumentResult(in, names.get(idx), "unknown", Status.failed(reason), 0,
                                        (System.nanoTime() - t0) / 1_000_000, 0, List.of(), false, null);
                                recordQuietly(r);
                            }
                            results[idx] = r;
                            slots.release();
                            listener.documentFinished(r, finished.incrementAndGet(), inputs.size());
                            return null;
                        });
                all.add(f);
            }
            CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
        } finally {
            pool.shutdownNow();
        }
        BatchSummary summary = new BatchSummary(List.of(results), (System.nanoTime() - start) / 1_000_000);
        writeRunReport(summary);
        try {
            RunReportHtml.write(summary, outputDir);
        } catch (IOException e) {
            System.err.println("nianbao-ingest: cannot write " + outputDir.resolve("report.html") + ": " + e.getMessage());
        }
        listener.finished(summary);
        return summary;
    }

    private DocumentResult processOne(Input in, String name, AtomicBoolean abandoned, long t0) {
        if (journal != null) {
            var reused = journal.reusable(in, name);
            if (reused.isPresent()) return reused.get();
        }
        listener.documentStarted(in);
        Document doc;
        try {
            doc = ingest.process(in.file());
        } catch (OutOfMemoryError e) {
            doc = Document.failed(in.file().toString(), org.nianbao.ingest.model.SourceKind.UNKNOWN, null,
                    "ran out of memory while processing");
        } catch (RuntimeException | StackOverflowError e) {
            doc = Document.failed(in.file().toString(), org.nianbao.ingest.model.SourceKind.UNKNOWN, null,
                    "internal error: " + e);
        }
        List<String> written = new ArrayList<>();
        Status status = doc.status();
        if (!abandoned.get()) {
            for (OutputFormat f : formats) {
                if (!f.appliesTo(doc)) continue;
                // A failed document still gets its JSON (status and reason); no empty .txt is written for it.
                if (status.state() == Status.State.FAILED && f != OutputFormat.JSON) continue;
                String rel = name + "." + f.extension();
                try {
                    f.write(doc, in.file(), outputDir.resolve(rel));
                    written.add(rel);
                } catch (IOException | RuntimeException e) {
                    status = Status.failed("cannot write " + rel + ": " + e.getMessage());
                }
            }
        }
        int pages = doc.pages().size();
        String review = null;
        if (!abandoned.get() && status.state() != Status.State.FAILED) {
            try {
                review = ReviewPage.writeIfUseful(doc, in.file(), outputDir, name);
            } catch (IOException | RuntimeException e) {
                // the review page is a convenience; its failure must not fail the document
                review = null;
            }
        }
        DocumentResult r = new DocumentResult(in, name, doc.kind().name().toLowerCase(Locale.ROOT), status, pages,
                (System.nanoTime() - t0) / 1_000_000, doc.allWarnings().size(), written, false, Details.of(doc, review));
        if (!abandoned.get()) recordQuietly(r);
        return r;
    }

    /** Journal entry last, after the outputs: a kill before this line means the document is redone. */
    private void recordQuietly(DocumentResult r) {
        if (journal == null) return;
        try {
            Path f = r.input().file();
            long size = java.nio.file.Files.isRegularFile(f) ? java.nio.file.Files.size(f) : -1;
            String sha = size >= 0 ? ResumeJournal.sha256(f) : "";
            journal.record(r, sha, size);
        } catch (IOException | RuntimeException e) {
            // Without an entry the document is simply redone next time; nothing is lost.
        }
    }

    /** {@code report.json}: one entry per input with its status and reason, plus totals. */
    private void writeRunReport(BatchSummary s) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("format", Version.OUTPUT_FORMAT + "/run-report");
        root.put("tool", "nianbao-ingest " + Version.tool());
        ObjectNode totals = root.putObject("totals");
        totals.put("inputs", s.results().size());
        totals.put("done", s.count(Status.State.DONE));
        totals.put("partial", s.count(Status.State.PARTIAL));
        totals.put("failed", s.count(Status.State.FAILED));
        totals.put("skippedAsAlreadyDone", s.results().stream().filter(DocumentResult::reused).count());
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
