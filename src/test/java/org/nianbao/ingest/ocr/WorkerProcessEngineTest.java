package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerProcessEngineTest {
    @Test
    void theWorkerIsStartedWithItsOutputOptionsBeforeItsMainClass() {
        List<String> cmd = WorkerProcessEngine.command(Path.of("models"), 200_000_000L);
        int main = cmd.indexOf(OcrWorkerMain.class.getName());
        assertTrue(main > 0, cmd.toString());
        for (String o : WorkerProcessEngine.outputOptions()) {
            int at = cmd.indexOf(o);
            assertTrue(at > 0 && at < main, o + " in " + cmd);
        }
        assertEquals(List.of("models", "200000000"), cmd.subList(main + 1, cmd.size()));
    }

    @Test
    void crashReportsGoToTheTemporaryFolder() {
        String errorFile = WorkerProcessEngine.outputOptions().stream().filter(o -> o.startsWith("-XX:ErrorFile=")).findFirst().orElseThrow();
        Path file = Path.of(errorFile.substring("-XX:ErrorFile=".length()));
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")), file.getParent());
        assertTrue(file.getFileName().toString().contains("%p"), "one report per worker process: " + file);
    }

    /**
     * The JVM's unified logging writes warnings to stdout unless told otherwise; with the worker's options a
     * warning (here: large pages asked for on a machine that may have none, as JAVA_TOOL_OPTIONS could)
     * leaves stdout, the protocol channel, untouched. Without them the same warning lands on stdout
     * whenever the machine has no large pages, which the second run checks when it can.
     */
    @Test
    void jvmWarningsStayOffStdout() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the provoking option first, as JAVA_TOOL_OPTIONS is read before the command line
        List<String> with = new ArrayList<>(List.of(java, "-XX:+UseLargePages"));
        with.addAll(WorkerProcessEngine.outputOptions());
        with.add("-version");
        assertEquals("", stdout(with));

        String plain = stdout(List.of(java, "-XX:+UseLargePages", "-version"));
        // on a machine with large pages configured there is no warning to route; otherwise it shows the default
        if (!plain.isEmpty()) assertTrue(plain.contains("[warning]"), plain);
        assertFalse(stdout(with).contains("[warning]"));
    }

    private static String stdout(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out.toString(StandardCharsets.UTF_8);
    }
}
