package org.nianbao.ingest.model;

import java.util.List;

/**
 * A paragraph of running text. {@code lines} keeps the visual lines (with boxes and confidence) when
 * the source had them (OCR, PDF text layer); it is empty for HTML and text captures.
 */
public record ParagraphBlock(String text, List<Line> lines, Provenance provenance, List<Warning> warnings) implements Block {
    public ParagraphBlock {
        lines = lines == null ? List.of() : List.copyOf(lines);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public ParagraphBlock withText(String newText) {
        return new ParagraphBlock(newText, lines, provenance, warnings);
    }

    @Override
    public ParagraphBlock withWarnings(List<Warning> newWarnings) {
        return new ParagraphBlock(text, lines, provenance, newWarnings);
    }
}
