package org.nianbao.ingest.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.util.Headings;

/**
 * Groups positioned lines (from OCR or a PDF text layer) into headings and paragraphs, the way a
 * reader sees them on the page. A new paragraph starts at a first-line indent, after a line that
 * stops short of the right margin, after a larger vertical gap, at a change of type size, and around
 * headings ({@link Headings}) and table rows (lines with column gaps), which stand alone so the table
 * rebuilding sees one row per line. Lines of a paragraph are joined without a space where either side
 * is Chinese.
 */
public final class LineParagraphs {
    /** A gap between words wider than this many line heights separates table columns. */
    static final double COLUMN_GAP = 1.2;

    /** A heading's second line starts within this many type sizes of its first (official leading is 1.8). */
    static final double MAX_HEADING_LEADING = 3.0;

    private LineParagraphs() { }

    /** A block and the top of its first line on the page, for merging blocks from several sources in reading order. */
    public record Placed(Block block, double top) { }

    /** Blocks in reading order; {@code provenance} is given to every block. */
    public static List<Block> blocks(List<Line> lines, Provenance provenance) {
        List<Block> out = new ArrayList<>();
        for (Placed p : placed(lines, provenance)) out.add(p.block());
        return out;
    }

    /** Blocks in reading order with their positions. */
    public static List<Placed> placed(List<Line> lines, Provenance provenance) {
        return placed(lines, provenance, java.util.function.UnaryOperator.identity());
    }

    /**
     * Groups {@code lines} as read (upright) and gives each block its lines through {@code toPage}
     * (back onto the page as given: a page read turned or straightened keeps its own coordinates).
     */
    public static List<Placed> placed(List<Line> lines, Provenance provenance, java.util.function.UnaryOperator<Line> toPage) {
        List<Placed> out = new ArrayList<>();
        if (lines.isEmpty()) return out;
        double left = mode(lines.stream().mapToDouble(l -> l.box().x()).toArray(), medianHeight(lines) * 0.5);
        // lines of a paragraph run to the right margin: the right edge most long lines reach
        double right = percentile(lines.stream().mapToDouble(l -> l.box().right()).toArray(), 0.9);
        double pitch = medianPitch(lines);
        List<Line> current = new ArrayList<>();
        Line prev = null;
        for (Line line : lines) {
            if (line.text().isBlank()) continue;
            if (prev != null && breaksBefore(prev, line, left, right, pitch)) {
                flush(current, provenance, toPage, out);
                current = new ArrayList<>();
            }
            current.add(line);
            prev = line;
        }
        flush(current, provenance, toPage, out);
        return out;
    }

    private static boolean breaksBefore(Line prev, Line line, double left, double right, double pitch) {
        double hPrev = size(prev);
        double hLine = size(line);
        double h = Math.max(1, Math.max(hPrev, hLine));
        if (isRow(prev) || isRow(line)) return true;
        boolean prevFull = prev.box().right() >= right - h * 1.5;
        if (Headings.level(line.text()) > 0) return true;
        double gap = line.box().y() - prev.box().y();
        if (Headings.level(prev.text()) > 0) {
            // a heading too long for one line goes on with a short line of its own, nothing else; and only
            // on the next line: a table read apart from the text lies between a heading and the page
            // number at the foot (三、…情况一2一), and the page's few other lines make the pitch no guide
            return gap < 0 || gap > h * MAX_HEADING_LEADING
                    || !(prevFull && line.box().right() < right - h * 2.5 && !endsSentence(prev.text()));
        }
        if (gap < 0 || pitch > 0 && gap > pitch * 1.45) return true;
        double sizeRatio = hLine / Math.max(1, hPrev);
        if (sizeRatio > 1.4 || sizeRatio < 0.71) return true;
        if (line.box().x() > left + h * 1.2) return true;              // first-line indent
        if (!prevFull && prev.box().right() < right - h * 2.5) return true; // previous line stopped short
        return false;
    }

    /**
     * The type size of a line: the smaller of its box height and its words' median height. OCR boxes
     * overshoot both ways (a line box is stretched by quotes and commas; the fast models' word boxes
     * are sometimes far taller than the characters), rarely both on the same line.
     */
    static double size(Line l) {
        if (l.words().isEmpty()) return l.box().height();
        double[] hs = new double[l.words().size()];
        for (int i = 0; i < hs.length; i++) hs[i] = l.words().get(i).box().height();
        return Math.min(l.box().height(), percentile(hs, 0.5));
    }

    private static boolean endsSentence(String s) {
        String t = s.strip();
        if (t.isEmpty()) return false;
        char c = t.charAt(t.length() - 1);
        return c == '。' || c == '；' || c == '：' || c == '!' || c == '！' || c == '?' || c == '？';
    }

    /** A line with a column gap: a table row or a tab-aligned entry. */
    public static boolean isRow(Line line) {
        List<Word> w = line.words();
        double h = Math.max(1, line.box().height());
        for (int i = 1; i < w.size(); i++) {
            if (w.get(i).box().x() - w.get(i - 1).box().right() > COLUMN_GAP * h) return true;
        }
        return false;
    }

    private static void flush(List<Line> lines, Provenance p, java.util.function.UnaryOperator<Line> toPage, List<Placed> out) {
        if (lines.isEmpty()) return;
        String text = join(lines);
        int level = lines.size() <= 2 ? Headings.level(text) : 0;
        List<Line> onPage = new ArrayList<>(lines.size());
        for (Line l : lines) onPage.add(toPage.apply(l));
        double top = onPage.get(0).box().y();
        if (level > 0) out.add(new Placed(new HeadingBlock(text, level, p, List.of(), onPage), top));
        else out.add(new Placed(new ParagraphBlock(text, onPage, p, List.of()), top));
    }

    /** Lines of one paragraph as one string: no space where either side of the join is wide. */
    public static String join(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            String t = l.text().strip();
            if (t.isEmpty()) continue;
            if (sb.length() > 0) {
                int before = sb.codePointBefore(sb.length());
                int after = t.codePointAt(0);
                if (!CjkSpacing.isWide(before) && !CjkSpacing.isWide(after)) sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static double medianHeight(List<Line> lines) {
        return percentile(lines.stream().mapToDouble(l -> l.box().height()).toArray(), 0.5);
    }

    private static double medianPitch(List<Line> lines) {
        if (lines.size() < 2) return 0;
        double[] d = new double[lines.size() - 1];
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            double g = lines.get(i).box().y() - lines.get(i - 1).box().y();
            if (g > 0) d[n++] = g;
        }
        return n == 0 ? 0 : percentile(Arrays.copyOf(d, n), 0.5);
    }

    static double percentile(double[] v, double q) {
        if (v.length == 0) return 0;
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(q * (s.length - 1) + 0.5))];
    }

    /** The most common value within {@code tolerance} (the body text's left margin). */
    static double mode(double[] v, double tolerance) {
        if (v.length == 0) return 0;
        double[] s = v.clone();
        Arrays.sort(s);
        double best = s[0];
        int bestCount = 0;
        int j = 0;
        for (int i = 0; i < s.length; i++) {
            while (s[i] - s[j] > Math.max(1, tolerance)) j++;
            if (i - j + 1 > bestCount) {
                bestCount = i - j + 1;
                best = s[j];
            }
        }
        return best;
    }
}
