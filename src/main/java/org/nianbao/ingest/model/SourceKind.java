package org.nianbao.ingest.model;

/** What an input file is, decided from its bytes (see {@code sniff}), never from its name alone. */
public enum SourceKind {
    PDF, IMAGE, HTML, MHTML, TEXT, UNKNOWN
}
