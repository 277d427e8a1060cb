package org.nianbao.ingest.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.batch.BatchListener;
import org.nianbao.ingest.batch.BatchRunner;
import org.nianbao.ingest.batch.BatchSummary;
import org.nianbao.ingest.batch.DocumentResult;
import org.nianbao.ingest.batch.Input;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.output.OutputFormat;

/** Archive scale on one machine: many inputs on a small heap, and one very large input. */
class ScaleIT {
    static final Pattern GC_AFTER = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @TempDir
    Path tmp;

    /**
     * 2,000 real text captures through the shipped jar with a 128 MB heap. Memory must not grow with the
     * batch: the heap left after each collection (from the JVM's own GC log) stays small. A runner that
     * kept every finished document would hold ~100 MB here and fail this.
     */
    @Test
    void twoThousandInputsRunOnA128MbHeapWithoutGrowing() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> seeds;
        try (Stream<Path> s = Files.list(Path.of("fixtures/seeds"))) {
            seeds = s.sorted().toList();
        }
        for (int i = 0; i < 2000; i++) {
            Path dir = Files.createDirectories(in.resolve(String.format("%02d", i / 100)));
            Files.copy(seeds.get(i % seeds.size()), dir.resolve(String.format("%04d.txt", i)));
        }
        Path out = tmp.resolve("out");
        Path gcLog = tmp.resolve("gc.log");
        long t0 = System.nanoTime();
        JarRun r = JarRun.start(tmp.resolve("logs"), "2000", List.of("-Xmx128m", "-Xlog:gc:file=" + gcLog),
                List.of(in.toString(), "-o", out.toString(), "-j", "2", "-q", "--progress", "log"));
        int rc = r.await(240);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, rc, "stderr:\n" + r.stderr());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(2000, report.get("totals").get("done").asInt());

        int collections = 0;
        int maxAfter = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_AFTER.matcher(line);
            if (m.find()) {
                collections++;
                maxAfter = Math.max(maxAfter, Integer.parseInt(m.group(2)));
            }
        }
        System.out.printf("2000 inputs, -Xmx128m: %.1f s, %d collections, at most %d MB live after a collection%n", seconds, collections, maxAfter);
        assertTrue(collections >= 3, "too few collections to judge: " + collections);
        assertTrue(maxAfter <= 40, "heap after collection grew to " + maxAfter + " MB: finished documents are being kept");
    }

    /**
     * A 100 MB web capture (the fixture report repeated ~2,800 times) through the batch: it is read
     * completely in bounded time, its text is about the size of the report text it holds, and the JSON
     * written for it is complete.
     */
    @Test
    void aHundredMegabyteHtmlPageIsReadCompletely() throws Exception {
        Path in = tmp.resolve("in-huge");
        Path big = Inputs.bigHtml(in.resolve("huge.html"), 2800);
        long size = Files.size(big);
        assertTrue(size > 100_000_000L, "size " + size);
        Path out = tmp.resolve("out-huge");
        long t0 = System.nanoTime();
        BatchSummary s = new BatchRunner(new NianbaoIngest(), out, EnumSet.of(OutputFormat.TXT, OutputFormat.JSON), 1, new Silent())
                .run(List.of(new Input(big, big)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        DocumentResult r = s.results().get(0);
        System.out.printf("100 MB HTML: %s in %.1f s (%s)%n", r.status().state(), seconds, r.status().reason());
        assertTrue(r.status().state() != Status.State.FAILED, "failed: " + r.status());
        assertTrue(seconds < 300, "took " + seconds + " s");
        String oneReport = Files.readString(Path.of("fixtures/golden/html/report-utf8.html.txt"));
        long text = Files.size(out.resolve("huge.html.txt"));
        long expected = (long) oneReport.getBytes(java.nio.charset.StandardCharsets.UTF_8).length * 2800;
        assertTrue(text > expected * 0.9 && text < expected * 1.1, "text of " + text + " bytes, expected about " + expected);
        // the JSON parses to its end (streaming: it is bigger than the input)
        try (JsonParser p = new ObjectMapper().getFactory().createParser(out.resolve("huge.html.json").toFile())) {
            long tokens = 0;
            while (p.nextToken() != null) tokens++;
            assertTrue(tokens > 100_000);
            assertEquals(null, p.currentToken() == JsonToken.END_OBJECT ? null : p.currentToken());
        }
    }

    static final class Silent implements BatchListener {
        @Override public void started(int total) { }

        @Override public void documentStarted(Input input) { }

        @Override public void documentFinished(DocumentResult result, int finished, int total) { }

        @Override public void finished(BatchSummary summary) { }
    }
}
