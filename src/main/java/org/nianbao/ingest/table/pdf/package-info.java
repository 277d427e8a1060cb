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
 *   <li>{@link org.nianbao.ingest.table.pdf.ImageRulingTables}: OCR'd pages and pictures; the page reader's
 *       rules (long ones, and short ones anchored on long ones) give the grid in the read frame, the page's
 *       OCR words a first reading, and then {@link org.nianbao.ingest.table.pdf.CellReader} reads every cell
 *       again from the prepared image: blank by ink count ({@link org.nianbao.ingest.table.pdf.CellInk}),
 *       number cells ({@link org.nianbao.ingest.table.pdf.CellKinds}) digits-only with a vote among readings
 *       ({@link org.nianbao.ingest.table.pdf.CellNumbers}), vertical labels set side by side
 *       ({@link org.nianbao.ingest.table.pdf.CellCrop}), text cells at up to three sizes with known standard
 *       labels preferred ({@link org.nianbao.ingest.table.pdf.CellLexicon}); other readings kept in
 *       {@code Cell.alternatives}. Runs on the OCR worker right after the page was read
 *       ({@code ImageRulingTables.read}), so no page image outlives its page. Used by {@code PdfExtractor},
 *       {@code ImageExtractor} and {@code ImageOcrStage} (table pictures in web captures); origin
 *       {@code image-rulings}.</li>
 *   <li>{@link org.nianbao.ingest.table.pdf.InkAlignedTables}: tables without rules on OCR'd pages, from the
 *       ink, not the engine's page segmentation: {@link org.nianbao.ingest.table.pdf.InkLayout} finds the parts
 *       of the page set in columns (runs of lines cut by column-wide white gaps; paragraphs and headings set
 *       larger never qualify) and cuts them into one-line pieces (recursive XY cut, dust left out); every
 *       piece is read alone on white paper by {@code CellReader}; the lines of one cell are joined, tall
 *       labels put on their figures' row, leftover skew levelled; the pieces then go as glyphs to
 *       {@code AlignedColumnTables} through {@link org.nianbao.ingest.table.pdf.OcrAlignedTables} (which refuses
 *       grids whose rows of figures lack labels). Origin {@code aligned-columns}, confidence 0.5; standard
 *       tables laid into the template grid and repaired as OCR'd. Called by {@code ImageRulingTables.read}
 *       when an engine is at hand; without one the page's words go to {@code OcrAlignedTables}.</li>
 * </ul>
 */
package org.nianbao.ingest.table.pdf;
