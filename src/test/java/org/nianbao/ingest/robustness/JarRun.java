package org.nianbao.ingest.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shipped command line as a child process: {@code java [jvm args] -jar target/nianbao-ingest.jar
 * [args]}, output to files. Integration tests run after {@code package}, so the jar is the one users get.
 */
final class JarRun {
    static final Path JAR = Path.of("target/nianbao-ingest.jar");

    final Process process;
    final Path stdout;
    final Path stderr;

    private JarRun(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The full command line: java, JVM options, -jar, the tool's arguments. */
    static List<String> command(List<String> jvmArgs, List<String> args) {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: integration tests run after 'mvn package'");
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(JAR.toAbsolutePath().toString());
        cmd.addAll(args);
        return cmd;
    }

    static JarRun start(Path logDir, String name, List<String> jvmArgs, List<String> args) throws IOException {
        Files.createDirectories(logDir);
        Path out = logDir.resolve(name + ".stdout");
        Path err = logDir.resolve(name + ".stderr");
        ProcessBuilder pb = new ProcessBuilder(command(jvmArgs, args))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        return new JarRun(pb.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the end; kills and fails after {@code seconds}. Returns the exit status. */
    int await(int seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + seconds + " s; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no last words, like a power cut for the process. */
    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGINT, what Ctrl-C sends. */
    void interrupt() throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-INT", Long.toString(pid())).inheritIO().start().waitFor();
        assertTrue(rc == 0, "kill -INT failed");
    }

    String stderr() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
    }
}
