package org.nianbao.ingest.model;

import java.util.List;

/**
 * One page in reading order. Inputs without pages (HTML, text captures) have a single page 1.
 *
 * @param width  page width in page units (pixels or points), 0 when the source has no geometry
 * @param height page height, 0 when unknown
 */
public record Page(int number, double width, double height, PageReading reading, List<Block> blocks, List<Warning> warnings) {
    public Page {
        blocks = List.copyOf(blocks);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public Page withBlocks(List<Block> newBlocks) {
        return new Page(number, width, height, reading, newBlocks, warnings);
    }

    public Page withWarnings(List<Warning> newWarnings) {
        return new Page(number, width, height, reading, blocks, newWarnings);
    }
}
