package org.nianbao.ingest.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.output.TextWriter;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Limits;
import org.nianbao.ingest.pipeline.Settings;

/**
 * PDFBox-style golden files: {@code fixtures/golden/} mirrors {@code fixtures/} the way the command
 * line names its outputs — the golden text of {@code fixtures/seeds/X.txt} is
 * {@code fixtures/golden/seeds/X.txt.txt} — and every input that has one is run through the whole
 * pipeline and compared with it. On a mismatch the actual output and a line diff are written to
 * {@code target/golden/} for a person to open. (Goldens live apart from the inputs so that pointing
 * the tool at a fixture folder converts only inputs.) OCR is off here (unit tests run no native
 * code); fixtures that need OCR are checked by the integration tests.
 *
 * <p>To accept a new output after checking it by eye: {@code cp target/golden/X.actual.txt fixtures/golden/X.txt}.
 */
class GoldenFilesTest {
    static final Path FIXTURES = Path.of("fixtures");
    static final Path GOLDEN = FIXTURES.resolve("golden");
    static final Path REPORT = Path.of("target", "golden");

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsGoldenFile() throws IOException {
        List<Path> goldens;
        try (Stream<Path> s = Files.walk(GOLDEN)) {
            goldens = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assertFalse(goldens.isEmpty(), "no golden files found under " + FIXTURES.toAbsolutePath());
        NianbaoIngest ingest = new NianbaoIngest(new Context(new Settings(Path.of("models"), false, 1), Limits.defaults()));
        return goldens.stream().map(golden -> {
            String rel = GOLDEN.relativize(golden).toString();
            Path input = FIXTURES.resolve(rel.substring(0, rel.length() - ".txt".length()));
            return DynamicTest.dynamicTest(FIXTURES.relativize(input).toString(), () -> check(ingest, input, golden));
        });
    }

    static void check(NianbaoIngest ingest, Path input, Path golden) throws IOException {
        Document doc = ingest.process(input);
        String actual = TextWriter.render(doc);
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        Path rel = FIXTURES.relativize(input);
        Path actualFile = REPORT.resolve(rel + ".actual.txt");
        Path diffFile = REPORT.resolve(rel + ".diff");
        if (actual.equals(expected)) {
            Files.deleteIfExists(actualFile);
            Files.deleteIfExists(diffFile);
            return;
        }
        Files.createDirectories(actualFile.getParent());
        Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
        String diff = LineDiff.diff(expected, actual, golden.toString(), actualFile.toString());
        Files.writeString(diffFile, diff, StandardCharsets.UTF_8);
        fail(input + " differs from " + golden + " (status " + doc.status() + "); see " + diffFile.toAbsolutePath()
                + "\n" + diff.lines().limit(30).reduce("", (a, b) -> a + b + "\n"));
    }
}
