/**
 * The standard tables of 政府信息公开工作年度报告: templates as data, recognition, keyed values,
 * identities, stitching.
 *
 * <h2>How it fits together</h2>
 * <ul>
 *   <li>{@link org.nianbao.ingest.table.report.StandardTemplates}: the five tables ({@code 2019-sec2},
 *   {@code 2021-sec2}, {@code 2019-sec3}, {@code 2021-sec3}, {@code sec4}) as canonical grids: labels with
 *   spans and aliases, numeric slots with row/column paths, value kinds and identity ids.</li>
 *   <li>{@link org.nianbao.ingest.table.report.TemplateMatcher}: aligns a stream of observed cells
 *   ({@link org.nianbao.ingest.table.report.ObservedCell}, reading order) with a template by dynamic
 *   programming; {@link org.nianbao.ingest.table.report.TableRecognizer} carves every standard table out of
 *   a longer stream in bounded windows.</li>
 *   <li>{@link org.nianbao.ingest.table.report.TemplateGridLayout}: lays an alignment into the canonical
 *   grid (used for flattened text captures; usable for any cell stream whose structure is lost).</li>
 *   <li>{@link org.nianbao.ingest.table.report.StandardTableStage}: for every
 *   {@link org.nianbao.ingest.model.TableBlock}, whatever built it, keys the numeric cells at their
 *   positions in the grid as it is ({@link org.nianbao.ingest.table.report.StandardTableBuilder}), checks
 *   I1–I7 ({@link org.nianbao.ingest.table.report.IdentityChecker}), stitches tables continued on the next
 *   page ({@link org.nianbao.ingest.table.report.TableStitcher}) and warns {@code tables-missing}.</li>
 * </ul>
 *
 * <h2>Seams for the image and PDF grid builders</h2>
 * A ruling-line builder only has to emit a {@code TableBlock} (origin {@code image-rulings} or
 * {@code pdf-rulings}); recognition and checks follow. OCR cells that break an identity are re-read by
 * {@link org.nianbao.ingest.table.report.IdentityCorrector} from {@code Cell.alternatives} (and the digits
 * OCR confuses with letters): the smallest combination that makes every identity hold is taken and recorded
 * as {@link org.nianbao.ingest.model.StandardTable.Correction}s; ambiguous choices and exact sources are left
 * as read, flagged. An {@code aligned-columns} grid is laid into the template's canonical grid before it is
 * keyed. When an OCR reading loses cell boundaries,
 * {@link org.nianbao.ingest.table.report.DigitStreams} splits digit runs using the identities.
 */
package org.nianbao.ingest.table.report;
