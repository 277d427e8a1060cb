package org.nianbao.ingest.model;

import java.util.List;

/**
 * An image at its place in the reading order (a table image in a web capture, a figure). The OCR
 * stage reads it; until then {@code text} is empty and {@code read} is false.
 *
 * @param source   the reference as written in the capture ({@code src} attribute, MHTML Content-Location, data: URI prefix)
 * @param resolved where the image bytes are: a file path, {@code mhtml-part:<location>}, {@code data-uri}, or null if missing
 * @param altText  alt/title text from the markup, may be empty
 * @param text     OCR text of the image, "" until read
 * @param read     true once the OCR stage has read it
 * @param lines    the OCR lines with word boxes and confidences, in the image's pixels (empty until read);
 *                 what table rebuilding from an image works on
 */
public record ImageBlock(String source, String resolved, String altText, String text, boolean read,
                         Provenance provenance, List<Warning> warnings, List<Line> lines) implements Block {
    public ImageBlock {
        altText = altText == null ? "" : altText;
        text = text == null ? "" : text;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** An image not read yet (no lines). */
    public ImageBlock(String source, String resolved, String altText, String text, boolean read,
                      Provenance provenance, List<Warning> warnings) {
        this(source, resolved, altText, text, read, provenance, warnings, List.of());
    }

    public ImageBlock withText(String newText, boolean isRead) {
        return new ImageBlock(source, resolved, altText, newText, isRead, provenance, warnings, lines);
    }

    /** The OCR reading: text (one line per paragraph), the positioned lines, and how it was read. */
    public ImageBlock withReading(String newText, List<Line> newLines, Provenance newProvenance) {
        return new ImageBlock(source, resolved, altText, newText, true, newProvenance, warnings, newLines);
    }

    @Override
    public ImageBlock withWarnings(List<Warning> newWarnings) {
        return new ImageBlock(source, resolved, altText, text, read, provenance, newWarnings, lines);
    }
}
