package org.nianbao.ingest.batch;

import java.nio.file.Path;

/**
 * One input file of a batch and the argument it was found under (a folder given on the command
 * line, or the file itself), which decides its output name.
 */
public record Input(Path root, Path file) {
    /** The file's path relative to its root folder, or its bare name when it was given directly. */
    public String relativeName() {
        if (root.equals(file)) return file.getFileName().toString();
        return root.relativize(file).toString().replace('\\', '/');
    }
}
