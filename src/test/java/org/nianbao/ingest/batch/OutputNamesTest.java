package org.nianbao.ingest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputNamesTest {
    @Test
    void folderInputsKeepTheirRelativePathAndExtension() {
        Path root = Path.of("/data/reports");
        List<String> names = OutputNames.assign(List.of(
                new Input(root, root.resolve("2020/report.pdf")),
                new Input(root, root.resolve("2021/report.pdf")),
                new Input(root, root.resolve("2021/report.html"))));
        assertEquals(List.of("2020/report.pdf", "2021/report.pdf", "2021/report.html"), names);
    }

    @Test
    void sameNameFromDifferentFoldersGetsDistinctNames() {
        Path a = Path.of("/a/report.pdf");
        Path b = Path.of("/b/report.pdf");
        Path c = Path.of("/c/REPORT.PDF");
        List<String> names = OutputNames.assign(List.of(new Input(a, a), new Input(b, b), new Input(c, c)));
        assertEquals(3, new HashSet<>(names.stream().map(String::toLowerCase).toList()).size());
        assertTrue(names.get(0).startsWith("report.pdf~"));
        assertNotEquals(names.get(0), names.get(1));
        // stable across runs: resume relies on it
        assertEquals(names, OutputNames.assign(List.of(new Input(a, a), new Input(b, b), new Input(c, c))));
    }
}
