package org.nianbao.ingest.model;

import java.util.List;

/**
 * A heading; level 1 is the report title or a section heading such as {@code 一、总体情况}.
 * {@code lines} keeps the visual lines (boxes, confidence) when the source had them (OCR, PDF text
 * layer); it is empty for HTML and text captures.
 */
public record HeadingBlock(String text, int level, Provenance provenance, List<Warning> warnings, List<Line> lines) implements Block {
    public HeadingBlock {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A heading without positions (HTML, text captures). */
    public HeadingBlock(String text, int level, Provenance provenance, List<Warning> warnings) {
        this(text, level, provenance, warnings, List.of());
    }

    public HeadingBlock withText(String newText) {
        return new HeadingBlock(newText, level, provenance, warnings, lines);
    }

    @Override
    public HeadingBlock withWarnings(List<Warning> newWarnings) {
        return new HeadingBlock(text, level, provenance, newWarnings, lines);
    }
}
