package org.nianbao.ingest.model;

import java.util.List;

/**
 * One page in reading order. Inputs without pages (HTML, text captures) have a single page 1.
 *
 * @param width  page width in page units (pixels or points), 0 when the source has no geometry
 * @param height page height, 0 when unknown
 * @param file   the file this page was read from when a document is made of several files (a folder of
 *               page images read as one document), relative to that folder; null for one-file inputs
 */
public record Page(int number, double width, double height, PageReading reading, List<Block> blocks, List<Warning> warnings,
                   String file) {
    public Page {
        blocks = List.copyOf(blocks);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A page of a one-file input. */
    public Page(int number, double width, double height, PageReading reading, List<Block> blocks, List<Warning> warnings) {
        this(number, width, height, reading, blocks, warnings, null);
    }

    public Page withBlocks(List<Block> newBlocks) {
        return new Page(number, width, height, reading, newBlocks, warnings, file);
    }

    public Page withWarnings(List<Warning> newWarnings) {
        return new Page(number, width, height, reading, blocks, newWarnings, file);
    }

    /** The same page as read from {@code sourceFile} (a page of a multi-file document). */
    public Page withFile(String sourceFile) {
        return new Page(number, width, height, reading, blocks, warnings, sourceFile);
    }
}
