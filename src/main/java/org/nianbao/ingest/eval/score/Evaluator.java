package org.nianbao.ingest.eval.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.eval.truth.Truth;
import org.nianbao.ingest.eval.truth.Truth.TruthForm;
import org.nianbao.ingest.eval.truth.TruthIO;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.eval.score.JsonTables.GridTable;
import org.nianbao.ingest.output.JsonWriter;
import org.nianbao.ingest.util.NaturalOrder;

/**
 * Runs the pipeline over a generated set (any folder of report folders with {@code truth.json}) and
 * scores every form against its truth, per form and overall.
 */
public final class Evaluator {
    /**
     * @param forms      only these forms (null: all)
     * @param ocr        include forms that need OCR
     * @param nonOcr     include forms that do not
     */
    public record Options(int jobs, Set<String> forms, boolean ocr, boolean nonOcr) {
        public boolean wants(TruthForm f) {
            if (forms != null && !forms.contains(f.form()) && !forms.contains(f.group())) return false;
            return f.ocr() ? ocr : nonOcr;
        }
    }

    /** The outcome of a run. {@code forms} are in first-seen order; {@code overall} sums them. */
    public record Run(Path set, int reports, List<FormTotals> forms, FormTotals overall, double wallSeconds,
                      long overallPeakHeapBytes, long vmHwmKb, String textSource, int jobs) { }

    /** What the pipeline produced for one form of one report. */
    public record FormOutput(String text, List<GridTable> tables, String failure, double seconds, List<String> json) {
        public FormOutput(String text, List<GridTable> tables, String failure, double seconds) {
            this(text, tables, failure, seconds, List.of());
        }
    }

    /** Folders under {@code set} (or {@code set} itself) that hold a truth.json, sorted. */
    public static List<Path> reportDirs(Path set) throws IOException {
        if (Files.isRegularFile(set.resolve(TruthIO.FILE))) return List.of(set);
        try (Stream<Path> s = Files.walk(set, 2)) {
            return s.filter(p -> p.getFileName().toString().equals(TruthIO.FILE)).map(Path::getParent).sorted().toList();
        }
    }

    private Path dumpDir;

    /**
     * Also writes each form's output text to {@code dir/<report>/<form>.txt}, beside which
     * {@code truth.txt} holds the narrative it is scored against (for reading the misses).
     */
    public Evaluator dumpTo(Path dir) {
        this.dumpDir = dir;
        return this;
    }

    public Run run(Path set, Options o) throws IOException, InterruptedException {
        List<Path> dirs = reportDirs(set);
        if (dirs.isEmpty()) throw new IOException("no truth.json under " + set + " (generate a set with scripts/generate)");
        Map<String, FormTotals> totals = new LinkedHashMap<>();
        record Task(Path dir, Truth truth, TruthForm form) { }
        List<Task> tasks = new ArrayList<>();
        for (Path d : dirs) {
            Truth t = TruthIO.read(d.resolve(TruthIO.FILE));
            for (TruthForm f : t.forms()) {
                if (!o.wants(f)) continue;
                totals.computeIfAbsent(f.form(), FormTotals::new);
                tasks.add(new Task(d, t, f));
            }
        }
        int jobs = Math.max(1, o.jobs());
        ThreadLocal<NianbaoIngest> ingest = ThreadLocal.withInitial(() -> new NianbaoIngest(evaluationContext()));
        long t0 = System.nanoTime();
        try (MemorySampler mem = new MemorySampler()) {
            ExecutorService pool = Executors.newFixedThreadPool(jobs);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (Task task : tasks) {
                    futures.add(pool.submit(() -> {
                        mem.start(task.form().form());
                        FormOutput out;
                        try {
                            out = process(ingest.get()::process, ingest.get()::processPages, task.dir(), task.form());
                        } finally {
                            mem.end(task.form().form());
                        }
                        if (dumpDir != null) dump(task.truth(), task.form(), out);
                        DocScore s = DocScore.score(task.truth(), task.form(), out.text(), out.tables());
                        totals.get(task.form().form()).add(s, out.seconds(), out.failure());
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("evaluation task failed: " + e.getCause(), e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            for (FormTotals ft : totals.values()) ft.peakHeapBytes = mem.peak(ft.form);
            FormTotals overall = new FormTotals("overall");
            for (FormTotals ft : totals.values()) overall.merge(ft);
            double wall = (System.nanoTime() - t0) / 1e9;
            return new Run(set, dirs.size(), new ArrayList<>(totals.values()), overall, wall, mem.overallPeak(),
                    MemorySampler.vmHwmKb(), OutputText.source(), jobs);
        }
    }

    private void dump(Truth truth, TruthForm form, FormOutput out) throws IOException {
        Path d = dumpDir.resolve(truth.id());
        Files.createDirectories(d);
        Files.writeString(d.resolve(form.form() + ".txt"), out.text());
        // the JSON too: its standard tables (keyed values, corrections) are what truth.json's values are compared with
        for (int i = 0; i < out.json().size(); i++) {
            Files.writeString(d.resolve(form.form() + (i == 0 ? "" : "-" + (i + 1)) + ".json"), out.json().get(i));
        }
        StringBuilder want = new StringBuilder();
        for (Truth.TruthText t : truth.texts()) want.append(t.pages()).append('\t').append(t.text()).append('\n');
        Files.writeString(d.resolve("truth.txt"), want.toString());
    }

    /** Runs a pipeline on every file of a form, joins the .txt outputs in page order and reads the tables of the .json outputs. */
    public static FormOutput process(Function<Path, Document> pipeline, Path dir, TruthForm form) {
        return process(pipeline, null, dir, form);
    }

    /**
     * As {@link #process(Function, Path, TruthForm)}, but a form given as one file per page in one folder
     * (scan200-jpg, scan300-png) is read as one document by {@code pages}, in natural order of the file
     * names, exactly as the command line's {@code --pages-as-document} reads that folder: its score is
     * what a user gets with the option, tables running over two page files included.
     */
    public static FormOutput process(Function<Path, Document> pipeline, BiFunction<Path, List<Path>, Document> pages,
                                     Path dir, TruthForm form) {
        StringBuilder text = new StringBuilder();
        List<GridTable> tables = new ArrayList<>();
        String failure = null;
        List<String> json = new ArrayList<>();
        long t0 = System.nanoTime();
        Path folder = pages == null ? null : pageFolder(dir, form.files());
        List<Function<Path, Document>> runs = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        if (folder != null) {
            List<Path> files = new ArrayList<>();
            for (String f : form.files()) files.add(dir.resolve(f));
            files.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), NaturalOrder.INSTANCE));
            runs.add(p -> pages.apply(p, files));
            inputs.add(folder);
        } else {
            for (String f : form.files()) {
                runs.add(pipeline);
                inputs.add(dir.resolve(f));
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            Document doc = runs.get(i).apply(inputs.get(i));
            if (doc.status().state() == Status.State.FAILED) {
                if (failure == null) failure = doc.status().reason();
                continue;
            }
            text.append(OutputText.render(doc)).append('\n');
            String rendered = JsonWriter.render(doc);
            json.add(rendered);
            tables.addAll(JsonTables.parse(rendered));
        }
        return new FormOutput(text.toString(), tables, failure, (System.nanoTime() - t0) / 1e9, json);
    }

    /** The folder of a form given as two or more files in one subfolder (one file per page), or null. */
    static Path pageFolder(Path dir, List<String> files) {
        if (files.size() < 2) return null;
        Path parent = null;
        for (String f : files) {
            Path p = Path.of(f).getParent();
            if (p == null || (parent != null && !parent.equals(p))) return null;
            parent = p;
        }
        return dir.resolve(parent);
    }

    /** Page and document time limits while evaluating (seconds): far above any page's reading time. */
    static final int EVAL_PAGE_SECONDS = 1800;

    /**
     * The default context with time limits raised. Accuracy must not depend on how busy the machine is: what
     * a page reads is bounded by counted readings ({@code ReadingBudget}), not by seconds, but the production
     * page limit (180 s) cut pages short when several evaluations shared two cores (load 20-40 in session 7),
     * and scored them as misreadings. The limit is a safety net for hostile input, which the generated sets
     * are not; speed is measured by the benchmarks.
     */
    static org.nianbao.ingest.pipeline.Context evaluationContext() {
        org.nianbao.ingest.pipeline.Limits d = org.nianbao.ingest.pipeline.Limits.defaults();
        org.nianbao.ingest.pipeline.Limits relaxed = new org.nianbao.ingest.pipeline.Limits(d.maxInputBytes(), d.maxImagePixels(), d.maxPages(),
                Math.max(d.pageTimeoutSeconds(), EVAL_PAGE_SECONDS), Math.max(d.documentTimeoutSeconds(), 4 * EVAL_PAGE_SECONDS));
        return new org.nianbao.ingest.pipeline.Context(org.nianbao.ingest.pipeline.Settings.defaults(), relaxed);
    }
}
