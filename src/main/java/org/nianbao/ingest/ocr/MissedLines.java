package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.prep.Binarize;
import org.nianbao.ingest.ocr.prep.ImageRulings;

/**
 * Finds text lines the page segmentation left out altogether and reads them on their own. Tesseract's
 * column layout (PSM 4) sometimes drops a short centred line — the issuing body above a two-line
 * report title (开平市教育局 over 2024年政府信息公开工作年度报告) — when the page was deskewed. Such a
 * line is a band of ink rows that no read line covers: it is read as a single line (PSM 7) and kept
 * when it reads as Chinese with the confidence of real text; it becomes a paragraph of its own at its
 * place in reading order.
 *
 * <p>Cost: one pass over the page's pixels (a row profile of the ink outside the read lines, tens of
 * milliseconds), and a line-sized read for each band found — none on most pages.
 */
final class MissedLines {
    /** A band is taken for a text line when its height is within these multiples of the median line height. */
    static final double MIN_HEIGHT = 0.6;
    static final double MAX_HEIGHT = 2.2;
    /** Rows this close to a read line (in line heights) belong to it (descenders, accents, underlines). */
    static final double LINE_PAD = 0.25;
    /** ... and columns this close (in median line heights) left or right of it (a character the line cut off). */
    static final double SIDE_PAD = 0.5;
    /** A row holds ink when this many of its pixels are ink (a speck is not a line). */
    static final int MIN_ROW_INK = 3;
    /** The read band is kept at this mean confidence or above, with this many Chinese characters. */
    static final double MIN_CONFIDENCE = 75;
    static final int MIN_HAN = 2;
    /** A date as a report's closing gives it: 2025年1月6日. */
    static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("(19|20)\\d\\d年\\d{1,2}月\\d{1,2}日");
    /** A band at most this many line heights wide is read glued after a well-read line ({@link ShortLineReread}). */
    static final double SHORT_BAND = 8;
    /** Bands read per page at most: a page with more is noise or a picture, not a dropped line. */
    static final int MAX_BANDS = 3;
    /** ... and on a page the layout found almost nothing on (fewer than three lines): a last page's few lines and its page number. */
    static final int MAX_BANDS_EMPTY = 6;
    /** The line height taken on such a page, per dot per inch: 54 pixels at 300 dpi (a line of 12-16 pt type is 50-67). */
    static final double TYPE_HEIGHT = 0.18;
    /** Ink on such a page is darker than this. */
    static final int DARK = 128;
    /** Page edges (share of the width) left out of the profile: scanner shadows and punch holes live there. */
    static final double EDGE = 0.04;

    private MissedLines() { }

    /** A band of rows {@code [top, bottom)} with ink across {@code [left, right)} that no read line covers. */
    record Band(int top, int bottom, int left, int right) {
        int height() {
            return bottom - top;
        }
    }

    static OcrResult recover(OcrEngine engine, GrayImage image, OcrResult r, List<ImageRulings.Segment> rulings,
                             OcrOptions options) throws OcrException {
        List<Line> all = r.lines();
        // a page the layout found almost nothing on (a report's last page: a paragraph's end, a heading, 无。,
        // the closing, on a noisy scan) is searched too, by the type size of a 300 dpi report
        boolean almostEmpty = all.size() < LineReread.TextColumn.MIN_LINES;
        if (!almostEmpty && LineReread.TextColumn.ofChinesePage(all) == null) return r;
        // (the few boxes read there are no guide: specks grow them to two lines' height)
        double lineHeight = almostEmpty ? TYPE_HEIGHT * (options.dpi() > 0 ? options.dpi() : 300) : medianHanLineHeight(all);
        if (lineHeight < 8) return r;
        int threshold = Binarize.otsu(image);
        // on a page of paper and specks Otsu splits the paper's own greys: ink is what is dark
        if (almostEmpty) threshold = Math.min(threshold, DARK);
        // a reading that is nothing but dust marks covers nothing: the layout gave one ("|", confidence 19) a box
        // over a whole line of clean text it did not read (unseen seed 67, 完善；二是缺乏…: lost in every form)
        List<Line> covering = new ArrayList<>(all.size());
        for (Line l : all) if (!NoiseMarks.onlyNoise(l)) covering.add(l);
        List<Band> bands = bands(image, covering, lineHeight, rulings, threshold);
        if (bands.isEmpty() || bands.size() > (almostEmpty ? MAX_BANDS_EMPTY : MAX_BANDS)) return r;
        List<Line> found = new ArrayList<>();
        for (Band b : bands) {
            Line l = read(engine, image, b, all, lineHeight, options);
            if (RereadLog.on()) {
                Line none = new Line("", new org.nianbao.ingest.model.Box(b.left(), b.top(), b.right() - b.left(), b.height()), 0, List.of());
                RereadLog.note("band", none, l, l != null && readsAsText(l, glued(b, lineHeight)));
            }
            if (l != null && readsAsText(l, glued(b, lineHeight))) found.add(l);
        }
        if (found.isEmpty()) return r;
        return insert(r, found);
    }

    /**
     * Bands of ink rows outside every read line (each line's box padded by a quarter of its height above and
     * below, half a line height left and right), as high as a line of text, not crossed by a table's
     * vertical rule. Only the ink beside the read lines counts: a line's box says nothing about the
     * columns left or right of it, so a paragraph's short last line (平。 at the left margin) is found even
     * when the heading below it has a box grown down and across by specks (seed 31: 平。 was lost so).
     */
    static List<Band> bands(GrayImage image, List<Line> lines, double lineHeight, List<ImageRulings.Segment> rulings) {
        return bands(image, lines, lineHeight, rulings, Binarize.otsu(image));
    }

    static List<Band> bands(GrayImage image, List<Line> lines, double lineHeight, List<ImageRulings.Segment> rulings, int threshold) {
        int w = image.width();
        int h = image.height();
        List<Rectangle> read = padded(lines, lineHeight, w, h);
        boolean[] covered = new boolean[w * h];
        for (Rectangle r : read) {
            for (int y = r.y; y < r.y + r.height; y++) Arrays.fill(covered, y * w + r.x, y * w + r.x + r.width, true);
        }
        int x0 = (int) (w * EDGE);
        int x1 = w - x0;
        int yMargin = (int) (h * EDGE / 2);
        byte[] px = image.pixels();
        int[] ink = new int[h];
        for (int y = yMargin; y < h - yMargin; y++) {
            int n = 0;
            int row = y * w;
            for (int x = x0; x < x1; x++) if (!covered[row + x] && (px[row + x] & 0xFF) < threshold) n++;
            ink[y] = n;
        }
        List<Band> out = new ArrayList<>();
        int gap = Math.max(1, (int) Math.round(lineHeight * 0.15));
        int y = 0;
        while (y < h) {
            if (ink[y] < MIN_ROW_INK) {
                y++;
                continue;
            }
            int top = y;
            int bottom = y + 1;
            int blank = 0;
            for (y = y + 1; y < h; y++) {
                if (ink[y] >= MIN_ROW_INK) {
                    bottom = y + 1;
                    blank = 0;
                } else if (++blank > gap) {
                    break;
                }
            }
            int bh = bottom - top;
            if (bh < MIN_HEIGHT * lineHeight || bh > MAX_HEIGHT * lineHeight) continue;
            Band b = extent(image, covered, threshold, top, bottom, x0, x1, lineHeight);
            if (b == null || b.right() - b.left() < 1.5 * lineHeight || crossedByRule(b, rulings)) continue;
            // a band touching a read line above or below it is that line's overflow (a tall character, an underline), not a line of its own
            if (touches(b, read)) continue;
            out.add(b);
        }
        return out;
    }

    /** Each read line's box padded as {@link #bands} says, within the page. */
    private static List<Rectangle> padded(List<Line> lines, double lineHeight, int w, int h) {
        List<Rectangle> out = new ArrayList<>();
        Rectangle page = new Rectangle(0, 0, w, h);
        for (Line l : lines) {
            double padY = LINE_PAD * l.box().height();
            double padX = SIDE_PAD * lineHeight;
            int x0 = (int) Math.floor(l.box().x() - padX);
            int y0 = (int) Math.floor(l.box().y() - padY);
            Rectangle r = new Rectangle(x0, y0, (int) Math.ceil(l.box().right() + padX) - x0, (int) Math.ceil(l.box().bottom() + padY) - y0)
                    .intersection(page);
            if (!r.isEmpty()) out.add(r);
        }
        return out;
    }

    /** A read line's padded box that overlaps the band's columns and meets its top or bottom row. */
    private static boolean touches(Band b, List<Rectangle> read) {
        for (Rectangle r : read) {
            if (r.x >= b.right() || r.x + r.width <= b.left()) continue;
            if (r.y <= b.bottom() && r.y + r.height >= b.top()) return true;
        }
        return false;
    }

    /**
     * The band's ink from its leftmost to its rightmost piece of text; null when it has none. Pieces are
     * runs of ink columns closer than a line height; a piece narrower than half a line height is dust
     * (a speck far right of a centred title makes the engine misread the whole line), not text.
     */
    static Band extent(GrayImage image, boolean[] covered, int threshold, int top, int bottom, int x0, int x1, double lineHeight) {
        int w = image.width();
        byte[] px = image.pixels();
        int left = -1;
        int right = -1;
        int pieceStart = -1;
        int pieceEnd = -1;
        int gap = (int) Math.ceil(lineHeight);
        for (int x = x0; x <= x1; x++) {
            int n = 0;
            if (x < x1) for (int y = top; y < bottom && n < 2; y++) if (!covered[y * w + x] && (px[y * w + x] & 0xFF) < threshold) n++;
            boolean ink = n >= 2;
            if (ink && pieceStart >= 0 && x - pieceEnd <= gap) {
                pieceEnd = x + 1;
            } else if (ink || x == x1) {
                // the piece so far is finished: keep it when it is wider than dust
                if (pieceStart >= 0 && pieceEnd - pieceStart >= lineHeight / 2) {
                    if (left < 0) left = pieceStart;
                    right = pieceEnd;
                }
                pieceStart = ink ? x : -1;
                pieceEnd = ink ? x + 1 : -1;
            }
        }
        return left < 0 ? null : new Band(top, bottom, left, right);
    }

    private static boolean crossedByRule(Band b, List<ImageRulings.Segment> rulings) {
        for (ImageRulings.Segment s : rulings) {
            if (s.horizontal()) continue;
            int sy0 = Math.min(s.y0(), s.y1());
            int sy1 = Math.max(s.y0(), s.y1());
            if (sy0 <= b.top() && sy1 >= b.bottom()) return true;
        }
        return false;
    }

    /**
     * The band read as a single line; a short band (a paragraph's last few characters, a date) glued after a
     * well-read line of the page ({@link ShortLineReread#readGlued}), which the model reads far better
     * than the same few characters alone.
     */
    private static Line read(OcrEngine engine, GrayImage image, Band b, List<Line> all, double lineHeight, OcrOptions options)
            throws OcrException {
        Box box = new Box(b.left(), b.top(), b.right() - b.left(), b.height());
        if (glued(b, lineHeight)) {
            Line context = ShortLineReread.nearestContext(all, b.top() + b.height() / 2.0);
            if (context != null) return ShortLineReread.readGlued(engine, image, box, context, lineHeight, options);
        }
        int padY = (int) Math.round(lineHeight * 0.3);
        int padX = (int) Math.round(lineHeight * 0.5);
        Rectangle band = new Rectangle(b.left() - padX, b.top() - padY, b.right() - b.left() + 2 * padX, b.height() + 2 * padY);
        OcrResult got = RegionCut.readBand(engine, image, band, OcrMode.LINE, options);
        if (got == null) return null;
        List<Word> words = new ArrayList<>();
        for (Line g : got.lines()) words.addAll(g.words());
        if (words.isEmpty()) return null;
        double sum = 0;
        int n = 0;
        for (Word w : words) {
            int k = w.text().codePointCount(0, w.text().length());
            sum += w.confidence() * k;
            n += k;
        }
        return new Line(CjkSpacing.joinWords(words, box.height()), box, n == 0 ? 0 : sum / n, words);
    }

    /** Whether the band is read glued after a well-read line (short bands). */
    static boolean glued(Band b, double lineHeight) {
        return b.right() - b.left() <= SHORT_BAND * lineHeight;
    }

    /**
     * Chinese text read with the confidence of real text: at least two characters (or one closing a
     * sentence: 平。 ending a paragraph), mostly Chinese, or a date (2025年1月6日, a closing's last line);
     * no weak word. A glued reading ({@link ShortLineReread}) comes out less confident for the same
     * characters (the model is less sure where its context ends): it is kept from
     * {@link ShortLineReread#MIN_CONFIDENCE}, when it holds nothing but Chinese, digits and Chinese
     * punctuation ({@link ShortLineReread#plausible}).
     */
    static boolean readsAsText(Line l, boolean glued) {
        String t = l.text().replaceAll("\\s", "");
        int han = org.nianbao.ingest.util.Han.count(t);
        int chars = t.codePointCount(0, t.length());
        boolean sentenceEnd = han == 1 && chars == 2 && "。；！？".indexOf(t.charAt(t.length() - 1)) >= 0;
        boolean date = DATE.matcher(t).matches();
        double min = glued ? ShortLineReread.MIN_CONFIDENCE : MIN_CONFIDENCE;
        if (!sentenceEnd && !date && (han < MIN_HAN || han < 0.6 * chars) || l.confidence() < min) return false;
        if (glued && !date && !ShortLineReread.plausible(l)) return false;
        for (Word w : l.words()) if (w.confidence() < min - 25) return false;
        return true;
    }

    static boolean readsAsText(Line l) {
        return readsAsText(l, false);
    }

    /** Each found line as a paragraph of its own, before the first paragraph that starts below it. */
    static OcrResult insert(OcrResult r, List<Line> found) {
        List<OcrResult.Paragraph> out = new ArrayList<>(r.paragraphs());
        for (Line l : found) {
            int at = out.size();
            for (int i = 0; i < out.size(); i++) {
                List<Line> ls = out.get(i).lines();
                if (!ls.isEmpty() && ls.get(0).box().y() > l.box().y()) {
                    at = i;
                    break;
                }
            }
            out.add(at, new OcrResult.Paragraph(List.of(l)));
        }
        return new OcrResult(out, r.confidence(), r.millis());
    }

    private static double medianHanLineHeight(List<Line> lines) {
        double[] h = lines.stream().filter(l -> org.nianbao.ingest.util.Han.count(l.text()) >= 2)
                .mapToDouble(l -> l.box().height()).sorted().toArray();
        return h.length == 0 ? 0 : h[h.length / 2];
    }
}
