/**
 * Ruled tables rebuilt as grids from page geometry (issue 6).
 *
 * <ul>
 *   <li>{@link org.nianbao.ingest.table.pdf.RulingGrid}: ruling segments → merged lines → tables (rules that
 *       touch) → grid lines, and which internal boundaries are ruled (an unruled one joins two positions
 *       into one merged cell).</li>
 *   <li>{@link org.nianbao.ingest.table.pdf.PdfRulingTables}: born-digital PDFs; the text-layer glyphs inside a
 *       table go to their cells (wrapped lines joined, no space between Chinese), the rest stays text.
 *       Wired in {@code PdfExtractor} for text-layer pages; origin {@code pdf-rulings}.</li>
 *   <li>{@link org.nianbao.ingest.table.pdf.AlignedColumnTables}: born-digital pages whose tables have no rules:
 *       columns from the gaps running down through the lines, rows from baselines (a label beside its numbers
 *       joins their row); origin {@code aligned-columns}, confidence 0.5, warning {@code table-aligned-columns}.
 *       Run on the glyphs the ruled tables left. A standard table found this way is laid into its canonical
 *       grid by {@code StandardTableStage} (merged cells cannot be seen without rules).</li>
 *   <li>{@link org.nianbao.ingest.table.pdf.ContinuedColumns}: the two parts of a table continued on the next
 *       page get one set of columns, so {@code TableStitcher} can join them.</li>
 *   <li>{@link org.nianbao.ingest.table.pdf.ImageRulingTables}: OCR'd pages (first cut); the page reader's rules
 *       give the grid in the read frame and the page's OCR words fill the cells; origin {@code image-rulings}.
 *       Still to do: re-read each cell on its own (digits-only for number cells, with a number check),
 *       vertical text in the tall merged label cell (read today as horizontal garbage), words that straddle
 *       an erased rule. Used for OCR'd PDF pages and pictures in PDFs ({@code PdfExtractor}) and for image files ({@code ImageExtractor}).</li>
 * </ul>
 */
package org.nianbao.ingest.table.pdf;
