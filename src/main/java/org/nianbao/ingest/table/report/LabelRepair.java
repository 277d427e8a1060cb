package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;

/**
 * Restores the printed text of standard-table labels that OCR read a character or two off
 * ({@code （三）不巴公开} for {@code （三）不予公开}, {@code 茜止} for {@code 禁止}). The alignment already
 * keys the row's numbers by the template, but a parser of the {@code .txt} finds a row by its label,
 * so a misread label costs the whole row. A label is restored only when all of these hold:
 * <ul>
 *   <li>the cell was read by OCR (exact sources — HTML, text captures, born-digital PDFs — print what
 *       they print: a label that differs there is a real variant, reported as a deviation, never changed);</li>
 *   <li>it differs from the template label (or one of its aliases) by at most {@link #allowedEdits} characters:
 *       one for short labels, a few for long ones (a group label standing in its own merged cell over
 *       exactly its items' rows, up to half its characters: its place names it);</li>
 *   <li>every other label of the template is clearly further from what was read (two edits more; one
 *       more when the cell also stands exactly where the template has that label);</li>
 *   <li>the alignment found it in reading order between its neighbours (not a label rescued out of order).</li>
 * </ul>
 * Every restored label is reported (which text was read, which template label it was taken for).
 *
 * <p>Exact sources have one repair of their own: characters their decoding lost (U+FFFD, as when UTF-8
 * was read as GBK) are filled from the one template label that fits around them, also reported.
 */
final class LabelRepair {
    private LabelRepair() { }

    /**
     * One label restored.
     *
     * @param cell  index of the template cell
     * @param row   grid row of the cell
     * @param col   grid column of the cell
     * @param read  the text as OCR read it
     * @param label the template text put in its place
     * @param edits characters that differ (on the comparison keys)
     */
    record Fix(int cell, int row, int col, String read, String label, int edits, boolean lostCharacters, boolean joinedPieces) {
        Fix(int cell, int row, int col, String read, String label, int edits) {
            this(cell, row, col, read, label, edits, false, false);
        }

        Fix(int cell, int row, int col, String read, String label, int edits, boolean lostCharacters) {
            this(cell, row, col, read, label, edits, lostCharacters, false);
        }

        String describe() {
            if (joinedPieces) {
                return "group cell cut by a page break, its pieces read as '" + read + "', joined as one '" + label
                        + "' cell (r" + row + "c" + col + ", OCR; restored in the grid)";
            }
            if (lostCharacters) {
                return "label '" + read + "' with " + edits + (edits == 1 ? " character" : " characters")
                        + " lost in decoding (U+FFFD) taken for '" + label + "' (r" + row + "c" + col + "; restored in the grid)";
            }
            return "label read as '" + read + "' taken for '" + label + "' (r" + row + "c" + col + ", OCR, " + edits
                    + (edits == 1 ? " character differs" : " characters differ") + "; restored in the grid)";
        }
    }

    record Result(Table grid, List<Fix> fixes) {
        Set<Integer> cells() {
            Set<Integer> out = new java.util.HashSet<>();
            for (Fix f : fixes) out.add(f.cell());
            return out;
        }
    }

    /**
     * A group cell spanning at least this many rows, in its place with exactly its span, is restored from a
     * reading of a third of its length or less: only the result block's tall cell (三、本年度办理结果) spans so many
     * (（三）不予公开 spans 8).
     */
    static final int TALL_GROUP_ROWS = 10;

    /** Labels longer than this are not compared character by character (bounds the work per cell). */
    static final int MAX_KEY = 60;

    /** Characters a label of {@code length} key characters may differ by: 1 up to 5, 2 up to 11, 3 up to 19, then 4. */
    static int allowedEdits(int length) {
        return length <= 5 ? 1 : length <= 11 ? 2 : length <= 19 ? 3 : 4;
    }

    static Result repair(Alignment a, Table grid, String origin) {
        if (grid == null) return new Result(grid, List.of());
        StandardTemplate t = a.template();
        List<TemplateCell> tc = t.cells();
        boolean sameShape = grid.rows() == t.rows() && grid.cols() == t.cols();
        List<Fix> fixes = new ArrayList<>();
        // a group cell cut by a page break comes as stacked cells, one per page, that together span its rows:
        // made one again (its label), so a parser finds the rows of the part that read as junk
        if (sameShape) grid = joinCutGroups(t, grid, origin, fixes);
        Map<String, Cell> byPosition = new HashMap<>();
        for (Cell c : grid.cells()) byPosition.put(c.row() + "," + c.col(), c);
        Map<Cell, String> newText = new HashMap<>();
        for (int k = 0; sameShape && k < tc.size(); k++) {
            // the tall group cell (三、本年度办理结果 over every result row, often set vertically) read as a
            // character or two of junk (全), too little for the alignment to match: standing in its place with
            // exactly its span, no other label could be there
            TemplateCell c = tc.get(k);
            if (c.value() || c.rowSpan() < TALL_GROUP_ROWS) continue;
            Cell cell = byPosition.get(c.row() + "," + c.col());
            if (cell == null || cell.rowSpan() != c.rowSpan() || cell.colSpan() != c.colSpan() || !readByOcr(cell, origin)) continue;
            String labelKey = LabelKey.key(c.label());
            String key = LabelKey.key(cell.text());
            if (key.equals(labelKey) || key.length() * 3 > labelKey.length()) continue;
            newText.put(cell, c.label());
            fixes.add(new Fix(k, cell.row(), cell.col(), cell.text(), c.label(), editDistance(key, labelKey, labelKey.length())));
        }
        for (int k = 0; k < tc.size(); k++) {
            TemplateCell c = tc.get(k);
            if (c.value() || a.first()[k] < 0 || a.count()[k] != 1) continue;
            ObservedCell o = a.stream().get(a.first()[k]);
            Cell cell = byPosition.get(o.row() + "," + o.col());
            if (cell == null || !cell.text().equals(o.text()) || newText.containsKey(cell)) continue;
            if (!inOrder(a, k)) continue;
            if (!readByOcr(cell, origin)) {
                // an exact source keeps its labels, except characters its decoding lost (U+FFFD): only those
                // are taken from the template, when exactly one label fits around them
                String label = lostOnly(t, k, o.text());
                if (label != null) {
                    int lost = (int) o.text().codePoints().filter(cp -> cp == LOST).count();
                    newText.put(cell, label);
                    fixes.add(new Fix(k, cell.row(), cell.col(), o.text(), label, lost, true));
                }
                continue;
            }
            String key = LabelKey.key(o.text());
            boolean placed = sameShape && o.row() == c.row() && o.col() == c.col();
            // a group label (（四）无法提供 over its items) standing in its own merged cell, spanning exactly its
            // items' rows, is named by its place as much as by its text: more of it may be misread
            boolean groupInPlace = placed && c.rowSpan() > 1 && cell.rowSpan() == c.rowSpan() && cell.colSpan() == c.colSpan();
            if (key.length() < 2 || key.length() > MAX_KEY) continue;
            String[] keys = TemplateMatcher.labelKeys(t, k);
            int best = Integer.MAX_VALUE;
            int form = -1;
            for (int f = 0; f < keys.length; f++) {
                if (keys[f].equals(key)) {
                    best = 0;
                    break;
                }
                int d = editDistance(key, keys[f], keys[f].length());
                if (d < best) {
                    best = d;
                    form = f;
                }
            }
            if (best == 0 || form < 0) continue;
            // a label standing exactly where the template has it may be misread by one character more (a
            // bracket read as two letters: （一上了予以公开), still less than half of it, and clearly nearer
            // to it than to any other label
            int allowed = groupInPlace ? Math.max(allowedEdits(keys[form].length()), keys[form].length() / 2 + 1)
                    : allowedEdits(keys[form].length()) + (placed ? 1 : 0);
            best = editDistance(key, keys[form], allowed);
            if (best > allowed || !groupInPlace && 2 * best >= keys[form].length()) continue;
            int margin = placed ? 1 : 2;
            if (nearestOther(t, k, keys, key, best + margin) < best + margin) continue;
            String label = form == 0 ? c.label() : c.aliases().get(form - 1);
            newText.put(cell, label);
            fixes.add(new Fix(k, cell.row(), cell.col(), o.text(), label, best));
        }
        if (fixes.isEmpty()) return new Result(grid, List.of());
        if (newText.isEmpty()) return new Result(grid, List.copyOf(fixes));
        List<Cell> cells = new ArrayList<>(grid.cells().size());
        for (Cell c : grid.cells()) cells.add(newText.containsKey(c) ? c.withText(newText.get(c)) : c);
        return new Result(new Table(grid.rows(), grid.cols(), cells), List.copyOf(fixes));
    }

    /**
     * Group cells (a label over several rows: 三、本年度办理结果, （五）不予处理) that a page break cut in two: the
     * rows of the group are covered, in its column and with its column span, by two or more stacked cells
     * that tile exactly its rows (the table's parts were stitched, each part ruled its own piece of the
     * cell). When every piece was read by OCR and each is blank, the label (at most {@link #allowedEdits}
     * off, and clearly nearer to it than to any other label), or junk too short to be any label (half
     * of the label's length or less, two edits or more from every other label: 宪, 馈志生 for 三、本年度办理结果),
     * and at least one piece is the label — or the group is the tall result group, which its place and span
     * name alone — the pieces become one cell with the template's label (also when each piece printed it:
     * the template's cell is one, as the stitcher makes it of a piece and a blank rest). Before this, the rows beside a junk piece were lost to a parser
     * (their outer label read 宪), and the table's structure had a cell too many.
     */
    static Table joinCutGroups(StandardTemplate t, Table grid, String origin, List<Fix> fixes) {
        List<TemplateCell> tc = t.cells();
        Map<Cell, Cell> replaced = new HashMap<>();
        for (int k = 0; k < tc.size(); k++) {
            TemplateCell c = tc.get(k);
            if (c.value() || c.rowSpan() < 2) continue;
            List<Cell> pieces = stackedPieces(grid, c);
            if (pieces == null) continue;
            String[] keys = TemplateMatcher.labelKeys(t, k);
            String labelKey = keys[0];
            int labelPieces = 0;
            int edits = 0;
            boolean ok = true;
            Cell anchor = null;
            for (Cell p : pieces) {
                String key = LabelKey.key(p.text());
                if (key.isEmpty()) continue;
                if (!readByOcr(p, origin) || key.length() > MAX_KEY) {
                    ok = false;
                    break;
                }
                int d = labelDistance(key, keys);
                if (d <= allowedEdits(labelKey.length()) && 2 * d < labelKey.length()
                        && (d == 0 || nearestOther(t, k, keys, key, d + 2) >= d + 2)) {
                    labelPieces++;
                    edits += d;
                    if (anchor == null) anchor = p;
                } else if (key.length() * 2 <= labelKey.length() && nearestOther(t, k, keys, key, 2) >= 2) {
                    edits += labelDistance(key, keys);
                } else {
                    ok = false;
                    break;
                }
            }
            if (!ok || labelPieces == 0 && c.rowSpan() < TALL_GROUP_ROWS) continue;
            Cell first = pieces.get(0);
            Cell boxFrom = anchor == null ? first : anchor;
            double confidence = 100;
            List<String> read = new ArrayList<>();
            for (Cell p : pieces) {
                confidence = Math.min(confidence, p.confidence());
                read.add(p.text().isBlank() ? "(blank)" : p.text());
            }
            Cell whole = new Cell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.label(), boxFrom.box(), confidence, List.of());
            for (Cell p : pieces) replaced.put(p, p == first ? whole : null);
            fixes.add(new Fix(k, c.row(), c.col(), String.join(" / ", read), c.label(), edits, false, true));
        }
        if (replaced.isEmpty()) return grid;
        List<Cell> cells = new ArrayList<>(grid.cells().size());
        for (Cell x : grid.cells()) {
            if (!replaced.containsKey(x)) cells.add(x);
            else if (replaced.get(x) != null) cells.add(replaced.get(x));
        }
        return new Table(grid.rows(), grid.cols(), cells);
    }

    /**
     * The cells in the template cell's column, with its column span, that tile exactly its rows, top to
     * bottom, when there are two or more of them; else null.
     */
    private static List<Cell> stackedPieces(Table grid, TemplateCell c) {
        List<Cell> pieces = new ArrayList<>();
        for (Cell x : grid.cells()) {
            if (x.col() != c.col() || x.row() < c.row() || x.row() >= c.row() + c.rowSpan()) continue;
            if (x.colSpan() != c.colSpan()) return null;
            pieces.add(x);
        }
        if (pieces.size() < 2) return null;
        pieces.sort(java.util.Comparator.comparingInt(Cell::row));
        int next = c.row();
        for (Cell x : pieces) {
            if (x.row() != next) return null;
            next += x.rowSpan();
        }
        return next == c.row() + c.rowSpan() ? pieces : null;
    }

    /** The fewest edits from {@code key} to the label or one of its aliases. */
    private static int labelDistance(String key, String[] keys) {
        int best = Integer.MAX_VALUE;
        for (String k : keys) best = Math.min(best, editDistance(key, k, Math.max(key.length(), k.length())));
        return best;
    }

    /** The replacement character a decoder puts where bytes made no character. */
    static final int LOST = 0xFFFD;

    /**
     * The label of template cell {@code k} (or an alias) that {@code text} is, but for characters lost in
     * decoding: as long, equal wherever {@code text} has no U+FFFD, and no other template label fits the
     * same way. Null when the text has no U+FFFD, nothing fits, or more than one label does.
     */
    static String lostOnly(StandardTemplate t, int k, String text) {
        if (text.indexOf(LOST) < 0 || text.length() > MAX_KEY) return null;
        String found = null;
        for (String label : forms(t.cells().get(k))) if (fitsAround(text, label)) found = label;
        if (found == null) return null;
        for (int i = 0; i < t.cells().size(); i++) {
            if (i == k || t.cells().get(i).value()) continue;
            for (String other : forms(t.cells().get(i))) if (!other.equals(found) && fitsAround(text, other)) return null;
        }
        return found;
    }

    private static List<String> forms(TemplateCell c) {
        List<String> out = new ArrayList<>();
        out.add(c.label());
        out.addAll(c.aliases());
        return out;
    }

    /** Same length in code points, the same character wherever {@code text} has no U+FFFD, and some real character. */
    static boolean fitsAround(String text, String label) {
        int[] a = text.codePoints().toArray();
        int[] b = label.codePoints().toArray();
        if (a.length != b.length) return false;
        int kept = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == LOST) continue;
            if (a[i] != b[i]) return false;
            kept++;
        }
        return kept * 2 >= a.length;
    }

    /** The same rule as the identity corrector's: a cell read by OCR (or one that carries OCR's confidence or alternatives). */
    static boolean readByOcr(Cell cell, String origin) {
        return IdentityCorrector.OCR_ORIGIN.equals(origin) || !cell.alternatives().isEmpty() || cell.confidence() < 100;
    }

    /** The label's observed cell lies between the observed cells of the nearest matched labels before and after it. */
    private static boolean inOrder(Alignment a, int k) {
        List<TemplateCell> tc = a.template().cells();
        int at = a.first()[k];
        for (int i = k - 1; i >= 0; i--) {
            if (a.first()[i] >= 0) {
                if (a.first()[i] >= at) return false;
                break;
            }
        }
        for (int i = k + 1; i < tc.size(); i++) {
            if (a.first()[i] >= 0) {
                if (a.first()[i] <= at) return false;
                break;
            }
        }
        return true;
    }

    /**
     * The fewest edits from {@code key} to a label of another template cell whose text is not one of
     * {@code own} (the same words repeated, such as section 四's result headers, are no rival), capped at {@code cap}.
     */
    private static int nearestOther(StandardTemplate t, int k, String[] own, String key, int cap) {
        Set<String> ownKeys = Set.of(own);
        int best = cap;
        for (int i = 0; i < t.cells().size(); i++) {
            if (i == k || t.cells().get(i).value()) continue;
            for (String other : TemplateMatcher.labelKeys(t, i)) {
                if (ownKeys.contains(other) || other.isEmpty()) continue;
                best = Math.min(best, editDistance(key, other, best));
                if (best == 0) return 0;
            }
        }
        return best;
    }

    /** Levenshtein distance of two short strings, or {@code cap + 1} once it is certain to exceed {@code cap}. */
    static int editDistance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) > cap) return cap + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > cap) return cap + 1;
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return Math.min(prev[b.length()], cap + 1);
    }
}
