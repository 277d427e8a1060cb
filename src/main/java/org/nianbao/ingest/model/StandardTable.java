package org.nianbao.ingest.model;

import java.util.List;

/**
 * A grid recognised as one of the standard report tables (see shared report-format reference).
 *
 * @param template   template id: {@code 2019-sec2}, {@code 2021-sec2}, {@code 2019-sec3}, {@code 2021-sec3}, {@code sec4}
 * @param values     every numeric cell keyed by its row and column path
 * @param checks     the arithmetic identities evaluated on this table
 * @param deviations how the grid differs from the template (missing rows, label variants, old-style rows)
 * @param corrections cells whose OCR reading was changed to satisfy the identities
 */
public record StandardTable(String template, List<KeyedValue> values, List<IdentityCheck> checks,
                            List<String> deviations, List<Correction> corrections) {
    public StandardTable {
        values = List.copyOf(values);
        checks = List.copyOf(checks);
        deviations = List.copyOf(deviations);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /**
     * One numeric cell.
     *
     * @param rowPath row labels from outer to inner joined by {@code " > "}
     * @param colPath column headers from outer to inner joined by {@code " > "}
     * @param text    the cell text as printed (after normalisation)
     * @param value   the number as a decimal string ({@code "12"}, {@code "-3"}, {@code "2.5"}), or null when blank
     * @param row     grid row of the cell
     * @param col     grid column of the cell
     */
    public record KeyedValue(String rowPath, String colPath, String text, String value, int row, int col) {
        public KeyedValue {
            rowPath = Canonical.of(rowPath);
            colPath = Canonical.of(colPath);
            text = Canonical.of(text);
            value = Canonical.of(value);
        }
    }

    /** An identity (I1..I7) evaluated on concrete cells; {@code skipped} when blanks prevented the check. */
    public record IdentityCheck(String id, String description, String status, List<String> cells, String detail) {
        public IdentityCheck {
            id = Canonical.of(id);
            description = Canonical.of(description);
            status = Canonical.of(status);
            cells = Canonical.of(cells);
            detail = Canonical.of(detail);
        }
    }

    /** A cell re-read because it broke an identity. */
    public record Correction(int row, int col, String before, String after, String reason) { }
}
