package org.nianbao.ingest.table.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nianbao.ingest.extract.pdf.BaselineGroups;
import org.nianbao.ingest.extract.pdf.PdfGlyph;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;

/**
 * Tables without rules on a born-digital PDF page: text set in columns that only whitespace separates.
 * The fallback after {@link PdfRulingTables}, run on the glyphs no ruled table took.
 *
 * <ul>
 *   <li>Lines from baselines; each line cut into segments at gaps wider than {@link #SEGMENT_GAP} em.</li>
 *   <li>A table region: consecutive lines of the table's type size, close together, at least
 *       {@link #MIN_MULTI_LINES} of them with two or more segments; short single-segment lines (a caption,
 *       a wrapped label) may sit inside or just above it.</li>
 *   <li>Columns: the gaps that run down through (nearly) all the multi-segment lines of the region.</li>
 *   <li>Rows: a line starts a new row unless it is close under the previous one (wrapped text) and puts
 *       nothing where the row already has a number; a segment spanning columns becomes a merged cell.</li>
 * </ul>
 *
 * <p>Ordinary paragraphs have one segment per line and never form a region; a region must also have a
 * column of numbers (these are statistical tables), which keeps two-column lists of words, signatures
 * and running heads out. Without rules vertical merges cannot be seen, so the structure is a guess:
 * blocks carry origin {@code aligned-columns}, confidence {@link #CONFIDENCE} and a
 * {@code table-aligned-columns} warning.
 */
public final class AlignedColumnTables {
    public static final String ORIGIN = "aligned-columns";
    public static final double CONFIDENCE = 0.5;
    public static final String WARNING = "table-aligned-columns";
    /** A gap this wide (in em of the type size) separates two segments of a line. */
    static final double SEGMENT_GAP = 0.6;
    /** Lines further apart than this (em) do not belong to one region. */
    static final double MAX_LINE_GAP = 3.2;
    /** Lines closer than this (em) may be the wrapped lines of one row. */
    static final double WRAP_GAP = 1.6;
    /** A label line joins a row of numbers this far away (em): a label of four lines centred beside them. */
    static final double ANCHOR_REACH = 3.0;
    /** Wrapped lines of one cell are closer than this (em): single spacing is 1.2–1.4 em. */
    static final double CONTINUATION_GAP = 1.4;
    static final int MIN_MULTI_LINES = 3;
    /** A column gap must be at least this wide (em) ... */
    static final double MIN_COLUMN_GAP = 0.45;
    /** ... and crossed by at most this share of the region's multi-segment lines (spanning headers, long labels). */
    static final double MAX_GAP_COVER = 0.22;
    static final int MAX_LINES = 4000;
    static final int MAX_COLUMNS = 40;

    private AlignedColumnTables() { }

    /** One run of glyphs in a line, between wide gaps. */
    record Segment(double x0, double x1, List<PdfGlyph> glyphs, boolean numeric, double baseline) { }

    /** A visual line: its baseline, type size, all glyphs and the segments. */
    record TextLine(double baseline, double size, List<PdfGlyph> glyphs, List<Segment> segments) {
        double x0() {
            return segments.get(0).x0();
        }

        double x1() {
            return segments.get(segments.size() - 1).x1();
        }
    }

    /**
     * How lines are cut into segments.
     *
     * @param segmentGap     a gap this wide (em) separates two segments
     * @param denseLinesWhole a line nearly covered by its segments, without a wide gap, is one segment:
     *                       OCR word boxes are tight to the ink and leave gaps inside running text
     *                       (a character the engine dropped, letter-spaced justification) that a text
     *                       layer's advance widths do not
     * @param labelStarts    a column of left-aligned labels starts where several labels start, also when
     *                       the gaps alone show no column there ({@link #labelStartBounds})
     */
    public record Cutting(double segmentGap, boolean denseLinesWhole, double maxLineGap, boolean labelStarts) {
        public Cutting(double segmentGap, boolean denseLinesWhole) {
            this(segmentGap, denseLinesWhole, MAX_LINE_GAP, false);
        }

        /** Glyphs of a PDF text layer. */
        public static final Cutting TEXT_LAYER = new Cutting(SEGMENT_GAP, false);
        /** Words read by OCR. */
        public static final Cutting OCR_WORDS = new Cutting(SEGMENT_GAP, true);
        /**
         * One-line pieces cut from the ink at column-wide gaps, the lines of one cell joined
         * ({@link InkAlignedTables}): a label of four lines is one glyph on its figures' line, so
         * neighbouring rows' lines lie further apart than on a text layer, where the label's lines fill the gap.
         */
        public static final Cutting INK_PIECES = new Cutting(SEGMENT_GAP, false, 8.0, true);
    }

    /** A line whose segments cover this share of its width ... */
    static final double DENSE_COVER = 0.8;
    /** ... and whose widest gap is under this (em) is running text, one segment. */
    static final double DENSE_MAX_GAP = 1.5;

    /** The tables found and the glyphs left for paragraphs. */
    public static PdfRulingTables.Result find(List<PdfGlyph> glyphs, Provenance provenance) {
        return find(glyphs, provenance, Cutting.TEXT_LAYER);
    }

    /** The tables found and the glyphs left for paragraphs, lines cut into segments as {@code cutting} says. */
    public static PdfRulingTables.Result find(List<PdfGlyph> glyphs, Provenance provenance, Cutting cutting) {
        List<TextLine> lines = lines(glyphs, cutting);
        if (lines.size() > MAX_LINES) return new PdfRulingTables.Result(List.of(), glyphs);
        List<PdfRulingTables.Found> found = new ArrayList<>();
        List<PdfGlyph> rest = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int[] region = region(lines, i, cutting.maxLineGap());
            if (region == null) {
                rest.addAll(lines.get(i).glyphs());
                i++;
                continue;
            }
            List<TextLine> mine = lines.subList(region[0], region[1]);
            TableBlock block = block(mine, provenance, cutting.labelStarts());
            if (block == null) {
                for (int k = i; k < region[1]; k++) rest.addAll(lines.get(k).glyphs());
                i = Math.max(i + 1, region[1]);
                continue;
            }
            for (int k = i; k < region[0]; k++) rest.addAll(lines.get(k).glyphs());
            List<PdfGlyph> used = new ArrayList<>();
            double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE;
            for (TextLine l : mine) {
                used.addAll(l.glyphs());
                x0 = Math.min(x0, l.x0());
                x1 = Math.max(x1, l.x1());
            }
            TextLine first = mine.get(0);
            TextLine last = mine.get(mine.size() - 1);
            double top = first.baseline() - first.size();
            Box frame = new Box(x0, top, x1 - x0, last.baseline() + last.size() * 0.2 - top);
            found.add(new PdfRulingTables.Found(block, frame, top, used));
            i = region[1];
        }
        return new PdfRulingTables.Result(found, rest);
    }

    /** Lines top to bottom (glyphs on one baseline within a third of the type size), segments cut at wide gaps. */
    static List<TextLine> lines(List<PdfGlyph> glyphs) {
        return lines(glyphs, Cutting.TEXT_LAYER);
    }

    static List<TextLine> lines(List<PdfGlyph> glyphs, Cutting cutting) {
        List<List<PdfGlyph>> groups = BaselineGroups.of(glyphs);
        List<TextLine> out = new ArrayList<>();
        for (List<PdfGlyph> group : groups) {
            group.sort(Comparator.comparingDouble(PdfGlyph::x));
            List<Segment> segments = new ArrayList<>();
            List<PdfGlyph> seg = new ArrayList<>();
            double maxSize = 0;
            double baseSum = 0;
            int visible = 0;
            PdfGlyph prev = null;
            for (PdfGlyph g : group) {
                if (g.text().isBlank()) continue;
                maxSize = Math.max(maxSize, g.size());
                baseSum += g.baseline();
                visible++;
                if (prev != null && g.x() - prev.right() > cutting.segmentGap() * Math.max(g.size(), prev.size())) {
                    segments.add(segment(seg));
                    seg = new ArrayList<>();
                }
                seg.add(g);
                prev = g;
            }
            if (visible == 0) {
                // blank glyphs only: keep them with the text (they are nobody's cell)
                if (!out.isEmpty()) {
                    List<PdfGlyph> all = new ArrayList<>(out.get(out.size() - 1).glyphs());
                    all.addAll(group);
                    TextLine l = out.get(out.size() - 1);
                    out.set(out.size() - 1, new TextLine(l.baseline(), l.size(), all, l.segments()));
                } else if (!group.isEmpty()) {
                    out.add(new TextLine(group.get(0).baseline(), group.get(0).size(), group, List.of()));
                }
                continue;
            }
            segments.add(segment(seg));
            if (cutting.denseLinesWhole() && segments.size() > 1 && dense(segments, maxSize)) {
                List<PdfGlyph> all = new ArrayList<>();
                for (Segment s : segments) all.addAll(s.glyphs());
                segments = new ArrayList<>(List.of(segment(all)));
            }
            out.add(new TextLine(baseSum / visible, maxSize, group, segments));
        }
        return out;
    }

    /** Segments that nearly cover their line, with no wide gap between them: running text. */
    static boolean dense(List<Segment> segments, double size) {
        double covered = 0;
        double widest = 0;
        for (int i = 0; i < segments.size(); i++) {
            covered += segments.get(i).x1() - segments.get(i).x0();
            if (i > 0) widest = Math.max(widest, segments.get(i).x0() - segments.get(i - 1).x1());
        }
        double span = segments.get(segments.size() - 1).x1() - segments.get(0).x0();
        return span > 0 && covered >= DENSE_COVER * span && widest < DENSE_MAX_GAP * size;
    }

    private static Segment segment(List<PdfGlyph> glyphs) {
        StringBuilder sb = new StringBuilder();
        for (PdfGlyph g : glyphs) sb.append(g.text());
        String t = sb.toString().strip();
        boolean numeric = !t.isEmpty() && t.length() <= 16 && t.matches("[+\\-－]?[0-9０-９][0-9０-９,.，．]*(万元|元|%)?");
        double base = 0;
        for (PdfGlyph g : glyphs) base += g.baseline();
        // its own baseline: a line groups glyphs within a third of an em, which may be two cells' lines
        return new Segment(glyphs.get(0).x(), glyphs.get(glyphs.size() - 1).right(), glyphs, numeric, base / glyphs.size());
    }

    /**
     * The region of a table starting at or just above line {@code from} ([start, end) line indexes), or
     * null when line {@code from} does not start one.
     */
    static int[] region(List<TextLine> lines, int from) {
        return region(lines, from, MAX_LINE_GAP);
    }

    /** As {@link #region(List, int)}, lines further apart than {@code maxLineGap} em not in one region. */
    static int[] region(List<TextLine> lines, int from, double maxLineGap) {
        // the table begins at its first multi-segment line; up to three short lines above it (a caption) join it
        int start = from;
        while (start < lines.size() && start < from + 4 && lines.get(start).segments().size() < 2) start++;
        if (start >= lines.size() || lines.get(start).segments().size() < 2) return null;
        double size = lines.get(start).size();
        int end = start + 1;
        int lastMulti = start;
        int multi = 1;
        double x0 = lines.get(start).x0();
        double x1 = lines.get(start).x1();
        while (end < lines.size()) {
            TextLine prev = lines.get(end - 1);
            TextLine l = lines.get(end);
            if (l.segments().isEmpty()) {
                end++;
                continue;
            }
            if (l.baseline() - prev.baseline() > maxLineGap * size || !sameSize(l.size(), size)) break;
            if (l.segments().size() >= 2) {
                multi++;
                lastMulti = end;
                x0 = Math.min(x0, l.x0());
                x1 = Math.max(x1, l.x1());
            } else if (end - lastMulti > 6) {
                break; // a run of single lines: text, not a table
            }
            end++;
        }
        end = lastMulti + 1;
        // a wrapped label's last line under the last row, or a caption row the page break left at the
        // foot of the page (the table goes on overleaf): short lines of the table's type size
        int tail = 0;
        while (end < lines.size() && tail < 2 && lines.get(end).segments().size() == 1
                && lines.get(end).baseline() - lines.get(end - 1).baseline() <= maxLineGap * size
                && sameSize(lines.get(end).size(), size) && narrow(lines.get(end), x0, x1)) {
            end++;
            tail++;
        }
        if (multi < MIN_MULTI_LINES) return null;
        int begin = start;
        while (begin > from && begin > start - 3) {
            TextLine above = lines.get(begin - 1);
            TextLine below = lines.get(begin);
            if (above.segments().size() != 1 || !sameSize(above.size(), size) || !narrow(above, x0, x1)
                    || below.baseline() - above.baseline() > maxLineGap * size) break;
            begin--;
        }
        return new int[] {begin, end};
    }

    private static boolean sameSize(double a, double b) {
        return a <= b * 1.1 && b <= a * 1.1;
    }

    /** A single-segment line inside the region's width and not as wide as a paragraph line. */
    private static boolean narrow(TextLine l, double x0, double x1) {
        double w = x1 - x0;
        return l.x0() >= x0 - l.size() && l.x1() <= x1 + l.size() && l.x1() - l.x0() < 0.7 * w;
    }

    /** The grid of a region, or null when its lines do not line up in columns of numbers. */
    static TableBlock block(List<TextLine> lines, Provenance provenance) {
        return block(lines, provenance, false);
    }

    static TableBlock block(List<TextLine> lines, Provenance provenance, boolean labelStarts) {
        List<TextLine> multi = lines.stream().filter(l -> l.segments().size() >= 2).toList();
        double size = multi.get(0).size();
        double left = Double.MAX_VALUE, right = -Double.MAX_VALUE;
        for (TextLine l : lines) {
            if (l.segments().isEmpty()) continue;
            left = Math.min(left, l.x0());
            right = Math.max(right, l.x1());
        }
        double[] bounds = columnBounds(multi, left, right, size);
        if (labelStarts) bounds = labelStartBounds(lines, bounds, size);
        int cols = bounds.length + 1;
        if (cols < 2 || cols > MAX_COLUMNS) return null;
        if (!hasNumberColumn(multi, bounds)) return null;
        // every multi-segment line must use at least two columns: else the gaps are not a table's
        int spread = 0;
        for (TextLine l : multi) {
            int a = column(bounds, l.segments().get(0).x0(), l.segments().get(0).x1());
            int b = column(bounds, l.segments().get(l.segments().size() - 1).x0(), l.segments().get(l.segments().size() - 1).x1());
            if (a != b) spread++;
        }
        if (spread < MIN_MULTI_LINES || spread * 2 < multi.size()) return null;

        List<List<Segment>> rowCells = rows(lines, bounds, size);
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < rowCells.size(); r++) {
            // segments by their first column; a segment spanning columns keeps them when nothing else is there
            List<List<PdfGlyph>> byCol = new ArrayList<>();
            int[] spanEnd = new int[cols];
            for (int c = 0; c < cols; c++) {
                byCol.add(new ArrayList<>());
                spanEnd[c] = c;
            }
            for (Segment s : rowCells.get(r)) {
                int[] span = span(bounds, s);
                byCol.get(span[0]).addAll(s.glyphs());
                spanEnd[span[0]] = Math.max(spanEnd[span[0]], span[1]);
            }
            int c = 0;
            while (c < cols) {
                int end = spanEnd[c];
                for (int k = c + 1; k <= end; k++) {
                    if (!byCol.get(k).isEmpty()) {
                        end = k - 1; // another cell there: no merge over it
                        break;
                    }
                }
                if (!byCol.get(c).isEmpty()) {
                    cells.add(new Cell(r, c, 1, end - c + 1, PdfRulingTables.CellLines.text(byCol.get(c)), null, 100));
                }
                c = Math.max(c + 1, end + 1);
            }
        }
        Table.Repaired t = Table.normalized(rowCells.size(), cols, cells);
        Table boxed = new Table(t.table().rows(), cols, withBoxes(t.table().cells(), rowCells, bounds, left, right, size));
        Warning w = new Warning(WARNING, "a table without rules rebuilt from aligned columns (" + t.table().rows() + "×" + cols
                + "): merged cells cannot be seen without rules, check the structure", provenance.page());
        return new TableBlock(boxed, ORIGIN, CONFIDENCE, null, provenance, List.of(w));
    }

    /**
     * Every cell of the normalised grid (blank ones too) gets the box of its
     * grid positions: columns between the column bounds, rows between the midpoints of neighbouring rows'
     * centres. No rule marks these edges, so they are where a reader of the cell should look, not where
     * a printed cell ends; the OCR path reads the number cells again inside them.
     */
    static List<Cell> withBoxes(List<Cell> cells, List<List<Segment>> rowCells, double[] bounds, double left, double right, double size) {
        int rows = rowCells.size();
        double[] centre = new double[rows];
        double top = Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            int n = 0;
            double numSum = 0;
            int numN = 0;
            for (Segment s : rowCells.get(r)) {
                for (PdfGlyph g : s.glyphs()) {
                    double mid = (g.top() + g.bottom()) / 2;
                    sum += mid;
                    n++;
                    if (s.numeric()) {
                        numSum += mid;
                        numN++;
                    }
                    if (r == 0) top = Math.min(top, g.top());
                    if (r == rows - 1) bottom = Math.max(bottom, g.bottom());
                }
            }
            // the numbers fix a row's height: a label beside them may run over two lines
            centre[r] = numN > 0 ? numSum / numN : n > 0 ? sum / n : (r > 0 ? centre[r - 1] + size : 0);
        }
        double[] edge = new double[rows + 1];
        edge[0] = Math.min(top, centre[0] - size) - 0.4 * size;
        edge[rows] = Math.max(bottom, centre[rows - 1] + size) + 0.4 * size;
        for (int r = 1; r < rows; r++) edge[r] = (centre[r - 1] + centre[r]) / 2;
        double[] colEdge = new double[bounds.length + 2];
        colEdge[0] = left - 0.4 * size;
        System.arraycopy(bounds, 0, colEdge, 1, bounds.length);
        colEdge[bounds.length + 1] = right + 0.4 * size;
        List<Cell> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            out.add(new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.text(), box(c.row(), c.col(), c.rowSpan(), c.colSpan(), edge, colEdge),
                    c.confidence(), c.alternatives()));
        }
        return out;
    }

    /** The box of a block of grid positions, or null when a row's edges are out of order (rows crossing). */
    static Box box(int row, int col, int rowSpan, int colSpan, double[] rowEdge, double[] colEdge) {
        double y0 = rowEdge[row];
        double y1 = rowEdge[Math.min(rowEdge.length - 1, row + rowSpan)];
        double x0 = colEdge[col];
        double x1 = colEdge[Math.min(colEdge.length - 1, col + colSpan)];
        if (y1 <= y0 || x1 <= x0) return null;
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * Rows from baselines. A line with a number is a row of its own (an anchor). A line of text only
     * continues the cell above it in the same column when close under it (a wrapped label), else joins
     * the nearest anchor line within {@link #WRAP_GAP} em (a label set beside its numbers, vertically
     * centred over one or two lines), else the line just above it when that is close (a header block),
     * else starts a row.
     */
    static List<List<Segment>> rows(List<TextLine> lines, double[] bounds, double size) {
        List<TextLine> used = lines.stream().filter(l -> !l.segments().isEmpty()).toList();
        int n = used.size();
        int[] rowOf = new int[n];
        java.util.Arrays.fill(rowOf, -1);
        int rows = 0;
        boolean[] anchor = new boolean[n];
        List<boolean[]> numberCols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            anchor[i] = used.get(i).segments().stream().anyMatch(Segment::numeric);
            if (anchor[i]) {
                rowOf[i] = rows++;
                boolean[] nums = new boolean[bounds.length + 1];
                for (Segment s : used.get(i).segments()) if (s.numeric()) nums[span(bounds, s)[0]] = true;
                numberCols.add(nums);
            }
        }
        boolean[] numberColumn = new boolean[bounds.length + 1];
        for (boolean[] nums : numberCols) for (int c = 0; c < nums.length; c++) numberColumn[c] |= nums[c];
        // per line, the row each of its text segments went to: the segments of one line may go to different rows
        List<List<Segment>> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) out.add(new ArrayList<>());
        List<Double> rowTop = new ArrayList<>();
        for (int i = 0; i < n; i++) if (anchor[i]) rowTop.add(used.get(i).baseline());
        int[] lastRowInCol = new int[bounds.length + 1];
        double[] lastBaseInCol = new double[bounds.length + 1];
        java.util.Arrays.fill(lastRowInCol, -1);
        boolean[] lastWasText = new boolean[bounds.length + 1];
        int prevRow = -1;
        double prevBase = Double.NaN;
        for (int i = 0; i < n; i++) {
            TextLine l = used.get(i);
            if (anchor[i]) {
                for (Segment s : l.segments()) {
                    int c = span(bounds, s)[0];
                    int row = rowOf[i];
                    // text right under text of the same column, at the spacing of wrapped lines, is the next
                    // line of that cell (a tall label whose first line went to the row above)
                    if (!s.numeric() && lastRowInCol[c] >= 0 && lastRowInCol[c] != row && lastWasText[c]
                            && s.baseline() - lastBaseInCol[c] <= CONTINUATION_GAP * size) row = lastRowInCol[c];
                    out.get(row).add(s);
                    lastRowInCol[c] = row;
                    lastBaseInCol[c] = s.baseline();
                    lastWasText[c] = false;
                }
                prevRow = rowOf[i];
                prevBase = l.baseline();
                continue;
            }
            // a line only in label columns (no number in them anywhere) may sit beside numbers a few lines
            // away; a line reaching into the number columns is a header and keeps to its neighbours
            boolean labelsOnly = true;
            for (Segment s : l.segments()) {
                int[] sp = span(bounds, s);
                for (int c = sp[0]; c <= sp[1]; c++) if (numberColumn[c]) labelsOnly = false;
            }
            double reach = (labelsOnly ? ANCHOR_REACH : WRAP_GAP) * size;
            int lineRow = -1;
            for (Segment s : l.segments()) {
                int c = span(bounds, s)[0];
                int row = -1;
                if (lastRowInCol[c] >= 0 && s.baseline() - lastBaseInCol[c] <= WRAP_GAP * size) row = lastRowInCol[c];
                if (row < 0) row = nearestAnchor(used, anchor, rowOf, i, reach, numberCols, c);
                if (row < 0 && lineRow >= 0) row = lineRow;
                if (row < 0 && prevRow >= 0 && l.baseline() - prevBase <= WRAP_GAP * size) row = prevRow;
                if (row < 0) {
                    row = out.size();
                    out.add(new ArrayList<>());
                    rowTop.add(l.baseline());
                }
                out.get(row).add(s);
                lastRowInCol[c] = row;
                lastBaseInCol[c] = s.baseline();
                lastWasText[c] = true;
                lineRow = row;
            }
            prevRow = lineRow;
            prevBase = l.baseline();
        }
        // rows in page order (text-only rows were appended after the anchors)
        Integer[] order = new Integer[out.size()];
        for (int r = 0; r < order.length; r++) order[r] = r;
        java.util.Arrays.sort(order, Comparator.comparingDouble(rowTop::get));
        List<List<Segment>> sorted = new ArrayList<>();
        for (int r : order) if (!out.get(r).isEmpty()) sorted.add(out.get(r));
        return sorted;
    }

    /**
     * The row of the anchor line nearest to line i (above or below) within {@code reach} that has no
     * number in column {@code col} (a label goes beside numbers, never onto one), or -1.
     */
    private static int nearestAnchor(List<TextLine> used, boolean[] anchor, int[] rowOf, int i, double reach,
                                     List<boolean[]> numberCols, int col) {
        double base = used.get(i).baseline();
        int best = -1;
        double bestD = reach;
        for (int k = i - 1; k >= 0 && base - used.get(k).baseline() <= reach; k--) {
            if (anchor[k] && !numberCols.get(rowOf[k])[col]) {
                bestD = base - used.get(k).baseline();
                best = rowOf[k];
                break;
            }
        }
        for (int k = i + 1; k < used.size() && used.get(k).baseline() - base <= reach; k++) {
            if (anchor[k] && !numberCols.get(rowOf[k])[col]) {
                if (used.get(k).baseline() - base < bestD) best = rowOf[k];
                break;
            }
        }
        return best;
    }

    /**
     * x positions between columns: the middles of the gaps wider than {@link #MIN_COLUMN_GAP} em that
     * hardly any multi-segment line crosses.
     */
    static double[] columnBounds(List<TextLine> multi, double left, double right, double size) {
        double step = 0.5;
        int n = (int) Math.min(20_000, Math.ceil((right - left) / step) + 1);
        if (n < 2) return new double[0];
        int[] cover = new int[n];
        for (TextLine l : multi) {
            for (Segment s : l.segments()) {
                int a = (int) Math.max(0, Math.floor((s.x0() - left) / step));
                int b = (int) Math.min(n - 1, Math.ceil((s.x1() - left) / step));
                for (int k = a; k <= b; k++) cover[k]++;
            }
        }
        int allowed = (int) Math.floor(MAX_GAP_COVER * multi.size());
        int tolerance = Math.max(1, multi.size() / 10);
        List<Double> bounds = new ArrayList<>();
        int k = 0;
        while (k < n) {
            if (cover[k] > allowed) {
                k++;
                continue;
            }
            int j = k;
            int least = cover[k];
            int leastAt = k;
            while (j < n && cover[j] <= allowed) {
                if (cover[j] < least) {
                    least = cover[j];
                    leastAt = j;
                }
                j++;
            }
            // within the gap, every stretch emptier than what borders it and wide enough is a boundary
            // (a sparse column, like a tall label set in the first column, leaves a gap with a bump in it)
            int p = k;
            while (p < j) {
                int q = p;
                while (q < j && cover[q] == cover[p]) q++;
                boolean lowerLeft = p > 0 && cover[p - 1] > cover[p];
                boolean lowerRight = q < n && cover[q] > cover[p];
                // its width: the valley around it where only a few more lines cross (tails of long labels)
                int a = p;
                int b = q;
                while (a > 0 && cover[a - 1] <= cover[p] + tolerance) a--;
                while (b < n && cover[b] <= cover[p] + tolerance) b++;
                if (lowerLeft && lowerRight && (b - a) * step >= MIN_COLUMN_GAP * size) bounds.add(left + (p + q - 1) / 2.0 * step);
                p = q;
            }
            k = j;
        }
        double[] out = new double[bounds.size()];
        for (int i = 0; i < out.length; i++) out[i] = bounds.get(i);
        return out;
    }

    /** Text segments starting within this (em) of each other start one column ... */
    static final double START_SPREAD = 0.3;
    /** ... when at least this many do ... */
    static final int MIN_STARTS = 3;
    /** ... and no column bound lies this far (em) left of them already. */
    static final double START_BOUND_REACH = 1.5;

    /**
     * The bounds with a bound added just left of each place where a column of left-aligned labels
     * starts (at least {@link #MIN_STARTS} text segments left of the figures start there) when some line
     * has a text segment ending left of it beside one starting there, and no bound lies within
     * {@link #START_BOUND_REACH} em left of it. A narrow label column (（四）无法提供 beside
     * 2.没有现成信息需要另行制作) is crossed by many labels spanning it, so the gaps alone may not show
     * it, and its labels would be joined to the next column's.
     */
    static double[] labelStartBounds(List<TextLine> lines, double[] bounds, double size) {
        double firstNumber = Double.MAX_VALUE;
        for (TextLine l : lines) for (Segment s : l.segments()) if (s.numeric()) firstNumber = Math.min(firstNumber, s.x0());
        List<Double> xs = new ArrayList<>();
        for (TextLine l : lines) for (Segment s : l.segments()) if (!s.numeric() && s.x0() < firstNumber - size) xs.add(s.x0());
        java.util.Collections.sort(xs);
        List<Double> out = new ArrayList<>();
        for (double b : bounds) out.add(b);
        for (int i = 0; i < xs.size(); ) {
            int j = i + 1;
            while (j < xs.size() && xs.get(j) - xs.get(i) <= START_SPREAD * size) j++;
            if (j - i >= MIN_STARTS) {
                double start = xs.get(i);
                boolean bounded = false;
                for (double b : bounds) bounded |= b <= start && b >= start - START_BOUND_REACH * size;
                if (!bounded && besideAnother(lines, start, size)) out.add(start - 0.25 * size);
            }
            i = j;
        }
        java.util.Collections.sort(out);
        double[] a = new double[out.size()];
        for (int k = 0; k < a.length; k++) a[k] = out.get(k);
        return a;
    }

    /** Whether some line has a text segment starting at {@code start} with another text segment ending left of it. */
    private static boolean besideAnother(List<TextLine> lines, double start, double size) {
        for (TextLine l : lines) {
            boolean here = false;
            boolean before = false;
            for (Segment s : l.segments()) {
                if (s.numeric()) continue;
                if (Math.abs(s.x0() - start) <= START_SPREAD * size) here = true;
                else if (s.x1() <= start - SEGMENT_GAP * size) before = true;
            }
            if (here && before) return true;
        }
        return false;
    }

    /** A column holding mostly numbers (at least three): what makes aligned text a statistical table. */
    private static boolean hasNumberColumn(List<TextLine> multi, double[] bounds) {
        int cols = bounds.length + 1;
        int[] numbers = new int[cols];
        int[] all = new int[cols];
        for (TextLine l : multi) {
            for (Segment s : l.segments()) {
                int[] span = span(bounds, s);
                if (span[0] != span[1]) continue;
                all[span[0]]++;
                if (s.numeric()) numbers[span[0]]++;
            }
        }
        for (int c = 0; c < cols; c++) if (numbers[c] >= 3 && numbers[c] * 2 >= all[c]) return true;
        // or two lines of several numbers each (a table's first rows before a page break)
        int numberLines = 0;
        long widest = 0;
        for (TextLine l : multi) {
            long n = l.segments().stream().filter(Segment::numeric).count();
            if (n >= 3) numberLines++;
            widest = Math.max(widest, n);
        }
        int numbersAll = 0;
        int linesWithNumbers = 0;
        for (TextLine l : multi) {
            long n = l.segments().stream().filter(Segment::numeric).count();
            numbersAll += (int) n;
            if (n > 0) linesWithNumbers++;
        }
        // or one line of many numbers under header lines (section 四: a single data row), or the last
        // rows of a table continued from the page before (a few numbers on two or more lines)
        return numberLines >= 2 || widest >= 5 || numbersAll >= 4 && linesWithNumbers >= 2;
    }

    /** The columns a segment overlaps by more than a sliver. */
    private static int[] span(double[] bounds, Segment s) {
        double slack = Math.min(2.0, (s.x1() - s.x0()) / 4);
        return new int[] {column(bounds, s.x0() + slack, s.x0() + slack), column(bounds, s.x1() - slack, s.x1() - slack)};
    }

    private static int column(double[] bounds, double x0, double x1) {
        double mid = (x0 + x1) / 2;
        int c = 0;
        while (c < bounds.length && mid > bounds[c]) c++;
        return c;
    }
}
