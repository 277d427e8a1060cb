package org.nianbao.ingest.ocr;

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
    /** A marker at the start of a line whose middle is a dash-like misreading: (—) (=) (一一) —、 =、 */
    private static final Pattern BRACKETED = Pattern.compile("^[(（]([—–\\-=_~一二三≡]{1,2})[)）]");
    private static final Pattern COMMA = Pattern.compile("^([—–\\-=_~≡]{1,2})、");
    /** A section number whose 、 was read as a quote or a comma: 一“总体情况, 二，主动公开 (一．is a real style: kept) */
    private static final Pattern NUMERAL_MARK = Pattern.compile("^([一二三四五六七八九十]{1,3})、?[“”\"'`，,·]+(?=\\p{IsHan})");

    private EnumeratorRepair() { }

    /** Returns the paragraphs with markers repaired, or {@code r} itself when nothing changed. */
    public static OcrResult repair(OcrResult r, GrayImage image) {
        List<OcrResult.Paragraph> paras = new ArrayList<>();
        boolean changed = false;
        for (OcrResult.Paragraph p : r.paragraphs()) {
            List<Line> lines = new ArrayList<>();
            for (Line line : p.lines()) {
                Line fixed = repairLine(line, image);
                changed |= fixed != line;
                lines.add(fixed);
            }
            paras.add(new OcrResult.Paragraph(lines));
        }
        return changed ? new OcrResult(paras, r.confidence(), r.millis()) : r;
    }

    static Line repairLine(Line line, GrayImage image) {
        if (line.words().isEmpty()) return line;
        Word first = line.words().get(0);
        Box b = first.box();
        if (b.width() < 4 || b.height() < 4) return line;
        String text = first.text();
        Matcher m = BRACKETED.matcher(text);
        String replacement = null;
        int end = 0;
        if (m.find()) {
            // the numeral sits between the brackets: the middle of the marker's box
            double h = b.height();
            double markerWidth = Math.min(b.width(), 2.2 * h);
            int strokes = countStrokes(image, b.x() + markerWidth * 0.3, b.y(), markerWidth * 0.4, h);
            String numeral = numeral(strokes);
            if (numeral != null && !numeral.equals(m.group(1))) replacement = "（" + numeral + "）";
            end = m.end();
        } else if ((m = COMMA.matcher(text)).find()) {
            double h = b.height();
            int strokes = countStrokes(image, b.x(), b.y(), Math.min(b.width(), h), h);
            String numeral = numeral(strokes);
            if (numeral != null) replacement = numeral + "、";
            end = m.end();
        }
        if (replacement == null) {
            Matcher lm = NUMERAL_MARK.matcher(line.text());
            if (!lm.find()) return line;
            return new Line(lm.group(1) + "、" + line.text().substring(lm.end()), line.box(), line.confidence(), line.words());
        }
        List<Word> words = new ArrayList<>(line.words());
        words.set(0, new Word(replacement + text.substring(end), b, first.confidence()));
        return new Line(CjkSpacing.joinWords(words, line.box().height()), line.box(), line.confidence(), words);
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
     * Counts separate horizontal bands of ink in a region: rows whose ink covers a third of the region's
     * width, grouped when adjacent. Returns 0 when the region holds something other than strokes
     * (ink in most rows, or a band taller than a stroke).
     */
    static int countStrokes(GrayImage img, double x, double y, double w, double h) {
        int x0 = clamp((int) Math.floor(x), img.width());
        int x1 = clamp((int) Math.ceil(x + w), img.width());
        int y0 = clamp((int) Math.floor(y), img.height());
        int y1 = clamp((int) Math.ceil(y + h), img.height());
        if (x1 - x0 < 3 || y1 - y0 < 3) return 0;
        int threshold = localThreshold(img, x0, y0, x1, y1);
        int width = x1 - x0;
        int bands = 0;
        int bandRows = 0;
        int inkRows = 0;
        boolean inBand = false;
        for (int yy = y0; yy < y1; yy++) {
            int ink = 0;
            for (int xx = x0; xx < x1; xx++) if (img.get(xx, yy) < threshold) ink++;
            boolean stroke = ink * 3 >= width;
            if (ink > 0) inkRows++;
            if (stroke) {
                if (!inBand) bands++;
                inBand = true;
                bandRows++;
                if (bandRows > (y1 - y0) / 3) return 0; // a solid block, not a stroke
            } else {
                inBand = false;
                bandRows = 0;
            }
        }
        if (inkRows > (y1 - y0) * 0.8) return 0; // ink everywhere: some other glyph
        return bands;
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
