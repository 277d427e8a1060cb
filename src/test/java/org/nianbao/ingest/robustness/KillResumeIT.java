package org.nianbao.ingest.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check, for real: the shipped jar on a folder of ~30 inputs (good ones of every kind we
 * read, long ones, bad ones) is killed with SIGKILL twice, interrupted with SIGINT (Ctrl-C) once, and
 * then allowed to finish. Every good input ends converted exactly once, with complete outputs; bad ones
 * are reported with reasons; no temporary file is left; no restart redoes what an earlier run finished.
 */
class KillResumeIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** One journal entry: which run finished the document, and when. */
    record Entry(String run, String finishedAt, String state, String reason) { }

    @Test
    void killedTwiceInterruptedOnceThenFinishedConvertsEverythingExactlyOnce() throws Exception {
        Path in = tmp.resolve("in");
        List<Path> good = new ArrayList<>(Inputs.goodCopies(in, 2));            // 24 small inputs of every kind
        for (int i = 0; i < 6; i++) good.add(Inputs.bigHtml(in.resolve(String.format("r%02d-big/report-%d.html", i * 4, i)), 25)); // ~0.9 MB each
        List<Path> bad = Inputs.bad(in.resolve("bad"));
        int total = good.size() + bad.size();
        Path out = tmp.resolve("out");
        Path logs = tmp.resolve("logs");
        List<String> args = List.of(in.toString(), "-o", out.toString(), "-j", "2", "--progress", "log", "--no-ocr");
        List<Long> pids = new ArrayList<>();

        // run 1: SIGKILL once a few documents are finished
        JarRun r1 = JarRun.start(logs, "run1", List.of(), args);
        pids.add(r1.pid());
        waitForEntries(out, 4, r1);
        r1.kill();
        Map<String, Entry> s1 = journal(out);
        assertTrue(s1.size() < total, "run 1 finished everything before it could be killed");

        // run 2: SIGKILL again; nothing run 1 finished is redone
        JarRun r2 = JarRun.start(logs, "run2", List.of(), args);
        pids.add(r2.pid());
        waitForEntries(out, s1.size() + 4, r2);
        r2.kill();
        Map<String, Entry> s2 = journal(out);
        assertUnchanged(s1, s2, "run 2");
        assertTrue(s2.size() < total, "run 2 finished everything before it could be killed");

        // run 3: Ctrl-C — the report of what finished, and one line saying how to resume
        JarRun r3 = JarRun.start(logs, "run3", List.of(), args);
        pids.add(r3.pid());
        waitForEntries(out, s2.size() + 4, r3);
        r3.interrupt();
        int rc3 = r3.await(60);
        Map<String, Entry> s3 = journal(out);
        assertUnchanged(s2, s3, "run 3");
        String err3 = r3.stderr();
        System.out.println("run 3 (SIGINT), exit " + rc3 + ", last lines:\n" + err3.lines().skip(Math.max(0, err3.lines().count() - 3)).reduce("", (a, b) -> a + b + "\n"));
        assertTrue(rc3 != 0, "an interrupted run does not exit 0");
        assertTrue(err3.contains("nianbao-ingest: interrupted with") && err3.contains("to resume, run the same command again"), err3);
        JsonNode report3 = JSON.readTree(out.resolve("report.json").toFile());
        if (report3.get("interrupted").asBoolean()) {
            assertEquals(total, report3.get("totals").get("inputs").asInt());
            assertTrue(report3.get("totals").get("notFinished").asInt() > 0);
            assertEquals(total - report3.get("totals").get("notFinished").asInt(), report3.get("documents").size());
            assertTrue(Files.readString(out.resolve("report.html")).contains("stopped before it finished"));
        }

        // run 4: to the end
        JarRun r4 = JarRun.start(logs, "run4", List.of(), args);
        pids.add(r4.pid());
        int rc4 = r4.await(120);
        assertEquals(4, rc4, "bad inputs failed, so exit status 4; stderr:\n" + r4.stderr());
        Map<String, Entry> fin = journal(out);
        assertUnchanged(s3, fin, "run 4");
        assertEquals(total, fin.size(), "one journal entry per input");

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertFalse(report.get("interrupted").asBoolean());
        assertEquals(total, report.get("documents").size());
        int redone = 0;
        for (JsonNode d : report.get("documents")) {
            String name = d.get("output").asText();
            boolean finishedBefore = s3.containsKey(name);
            assertEquals(finishedBefore, d.get("reused").asBoolean(), name + ": reused exactly when an earlier run finished it");
            if (!finishedBefore) redone++;
        }
        assertEquals(total - s3.size(), redone, "the last run did only what no earlier run had finished");

        // every entry was written by one of our runs, and each run's entries were written once
        Set<String> runs = new HashSet<>();
        for (Entry e : fin.values()) {
            assertTrue(pids.stream().anyMatch(p -> e.run().endsWith("-" + p)), "entry from an unknown run: " + e);
            runs.add(e.run());
        }
        assertTrue(runs.size() >= 3, "documents were finished by several runs: " + runs);

        // outputs complete; good inputs converted, bad ones failed with their reasons
        Map<String, JsonNode> byInput = new HashMap<>();
        for (JsonNode d : report.get("documents")) byInput.put(d.get("input").asText(), d);
        for (Path g : good) {
            JsonNode d = byInput.get(g.toString());
            assertTrue(d != null, "not reported: " + g);
            assertTrue(Set.of("done", "partial").contains(d.get("status").asText()), d.toString());
            Path txt = out.resolve(d.get("output").asText() + ".txt");
            Path json = out.resolve(d.get("output").asText() + ".json");
            String text = Files.readString(txt);
            assertTrue(text.length() > 100 && text.endsWith("\n") && !text.endsWith("\n\n"), "complete text: " + txt);
            JsonNode doc = JSON.readTree(json.toFile());
            assertEquals(d.get("status").asText(), doc.path("status").path("state").asText().toLowerCase(), json.toString());
            // written once: not touched after the run that recorded it finished
            Entry e = fin.get(d.get("output").asText());
            long entryTime = java.time.Instant.parse(e.finishedAt()).toEpochMilli();
            assertTrue(Files.getLastModifiedTime(txt).toMillis() <= entryTime + 5, txt + " rewritten after it was recorded");
        }
        for (Path b : bad) {
            JsonNode d = byInput.get(b.toString());
            assertEquals("failed", d.get("status").asText(), d.toString());
            assertFalse(d.get("reason").asText().isBlank());
            assertFalse(fin.get(d.get("output").asText()).state().isEmpty());
        }
        try (Stream<Path> w = Files.walk(out)) {
            assertEquals(List.of(), w.filter(p -> p.getFileName().toString().endsWith(".part")).toList(), "temporary files left");
        }
        System.out.printf("kill/resume: %d inputs; finished per run: %d, %d, %d, %d%n", total, s1.size(), s2.size() - s1.size(),
                s3.size() - s2.size(), fin.size() - s3.size());
    }

    /** Entries an earlier run wrote are still there, untouched: nothing it finished was done again. */
    private static void assertUnchanged(Map<String, Entry> before, Map<String, Entry> after, String run) {
        for (var e : before.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), run + " redid " + e.getKey());
        }
    }

    /** Polls the journal until {@code n} entries exist; fails if the run ends first (the inputs were too light). */
    private static void waitForEntries(Path out, int n, JarRun run) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (countEntries(out) >= n) return;
            if (!run.process.isAlive()) throw new AssertionError("the run ended before " + n + " documents were finished; stderr:\n" + run.stderr());
            Thread.sleep(10);
        }
        throw new AssertionError("fewer than " + n + " documents finished in 120 s");
    }

    private static int countEntries(Path out) throws IOException {
        Path dir = out.resolve(".nianbao");
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".state.json") && !p.getFileName().toString().startsWith(".")).count();
        }
    }

    static Map<String, Entry> journal(Path out) throws IOException {
        Map<String, Entry> m = new TreeMap<>();
        Path dir = out.resolve(".nianbao");
        if (!Files.isDirectory(dir)) return m;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (!rel.endsWith(".state.json") || p.getFileName().toString().startsWith(".")) continue;
                JsonNode n = JSON.readTree(p.toFile());
                m.put(rel.substring(0, rel.length() - ".state.json".length()),
                        new Entry(n.path("run").asText(), n.path("finishedAt").asText(), n.path("state").asText(), n.path("reason").asText()));
            }
        }
        return m;
    }
}
