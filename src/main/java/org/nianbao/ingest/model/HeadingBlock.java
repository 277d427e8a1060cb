package org.nianbao.ingest.model;

import java.util.List;

/** A heading; level 1 is the report title or a section heading such as {@code 一、总体情况}. */
public record HeadingBlock(String text, int level, Provenance provenance, List<Warning> warnings) implements Block {
    public HeadingBlock {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public HeadingBlock withText(String newText) {
        return new HeadingBlock(newText, level, provenance, warnings);
    }

    @Override
    public HeadingBlock withWarnings(List<Warning> newWarnings) {
        return new HeadingBlock(text, level, provenance, newWarnings);
    }
}
