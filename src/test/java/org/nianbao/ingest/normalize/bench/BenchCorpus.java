package org.nianbao.ingest.normalize.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nianbao.ingest.extract.text.TextCaptureExtractor;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;

/** The benchmark input: the real seed captures repeated to about 1 MB of UTF-8 each. */
public final class BenchCorpus {
    static final int TARGET_BYTES = 1 << 20;
    private static final List<String> SIMPLIFIED = List.of(
            "000_78855fc2a014f9fc", "001_c5f879456b805937", "002_e3978633e113c1b8", "004_45b37724e5fb3c0a");
    private static final String TRADITIONAL = "003_f8ba18986d429270";

    private BenchCorpus() { }

    public static String simplified() {
        StringBuilder one = new StringBuilder();
        for (String s : SIMPLIFIED) one.append(seed(s)).append('\n');
        return repeat(one.toString());
    }

    public static String traditional() {
        return repeat(seed(TRADITIONAL) + "\n");
    }

    public static Document asDocument(String text) {
        var blocks = TextCaptureExtractor.toBlocks(text, TextCaptureExtractor.defaultDetectors());
        Page page = new Page(1, 0, 0, new PageReading(Method.TEXT_CAPTURE, "bench"), blocks, List.of());
        return new Document("bench.txt", SourceKind.TEXT, "UTF-8", "0", List.of(page), Status.done(), List.of(), Edits.none(), Map.of());
    }

    public static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String repeat(String unit) {
        StringBuilder sb = new StringBuilder();
        while (utf8Bytes(sb.toString()) < TARGET_BYTES) sb.append(unit.repeat(16));
        return sb.toString();
    }

    private static String seed(String name) {
        Path p = Path.of(System.getProperty("nianbao.seeds", "fixtures/seeds"), name + ".txt");
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("benchmark corpus missing: " + p.toAbsolutePath(), e);
        }
    }
}
