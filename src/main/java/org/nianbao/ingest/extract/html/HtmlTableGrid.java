package org.nianbao.ingest.extract.html;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

/**
 * Builds the grid of an HTML table from its rows and cells the way a browser lays it out: each cell
 * takes the next free column of its row, {@code rowspan}/{@code colspan} reserve positions below and
 * to the right, {@code rowspan="0"} runs to the end of the row group, and {@code tfoot} goes last.
 * Spans are bounded (a browser clamps colspan at 1000; we also stop rowspans at the row group's end),
 * and grid columns or rows in which no cell starts are folded away — they are invisible in a browser
 * and only appear when a page says {@code colspan="10000"} or has empty {@code <tr>}s.
 */
final class HtmlTableGrid {
    static final int MAX_SPAN = 1000;
    static final int MAX_COLUMNS = 1000;

    /**
     * @param table    the grid (normalized: every position covered by exactly one cell)
     * @param caption  the {@code <caption>} text, or ""
     * @param images   {@code img} elements met inside cells, in document order
     * @param repairs  positions the grid had to repair (overlapping spans, clipped columns)
     * @param longestCell length of the longest cell text
     * @param parts    the grid as it is written: {@code [table]}, or, when the rows differ so much in
     *                 length that no one grid could hold them without mostly filler, runs of rows of
     *                 similar length, each its own grid (the first is {@code table})
     */
    record Result(Table table, String caption, List<Element> images, int repairs, int longestCell, List<Table> parts) {
        /** Whether the table had to be written as several grids (see {@link #parts}). */
        boolean split() {
            return parts.size() > 1;
        }
    }

    private HtmlTableGrid() { }

    /** Builds the grid of a table element whose cells hold no further tables. */
    static Result build(Element tableEl) {
        List<List<Element>> groups = new ArrayList<>();
        List<List<Element>> footers = new ArrayList<>();
        String caption = "";
        List<Element> loose = null;
        for (Element child : tableEl.children()) {
            String tag = child.normalName();
            switch (tag) {
                case "tr" -> {
                    if (loose == null) { loose = new ArrayList<>(); groups.add(loose); }
                    loose.add(child);
                }
                case "thead", "tbody" -> { loose = null; groups.add(rowsOf(child)); }
                case "tfoot" -> { loose = null; footers.add(rowsOf(child)); }
                case "caption" -> { if (caption.isEmpty()) caption = cellText(child, null); }
                default -> { }
            }
        }
        groups.addAll(footers);

        List<Cell> cells = new ArrayList<>();
        List<BitSet> occupied = new ArrayList<>();
        List<Element> images = new ArrayList<>();
        int repairs = 0;
        int longest = 0;
        int width = 0;
        int row = 0;
        for (List<Element> group : groups) {
            int groupEnd = row + group.size();
            for (Element tr : group) {
                BitSet occ = rowBits(occupied, row);
                int col = 0;
                for (Element td : tr.children()) {
                    String tag = td.normalName();
                    if (!tag.equals("td") && !tag.equals("th")) continue;
                    col = occ.nextClearBit(col);
                    if (col >= MAX_COLUMNS) { repairs++; continue; }
                    int cs = span(td.attr("colspan"), 1);
                    cs = Math.min(cs, MAX_COLUMNS - col);
                    int rs = span(td.attr("rowspan"), 1);
                    if (rs == 0) rs = groupEnd - row; // rowspan="0": to the end of the row group
                    rs = Math.max(1, Math.min(rs, groupEnd - row));
                    for (int r = row; r < row + rs; r++) rowBits(occupied, r).set(col, col + cs);
                    String text = cellText(td, images::add);
                    longest = Math.max(longest, text.length());
                    cells.add(Cell.of(row, col, rs, cs, text));
                    col += cs;
                    width = Math.max(width, col);
                }
                row++;
            }
        }
        int rows = row;
        Table folded = fold(rows, width, cells);
        List<Table> grids = List.of(folded);
        if (isDegenerate(folded, cells.size())) {
            // Spans that would fill the grid with far more empty positions than real cells (hostile or
            // broken markup) are dropped: each row keeps its cells in order, so the text stays and the
            // output stays proportional to the input.
            grids = rowRuns(cells);
            repairs++;
        }
        List<Table> parts = new ArrayList<>(grids.size());
        for (Table g : grids) {
            Table.Repaired repaired = Table.normalized(g.rows(), g.cols(), g.cells());
            repairs += repaired.repairs();
            parts.add(repaired.table());
        }
        return new Result(parts.get(0), caption, images, repairs, longest, List.copyOf(parts));
    }

    /** A grid with more than 4 positions per real cell (and a sizeable one) is not a table a person drew. */
    static boolean isDegenerate(Table grid, int realCells) {
        long positions = (long) grid.rows() * grid.cols();
        return positions > 10_000 && positions > 4L * Math.max(1, realCells);
    }

    /**
     * The cells row by row, spans dropped, in runs of consecutive rows whose lengths are within a factor
     * of about 4 of each other. One grid for rows of very different lengths (a 1,000-cell row above
     * thousands of one-cell rows) would be mostly filler — filler that every writer then copies — so such
     * rows go into separate grids instead: each run holds at most about 8 positions per real cell, and
     * the output stays proportional to the input.
     */
    static List<Table> rowRuns(List<Cell> cells) {
        java.util.TreeMap<Integer, List<Cell>> byRow = new java.util.TreeMap<>();
        for (Cell c : cells) byRow.computeIfAbsent(c.row(), k -> new ArrayList<>()).add(c);
        List<Table> runs = new ArrayList<>();
        List<Cell> out = new ArrayList<>();
        int r = 0;
        int minLen = Integer.MAX_VALUE;
        int maxLen = 0;
        for (List<Cell> rowCells : byRow.values()) {
            int n = rowCells.size();
            int lo = Math.min(minLen, n);
            int hi = Math.max(maxLen, n);
            if (r > 0 && hi > 4 * lo + 4) {
                runs.add(new Table(r, maxLen, out));
                out = new ArrayList<>();
                r = 0;
                lo = n;
                hi = n;
            }
            rowCells.sort(java.util.Comparator.comparingInt(Cell::col));
            for (int k = 0; k < n; k++) out.add(Cell.of(r, k, 1, 1, rowCells.get(k).text()));
            minLen = lo;
            maxLen = hi;
            r++;
        }
        if (r > 0 || runs.isEmpty()) runs.add(new Table(r, Math.max(1, maxLen), out));
        return runs;
    }

    private static List<Element> rowsOf(Element section) {
        List<Element> rows = new ArrayList<>();
        for (Element c : section.children()) if (c.normalName().equals("tr")) rows.add(c);
        return rows;
    }

    private static BitSet rowBits(List<BitSet> occupied, int row) {
        while (occupied.size() <= row) occupied.add(new BitSet());
        return occupied.get(row);
    }

    /** HTML's rules for parsing a span: leading digits, anything else (or nothing) gives the default. */
    static int span(String attr, int dflt) {
        if (attr == null) return dflt;
        String s = attr.strip();
        int i = 0;
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && v <= MAX_SPAN) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == 0) return dflt;
        return (int) Math.min(v, MAX_SPAN);
    }

    /**
     * Removes grid columns and rows in which no cell is anchored. Every cell covering such a column also
     * covers the column before it (or the row above), so nothing is lost; spans shrink accordingly.
     */
    static Table fold(int rows, int cols, List<Cell> cells) {
        boolean[] colUsed = new boolean[cols];
        boolean[] rowUsed = new boolean[rows];
        for (Cell c : cells) {
            colUsed[c.col()] = true;
            rowUsed[c.row()] = true;
        }
        int[] colMap = new int[cols + 1];
        int nc = 0;
        for (int c = 0; c < cols; c++) {
            colMap[c] = nc;
            if (colUsed[c]) nc++;
        }
        colMap[cols] = nc;
        int[] rowMap = new int[rows + 1];
        int nr = 0;
        for (int r = 0; r < rows; r++) {
            rowMap[r] = nr;
            if (rowUsed[r]) nr++;
        }
        rowMap[rows] = nr;
        if (nc == cols && nr == rows) return new Table(rows, cols, cells);
        List<Cell> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            int r0 = rowMap[c.row()];
            int c0 = colMap[c.col()];
            int r1 = rowMap[Math.min(rows, c.row() + c.rowSpan())];
            int c1 = colMap[Math.min(cols, c.col() + c.colSpan())];
            out.add(new Cell(r0, c0, Math.max(1, r1 - r0), Math.max(1, c1 - c0), c.text(), c.box(), c.confidence(), c.alternatives()));
        }
        return new Table(nr, nc, out);
    }

    /**
     * A cell's text as one line: whitespace collapsed, {@code <br>} and block boundaries inside the cell
     * joined (with no space between CJK characters). Iterative, so deep markup cannot overflow the stack.
     */
    static String cellText(Element cell, Consumer<Element> imageSink) {
        InlineText text = new InlineText();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText(), false, false);
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br") || BlockTags.isBlock(tag)) text.join();
                    if (tag.equals("img") && imageSink != null) imageSink.accept(e);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BlockTags.isBlock(e.normalName())) text.join();
                return FilterResult.CONTINUE;
            }
        }, cell);
        return text.take();
    }
}
