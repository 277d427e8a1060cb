package org.nianbao.ingest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.output.AtomicFiles;
import org.nianbao.ingest.output.JsonWriter;
import org.nianbao.ingest.output.OutputFormat;

class BatchRunnerTest {
    @TempDir
    Path tmp;

    static final NianbaoIngest INGEST = new NianbaoIngest();
    static final EnumSet<OutputFormat> TXT_JSON = EnumSet.of(OutputFormat.TXT, OutputFormat.JSON);

    private Path folderOfSeeds(int copies) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> seeds;
        try (Stream<Path> s = Files.list(Path.of("fixtures/seeds"))) {
            seeds = s.sorted().toList();
        }
        for (int i = 0; i < copies; i++) {
            Path seed = seeds.get(i % seeds.size());
            Files.copy(seed, in.resolve(String.format("%03d-%s", i, seed.getFileName())));
        }
        return in;
    }

    private static Map<String, JsonNode> report(Path out) throws IOException {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        Map<String, JsonNode> m = new HashMap<>();
        for (JsonNode d : report.get("documents")) m.put(d.get("output").asText(), d);
        return m;
    }

    /** Writes like the real disk until {@code limit} characters, then fails as a full disk does. */
    static final class FillingUpWriter extends FilterWriter {
        private long left;

        FillingUpWriter(Writer out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int c) throws IOException {
            write(new char[] {(char) c}, 0, 1);
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (len > left) {
                out.write(cbuf, off, (int) left); // half of it reaches the disk, then the disk is full
                left = 0;
                out.flush();
                throw new IOException("No space left on device");
            }
            left -= len;
            out.write(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            write(str.toCharArray(), off, len);
        }
    }

    /**
     * The disk fills up while one document's JSON is being written (after its .txt was written). That
     * document fails with the reason, keeps no output at all (no .txt without its .json, no half .json,
     * no temporary file) and is redone by the next run; the other documents are converted.
     */
    @Test
    void aFullDiskFailsOneDocumentCleanlyAndTheBatchGoesOn() throws IOException {
        Path in = folderOfSeeds(5);
        Path out = tmp.resolve("out");
        List<Input> inputs = InputCollector.collect(List.of(in), null, out);
        String victim = "002-002_e3978633e113c1b8.txt";
        BatchRunner.OutputWriter fullDiskForVictim = (format, doc, source, target) -> {
            if (format == OutputFormat.JSON && target.getFileName().toString().equals(victim + ".json")) {
                AtomicFiles.writeText(target, w -> JsonWriter.write(doc, new FillingUpWriter(w, 2000)));
            } else {
                format.write(doc, source, target);
            }
        };
        ResumeJournal journal = new ResumeJournal(out, "k");
        BatchSummary s = new BatchRunner(INGEST, out, TXT_JSON, 2, new Quiet(), journal).withOutputWriter(fullDiskForVictim).run(inputs);

        assertEquals(4, s.count(Status.State.DONE));
        Map<String, JsonNode> r = report(out);
        JsonNode v = r.get(victim);
        assertEquals("failed", v.get("status").asText());
        assertEquals("cannot write " + victim + ".json: No space left on device", v.get("reason").asText());
        assertEquals(0, v.get("files").size());
        assertFalse(Files.exists(out.resolve(victim + ".txt")), "no .txt without its .json");
        assertFalse(Files.exists(out.resolve(victim + ".json")), "no half-written .json");
        try (Stream<Path> w = Files.walk(out)) {
            assertEquals(List.of(), w.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
        }
        for (var e : r.entrySet()) {
            if (e.getKey().equals(victim)) continue;
            assertEquals("done", e.getValue().get("status").asText());
            new ObjectMapper().readTree(out.resolve(e.getKey() + ".json").toFile()); // complete JSON
        }

        // space again: the next run redoes only the victim
        BatchSummary again = new BatchRunner(INGEST, out, TXT_JSON, 2, new Quiet(), new ResumeJournal(out, "k")).run(inputs);
        assertEquals(5, again.count(Status.State.DONE));
        assertEquals(4, again.reused());
        assertTrue(Files.exists(out.resolve(victim + ".json")));
    }

    /**
     * Interrupting a run (what the Ctrl-C hook does) writes report.json and report.html for what
     * finished, marked as interrupted with the count of inputs left; the run stops starting documents.
     *
     * <p>The runner frees a worker slot before it tells the listener a document finished, so the fourth
     * document may already be running while the third's listener interrupts; on a loaded machine it
     * once finished first and the report held 4. The fourth therefore waits (a latch, not a sleep) until
     * the interrupt has taken its snapshot: the counts below hold whatever the scheduling.
     */
    @Test
    void anInterruptedRunReportsWhatFinishedAndWhatIsLeft() throws IOException {
        Path in = folderOfSeeds(12);
        Path out = tmp.resolve("out-int");
        List<Input> inputs = InputCollector.collect(List.of(in), null, out);
        AtomicReference<BatchRunner> runner = new AtomicReference<>();
        AtomicReference<BatchSummary> fromHook = new AtomicReference<>();
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        BatchListener stopAfterThree = new Quiet() {
            @Override
            public void documentStarted(Input input) {
                if (started.incrementAndGet() <= 3) return;
                try {
                    // a document started after the third: it may not finish before the interrupt's snapshot
                    if (!interrupted.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the interrupt never came");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void documentFinished(DocumentResult result, int finished, int total) {
                if (finished == 3) {
                    fromHook.set(runner.get().interrupt().orElseThrow());
                    interrupted.countDown();
                }
            }
        };
        runner.set(new BatchRunner(INGEST, out, TXT_JSON, 1, stopAfterThree, new ResumeJournal(out, "k")));
        BatchSummary s = runner.get().run(inputs);

        assertEquals(3, fromHook.get().results().size());
        assertEquals(9, fromHook.get().unfinished());
        // at most the one document that was already starting when the interrupt came finishes after it
        assertTrue(s.results().size() <= 4, "no new documents after the interrupt: " + s.results().size());
        assertTrue(started.get() <= 4, "documents started: " + started.get());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(report.get("interrupted").asBoolean());
        assertEquals(12, report.get("totals").get("inputs").asInt());
        assertEquals(9, report.get("totals").get("notFinished").asInt());
        assertEquals(3, report.get("documents").size());
        assertTrue(report.get("resume").asText().contains("same command"));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("stopped before it finished"), html);

        // the same command goes on: finished documents are reused, the rest done
        BatchSummary rest = new BatchRunner(INGEST, out, TXT_JSON, 2, new Quiet(), new ResumeJournal(out, "k")).run(inputs);
        assertEquals(12, rest.count(Status.State.DONE));
        assertEquals(s.results().size(), rest.reused());
        assertFalse(new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("interrupted").asBoolean());
    }

    /** The runner keeps DocumentResults only: every Document is collectable once its outputs are written. */
    @Test
    void finishedDocumentsAreNotHeld() throws IOException {
        Path in = folderOfSeeds(20);
        Path out = tmp.resolve("out-mem");
        List<Input> inputs = InputCollector.collect(List.of(in), null, out);
        List<WeakReference<Document>> docs = java.util.Collections.synchronizedList(new ArrayList<>());
        BatchRunner runner = new BatchRunner(INGEST, out, TXT_JSON, 2, new Quiet()).withOutputWriter((format, doc, source, target) -> {
            docs.add(new WeakReference<>(doc));
            format.write(doc, source, target);
        });
        BatchSummary s = runner.run(inputs);
        assertEquals(20, s.count(Status.State.DONE));
        assertEquals(40, docs.size());
        for (int i = 0; i < 20 && docs.stream().anyMatch(w -> w.get() != null); i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long held = docs.stream().filter(w -> w.get() != null).count();
        assertEquals(0, held, "documents still reachable after the batch while runner and summary are alive: " + runner + s);
    }

    /**
     * An output far out of proportion to its input (the JSON of a table of millions of empty cells) is
     * stopped before it fills the disk: the document fails with the reason, keeps no file, and is not
     * retried on resume. The real limit is 256 MB + 64 × the input; here a tiny one shows the mechanism.
     */
    @Test
    void anOutputOutOfProportionIsStoppedAndNotRetried() throws IOException {
        Path in = folderOfSeeds(2);
        Path out = tmp.resolve("out-big");
        List<Input> inputs = InputCollector.collect(List.of(in), null, out);
        BatchSummary s = new BatchRunner(INGEST, out, TXT_JSON, 1, new Quiet(), new ResumeJournal(out, "k"))
                .withOutputWriter(BatchRunner.boundedWriter(1000, 1)).run(inputs);
        assertEquals(2, s.count(Status.State.FAILED));
        for (DocumentResult r : s.results()) {
            assertTrue(r.status().reason().startsWith("output too large: the JSON would be over "), r.status().reason());
            assertFalse(ResumeJournal.isTransient(r.status()));
            assertEquals(List.of(), r.written());
        }
        try (Stream<Path> w = Files.list(out)) {
            assertEquals(List.of(), w.filter(p -> p.getFileName().toString().matches(".*\\.(txt|json|part)$")
                    && !p.getFileName().toString().startsWith("report")).toList());
        }
        BatchSummary again = new BatchRunner(INGEST, out, TXT_JSON, 1, new Quiet(), new ResumeJournal(out, "k"))
                .withOutputWriter(BatchRunner.boundedWriter(1000, 1)).run(inputs);
        assertEquals(2, again.reused(), "a deterministic failure is not redone");
        // the default limit leaves ordinary documents alone
        assertEquals(2, new BatchRunner(INGEST, tmp.resolve("out-ok"), TXT_JSON, 1, new Quiet()).run(inputs).count(Status.State.DONE));
    }

    /** Outputs get the usual permissions, not the owner-only ones of a temporary file. */
    @Test
    void outputsAreReadableByOthersLikeAnyNewFile() throws IOException {
        Path in = folderOfSeeds(1);
        Path out = tmp.resolve("out-perm");
        new BatchRunner(INGEST, out, TXT_JSON, 1, new Quiet()).run(InputCollector.collect(List.of(in), null, out));
        Path probe = Files.createFile(tmp.resolve("probe"));
        var usual = Files.getPosixFilePermissions(probe);
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) assertEquals(usual, Files.getPosixFilePermissions(p), p.toString());
        }
    }

    static class Quiet implements BatchListener {
        @Override public void started(int total) { }

        @Override public void documentStarted(Input input) { }

        @Override public void documentFinished(DocumentResult result, int finished, int total) { }

        @Override public void finished(BatchSummary summary) { }
    }
}
