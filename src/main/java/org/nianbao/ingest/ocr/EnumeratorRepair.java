package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

/**
 * Repairs the list markers that open report sections and paragraphs. The Chinese model reads
 * {@code （一）} as {@code (—)}, {@code （二）}/{@code （三）} as {@code (=)}, and {@code 一、} as {@code —、}:
 * inside ASCII-looking brackets it prefers dashes and equals signs, and re-reading with a numeral
 * whitelist does no better (it sees {@code 二} as {@code 一一}). These three numerals are nothing but
 * horizontal strokes, so the strokes are counted in the pixels instead: one, two or three bands of ink.
 */
public final class EnumeratorRepair {
    /**
     * A marker at the start of a line whose middle is a dash-like misreading: (—) (=) (一一) —、 =、; or
     * whose opening bracket was read as an angle bracket, 〈一) 《一) (on pages darkened by prep.Tone).
     */
    private static final Pattern BRACKETED = Pattern.compile("^[(（〈《]([—–\\-=_~一二三≡]{1,2})[)）]");
    private static final Pattern COMMA = Pattern.compile("^([—–\\-=_~≡]{1,2})、");
    /** A section number whose 、 was read as a quote or a comma: 一“总体情况, 二，主动公开 (一．is a real style: kept) */
    private static final Pattern NUMERAL_MARK = Pattern.compile("^([一二三四五六七八九十]{1,3})、?[“”\"'`，,·]+(?=\\p{IsHan})");

    /**
     * A bracketed numeral whose opening bracket was read as an angle bracket, (五) → 《五) (Kai faces, unseen seed 67):
     * the numeral itself is read right (the strokes are counted only for 一 二 三, above). A title mark never
     * encloses a lone numeral closed by a round bracket, so the bracket is the list marker's.
     */
    private static final Pattern ANGLE_OPENED = Pattern.compile("^[〈《]([一二三四五六七八九十]{1,3})[)）]");

    /**
     * Section six read as 入 (measured on every scan form of the generated reports): only on a short line
     * with no sentence punctuation, a heading — a wrapped line of running text may start with 入、 (收入、支出).
     */
    private static final Pattern SIX_AS_RU = Pattern.compile("^入、(?=[^。；;，,]{2,24}$)");

    private EnumeratorRepair() { }

    /** Returns the paragraphs with markers repaired, or {@code r} itself when nothing changed. */
    public static OcrResult repair(OcrResult r, GrayImage image) {
        return r.mapLines(line -> repairLine(line, image));
    }

    static Line repairLine(Line line, GrayImage image) {
        if (line.words().isEmpty()) return line;
        String text = line.text();
        Matcher m = BRACKETED.matcher(text);
        String replacement = null;
        if (m.find()) {
            Box b = leadingBox(line, m.end());
            if (b == null || b.width() < 4 || b.height() < 4) return line;
            String numeral = numeral(bracketedStrokes(image, b));
            // a box grown by dust beside the marker: counted again in the marker's own ink (the brackets keep its height)
            if (numeral == null) numeral = numeral(bracketedStrokes(image, inkBox(image, b)));
            // the model's box for the marker can be a speck beside it (seed 31: a 5-pixel box for "(=)"): the marker is
            // what stands between the line's start and the next word
            Box before = beforeNextWord(line, m.end());
            if (numeral == null && before != null) numeral = numeral(bracketedStrokes(image, inkBox(image, before)));
            if (numeral != null) replacement = "（" + numeral + "）";
        } else if ((m = COMMA.matcher(text)).find()) {
            Box b = leadingBox(line, m.end());
            if (b == null || b.width() < 4 || b.height() < 4) return line;
            double h = b.height();
            String numeral = numeral(countStrokes(image, b.x(), b.y(), Math.min(b.width(), h), h));
            if (numeral != null) replacement = numeral + "、";
        } else if ((m = ANGLE_OPENED.matcher(text)).find()) {
            replacement = "（" + m.group(1) + "）";
        } else if ((m = NUMERAL_MARK.matcher(text)).find()) {
            replacement = m.group(1) + "、";
        } else if ((m = SIX_AS_RU.matcher(text)).find()) {
            replacement = "六、";
        }
        if (replacement == null) return line;
        String fixed = replacement + text.substring(m.end());
        return fixed.equals(text) ? line : new Line(fixed, line.box(), line.confidence(), line.words());
    }

    /** The box around the first words of the line that hold its first {@code chars} characters. */
    private static Box leadingBox(Line line, int chars) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        int covered = 0;
        for (Word w : line.words()) {
            if (covered >= chars) break;
            x0 = Math.min(x0, w.box().x());
            y0 = Math.min(y0, w.box().y());
            x1 = Math.max(x1, w.box().right());
            y1 = Math.max(y1, w.box().bottom());
            covered += w.text().length();
        }
        if (covered < chars) return null;
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** From the line's left edge to the first word after the first {@code chars} characters, the line's height; null when none follows. */
    private static Box beforeNextWord(Line line, int chars) {
        int covered = 0;
        for (Word w : line.words()) {
            if (covered >= chars) {
                double right = w.box().x();
                return right - line.box().x() < 4 ? null : new Box(line.box().x(), line.box().y(), right - line.box().x(), line.box().height());
            }
            covered += w.text().length();
        }
        return null;
    }

    /** Strokes of the numeral between a marker's brackets: the middle of the marker's box. */
    private static int bracketedStrokes(GrayImage image, Box b) {
        double h = b.height();
        double markerWidth = Math.min(b.width(), 2.2 * h);
        return countStrokes(image, b.x() + markerWidth * 0.3, b.y(), markerWidth * 0.4, h);
    }

    /** A blot smaller than this share of the box's height either way is dust. */
    static final double DUST = 0.15;

    /**
     * The box shrunk to the marker's own ink: the bounding box of the blots in it that are not dust. The
     * model's box for a marker takes in a speck beside it (seed 31: a speck left of and below （二） grew the
     * box of {@code (=)} to twice the marker's width and a third more than its height, so the middle third
     * held the bracket, not the strokes, and nothing was repaired). The box itself when it holds no ink.
     */
    static Box inkBox(GrayImage img, Box b) {
        int x0 = clamp((int) Math.floor(b.x()), img.width());
        int x1 = clamp((int) Math.ceil(b.right()), img.width());
        int y0 = clamp((int) Math.floor(b.y()), img.height());
        int y1 = clamp((int) Math.ceil(b.bottom()), img.height());
        int cw = x1 - x0;
        int ch = y1 - y0;
        if (cw < 3 || ch < 3) return b;
        int threshold = localThreshold(img, x0, y0, x1, y1);
        if (threshold < 0) return b;
        boolean[] ink = InkPieces.dark(img, new Rectangle(x0, y0, cw, ch), threshold);
        double dust = DUST * ch;
        int[] box = {cw, ch, -1, -1}; // x0, y0, x1, y1 of the ink that is not dust
        InkPieces.each(ink, cw, ch, p -> {
            if (p.width() < dust && p.height() < dust) return;
            box[0] = Math.min(box[0], p.x0()); box[2] = Math.max(box[2], p.x1());
            box[1] = Math.min(box[1], p.y0()); box[3] = Math.max(box[3], p.y1());
        });
        int ix0 = box[0], iy0 = box[1], ix1 = box[2], iy1 = box[3];
        if (ix1 < 0) return b;
        return new Box(x0 + ix0, y0 + iy0, ix1 - ix0 + 1, iy1 - iy0 + 1);
    }

    private static String numeral(int strokes) {
        return switch (strokes) {
            case 1 -> "一";
            case 2 -> "二";
            case 3 -> "三";
            default -> null;
        };
    }

    /**
     * Counts the horizontal strokes in a region: connected blots of ink at least 40% as wide as the
     * region and less than a third as high (a slanted brush stroke is still one blot). Returns 0 when
     * the region holds anything else (a blot that is not a stroke: some other character).
     */
    static int countStrokes(GrayImage img, double x, double y, double w, double h) {
        int x0 = clamp((int) Math.floor(x), img.width());
        int x1 = clamp((int) Math.ceil(x + w), img.width());
        int y0 = clamp((int) Math.floor(y), img.height());
        int y1 = clamp((int) Math.ceil(y + h), img.height());
        int cw = x1 - x0;
        int ch = y1 - y0;
        if (cw < 3 || ch < 3) return 0;
        int threshold = localThreshold(img, x0, y0, x1, y1);
        boolean[] ink = InkPieces.dark(img, new Rectangle(x0, y0, cw, ch), threshold);
        int[] strokes = {0};
        boolean[] other = {false};
        InkPieces.each(ink, cw, ch, p -> {
            if (p.size() <= 3) return;                              // a speck
            if (p.width() * 10 < cw * 4) {
                if (p.height() * 3 >= ch) other[0] = true;          // a tall narrow blot: a bracket or a stroke of something else
                return;                                             // a short dot
            }
            if (p.height() * 3 >= ch) other[0] = true;              // wide and tall: some other character
            else strokes[0]++;
        });
        return other[0] ? 0 : strokes[0];
    }

    private static int localThreshold(GrayImage img, int x0, int y0, int x1, int y1) {
        int min = 255;
        int max = 0;
        for (int yy = y0; yy < y1; yy++) {
            for (int xx = x0; xx < x1; xx++) {
                int v = img.get(xx, yy);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max - min < 40 ? -1 : (min + max) / 2;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
