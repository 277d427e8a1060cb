/**
 * Tables in the raw lines of plain-text captures, found before lines become paragraphs:
 * {@link org.nianbao.ingest.table.text.TabbedCellDetector} (tab-prefixed cells, empty line between rows),
 * {@link org.nianbao.ingest.table.text.CellPerLineDetector} (one cell per line, empty line between cells),
 * {@link org.nianbao.ingest.table.text.DelimitedTableDetector} (pipe rows, TSV). Each reads its cells and
 * hands them to {@code FlatTableBuilder}: standard tables are laid into their canonical grids; other
 * tables get a generic grid with guessed merges and lower confidence, or stay text. Order in
 * {@code TextCaptureExtractor.defaultDetectors()}: tabbed, cell-per-line, delimited (earlier wins).
 */
package org.nianbao.ingest.table.text;
