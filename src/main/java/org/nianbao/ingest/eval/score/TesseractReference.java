package org.nianbao.ingest.eval.score;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.nianbao.ingest.eval.truth.Truth;
import org.nianbao.ingest.eval.truth.Truth.TruthForm;
import org.nianbao.ingest.eval.truth.TruthIO;

/**
 * The reference row: the plain {@code tesseract} command line ({@code OMP_THREAD_LIMIT=1 tesseract IMG
 * stdout -l chi_sim}) on the same scan images, scored exactly like the pipeline's text. Only forms whose
 * files are images are run (the command line does not read PDFs); there is no JSON model, so no
 * structure figures.
 */
public final class TesseractReference {
    private static final long TIMEOUT_SECONDS = 600;

    private TesseractReference() { }

    public static boolean imageForm(TruthForm f) {
        if (!f.ocr()) return false;
        for (String file : f.files()) {
            String n = file.toLowerCase(Locale.ROOT);
            if (!(n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".tif") || n.endsWith(".tiff"))) return false;
        }
        return true;
    }

    public static Evaluator.Run run(Path set, Evaluator.Options o) throws IOException, InterruptedException {
        List<Path> dirs = Evaluator.reportDirs(set);
        Map<String, FormTotals> totals = new LinkedHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        int jobs = Math.max(1, o.jobs());
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        long t0 = System.nanoTime();
        try {
            for (Path d : dirs) {
                Truth t = TruthIO.read(d.resolve(TruthIO.FILE));
                for (TruthForm f : t.forms()) {
                    if (!imageForm(f) || (o.forms() != null && !o.forms().contains(f.form()) && !o.forms().contains(f.group()))) continue;
                    FormTotals ft = totals.computeIfAbsent(f.form(), FormTotals::new);
                    futures.add(pool.submit(() -> {
                        long s0 = System.nanoTime();
                        StringBuilder text = new StringBuilder();
                        String failure = null;
                        for (String file : f.files()) {
                            try {
                                text.append(tesseract(d.resolve(file))).append('\n');
                            } catch (IOException e) {
                                if (failure == null) failure = e.getMessage();
                            }
                        }
                        double secs = (System.nanoTime() - s0) / 1e9;
                        ft.add(DocScore.score(t, f, text.toString(), null), secs, failure);
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("tesseract task failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        FormTotals overall = new FormTotals("overall");
        for (FormTotals ft : totals.values()) overall.merge(ft);
        return new Evaluator.Run(set, dirs.size(), new ArrayList<>(totals.values()), overall, (System.nanoTime() - t0) / 1e9,
                0, -1, "tesseract CLI (chi_sim, OMP_THREAD_LIMIT=1)", jobs);
    }

    /** Runs the command line on one image and returns what it printed. */
    static String tesseract(Path image) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("tesseract", image.toString(), "stdout", "-l", "chi_sim");
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run tesseract (is tesseract-ocr installed?): " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the process ended or was killed; what was read so far is kept
            }
        });
        reader.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(1000);
            throw new IOException("tesseract timed out after " + TIMEOUT_SECONDS + " s on " + image.getFileName());
        }
        reader.join();
        if (p.exitValue() != 0) throw new IOException("tesseract exited with " + p.exitValue() + " on " + image.getFileName());
        return out.toString(StandardCharsets.UTF_8);
    }
}
