package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;

/**
 * Joins a standard table that continues on the next page (or was cut into two tables by the source):
 * two table blocks with nothing but page furniture between them are stitched when the standard table
 * recognised in the pair explains clearly more than either part alone. Header rows the continuation
 * repeats are dropped, and a row-spanning label cut by the break is extended over the continued rows.
 */
public final class TableStitcher {
    /** Paragraphs this short between two table parts are page furniture (page numbers, running heads). */
    static final int FURNITURE_CHARS = 30;
    static final int MIN_GAIN = 5;
    /** Share of a part's filled cells the pair's template must explain on top of the first part alone. */
    static final double SMALL_PART_EXPLAINED = 0.75;
    static final int MAX_TABLES = 500;
    private static final java.util.Set<String> PART_ONLY = java.util.Set.of("table-rows-missing", "table-cells-missing");

    private TableStitcher() { }

    private record Ref(int page, int index) { }

    public static List<Page> stitch(List<Page> pages) {
        List<List<Block>> blocks = new ArrayList<>();
        for (Page p : pages) blocks.add(new ArrayList<>(p.blocks()));
        List<Ref> order = new ArrayList<>();
        for (int p = 0; p < blocks.size(); p++) for (int i = 0; i < blocks.get(p).size(); i++) order.add(new Ref(p, i));
        boolean changed = false;
        int tables = 0;
        for (int a = 0; a < order.size(); a++) {
            Ref ra = order.get(a);
            if (!(blocks.get(ra.page()).get(ra.index()) instanceof TableBlock)) continue;
            if (++tables > MAX_TABLES) break;
            while (true) {
                TableBlock ta = (TableBlock) blocks.get(ra.page()).get(ra.index());
                // the table's last row(s) read as text right below it (a one-row part on the next page)
                TableBlock withRows = stitchRows(blocks, order, a, ta);
                if (withRows != null) {
                    blocks.get(ra.page()).set(ra.index(), withRows);
                    changed = true;
                    continue;
                }
                int b = nextTable(blocks, order, a);
                if (b < 0) break;
                Ref rb = order.get(b);
                TableBlock tb = (TableBlock) blocks.get(rb.page()).get(rb.index());
                TableBlock joined = tryStitch(ta, tb, rb.page() + 1);
                if (joined == null) break;
                blocks.get(ra.page()).set(ra.index(), joined);
                blocks.get(rb.page()).set(rb.index(), null); // removed below; keeps indexes stable meanwhile
                order.remove(b);
                changed = true;
            }
        }
        if (!changed) return pages;
        List<Page> out = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            List<Block> kept = new ArrayList<>();
            for (Block bl : blocks.get(p)) if (bl != null) kept.add(bl);
            out.add(pages.get(p).withBlocks(kept));
        }
        return out;
    }

    /** A part read from text lines holds at most this many rows: more is a table a finder should have seen. */
    static final int MAX_TEXT_ROWS = 6;
    /** Share of a text part's labels and figures the joined table's template must explain. */
    static final double TEXT_PART_EXPLAINED = 0.75;

    /**
     * Table {@code ta} at position {@code a} joined with the lines of text right after it (only page
     * furniture between) that read as its missing last rows, or null. The joined blocks are removed from
     * {@code blocks} and {@code order}; when the rows do not stitch, nothing changes and they stay text.
     */
    private static TableBlock stitchRows(List<List<Block>> blocks, List<Ref> order, int a, TableBlock ta) {
        List<Integer> taken = new ArrayList<>();
        List<TextRows.Row> rows = new ArrayList<>();
        // blocks of label lines only (a caption, a header row) belong to the part only when rows of
        // figures follow them; a heading after the rows stays where it is
        int takenWithRows = 0;
        int rowsWithFigures = 0;
        for (int k = a + 1; k < order.size(); k++) {
            Ref r = order.get(k);
            Block bl = blocks.get(r.page()).get(r.index());
            if (bl == null) continue;
            if (bl instanceof TableBlock) break;
            // a cell of the row the page reading set apart as a block of its own (set a little higher than
            // the label, read before it or after it): put back into the line it is level with
            List<Integer> levelWith = new ArrayList<>();
            if (bl instanceof ParagraphBlock p && !TextRows.looseFigures(bl)) {
                List<Integer> near = new ArrayList<>();
                for (int j = k - 1; j > a && near.size() < 2; j--) {
                    Ref o = order.get(j);
                    if (taken.contains(j) || o.page() != r.page()) break;
                    Block ob = blocks.get(o.page()).get(o.index());
                    if (ob == null) continue;
                    if (!TextRows.looseFigures(ob)) break;
                    near.add(j);
                }
                if (k + 1 < order.size() && order.get(k + 1).page() == r.page()) {
                    Block nb = blocks.get(order.get(k + 1).page()).get(order.get(k + 1).index());
                    if (nb != null && TextRows.looseFigures(nb)) near.add(k + 1);
                }
                List<ParagraphBlock> loose = new ArrayList<>();
                for (int j : near) loose.add((ParagraphBlock) blocks.get(order.get(j).page()).get(order.get(j).index()));
                boolean[] used = new boolean[loose.size()];
                ParagraphBlock merged = TextRows.withLevelFigures(p, loose, used);
                if (merged != p) {
                    for (int i = 0; i < used.length; i++) if (used[i]) levelWith.add(near.get(i));
                    bl = merged;
                }
            }
            List<TextRows.Row> read = TextRows.rows(bl);
            if (read != null && rows.size() + read.size() <= MAX_TEXT_ROWS) {
                boolean endsWithFigures = !read.get(read.size() - 1).labelsOnly();
                boolean anyFigures = read.stream().anyMatch(x -> !x.labelsOnly());
                if (anyFigures && !endsWithFigures) break;
                taken.add(k);
                taken.addAll(levelWith);
                if (levelWith.contains(k + 1)) k++;
                rows.addAll(read);
                if (endsWithFigures) {
                    takenWithRows = taken.size();
                    rowsWithFigures = rows.size();
                }
                continue;
            }
            if (rows.isEmpty() && bl instanceof ParagraphBlock p && p.text().strip().length() <= FURNITURE_CHARS
                    && ReportSections.sectionOf(p.text()) == 0) continue;
            break;
        }
        taken = taken.subList(0, takenWithRows);
        rows = rows.subList(0, rowsWithFigures);
        if (rows.isEmpty()) return null;
        taken = new ArrayList<>(taken);
        java.util.Collections.sort(taken);
        Ref first = order.get(taken.get(0));
        Block firstBlock = blocks.get(first.page()).get(first.index());
        TableBlock part = textPart(ta, rows, firstBlock);
        if (part == null) return null;
        TableBlock joined = tryStitch(ta, part, first.page() + 1, TEXT_PART_EXPLAINED);
        if (joined == null) return null;
        for (int i = taken.size() - 1; i >= 0; i--) {
            Ref r = order.get(taken.get(i));
            blocks.get(r.page()).set(r.index(), null);
            order.remove((int) taken.get(i));
        }
        return joined;
    }

    /** Rows read from text as a table part on the columns of {@code above}, or null when they do not fit them. */
    static TableBlock textPart(TableBlock above, List<TextRows.Row> rows, Block source) {
        Alignment ra = GridStreams.recognize(above.table());
        Table t = TextRows.part(above.table(), rows, ra == null ? null : ra.template());
        if (t == null) return null;
        int page = source.provenance() == null ? 0 : source.provenance().page();
        List<Warning> ws = List.of(new Warning("table-rows-from-text", rows.size()
                + " line(s) printed apart from the table, read as text, were laid out as its rows", page));
        return new TableBlock(t, above.origin(), above.confidence(), null, source.provenance(), ws);
    }

    /** The next table block after position {@code a} with only furniture between, or -1. */
    private static int nextTable(List<List<Block>> blocks, List<Ref> order, int a) {
        for (int k = a + 1; k < order.size(); k++) {
            Ref r = order.get(k);
            Block bl = blocks.get(r.page()).get(r.index());
            if (bl == null) continue;
            if (bl instanceof TableBlock) return k;
            if (bl instanceof HeadingBlock) return -1;
            if (bl instanceof ParagraphBlock p && p.text().strip().length() <= FURNITURE_CHARS
                    && ReportSections.sectionOf(p.text()) == 0) continue;
            return -1;
        }
        return -1;
    }

    /** The stitched block, or null when the two parts are not one standard table. */
    static TableBlock tryStitch(TableBlock a, TableBlock b, int pageOfB) {
        return tryStitch(a, b, pageOfB, 0);
    }

    /**
     * The stitched block, or null. {@code explained} &gt; 0 for a part read from text: the pair must then
     * explain that share of the part's labels and figures on top of what the table explained alone (a
     * line or two of text is not enough for the usual gain, but every word of it must belong).
     */
    static TableBlock tryStitch(TableBlock a, TableBlock b, int pageOfB, double explained) {
        Alignment ra = GridStreams.recognize(a.table());
        Alignment rb = GridStreams.recognize(b.table());
        // A is complete by itself, unless B opens with a data row: then B is A's last row(s) pushed over the
        // page break (a new table opens with its header); the gain check below still decides
        if (ra != null && ra.reachesEnd() && ra.coverage() > 0.9 && !(b.table().rows() > 0 && hasNumber(b.table().textGrid()[0]))) return null;
        Joined j = join(a.table(), b.table());
        Alignment rab = GridStreams.recognize(j.table());
        if (rab == null) return null;
        String id = rab.template().id();
        // a part alone may not tell 2019 from 2021 (the top of section 三 is the same in both): compare sections
        String section = rab.template().section();
        if (ra != null && !ra.template().section().equals(section) || rb != null && !rb.template().section().equals(section)) return null;
        int na = ra == null ? 0 : ra.matchedLabels() + ra.matchedValues();
        int nb = rb == null ? 0 : rb.matchedLabels() + rb.matchedValues();
        int nab = rab.matchedLabels() + rab.matchedValues();
        // the pair must explain clearly more than the larger part: the smaller part really continues it
        // (parts repeat header rows, so the sum of the parts over-counts; compare with a share of the smaller)
        // a small last part (a table's last heading row and figure row on the next page) cannot add
        // MIN_GAIN cells: it continues the table when the template explains nearly all of it beyond what
        // the first part explained
        boolean gain = nab >= Math.max(na, nb) + Math.max(MIN_GAIN, 0.3 * Math.min(na, nb));
        boolean smallPart = nab - na >= Math.max(2, (explained > 0 ? explained : SMALL_PART_EXPLAINED) * filled(b.table()));
        if (explained > 0 ? !smallPart : !gain && !smallPart) return null;
        // what each part lacked on its own is no longer true of the whole; the standard table's deviations
        // say what the stitched table still lacks
        List<Warning> ws = new ArrayList<>();
        for (Warning w : a.warnings()) if (!PART_ONLY.contains(w.code())) ws.add(w);
        for (Warning w : b.warnings()) if (!PART_ONLY.contains(w.code())) ws.add(w);
        ws.add(Warning.of("table-stitched", "table continued in a second part (page " + pageOfB + ") joined as one "
                + id + " table" + (j.droppedHeaderRows() > 0 ? "; " + j.droppedHeaderRows() + " repeated header row(s) dropped" : "")));
        // a part laid out alone was less certain than the whole the template now explains
        double confidence = Math.max(Math.min(a.confidence(), b.confidence()),
                Math.round(95 * Math.min(1, 0.5 + 0.5 * rab.coverage() * rab.purity())) / 100.0);
        // columns found by alignment alone stay flagged as uncertain, however well the template fits
        if (StandardTableStage.ALIGNED_COLUMNS.equals(a.origin()) || StandardTableStage.ALIGNED_COLUMNS.equals(b.origin())) {
            confidence = Math.min(confidence, Math.max(a.confidence(), b.confidence()));
        }
        return new TableBlock(j.table(), a.origin(), confidence, null, a.provenance(), ws);
    }

    record Joined(Table table, int droppedHeaderRows) { }

    /** B's rows below A's: repeated header rows dropped, row-spanning labels carried over the break. */
    static Joined join(Table a, Table b) {
        // parts ruled with different columns (a page ending on a row whose label spans the label columns)
        // are first put on one column grid by where their columns lie
        Table wideA = PartColumns.onto(a, b);
        Table wideB = wideA == null ? PartColumns.onto(b, a) : null;
        if (wideA != null) a = wideA;
        if (wideB != null) b = wideB;
        String[][] ga = a.textGrid();
        String[][] gb = b.textGrid();
        List<String> headerKeys = new ArrayList<>();
        for (int r = 0; r < a.rows() && !hasNumber(ga[r]); r++) headerKeys.add(rowKey(ga[r]));
        int drop = 0;
        while (drop < b.rows() && !hasNumber(gb[drop]) && headerKeys.contains(rowKey(gb[drop]))) drop++;
        int cols = Math.max(a.cols(), b.cols());
        int rows = a.rows() + b.rows() - drop;
        List<Cell> cells = new ArrayList<>(a.cells());
        List<Cell> lower = new ArrayList<>();
        for (Cell c : b.cells()) {
            int top = Math.max(c.row(), drop);
            int bottom = c.row() + c.rowSpan();
            if (bottom <= top) continue;
            lower.add(new Cell(top - drop + a.rows(), c.col(), bottom - top, c.colSpan(), c.text(), c.box(), c.confidence(), c.alternatives()));
        }
        // carry a row-spanning label (三、本年度办理结果, （三）不予公开) over the break: B's leading empty cells
        // in a column where A's last row is covered by a label
        for (int col = 0; col < cols && a.rows() > 0; col++) {
            Cell above = a.cellAt(a.rows() - 1, col);
            if (above == null || above.text().isBlank() || NumberCell.isNumber(above.text()) || above.col() != col
                    || above.row() + above.rowSpan() != a.rows()) continue;
            // the continuation has empty cells there: one per row, or one empty merged cell
            int extend = 0;
            int r = a.rows();
            while (r < rows) {
                Cell below = at(lower, r, col);
                if (below == null || !below.text().isBlank() || below.colSpan() != above.colSpan() || !hasTextRightOf(lower, r, col)) break;
                extend += below.rowSpan();
                r += below.rowSpan();
            }
            if (extend == 0) continue;
            final int from = a.rows();
            final int to = a.rows() + extend;
            final int c0 = col;
            lower.removeIf(x -> x.col() == c0 && x.row() >= from && x.row() < to && x.text().isBlank());
            cells.remove(above);
            cells.add(new Cell(above.row(), above.col(), above.rowSpan() + extend, above.colSpan(), above.text(), above.box(), above.confidence(), above.alternatives()));
        }
        // the other way round (ruled PDFs): a merged label cell cut by the page break prints its text in the
        // part holding its middle, so A ends with an empty stub of it and B starts with the labelled rest
        for (int col = 0; col < cols && a.rows() > 0; col++) {
            Cell stub = at(cells, -1, col, a.rows());
            Cell rest = at(lower, a.rows(), col);
            if (stub == null || rest == null || !stub.text().isBlank() || rest.text().isBlank()
                    || NumberCell.isNumber(rest.text()) || stub.colSpan() != rest.colSpan()
                    || stub.rowSpan() + rest.rowSpan() < 3 || !hasTextRightOf(lower, a.rows(), col)) continue;
            cells.remove(stub);
            lower.remove(rest);
            lower.add(new Cell(stub.row(), col, stub.rowSpan() + rest.rowSpan(), rest.colSpan(), rest.text(), rest.box(), rest.confidence(), rest.alternatives()));
        }
        cells.addAll(lower);
        return new Joined(Table.normalized(rows, cols, cells).table(), drop);
    }

    /** The cell anchored in column {@code c} whose rows end at {@code end} (exclusive). */
    private static Cell at(List<Cell> cells, int unused, int c, int end) {
        for (Cell x : cells) if (x.col() == c && x.row() + x.rowSpan() == end) return x;
        return null;
    }

    private static Cell at(List<Cell> cells, int r, int c) {
        for (Cell x : cells) if (x.row() == r && x.col() == c) return x;
        return null;
    }

    private static boolean hasTextRightOf(List<Cell> cells, int r, int c) {
        for (Cell x : cells) if (x.row() == r && x.col() > c && !x.text().isBlank()) return true;
        return false;
    }

    /** Cells with text: the labels and figures a part holds. */
    private static int filled(Table t) {
        int n = 0;
        for (Cell c : t.cells()) if (!c.text().isBlank()) n++;
        return n;
    }

    private static boolean hasNumber(String[] row) {
        for (String s : row) if (NumberCell.isNumber(s)) return true;
        return false;
    }

    private static String rowKey(String[] row) {
        StringBuilder b = new StringBuilder();
        for (String s : row) b.append(LabelKey.key(s)).append('|');
        return b.toString();
    }
}
