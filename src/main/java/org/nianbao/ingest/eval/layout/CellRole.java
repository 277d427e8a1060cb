package org.nianbao.ingest.eval.layout;

/** What a cell of a standard table is for; renderers style by role, the scorer keys values by it. */
public enum CellRole {
    /** A row spanning the whole table that names a sub-table, e.g. {@code 第二十条第（一）项}. */
    CAPTION,
    /** A column header. */
    HEADER,
    /** The explanatory note in the top-left of the applications table. */
    NOTE,
    /** A row label (the labels that identify a data row). */
    LABEL,
    /** A numeric data cell. */
    VALUE
}
