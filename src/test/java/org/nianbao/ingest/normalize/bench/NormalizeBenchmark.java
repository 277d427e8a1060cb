package org.nianbao.ingest.normalize.bench;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.concurrent.TimeUnit;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.normalize.NormalizeStage;
import org.nianbao.ingest.normalize.TextNormalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the normaliser on one core, on about 1 MB of real report text (the seed captures
 * repeated): simplified and traditional, as a lone string ({@link TextNormalizer#normalize(String)})
 * and as a whole document through {@link NormalizeStage}. For comparison, OpenCC4j's own
 * {@code ZhConverterUtil.toSimple} on the same traditional text. Run with {@code scripts/bench-normalize},
 * which converts operations per second into MB/s of UTF-8 input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class NormalizeBenchmark {
    private TextNormalizer normalizer;
    private String simplified;
    private String traditional;
    private Document simplifiedDoc;
    private Document traditionalDoc;

    @Setup
    public void setUp() {
        normalizer = new TextNormalizer();
        simplified = BenchCorpus.simplified();
        traditional = BenchCorpus.traditional();
        simplifiedDoc = BenchCorpus.asDocument(simplified);
        traditionalDoc = BenchCorpus.asDocument(traditional);
    }

    @Benchmark
    public String stringSimplified() {
        return normalizer.normalize(simplified).text();
    }

    @Benchmark
    public String stringTraditional() {
        return normalizer.normalize(traditional).text();
    }

    @Benchmark
    public Document documentSimplified() {
        return NormalizeStage.normalize(simplifiedDoc, normalizer);
    }

    @Benchmark
    public Document documentTraditional() {
        return NormalizeStage.normalize(traditionalDoc, normalizer);
    }

    @Benchmark
    public String opencc4jToSimpleTraditional() {
        return ZhConverterUtil.toSimple(traditional);
    }
}
