package org.nianbao.ingest.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.output.JsonWriter;
import org.nianbao.ingest.output.TextWriter;

/**
 * Random mutations of the fixtures through the whole library path ({@link NianbaoIngest#process} and
 * both writers), for a bounded time. Each case must: return (never throw, never run past its time
 * limit), carry a reason whenever it is not done, produce text and JSON whose size is bounded by the
 * input's (no amplification: a merged cell must not be copied a million times), and allocate a bounded
 * amount of memory for its size.
 *
 * <p>Reproducible: every case has its own seed, derived from the run's base seed, printed on failure
 * together with the command that replays just that case; the failing input is also saved under
 * {@code target/fuzz-failures/}. Knobs: {@code -Dnianbao.fuzz.seed=BASE} (default: a fixed seed, so CI runs
 * the same cases every time; {@code random} explores new ones), {@code -Dnianbao.fuzz.case=SEED} (one
 * case), {@code -Dnianbao.fuzz.seconds=N} (default 12).
 */
class FuzzTest {
    /**
     * Per-case limit in CPU seconds of the case's thread: a healthy case takes well under a second. CPU
     * time, not wall time, so a machine loaded by other work does not fail a healthy case (at load 30 a
     * 5-CPU-second case once took more than 15 s of wall time).
     */
    static final int CASE_LIMIT_SECONDS = 15;
    /** A case blocked without using CPU (a deadlock, a wait) is caught by this wall-clock limit. */
    static final int CASE_WALL_LIMIT_SECONDS = 120;
    /**
     * How much text may grow over the input: the .txt contract repeats a merged cell's text in every
     * position it covers, bounded to 16 times a table's own text plus 4,096 characters per table
     * (docs/output-format.md); on top of that every grid position costs its separator ({@code " | "},
     * 3 chars). What must never happen is growth beyond a constant factor — text copied in proportion
     * to a table's area (a merged cell copied into a million positions).
     */
    static final int TEXT_GROWTH = 17;
    /** Grid positions per input byte: 1,000 columns (the HTML reader's cap) per 8-byte {@code <tr><td>}. */
    static final int POSITIONS_PER_BYTE = 200;
    static final int JSON_GROWTH = 40;
    /** Allocation per input byte, a loose ceiling that still catches quadratic behaviour on MB inputs. */
    static final long ALLOC_PER_BYTE = 6000;
    static final long ALLOC_BASE = 1024L * 1024 * 1024;
    static final long DEFAULT_SEED = 20251122;

    @TempDir
    Path tmp;

    /** OCR off: unit tests run no native code (and a fuzz case must stay quick). */
    static NianbaoIngest noOcr() {
        return new NianbaoIngest(new org.nianbao.ingest.pipeline.Context(
                new org.nianbao.ingest.pipeline.Settings(org.nianbao.ingest.pipeline.Settings.defaults().modelsDir(), false, 1),
                org.nianbao.ingest.pipeline.Limits.defaults()));
    }

    private final NianbaoIngest ingest = noOcr();

    @Test
    void mutatedFixturesNeverCrashHangOrBlowUp() throws Exception {
        List<Path> fixtures = fixtures();
        assertTrue(fixtures.size() >= 8, "fixtures found: " + fixtures);
        String oneCase = System.getProperty("nianbao.fuzz.case");
        // A fixed base seed by default, so the suite is the same on every run and a failure in CI is
        // reproducible as is; -Dnianbao.fuzz.seed=random explores new cases (the seed is printed).
        String seedProp = System.getProperty("nianbao.fuzz.seed", String.valueOf(DEFAULT_SEED));
        long base = seedProp.equals("random") ? System.currentTimeMillis() : Long.parseLong(seedProp);
        int seconds = Integer.getInteger("nianbao.fuzz.seconds", 12);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Stats stats = new Stats();
        if (oneCase != null) {
            runCase(Long.parseLong(oneCase), base, fixtures, stats);
        } else {
            // A fixed number of cases (time is only a safety stop), so a faster machine does not reach
            // cases no run has seen: the regular run is a regression guard; -Dnianbao.fuzz.cases and
            // -Dnianbao.fuzz.seed=random explore further.
            int maxCases = Integer.getInteger("nianbao.fuzz.cases", 150);
            for (int i = 0; i < maxCases && System.nanoTime() < deadline; i++) {
                long seed = caseSeed(base, i);
                if (KNOWN_FINDINGS.contains(seed)) {
                    // found, recorded and open: replay with -Dnianbao.fuzz.case=SEED
                    System.out.println("fuzz: skipping known finding " + seed + " (see KNOWN_FINDINGS)");
                    continue;
                }
                runCase(seed, base, fixtures, stats);
            }
        }
        System.out.printf(Locale.ROOT, "fuzz: base seed %d, %d cases, %.1f MB in, slowest %d ms, max text/input %.2f,"
                        + " max json/input %.1f, max alloc/byte %.0f, max alloc %d MB (input of %d bytes), states %s%n",
                base, stats.cases, stats.bytesIn / 1e6, stats.slowestMs, stats.maxTextRatio, stats.maxJsonRatio,
                stats.maxAllocPerByte, stats.maxAlloc >> 20, stats.maxAllocInput, stats.states);
        System.out.println("fuzz: slowest " + stats.slowest);
        assertTrue(oneCase != null || stats.cases >= 5, "too few cases in the time budget: " + stats.cases);
    }

    /** The case limit can fail: a spinning case is stopped by CPU time, a blocked one by wall time. */
    @Test
    void caseLimitsCatchSpinningAndBlockedCases() throws Exception {
        FutureTask<Long> spin = new FutureTask<>(() -> {
            long x = 0;
            while (!Thread.currentThread().isInterrupted()) x++;
            return x;
        });
        Thread spinner = new Thread(spin, "fuzz-spin");
        spinner.setDaemon(true);
        spinner.start();
        TimeoutException cpu = assertThrows(TimeoutException.class, () -> awaitCase(spin, spinner, 1, 60));
        spinner.interrupt();
        FutureTask<Long> block = new FutureTask<>(() -> {
            Thread.sleep(60_000);
            return 0L;
        });
        Thread sleeper = new Thread(block, "fuzz-block");
        sleeper.setDaemon(true);
        sleeper.start();
        TimeoutException wall = assertThrows(TimeoutException.class, () -> awaitCase(block, sleeper, 30, 2));
        sleeper.interrupt();
        assertTrue(cpu.getMessage().contains("CPU") && wall.getMessage().contains("wall"), cpu + " / " + wall);
    }

    /** Findings once open, replayed on every run (their base seeds are not the default one). */
    @Test
    void formerFindingsStayFixed() throws Exception {
        List<Path> fixtures = fixtures();
        for (long seed : FORMER_FINDINGS) runCase(seed, 0, fixtures, new Stats());
    }

    /** Repeated section 三 body rows (see {@link #KNOWN_FINDINGS}): each piece was a full standard table. */
    static final long[] FORMER_FINDINGS = {8190484994781053241L, -239434531131624427L};

    /**
     * Cases that found a real, still open problem. They are skipped in the regular run so the suite stays
     * a regression guard, and each stays replayable with {@code -Dnianbao.fuzz.case=SEED}.
     * Open: none.
     * Fixed: 8190484994781053241 (base seed 1) and -239434531131624427 (base seed 2): text captures with a
     * piece of section 三's body rows repeated 13 and 50 times (45x and 58x JSON for the input; the bound is
     * 40x). Each piece was recognised as a full standard table, its first rows filled with later rows'
     * numbers; a section 三 piece without its head is now a standard table only when every row that took
     * numbers found its own label (TableRecognizer.headed, rowsLabelled), so the pieces stay plain grids.
     * Also fixed: 7553043666788841646 (a 547-cell row above 65 one-cell rows padded into a 66×547 grid of
     * filler; see HtmlTableGrid.rowRuns); 4492925130810179191 (base seed 4: 65,000 spaces in a pipe row,
     * split by a backtracking regex, hung past the case limit; see DelimitedTableDetector.split).
     */
    static final java.util.Set<Long> KNOWN_FINDINGS = java.util.Set.of();

    static long caseSeed(long base, int i) {
        return base * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
    }

    /**
     * The case's outcome, waiting while its thread stays under {@code cpuSeconds} of CPU and
     * {@code wallSeconds} of wall time.
     */
    static <T> T awaitCase(FutureTask<T> task, Thread worker, int cpuSeconds, int wallSeconds)
            throws ExecutionException, InterruptedException, TimeoutException {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        while (true) {
            try {
                return task.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                long cpu = bean.isThreadCpuTimeSupported() ? bean.getThreadCpuTime(worker.getId()) : -1;
                long wall = System.nanoTime() - start;
                if (cpu > TimeUnit.SECONDS.toNanos(cpuSeconds)) {
                    throw new TimeoutException("hung: more than " + cpuSeconds + " CPU s");
                }
                // without CPU-time support the wall-clock limit is the only one: keep it as tight as the CPU one
                long wallLimit = cpu < 0 ? cpuSeconds : wallSeconds;
                if (wall > TimeUnit.SECONDS.toNanos(wallLimit)) {
                    throw new TimeoutException("hung: more than " + wallLimit + " s of wall time");
                }
            }
        }
    }

    private void runCase(long seed, long base, List<Path> fixtures, Stats stats) throws IOException, InterruptedException {
        java.util.Random pick = new java.util.Random(seed);
        Path fixture = fixtures.get(pick.nextInt(fixtures.size()));
        Mutator.Mutant m = new Mutator(seed).mutate(Files.readAllBytes(fixture));
        String name = fixture.getFileName().toString();
        Path input = tmp.resolve("case-" + Long.toHexString(seed) + name.substring(name.lastIndexOf('.')));
        Files.write(input, m.bytes());
        String what = "fuzz case " + seed + " (base seed " + base + "): " + fixture + " " + m.steps()
                + "\n  replay: mvn -o test -Dtest=FuzzTest -Dnianbao.fuzz.case=" + seed;

        FutureTask<Outcome> task = new FutureTask<>(() -> {
            var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = bean.getCurrentThreadAllocatedBytes();
            Document doc = ingest.process(input);
            String text = TextWriter.render(doc);
            StringWriter json = new StringWriter();
            JsonWriter.write(doc, json);
            long allocated = bean.getCurrentThreadAllocatedBytes() - before;
            new ObjectMapper().readTree(json.toString()); // the JSON must parse
            long tables = doc.blocks().stream().filter(b -> b instanceof org.nianbao.ingest.model.TableBlock).count();
            long positions = doc.blocks().stream().filter(b -> b instanceof org.nianbao.ingest.model.TableBlock)
                    .mapToLong(b -> {
                        var t = ((org.nianbao.ingest.model.TableBlock) b).table();
                        return (long) t.rows() * t.cols();
                    }).sum();
            return new Outcome(doc.status(), text.length(), json.getBuffer().length(), allocated, positions, tables);
        });
        Thread worker = new Thread(task, "fuzz-case");
        worker.setDaemon(true); // a hung case must not keep the test JVM alive
        long t0 = System.nanoTime();
        worker.start();
        Outcome o;
        try {
            o = awaitCase(task, worker, CASE_LIMIT_SECONDS, CASE_WALL_LIMIT_SECONDS);
        } catch (TimeoutException e) {
            saveFailure(seed, input);
            fail(e.getMessage() + ": " + what);
            return;
        } catch (ExecutionException e) {
            saveFailure(seed, input);
            throw new AssertionError("threw " + e.getCause() + ": " + what, e.getCause());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long size = m.bytes().length;
        try {
            assertTrue(o.status() != null, "no status");
            if (o.status().state() != Status.State.DONE) {
                assertFalse(o.status().reason() == null || o.status().reason().isBlank(), "not done but no reason: " + o.status());
            }
            assertTrue(o.positions() <= POSITIONS_PER_BYTE * size + 10_000,
                    o.positions() + " table grid positions from " + size + " bytes");
            assertTrue(o.textChars() <= TEXT_GROWTH * size + 3 * o.positions() + 4096L * (o.tables() + 1),
                    "text of " + o.textChars() + " chars from " + size + " bytes and " + o.positions()
                            + " grid positions: output grows without bound");
            assertTrue(o.jsonChars() <= JSON_GROWTH * size + 64 * 1024,
                    "JSON of " + o.jsonChars() + " chars from " + size + " bytes: output grows without bound");
            assertTrue(o.allocated() <= ALLOC_PER_BYTE * size + ALLOC_BASE,
                    "allocated " + o.allocated() / 1_000_000 + " MB for " + size + " bytes");
        } catch (AssertionError e) {
            saveFailure(seed, input);
            throw new AssertionError(e.getMessage() + ": " + what, e);
        }
        stats.add(size, ms, o, what);
        Files.delete(input);
    }

    private static void saveFailure(long seed, Path input) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
        Files.copy(input, dir.resolve(input.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("fuzz: failing input saved as " + dir.resolve(input.getFileName()) + " (case seed " + seed + ")");
    }

    /** Every text-like fixture input (text, HTML, MHTML; not the expected outputs, not images or PDFs, which need OCR). */
    static List<Path> fixtures() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("fixtures"), 4)) {
            s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !n.endsWith(".expected.txt") && !n.endsWith(".json")
                        && (n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".mht") || n.endsWith(".mhtml"));
            }).filter(p -> !p.toString().contains("_files")).sorted().forEach(all::add);
        }
        return all;
    }

    record Outcome(Status status, int textChars, int jsonChars, long allocated, long positions, long tables) { }

    static final class Stats {
        int cases;
        long bytesIn;
        long slowestMs;
        double maxTextRatio;
        double maxJsonRatio;
        double maxAllocPerByte;
        long maxAlloc;
        long maxAllocInput;
        final java.util.Map<Status.State, Integer> states = new java.util.EnumMap<>(Status.State.class);

        String slowest = "";

        void add(long size, long ms, Outcome o, String what) {
            cases++;
            bytesIn += size;
            if (ms > slowestMs) slowest = what;
            slowestMs = Math.max(slowestMs, ms);
            double s = Math.max(1, size);
            maxTextRatio = Math.max(maxTextRatio, o.textChars() / s);
            maxJsonRatio = Math.max(maxJsonRatio, o.jsonChars() / s);
            maxAllocPerByte = Math.max(maxAllocPerByte, o.allocated() / s);
            if (o.allocated() > maxAlloc) {
                maxAlloc = o.allocated();
                maxAllocInput = size;
            }
            states.merge(o.status().state(), 1, Integer::sum);
        }
    }
}
