package org.nianbao.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {
    @TempDir
    Path tmp;

    static Map<String, Boolean> reusedByName(Path out) throws IOException {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        Map<String, Boolean> m = new HashMap<>();
        for (JsonNode d : report.get("documents")) m.put(Path.of(d.get("input").asText()).getFileName().toString(), d.get("reused").asBoolean());
        return m;
    }

    @Test
    void aSecondRunSkipsWhatIsFinishedAndRedoesWhatChanged() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("fixtures/seeds/000_78855fc2a014f9fc.txt"), in.resolve("a.txt"));
        Files.copy(Path.of("fixtures/seeds/004_45b37724e5fb3c0a.txt"), in.resolve("b.txt"));
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Path out = tmp.resolve("out");
        Main.run(in.toString(), "-o", out.toString(), "-q");
        assertEquals(Map.of("a.txt", false, "b.txt", false, "empty.txt", false), reusedByName(out));

        // unchanged → skipped, including the deterministic failure; a changed file → redone
        Files.writeString(in.resolve("b.txt"), "二、主动公开政府信息情况\n新内容\n");
        Main.run(in.toString(), "-o", out.toString(), "-q");
        assertEquals(Map.of("a.txt", true, "b.txt", false, "empty.txt", true), reusedByName(out));
        assertTrue(Files.readString(out.resolve("b.txt.txt")).contains("新内容"));

        // a deleted output → redone; --force → everything redone
        Files.delete(out.resolve("a.txt.txt"));
        Main.run(in.toString(), "-o", out.toString(), "-q");
        assertFalse(reusedByName(out).get("a.txt"));
        assertTrue(Files.exists(out.resolve("a.txt.txt")));
        Main.run(in.toString(), "-o", out.toString(), "-q", "--force");
        assertEquals(Map.of("a.txt", false, "b.txt", false, "empty.txt", false), reusedByName(out));
    }

    @Test
    void aChangedSettingRedoesEverything() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in2"));
        Files.copy(Path.of("fixtures/seeds/000_78855fc2a014f9fc.txt"), in.resolve("a.txt"));
        Path out = tmp.resolve("out2");
        Main.run(in.toString(), "-o", out.toString(), "-q");
        Main.run(in.toString(), "-o", out.toString(), "-q", "--format", "json");
        assertFalse(reusedByName(out).get("a.txt"));
    }
}
