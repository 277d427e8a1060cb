package org.nianbao.ingest.ocr;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the Tesseract models folder. {@code Settings.modelsDir} is taken as given when absolute; a
 * relative folder (the default {@code models}) is looked up, in order, in the working directory, beside
 * the jar or classes folder and its parents (so {@code target/nianbao-ingest.jar} finds the project's
 * {@code models/}), and under {@code -Dnianbao.home}. A missing model is an error that names the set-up
 * command, never a silent fallback to another folder's models.
 */
public final class Models {
    public static final String SETUP_COMMAND = "scripts/setup-models";
    /** Models every simplified-Chinese run needs. */
    public static final List<String> REQUIRED = List.of("chi_sim");

    private Models() { }

    /** The folder holding {@code chi_sim.traineddata}, resolved as described above. */
    public static Path locate(Path configured) throws OcrException {
        List<Path> tried = new ArrayList<>();
        for (Path candidate : candidates(configured)) {
            Path abs = candidate.toAbsolutePath().normalize();
            if (tried.contains(abs)) continue;
            tried.add(abs);
            if (Files.isRegularFile(abs.resolve("chi_sim.traineddata"))) return abs;
        }
        throw new OcrException(OcrException.Kind.UNAVAILABLE,
                "Tesseract model chi_sim.traineddata not found (looked in " + tried + "); run " + SETUP_COMMAND
                        + " (after apt-get install tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-eng tesseract-ocr-osd)");
    }

    /** Checks that every model a language string ("chi_sim+eng") needs is present in {@code dir}. */
    public static void require(Path dir, String languages) throws OcrException {
        for (String lang : languages.split("\\+")) {
            Path f = dir.resolve(lang + ".traineddata");
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new OcrException(OcrException.Kind.UNAVAILABLE,
                        "Tesseract model " + lang + ".traineddata is missing from " + dir + "; run " + SETUP_COMMAND);
            }
        }
    }

    static List<Path> candidates(Path configured) {
        Set<Path> out = new LinkedHashSet<>();
        if (configured.isAbsolute()) {
            out.add(configured);
            return new ArrayList<>(out);
        }
        out.add(configured);
        Path codeHome = codeLocation();
        if (codeHome != null) {
            Path p = Files.isDirectory(codeHome) ? codeHome : codeHome.getParent();
            for (int i = 0; i < 3 && p != null; i++, p = p.getParent()) out.add(p.resolve(configured));
        }
        String home = System.getProperty("nianbao.home");
        if (home != null && !home.isBlank()) out.add(Path.of(home).resolve(configured));
        return new ArrayList<>(out);
    }

    private static Path codeLocation() {
        try {
            CodeSource cs = Models.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) return null;
            return Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null; // unusual class loaders: fall back to the other candidates
        }
    }
}
