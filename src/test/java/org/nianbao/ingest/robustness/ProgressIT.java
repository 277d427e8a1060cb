package org.nianbao.ingest.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress as a person sees it: on a real terminal (a tmux pane, read back with capture-pane) a bar
 * with documents, pages, rates and time left; without a terminal, plain log lines with no control
 * codes, plus periodic progress lines with the same numbers.
 */
class ProgressIT {
    static final Pattern BAR = Pattern.compile(
            "\\[[#.]{30}] (\\d+)/(\\d+) docs, (\\d+) pages, [\\d.]+ docs/min, [\\d.]+ pages/min(, [^,]+)*, (left (\\d+:\\d\\d|--:--)|took \\d+:\\d\\d)");
    static final Pattern LOG_PROGRESS = Pattern.compile(
            "nianbao-ingest: progress (\\d+)/(\\d+) docs, (\\d+) pages, [\\d.]+ docs/min, [\\d.]+ pages/min.*, \\d+:\\d\\d elapsed, about (\\d+:\\d\\d|--:--) left(; working on .+ for \\d+:\\d\\d)?");

    @TempDir
    static Path tmp;
    static Path in;
    static int inputs;

    @BeforeAll
    static void folder() throws IOException {
        in = tmp.resolve("in");
        // long enough (several seconds on one worker) to be watched while it runs
        for (int i = 0; i < 4; i++) Inputs.bigHtml(in.resolve("big-" + i + "/report-" + i + ".html"), 15);
        List<Path> small = Inputs.goodCopies(in, 1);
        inputs = 4 + small.size();
    }

    @Test
    void aTerminalShowsABarWithDocumentsPagesRateAndTimeLeft() throws Exception {
        assumeTrue(run(List.of("tmux", "-V")) == 0, "tmux is not installed (scripts/setup installs it)");
        String socket = "nianbao-it-" + ProcessHandle.current().pid();
        Path out = tmp.resolve("out-tty");
        String cmd = JarRun.command(List.of(), List.of(in.toString(), "-o", out.toString(), "-j", "1", "--no-ocr")).stream()
                .map(ProgressIT::shellQuote).collect(Collectors.joining(" "));
        try {
            assertEquals(0, run(List.of("tmux", "-L", socket, "new-session", "-d", "-s", "bar", "-x", "200", "-y", "50",
                    cmd + "; echo EXIT=$?; sleep 600")));
            List<String> midRun = new ArrayList<>();
            String screen = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                screen = capture(socket);
                Matcher m = BAR.matcher(screen);
                while (m.find()) {
                    if (m.group(0).contains("left") && !m.group(0).contains("--:--") && !m.group(1).equals(m.group(2))) midRun.add(m.group(0));
                }
                if (screen.contains("EXIT=")) break;
                Thread.sleep(150);
            }
            System.out.println("terminal, mid-run bars seen: " + midRun.size() + (midRun.isEmpty() ? "" : ", e.g. " + midRun.get(midRun.size() / 2)));
            System.out.println("terminal, final screen:\n" + screen.strip());
            assertTrue(screen.contains("EXIT="), "the run did not end in time:\n" + screen);
            assertFalse(midRun.isEmpty(), "no progress bar with a time left was seen while the run went on:\n" + screen);
            Matcher last = BAR.matcher(screen);
            String finalBar = null;
            while (last.find()) finalBar = last.group(0);
            assertTrue(finalBar != null && finalBar.contains(inputs + "/" + inputs + " docs") && finalBar.contains("took"),
                    "the final bar stays on screen: " + screen);
            assertTrue(screen.contains("nianbao-ingest: ") && screen.contains(" done, "), "summary line: " + screen);
            // the bar is redrawn in place: one bar line on screen, not one per update
            assertEquals(1, BAR.matcher(screen).results().count(), screen);
        } finally {
            run(List.of("tmux", "-L", socket, "kill-server"));
        }
    }

    @Test
    void withoutATerminalTheLogIsPlainLinesWithPeriodicProgress() throws Exception {
        Path out = tmp.resolve("out-log");
        JarRun r = JarRun.start(tmp.resolve("logs"), "log", List.of(),
                List.of(in.toString(), "-o", out.toString(), "-j", "1", "--no-ocr", "--log-interval", "1"));
        int rc = r.await(120);
        String err = r.stderr();
        System.out.println("log output:\n" + err);
        assertTrue(rc == 0 || rc == 3, "exit " + rc + "\n" + err);
        assertFalse(err.contains("\u001b") || err.contains("\r"), "terminal control codes in a log");
        long docLines = err.lines().filter(l -> l.matches("\\[\\d+/" + inputs + "] (done|partial|failed) .*")).count();
        assertEquals(inputs, docLines, "one line per document");
        List<Matcher> progress = err.lines().map(LOG_PROGRESS::matcher).filter(Matcher::matches).toList();
        assertFalse(progress.isEmpty(), "no periodic progress line in a run of several seconds");
        for (Matcher m : progress) assertEquals(String.valueOf(inputs), m.group(2));
        assertTrue(progress.stream().anyMatch(m -> m.group(5) != null), "a progress line names the document being read");
    }

    private static String capture(String socket) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tmux", "-L", socket, "capture-pane", "-p", "-t", "bar").redirectErrorStream(true).start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return s;
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    static String shellQuote(String a) {
        return "'" + a.replace("'", "'\\''") + "'";
    }
}
