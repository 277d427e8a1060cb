package org.nianbao.ingest.model;

/** How the text of a block was obtained. Downstream tools weigh OCR text differently from a text layer. */
public enum Method {
    /** Parsed from an HTML or MHTML DOM. */
    HTML,
    /** Read from a PDF's text layer, with positions. */
    TEXT_LAYER,
    /** Recognised by Tesseract from pixels. */
    OCR,
    /** Read from a plain-text capture of a report (copy-paste, web text export). */
    TEXT_CAPTURE
}
