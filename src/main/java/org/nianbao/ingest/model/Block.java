package org.nianbao.ingest.model;

import java.util.List;

/**
 * One unit of a page in reading order. Every block knows where it came from and what went wrong
 * with it. Stages return new blocks rather than mutating, so {@code with...} copies are provided.
 */
public sealed interface Block permits HeadingBlock, ParagraphBlock, TableBlock, ImageBlock {
    Provenance provenance();

    List<Warning> warnings();

    /** The block's plain text: heading or paragraph text, a table's cells row by row, an image's OCR text. */
    String text();

    Block withWarnings(List<Warning> newWarnings);
}
