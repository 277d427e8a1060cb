package org.nianbao.ingest.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * One input of a batch and the argument it was found under (a folder given on the command line, or
 * the file itself), which decides its output name. Usually one file; for a folder of page images read
 * as one document ({@link PageFolders}), {@code file} is the folder and {@code pages} its page files in
 * page order.
 */
public record Input(Path root, Path file, List<Path> pages) {
    public Input {
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** One file. */
    public Input(Path root, Path file) {
        this(root, file, List.of());
    }

    /** True when this input is several page files read as one document. */
    public boolean isPageSet() {
        return !pages.isEmpty();
    }

    /**
     * The path relative to its root folder, or the bare name when it was given directly (a page folder:
     * the folder's own name when it is the root itself).
     */
    public String relativeName() {
        if (root.equals(file)) {
            Path name = file.getFileName();
            if (name == null || name.toString().equals(".") || name.toString().equals("..")) {
                name = file.toAbsolutePath().normalize().getFileName();
            }
            return name == null ? "pages" : name.toString();
        }
        return root.relativize(file).toString().replace('\\', '/');
    }
}
