package org.nianbao.ingest.normalize.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link NormalizeBenchmark} and prints MB/s of UTF-8 input per benchmark (one thread, one core),
 * next to the targets: 20 MB/s for simplified text, 5 MB/s for traditional. Also writes the two
 * corpora to {@code target/bench/} so the {@code opencc} command line can be timed on the same files.
 */
public final class NormalizeBenchMain {
    private NormalizeBenchMain() { }

    public static void main(String[] args) throws Exception {
        String simplified = BenchCorpus.simplified();
        String traditional = BenchCorpus.traditional();
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("simplified.txt"), simplified, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("traditional.txt"), traditional, StandardCharsets.UTF_8);
        double simpMb = BenchCorpus.utf8Bytes(simplified) / 1e6;
        double tradMb = BenchCorpus.utf8Bytes(traditional) / 1e6;

        boolean cpuOnly = Arrays.asList(args).contains("--cpu-only");
        String pattern = Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse(".*");
        Options opt = new OptionsBuilder()
                .include(NormalizeBenchmark.class.getName() + "\\." + pattern)
                .threads(1)
                .build();
        Collection<RunResult> results = cpuOnly ? List.of() : new Runner(opt).run();
        System.out.println();
        System.out.printf(Locale.ROOT, "corpus: simplified %.2f MB, traditional %.2f MB (UTF-8), one thread%n", simpMb, tradMb);
        System.out.println("JMH, wall-clock (deflated when other processes compete for the cores):");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            double opsPerSec = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            boolean trad = name.toLowerCase(Locale.ROOT).contains("traditional");
            double mb = trad ? tradMb : simpMb;
            String target = name.startsWith("opencc4j") ? "(reference)" : trad ? "(target >= 5 MB/s)" : "(target >= 20 MB/s)";
            System.out.printf(Locale.ROOT, "%-30s %8.1f MB/s  ± %.1f  %s%n", name, opsPerSec * mb, err * mb, target);
        }
        cpuTime(simplified, traditional, simpMb, tradMb);
    }

    /**
     * The same operations timed by this thread's CPU time (ThreadMXBean), which a busy machine does not
     * inflate: the figure for "one core". Median of 15 runs after 25 warm-up runs.
     */
    private static void cpuTime(String simplified, String traditional, double simpMb, double tradMb) {
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        NormalizeBenchmark b = new NormalizeBenchmark();
        b.setUp();
        Map<String, Runnable> ops = new LinkedHashMap<>();
        ops.put("stringSimplified", b::stringSimplified);
        ops.put("stringTraditional", b::stringTraditional);
        ops.put("documentSimplified", b::documentSimplified);
        ops.put("documentTraditional", b::documentTraditional);
        ops.put("opencc4jToSimpleTraditional", b::opencc4jToSimpleTraditional);
        System.out.println("thread CPU time (median of 15 after 25 warm-up runs):");
        for (Map.Entry<String, Runnable> e : ops.entrySet()) {
            for (int i = 0; i < 25; i++) e.getValue().run();
            double[] secs = new double[15];
            for (int i = 0; i < secs.length; i++) {
                long t0 = tm.getCurrentThreadCpuTime();
                e.getValue().run();
                secs[i] = (tm.getCurrentThreadCpuTime() - t0) / 1e9;
            }
            Arrays.sort(secs);
            boolean trad = e.getKey().toLowerCase(Locale.ROOT).contains("traditional");
            double mb = trad ? tradMb : simpMb;
            String target = e.getKey().startsWith("opencc4j") ? "(reference)" : trad ? "(target >= 5 MB/s)" : "(target >= 20 MB/s)";
            System.out.printf(Locale.ROOT, "%-30s %8.1f MB/s  %s%n", e.getKey(), mb / secs[secs.length / 2], target);
        }
    }
}
