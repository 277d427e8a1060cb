package org.nianbao.ingest.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands command-line arguments into input files: folders recursively (sorted, so runs are
 * repeatable), files as given, and list files ({@code --from}) with one path per line. Skipped: hidden
 * files, the output folder itself, and the saved resource folder of a web capture ({@code NAME_files/}
 * next to {@code NAME.html}), whose images belong to the capture, not to the batch. Folders of page
 * images may then be read as one document each ({@link PageFolders}).
 */
public final class InputCollector {
    private InputCollector() { }

    public static List<Input> collect(List<Path> args, Path fromList, Path outputDir) throws IOException {
        return collect(args, fromList, outputDir, PageFolders.Mode.NEVER).inputs();
    }

    /**
     * As {@link #collect(List, Path, Path)}, then folders of page images become one input each as
     * {@code pageMode} says ({@link PageFolders}); the grouping lists every folder it joined.
     */
    public static PageFolders.Grouping collect(List<Path> args, Path fromList, Path outputDir, PageFolders.Mode pageMode)
            throws IOException {
        return PageFolders.group(files(args, fromList, outputDir), pageMode);
    }

    private static List<Input> files(List<Path> args, Path fromList, Path outputDir) throws IOException {
        List<Path> all = new ArrayList<>(args);
        if (fromList != null) {
            for (String line : Files.readAllLines(fromList, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                Path p = Path.of(s);
                if (!p.isAbsolute() && fromList.toAbsolutePath().getParent() != null && !Files.exists(p)) {
                    p = fromList.toAbsolutePath().getParent().resolve(p);
                }
                all.add(p);
            }
        }
        Path out = outputDir == null ? null : outputDir.toAbsolutePath().normalize();
        Set<Path> seen = new LinkedHashSet<>();
        List<Input> inputs = new ArrayList<>();
        for (Path arg : all) {
            if (Files.isDirectory(arg)) {
                try (Stream<Path> walk = Files.walk(arg, 64, FileVisitOption.FOLLOW_LINKS)) {
                    List<Path> files = walk.filter(Files::isRegularFile)
                            .filter(f -> !isSkipped(arg, f, out))
                            .sorted()
                            .toList();
                    for (Path f : files) {
                        if (seen.add(f.toAbsolutePath().normalize())) inputs.add(new Input(arg, f));
                    }
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else {
                // Missing files are kept: the batch reports them as failed with a reason.
                if (seen.add(arg.toAbsolutePath().normalize())) inputs.add(new Input(arg, arg));
            }
        }
        return inputs;
    }

    static boolean isSkipped(Path root, Path file, Path out) {
        Path abs = file.toAbsolutePath().normalize();
        if (out != null && abs.startsWith(out)) return true;
        Path rel = root.relativize(file);
        for (Path part : rel) {
            String name = part.toString();
            if (name.startsWith(".")) return true;
        }
        // NAME_files/ beside NAME.htm(l): the capture's resources
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            String d = dir.getFileName().toString();
            String lower = d.toLowerCase(Locale.ROOT);
            String stem = lower.endsWith("_files") ? d.substring(0, d.length() - 6)
                    : lower.endsWith(".files") ? d.substring(0, d.length() - 6) : null;
            if (stem == null) continue;
            Path parent = dir.getParent();
            if (parent == null) continue;
            for (String ext : new String[] {".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml", ".HTML", ".HTM"}) {
                if (Files.exists(parent.resolve(stem + ext))) return true;
            }
        }
        return false;
    }
}
