package org.nianbao.ingest.ocr;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

/**
 * Puts back the semicolons the Chinese model reads as commas. In the Song and Kai faces the dot of a
 * full-width {@code ；} is small and sits well above its tail, and the model, reading the whole line,
 * often takes the mark for {@code ，} — at full confidence, on grey and on bilevel pages alike (unseen seed
 * 67: 完善；二是… read 完善，二是… from every form; seed 31 scan300-pdf: four more on its 1-bit page). The
 * pixels are not in doubt: a comma is one blot at the foot of the line, a semicolon is that blot with a
 * second one straight above it, and nothing else stands in the mark's columns. So each comma the model
 * read after Chinese text is looked at: the narrow run of ink columns it stands in (blank columns either
 * side: full-width punctuation has its own cell) is split into blots by blank rows, and two blots — a
 * dot in the middle of the line over a tail at its foot — make it {@code ；}.
 */
final class SemicolonRepair {
    /** The mark's run of ink columns is at most this wide, in line heights (a Chinese character is ~0.9). */
    static final double MAX_MARK_WIDTH = 0.42;
    /** Where the mark is looked for beside the word's box, in line heights (the LSTM's character boxes drift). */
    static final double SEARCH_PAD = 0.6;

    private SemicolonRepair() { }

    /** Returns the paragraphs with semicolons restored, or {@code r} itself when nothing changed. */
    static OcrResult repair(OcrResult r, GrayImage image) {
        return r.mapLines(line -> repairLine(line, image));
    }

    private static boolean isComma(int c) {
        return c == '，' || c == ',';
    }

    static Line repairLine(Line line, GrayImage image) {
        String text = line.text();
        if (text.indexOf('，') < 0 && text.indexOf(',') < 0) return line;
        // the k-th comma of the words is the k-th comma of the text when both hold as many (the text may differ
        // elsewhere: EnumeratorRepair rewrites a list marker in the text only, (一) → （一）)
        if (commas(joinedWords(line)) != commas(text)) return line;
        double lh = line.box().height();
        if (lh < 12) return line;
        List<Integer> semicolons = new ArrayList<>();
        List<Word> words = new ArrayList<>(line.words());
        int comma = 0;
        boolean changed = false;
        String before = "";
        for (int wi = 0; wi < words.size(); wi++) {
            Word w = words.get(wi);
            String t = w.text();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (!isComma(c)) {
                    before += c;
                    continue;
                }
                boolean afterChinese = !before.isEmpty() && !isAsciiAlnum(before.charAt(before.length() - 1));
                // a comma alone in its word is found by the word's box; one at a word's end by the box's right end
                boolean alone = t.length() == 1;
                boolean atEnd = i == t.length() - 1;
                if (afterChinese && (alone || atEnd) && isSemicolon(image, line.box(), w.box(), alone, lh)) {
                    semicolons.add(comma);
                    String nt = t.substring(0, i) + (c == '，' ? '；' : ';') + t.substring(i + 1);
                    words.set(wi, new Word(nt, w.box(), w.confidence()));
                    t = nt;
                    changed = true;
                }
                comma++;
                before += c;
            }
        }
        if (!changed) return line;
        StringBuilder sb = new StringBuilder(text.length());
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isComma(c)) {
                sb.append(semicolons.contains(k) ? (c == '，' ? '；' : ';') : c);
                k++;
            } else {
                sb.append(c);
            }
        }
        return new Line(sb.toString(), line.box(), line.confidence(), words);
    }

    /**
     * Whether the mark read as a comma in {@code word} is a semicolon: the narrow run of ink columns nearest
     * the word's box (its right end when the comma ends a longer word) holds two blots one above the other —
     * a dot whose middle is in the line's middle, a tail reaching its lower part — and nothing else.
     */
    static boolean isSemicolon(GrayImage img, Box lineBox, Box word, boolean alone, double lh) {
        double pad = SEARCH_PAD * lh;
        // the LSTM's boxes of a line drift right of the glyphs (seed 31: a ；box a whole line height right of its mark)
        double from = alone ? word.x() - lh : word.right() - lh;
        double to = word.right() + pad;
        int x0 = clamp((int) Math.floor(from), img.width());
        int x1 = clamp((int) Math.ceil(to), img.width());
        int y0 = clamp((int) Math.floor(lineBox.y() - 0.1 * lh), img.height());
        int y1 = clamp((int) Math.ceil(lineBox.bottom() + 0.1 * lh), img.height());
        if (x1 - x0 < 3 || y1 - y0 < 6) return false;
        int threshold = threshold(img, x0, y0, x1, y1);
        if (threshold < 0) return false;
        // runs of columns holding ink (two pixels or more, so a lone noisy pixel does not join two glyphs)
        int cols = x1 - x0;
        boolean[] inkCol = new boolean[cols];
        for (int x = 0; x < cols; x++) {
            int n = 0;
            for (int y = y0; y < y1 && n < 2; y++) if (img.get(x0 + x, y) < threshold) n++;
            inkCol[x] = n >= 2;
        }
        double centre = (alone ? (word.x() + word.right()) / 2 : word.right()) - x0;
        int bestStart = -1;
        int bestEnd = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int x = 0; x < cols; ) {
            if (!inkCol[x]) {
                x++;
                continue;
            }
            int s = x;
            while (x < cols && inkCol[x]) x++;
            // runs cut by the search window's edges are parts of neighbouring characters
            if (s == 0 || x == cols || x - s > MAX_MARK_WIDTH * lh || x - s < 2) continue;
            double d = Math.abs((s + x) / 2.0 - centre);
            if (d < bestDistance) {
                bestDistance = d;
                bestStart = s;
                bestEnd = x;
            }
        }
        if (bestStart < 0) return false;
        // blots of the run: runs of rows holding ink, split by at least two blank rows
        List<int[]> blots = new ArrayList<>();
        int blank = 0;
        int top = -1;
        int bottom = -1;
        for (int y = y0; y < y1; y++) {
            int n = 0;
            for (int x = x0 + bestStart; x < x0 + bestEnd; x++) if (img.get(x, y) < threshold) n++;
            if (n > 0) {
                if (top < 0) top = y;
                else if (blank >= 2) {
                    blots.add(new int[] {top, bottom});
                    top = y;
                }
                bottom = y + 1;
                blank = 0;
            } else {
                blank++;
            }
        }
        if (top >= 0) blots.add(new int[] {top, bottom});
        if (blots.size() != 2) return false;
        int[] dot = blots.get(0);
        int[] tail = blots.get(1);
        double lineTop = lineBox.y();
        double dotMiddle = (dot[0] + dot[1]) / 2.0 - lineTop;
        double dotHeight = dot[1] - dot[0];
        double tailHeight = tail[1] - tail[0];
        // a dot: small, its middle in the middle of the line (not a quote mark up top); a tail below it,
        // taller (a colon's lower dot is not), reaching the line's lower part; the two not a character's height apart
        return dotHeight >= 0.06 * lh && dotHeight <= 0.3 * lh
                && dotMiddle >= 0.25 * lh && dotMiddle <= 0.7 * lh
                && tailHeight >= 1.2 * dotHeight && tailHeight <= 0.5 * lh
                && tail[1] - lineTop >= 0.6 * lh
                && tail[0] - dot[1] <= 0.45 * lh;
    }

    /** Half-way between the window's darkest and lightest grey; -1 when it holds no contrast (no ink). */
    private static int threshold(GrayImage img, int x0, int y0, int x1, int y1) {
        int min = 255;
        int max = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int v = img.get(x, y);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return max - min < 60 ? -1 : (min + max) / 2;
    }

    private static String joinedWords(Line l) {
        StringBuilder sb = new StringBuilder();
        for (Word w : l.words()) sb.append(w.text());
        return sb.toString();
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (isComma(s.charAt(i))) n++;
        return n;
    }

    private static boolean isAsciiAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
