package org.nianbao.ingest.model;

/**
 * Where a block came from.
 *
 * @param source the kind of the input file
 * @param page   1-based page number; 1 for inputs without pages (HTML, text)
 * @param method how the text was obtained
 * @param detail free-form origin detail, e.g. "table 2", "img src=files/t1.png", "pipe rows"; may be null
 */
public record Provenance(SourceKind source, int page, Method method, String detail) {
    public Provenance withDetail(String newDetail) {
        return new Provenance(source, page, method, newDetail);
    }
}
