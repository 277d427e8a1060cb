package org.nianbao.ingest.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.Version;
import org.nianbao.ingest.batch.BatchListener;
import org.nianbao.ingest.batch.BatchRunner;
import org.nianbao.ingest.batch.BatchSummary;
import org.nianbao.ingest.batch.Input;
import org.nianbao.ingest.batch.InputCollector;
import org.nianbao.ingest.batch.PageFolders;
import org.nianbao.ingest.batch.ResumeJournal;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.output.OutputFormat;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Limits;
import org.nianbao.ingest.pipeline.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line: a thin shell over {@link NianbaoIngest} and {@link BatchRunner}. */
@Command(name = "nianbao-ingest", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Turns Chinese government annual reports on information disclosure (政府信息公开工作年度报告) —",
            "scanned and born-digital PDFs, page images, HTML/MHTML web captures and plain-text captures —",
            "into clean simplified-Chinese text (.txt) and a JSON document model (.json) with every table",
            "rebuilt as a grid. Inputs are recognised by content, not by name.",
            ""},
        footer = {
            "",
            "Examples:",
            "  nianbao-ingest fixtures/seeds -o out            convert a folder (recursively)",
            "  nianbao-ingest report.pdf scan.tif -o out -j 2  two files, two workers",
            "  nianbao-ingest --from list.txt -o out --format json",
            "  nianbao-ingest --pages-as-document scans -o out  each folder of page images is one document",
            "",
            "Outputs: OUT/<path relative to the input folder, extension kept>.txt and .json, plus OUT/report.json",
            "listing every input as done, partial or failed with the reason. Formats: docs/output-format.md.",
            "",
            "Exit status: 0 every input done; 3 some partial, none failed; 4 some failed;",
            "             2 bad usage; 1 internal error."})
public final class Main implements Callable<Integer> {
    public static final int EXIT_PARTIAL = 3;
    public static final int EXIT_FAILED = 4;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "Files or folders (searched recursively).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--from", paramLabel = "LIST", description = "Also read input paths from this file, one per line (# comments).")
    Path fromList;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Worker threads (default: number of cores).")
    Integer jobs;

    @Option(names = "--format", paramLabel = "F[,F]", split = ",", defaultValue = "txt,json",
            description = "Output formats: txt, json, pdf (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--no-ocr", description = "Never run OCR; pages that need it are reported as partial.")
    boolean noOcr;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models", description = "Tesseract models folder (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--pages-as-document", negatable = true,
            description = {"Read every folder of page images (one file per page) as one document: pages in natural order of the"
                    + " file names (page-2 before page-10), a multi-page TIFF gives all its frames, output named after the folder."
                    + " --no-pages-as-document reads every file alone. Default: only a folder holding nothing but images named"
                    + " one stem plus consecutive page numbers, the stem empty, a page word or the folder's name"
                    + " (page-001.jpg, page-002.jpg …) is joined; every join is logged and listed in report.json."})
    Boolean pagesAsDocument;

    @Option(names = "--force", description = "Redo every input, even those an earlier run into the same folder finished.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Only report problems.")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress display: auto (a bar on a terminal, log lines otherwise), bar, log.")
    String progress;

    @Option(names = "--log-interval", paramLabel = "SECONDS", defaultValue = "30",
            description = "Without a terminal, also log a progress line (documents, pages, rates, time left) this often; 0: never (default: ${DEFAULT-VALUE}).")
    int logInterval;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The arguments as given, to tell the user the exact command that resumes an interrupted run. */
    private List<String> commandLine = List.of();

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (for tests and embedding). */
    public static int run(String... args) {
        Main main = new Main();
        main.commandLine = List.of(args);
        CommandLine cl = new CommandLine(main);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("nianbao-ingest: internal error: " + ex);
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        if (inputs.isEmpty() && fromList == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no input: give files or folders, or --from LIST");
        }
        Set<OutputFormat> fs = EnumSet.noneOf(OutputFormat.class);
        for (String f : formats) {
            try {
                fs.add(OutputFormat.parse(f));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (fs.contains(OutputFormat.PDF) && !OutputFormat.pdfAvailable()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format pdf (searchable PDF) is not available in this build yet");
        }
        if (fromList != null && !Files.isReadable(fromList)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read --from list " + fromList);
        }
        int n = jobs == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : jobs;
        if (n < 1 || n > 256) throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be 1..256");
        Files.createDirectories(output);

        PageFolders.Mode pageMode = pagesAsDocument == null ? PageFolders.Mode.AUTO
                : pagesAsDocument ? PageFolders.Mode.ALWAYS : PageFolders.Mode.NEVER;
        PageFolders.Grouping grouping = InputCollector.collect(inputs, fromList, output, pageMode);
        List<Input> list = grouping.inputs();
        if (!quiet) {
            for (String j : grouping.joined()) err.println("nianbao-ingest: " + j);
        }
        Context ctx = new Context(new Settings(models, !noOcr, n), Limits.defaults());
        NianbaoIngest ingest = new NianbaoIngest(ctx);
        boolean bar = switch (progress.toLowerCase(Locale.ROOT)) {
            case "bar" -> true;
            case "log" -> false;
            case "auto" -> System.console() != null && !quiet;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--progress must be auto, bar or log");
        };
        if (logInterval < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--log-interval must be 0 or more");
        BatchListener listener = bar ? new TerminalProgress(err) : new LogProgress(err, quiet, logInterval);
        // Resume: same tool version, output format and result-changing settings → finished inputs are skipped.
        String settingsKey = ResumeJournal.key(Version.tool(), Version.OUTPUT_FORMAT, "ocr=" + !noOcr,
                "formats=" + new java.util.TreeSet<>(fs));
        ResumeJournal journal = force ? null : new ResumeJournal(output, settingsKey);
        BatchRunner runner = new BatchRunner(ingest, output, fs, n, listener, journal).withNotes(grouping.joined());
        // Ctrl-C / SIGTERM: report what finished and say how to go on. (SIGKILL and power loss run no
        // hook; the journal alone makes those resumable.)
        Thread hook = new Thread(() -> runner.interrupt().ifPresent(soFar -> err.println(interruptedLine(soFar))),
                "nianbao-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        BatchSummary s;
        try {
            s = runner.run(list);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it reports the interrupted run
            }
        }

        long done = s.count(Status.State.DONE);
        long partial = s.count(Status.State.PARTIAL);
        long failed = s.count(Status.State.FAILED);
        long reused = s.results().stream().filter(r -> r.reused()).count();
        if (!quiet || failed > 0 || partial > 0) {
            err.printf(Locale.ROOT, "nianbao-ingest: %d done, %d partial, %d failed%s, %d pages in %.1f s; results in %s (see %s)%n",
                    done, partial, failed, reused > 0 ? " (" + reused + " already finished by an earlier run, skipped)" : "",
                    s.pages(), s.millis() / 1000.0, output.toAbsolutePath().normalize(), output.resolve("report.json"));
        }
        if (failed > 0) return EXIT_FAILED;
        if (partial > 0) return EXIT_PARTIAL;
        return 0;
    }

    /** One line for an interrupted run: how far it got and the exact command that goes on from there. */
    String interruptedLine(BatchSummary soFar) {
        return String.format(Locale.ROOT,
                "nianbao-ingest: interrupted with %d of %d inputs finished (%d done, %d partial, %d failed); "
                        + "to resume, run the same command again (finished documents are skipped): %s — report so far: %s",
                soFar.results().size(), soFar.results().size() + soFar.unfinished(), soFar.count(Status.State.DONE),
                soFar.count(Status.State.PARTIAL), soFar.count(Status.State.FAILED), shellCommand(),
                output.resolve("report.html"));
    }

    private String shellCommand() {
        StringBuilder sb = new StringBuilder("nianbao-ingest");
        for (String a : commandLine) sb.append(' ').append(shellQuote(a));
        return sb.toString();
    }

    static String shellQuote(String a) {
        if (!a.isEmpty() && a.matches("[A-Za-z0-9_./:=,+@%-]+")) return a;
        return "'" + a.replace("'", "'\\''") + "'";
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nianbao-ingest " + Version.tool(), "output format " + Version.OUTPUT_FORMAT,
                "Java " + System.getProperty("java.version")};
        }
    }
}
