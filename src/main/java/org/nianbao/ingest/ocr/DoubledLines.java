package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.prep.ImageRulings;

/**
 * One line of print that the page segmentation returned twice. Between two tables (rules taken out) the
 * layout can find the same row of text as two lines of about the same box, each read from a different
 * start — seed 31: 四、政府信息公开行政复议、行政诉讼情况 came out as {@code 、于信息公开行政 复议、行政诉讼情} and
 * {@code 政府信息公开行政复议、行政诉讼情况}, 四 lost by both — and the page's text then holds the line
 * twice, garbled once. Two lines are taken for one when their boxes are about as high and lie over each
 * other (most of the height, most of the narrower width) and their readings share most of their
 * character pairs. The row is read again as a single line across the text column; the reading replaces
 * both when it is Chinese text read with the confidence of real text and holds at least as much Chinese
 * as either; otherwise the more confident of the two is kept and the other dropped.
 *
 * <p>Cost: nothing on most pages (a comparison of line boxes); one line-sized read per doubled line.
 */
final class DoubledLines {
    /** The boxes overlap over this share of the higher one's height ... */
    static final double MIN_ROW_OVERLAP = 0.7;
    /** ... and this share of the narrower one's width, ... */
    static final double MIN_WIDTH_OVERLAP = 0.5;
    /** ... and neither is more than this many times as high as the other (a tall box over two lines is another fault). */
    static final double MAX_HEIGHT_RATIO = 1.4;
    /** Share of the shorter reading's character pairs found in the other: the same words. */
    static final double MIN_SHARED_PAIRS = 0.4;
    /** Doubled lines repaired per page at most. */
    static final int MAX_PAIRS = 3;

    private DoubledLines() { }

    static OcrResult apply(OcrEngine engine, GrayImage image, OcrResult r, List<ImageRulings.Segment> rulings,
                           OcrOptions options) throws OcrException {
        List<Line> all = r.lines();
        LineReread.TextColumn column = LineReread.TextColumn.ofChinesePage(all);
        if (column == null) return r;
        List<Line[]> pairs = pairs(all, rulings);
        if (pairs.isEmpty()) return r;
        Set<Line> drop = new HashSet<>();
        java.util.Map<Line, Line> replace = new java.util.IdentityHashMap<>();
        for (Line[] p : pairs) {
            Line a = p[0];
            Line b = p[1];
            Line again = readRow(engine, image, a, b, all, column, options);
            boolean taken = again != null && MissedLines.readsAsText(again)
                    && han(again.text()) >= Math.max(han(a.text()), han(b.text()));
            if (RereadLog.on()) RereadLog.note("doubled", a, again, taken);
            Line keep = taken ? again : a.confidence() >= b.confidence() ? a : b;
            replace.put(a, keep);
            drop.add(b);
        }
        List<OcrResult.Paragraph> out = new ArrayList<>();
        for (OcrResult.Paragraph p : r.paragraphs()) {
            List<Line> lines = new ArrayList<>();
            for (Line l : p.lines()) {
                if (drop.contains(l)) continue;
                lines.add(replace.getOrDefault(l, l));
            }
            if (!lines.isEmpty()) out.add(new OcrResult.Paragraph(lines));
        }
        return new OcrResult(out, r.confidence(), r.millis());
    }

    /** Pairs of lines that are one line read twice (each line in one pair at most), outside ruled tables. */
    static List<Line[]> pairs(List<Line> all, List<ImageRulings.Segment> rulings) {
        List<Line[]> out = new ArrayList<>();
        Set<Line> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < all.size() && out.size() < MAX_PAIRS; i++) {
            Line a = all.get(i);
            if (used.contains(a)) continue;
            for (int j = i + 1; j < all.size(); j++) {
                Line b = all.get(j);
                if (used.contains(b) || !doubled(a, b) || insideTable(a.box(), b.box(), rulings)) continue;
                out.add(new Line[] {a, b});
                used.add(a);
                used.add(b);
                break;
            }
        }
        return out;
    }

    static boolean doubled(Line a, Line b) {
        Box p = a.box();
        Box q = b.box();
        double hi = Math.max(p.height(), q.height());
        double lo = Math.min(p.height(), q.height());
        if (lo <= 0 || hi > MAX_HEIGHT_RATIO * lo) return false;
        double rows = Math.min(p.bottom(), q.bottom()) - Math.max(p.y(), q.y());
        double cols = Math.min(p.right(), q.right()) - Math.max(p.x(), q.x());
        if (rows < MIN_ROW_OVERLAP * hi || cols < MIN_WIDTH_OVERLAP * Math.min(p.width(), q.width())) return false;
        if (han(a.text()) < 2 || han(b.text()) < 2) return false;
        return sharedPairs(a.text(), b.text()) >= MIN_SHARED_PAIRS;
    }

    /** Share of the shorter text's adjacent character pairs (whitespace ignored) that the other text holds too. */
    static double sharedPairs(String s, String t) {
        String a = s.replaceAll("\\s", "");
        String b = t.replaceAll("\\s", "");
        if (a.length() > b.length()) {
            String x = a;
            a = b;
            b = x;
        }
        if (a.length() < 2) return 0;
        Set<String> other = new HashSet<>();
        for (int i = 0; i + 2 <= b.length(); i++) other.add(b.substring(i, i + 2));
        int n = 0;
        int shared = 0;
        for (int i = 0; i + 2 <= a.length(); i++) {
            n++;
            if (other.contains(a.substring(i, i + 2))) shared++;
        }
        return (double) shared / n;
    }

    /** A vertical rule crosses the row: the lines are a table's, read cell by cell elsewhere. */
    private static boolean insideTable(Box a, Box b, List<ImageRulings.Segment> rulings) {
        double top = Math.max(a.y(), b.y());
        double bottom = Math.min(a.bottom(), b.bottom());
        for (ImageRulings.Segment s : rulings) {
            if (s.horizontal()) continue;
            if (Math.min(s.y0(), s.y1()) <= top && Math.max(s.y0(), s.y1()) >= bottom) return true;
        }
        return false;
    }

    /**
     * The row both lines stand on, read as one line across the text column (the start both readings lost is
     * left of both boxes), padded a quarter of a line above and below but never into another line's box.
     */
    private static Line readRow(OcrEngine engine, GrayImage image, Line a, Line b, List<Line> all,
                                LineReread.TextColumn column, OcrOptions options) throws OcrException {
        double top = Math.min(a.box().y(), b.box().y());
        double bottom = Math.max(a.box().bottom(), b.box().bottom());
        double h = bottom - top;
        double padTop = top - 0.25 * h;
        double padBottom = bottom + 0.25 * h;
        double left = Math.min(column.left(), Math.min(a.box().x(), b.box().x()));
        double right = Math.max(column.right(), Math.max(a.box().right(), b.box().right()));
        for (Line o : all) {
            if (o == a || o == b) continue;
            Box ob = o.box();
            if (ob.right() <= left || ob.x() >= right) continue;
            if (ob.bottom() <= top + 0.2 * h && ob.bottom() > padTop) padTop = ob.bottom();
            if (ob.y() >= bottom - 0.2 * h && ob.y() < padBottom) padBottom = ob.y();
            // another line on these very rows (a second column, a page number): the row is not the line's alone
            if (ob.y() < bottom - 0.2 * h && ob.bottom() > top + 0.2 * h) return null;
        }
        Rectangle band = new Rectangle((int) Math.floor(left), (int) Math.floor(padTop),
                (int) Math.ceil(right - left), (int) Math.ceil(padBottom - padTop));
        OcrResult got = RegionCut.readBand(engine, image, band, OcrMode.LINE, options);
        if (got == null) return null;
        List<Word> words = new ArrayList<>();
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        double sum = 0;
        int n = 0;
        for (Line g : got.lines()) {
            for (Word w : g.words()) {
                words.add(w);
                x0 = Math.min(x0, w.box().x());
                y0 = Math.min(y0, w.box().y());
                x1 = Math.max(x1, w.box().right());
                y1 = Math.max(y1, w.box().bottom());
                int k = w.text().codePointCount(0, w.text().length());
                sum += w.confidence() * k;
                n += k;
            }
        }
        if (words.isEmpty()) return null;
        Box box = new Box(x0, y0, x1 - x0, y1 - y0);
        return new Line(CjkSpacing.joinWords(words, box.height()), box, n == 0 ? 0 : sum / n, words);
    }

    private static int han(String s) {
        return org.nianbao.ingest.util.Han.count(s);
    }
}
