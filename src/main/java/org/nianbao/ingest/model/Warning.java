package org.nianbao.ingest.model;

/**
 * A content problem the pipeline noticed and kept going. Warnings are data, never exceptions.
 *
 * @param code    stable machine-readable identifier, lower-case with dashes (e.g. {@code charset-guessed})
 * @param message a sentence for a person
 * @param page    1-based page the warning concerns, or 0 for the whole document
 */
public record Warning(String code, String message, int page) {
    public static Warning of(String code, String message) {
        return new Warning(code, message, 0);
    }
}
