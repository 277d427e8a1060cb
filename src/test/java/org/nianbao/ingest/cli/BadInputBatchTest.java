package org.nianbao.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's batch check: a truncated PDF, an empty file, a binary file named .html and a 50 MB
 * text file in one folder. The batch finishes, reports each bad input with its reason, converts the rest.
 */
class BadInputBatchTest {
    @TempDir
    Path tmp;

    @Test
    void badInputsFailAloneWithReasonsAndTheRestIsConverted() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path seed = Path.of("fixtures/seeds/004_45b37724e5fb3c0a.txt");
        Files.copy(seed, in.resolve("good.txt"));
        Files.write(in.resolve("truncated.pdf"), "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".getBytes(StandardCharsets.US_ASCII));
        Files.write(in.resolve("empty.txt"), new byte[0]);
        byte[] elf = new byte[4096];
        elf[0] = 0x7f; elf[1] = 'E'; elf[2] = 'L'; elf[3] = 'F';
        for (int i = 4; i < elf.length; i++) elf[i] = (byte) (i * 31);
        Files.write(in.resolve("binary.html"), elf);
        // 50 MB of real report narrative (the seed's lines that are not table rows: a table-dense capture of
        // this size is a benchmark, not a unit test — every one of its ~24,000 tables is recognised)
        byte[] chunk = String.join("\n", Files.readAllLines(seed).stream().filter(l -> !l.contains("\t")).toList())
                .getBytes(StandardCharsets.UTF_8);
        long target = 50L * 1024 * 1024;
        try (OutputStream o = Files.newOutputStream(in.resolve("big.txt"))) {
            for (long n = 0; n < target; n += chunk.length) o.write(chunk);
        }
        Path out = tmp.resolve("out");

        int exit = Main.run(in.toString(), "-o", out.toString(), "--progress", "log", "-q", "-j", "2");

        assertEquals(Main.EXIT_FAILED, exit);
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode d : report.get("documents")) byName.put(Path.of(d.get("input").asText()).getFileName().toString(), d);
        assertEquals(5, byName.size());
        assertEquals("done", byName.get("good.txt").get("status").asText());
        assertEquals("done", byName.get("big.txt").get("status").asText());
        assertEquals("failed", byName.get("empty.txt").get("status").asText());
        assertTrue(byName.get("empty.txt").get("reason").asText().contains("empty"));
        assertEquals("failed", byName.get("binary.html").get("status").asText());
        assertTrue(byName.get("binary.html").get("reason").asText().contains("binary"), byName.get("binary.html").toString());
        assertEquals("failed", byName.get("truncated.pdf").get("status").asText());
        assertFalse(byName.get("truncated.pdf").get("reason").asText().isBlank());

        assertTrue(Files.size(out.resolve("good.txt.txt")) > 1000);
        assertTrue(Files.size(out.resolve("big.txt.txt")) > 40L * 1024 * 1024);
        // a failed input still gets its JSON with the reason, and no .txt
        assertTrue(Files.exists(out.resolve("empty.txt.json")));
        assertFalse(Files.exists(out.resolve("empty.txt.txt")));
        // no temporary files left behind
        try (var s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
        }
    }

    @Test
    void badUsageHasItsOwnExitStatus() {
        assertEquals(2, Main.run("--jobs", "0", "x"));
        assertEquals(2, Main.run("--format", "docx", "x"));
        assertEquals(2, Main.run());
        assertEquals(0, Main.run("--version"));
    }

    @Test
    void allDoneExitsZero() throws IOException {
        Path out = tmp.resolve("o2");
        assertEquals(0, Main.run("fixtures/seeds/000_78855fc2a014f9fc.txt", "-o", out.toString(), "-q"));
        assertTrue(Files.exists(out.resolve("000_78855fc2a014f9fc.txt.txt")));
    }
}
