package org.nianbao.ingest.eval.gen;

/**
 * A number a report prints wrong: {@code printed} is on the page, {@code consistent} is what its identities
 * imply. Positions are the layout's (the truth grid's).
 */
public record Misprint(String tableId, int row, int col, String rowPath, String colPath, String printed, String consistent) { }
