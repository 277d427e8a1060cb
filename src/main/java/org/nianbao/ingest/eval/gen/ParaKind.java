package org.nianbao.ingest.eval.gen;

/** How a piece of report text is set on the page. */
public enum ParaKind {
    /** The report title (centred, large). */
    TITLE,
    /** A section heading such as {@code 一、总体情况}. */
    HEADING,
    /** A sub-heading on its own line such as {@code （一）主动公开}. */
    SUBHEADING,
    /** Running text, first line indented. */
    BODY,
    /** The signature block at the end (agency, date), right-aligned. */
    CLOSING
}
