package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.util.Han;

/**
 * Second reading of a paragraph's short last line (工作。 无。 况。, a short heading) read as junk. The
 * Chinese model reads a line of two or three characters with nothing around it badly, even when the
 * print is clean: on the held-out scans (seed 31) 工作。 came out as 了人>、 from the page, and as 工作“,
 * TIE or 本人 。 when the line was cut out alone and read in any page segmentation mode; 无。 as Te.
 * Read glued to the right of a well-read line of the same page (one image: the long line, a gap, the
 * short line), the same pixels come out right (工作。, 无。, (二)改进情况): the model has a line's worth
 * of context to settle its reading. The words that fall on the short line's part of the glued image
 * are its new reading.
 *
 * <p>The new reading replaces the line only when it is plausible Chinese (Chinese characters, no Latin
 * letters) with the confidence of real text and clearly more confident than the old one. A short line
 * that stays junk — no Chinese, Latin letters, almost no confidence — on a Chinese page is dropped:
 * junk costs a reader more than a missing mark.
 *
 * <p>Cost: one line-sized read (about two lines wide) per weak short line; none on most pages.
 */
final class ShortLineReread {
    /** A line is short at this many characters or fewer (spaces not counted). */
    static final int SHORT = 8;
    /** ... and weak below this mean confidence (clean Chinese reads at 85-97). */
    static final double WEAK = 70;
    /** The glued reading is kept from this mean confidence ... */
    static final double MIN_CONFIDENCE = 60;
    /** ... when it is this much more confident than the first reading. */
    static final double GAIN = 10;
    /** A line with no Chinese and Latin letters read below this confidence is junk (a speck, a smudge). */
    static final double JUNK = 30;
    /** A context line: this many Chinese characters, read at this confidence. */
    static final int CONTEXT_HAN = 10;
    static final double CONTEXT_CONFIDENCE = 85;
    /** Short lines re-read per page at most: more is a bad page, not a few short lines. */
    static final int MAX_LINES = 6;

    /** Quotation marks the model reads in the gap of a glued image. */
    private static final String QUOTES = "“”\"‘’'「」";
    /** Marks a Chinese line holds besides Chinese characters and digits; anything else (> / = Latin) is a misreading. */
    private static final String MARKS = "，。、；：？！“”‘’（）《》【】—…·,.;:?!()%-－";
    /** A reading replacing one that is not plausible is kept from this mean confidence. */
    static final double MIN_REPAIR_CONFIDENCE = 40;

    private ShortLineReread() { }

    /**
     * The result with weak short lines read again; a note naming every junk line dropped (its text as read)
     * goes to {@code notes}, the page's reading reason, so that nothing leaves unrecorded.
     */
    static OcrResult apply(OcrEngine engine, GrayImage image, OcrResult r, OcrOptions options, List<String> notes) throws OcrException {
        List<Line> all = r.lines();
        if (LineReread.TextColumn.ofChinesePage(all) == null) return r;
        double lineHeight = WeakWordReread.medianTextHeight(all);
        if (lineHeight < 8) return r;
        List<OcrResult.Paragraph> out = new ArrayList<>();
        boolean changed = false;
        int budget = MAX_LINES;
        List<String> dropped = new ArrayList<>();
        for (OcrResult.Paragraph p : r.paragraphs()) {
            List<Line> lines = new ArrayList<>();
            for (Line l : p.lines()) {
                if (budget <= 0 || !weakShort(l)) {
                    lines.add(l);
                    continue;
                }
                budget--;
                Line context = context(all, l);
                Line again = context == null ? null : readGlued(engine, image, l.box(), context, lineHeight, options);
                boolean taken = again != null && plausible(again) && (again.confidence() >= MIN_CONFIDENCE
                        && again.confidence() >= l.confidence() + GAIN
                        || !plausible(l) && again.confidence() >= MIN_REPAIR_CONFIDENCE);
                if (RereadLog.on()) RereadLog.note("short", l, again, taken);
                if (taken) {
                    lines.add(again);
                    changed = true;
                } else if (junk(l)) {
                    dropped.add(l.text().strip());
                    changed = true;
                } else {
                    lines.add(l);
                }
            }
            if (!lines.isEmpty()) out.add(new OcrResult.Paragraph(lines));
        }
        if (!dropped.isEmpty()) notes.add(dropped.size() + " short line(s) read as junk dropped: " + String.join(" | ", dropped));
        return changed ? new OcrResult(out, r.confidence(), r.millis()) : r;
    }

    /** A short line (a paragraph's last, a short heading) read with little confidence or as Latin letters; not a table row. */
    static boolean weakShort(Line l) {
        String t = l.text().replaceAll("\\s", "");
        int n = t.codePointCount(0, t.length());
        // figures alone (a table's 7, a page number) are left as read: a Chinese reading of them is never better
        if (n == 0 || n > SHORT || LineParagraphs.isRow(l) || Han.count(t) == 0 && latin(t) == 0) return false;
        return l.confidence() < WEAK || latin(t) > 0;
    }

    /** No Chinese, some Latin letters, almost no confidence: what a speck or a smudge is read as. */
    static boolean junk(Line l) {
        String t = l.text().replaceAll("\\s", "");
        return Han.count(t) == 0 && latin(t) > 0 && l.confidence() < JUNK;
    }

    /**
     * Chinese characters, the Chinese at least half of what was read, and besides them only digits and the
     * marks Chinese text uses (no Latin letters, no > / = |).
     */
    static boolean plausible(Line l) {
        String t = l.text().replaceAll("\\s", "");
        int han = Han.count(t);
        if (han == 0 || 2 * han < t.codePointCount(0, t.length())) return false;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            boolean ok = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp >= '0' && cp <= '9' || MARKS.indexOf(cp) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    /**
     * The line the short one is read after: the nearest well-read line of running text above it (the
     * paragraph it ends), else below it.
     */
    static Line context(List<Line> all, Line l) {
        int at = all.indexOf(l);
        for (int j = at - 1; j >= 0; j--) if (goodContext(all.get(j))) return all.get(j);
        for (int j = at + 1; j < all.size(); j++) if (goodContext(all.get(j))) return all.get(j);
        return null;
    }

    /** The well-read line of running text nearest to the row {@code y}; null when the page has none. */
    static Line nearestContext(List<Line> all, double y) {
        Line best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Line c : all) {
            if (!goodContext(c)) continue;
            double d = Math.abs(c.box().y() + c.box().height() / 2 - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    private static boolean goodContext(Line c) {
        return Han.count(c.text()) >= CONTEXT_HAN && c.confidence() >= CONTEXT_CONFIDENCE && !LineParagraphs.isRow(c);
    }

    /**
     * Reads the region {@code box} of {@code image} (widened by a line height each side, a line and a half
     * high around its middle) glued to the right of {@code context}'s region; returns the words read on
     * the glued-on part, with boxes on the page, as one line; null when nothing was read there.
     */
    static Line readGlued(OcrEngine engine, GrayImage image, Box box, Line context, double lineHeight, OcrOptions options)
            throws OcrException {
        Rectangle page = new Rectangle(0, 0, image.width(), image.height());
        int high = (int) Math.round(1.5 * lineHeight);
        Rectangle own = centred(box.x() - lineHeight, box.right() + lineHeight, box, high).intersection(page);
        Box cb = context.box();
        Rectangle ctx = centred(cb.x() - 0.3 * lineHeight, cb.right() + 0.3 * lineHeight, cb, high).intersection(page);
        if (own.width < RegionCut.MIN_BAND || own.height < RegionCut.MIN_BAND || ctx.isEmpty()) return null;
        int gap = (int) Math.round(lineHeight);
        Glued g = glue(image.crop(ctx), image.crop(own), gap);
        OcrResult got = engine.read(g.image(), null, OcrMode.LINE, options);
        List<Word> words = new ArrayList<>();
        for (Line gl : got.lines()) {
            for (Word w : gl.words()) {
                Box b = w.box();
                // a word belongs to the short line when its middle lies on the line's own box (a quarter of a line
                // height either side): what is read in the blank margin cut out around it is made up (和平。 for 平。)
                Box onPage = new Box(b.x() - g.secondX() + own.x, b.y() - g.secondY() + own.y, b.width(), b.height());
                double middle = onPage.x() + onPage.width() / 2;
                if (b.x() + b.width() / 2 < g.secondX() || middle < box.x() - 0.25 * lineHeight
                        || middle > box.right() + 0.25 * lineHeight) continue;
                words.add(new Word(w.text(), onPage, w.confidence()));
            }
        }
        if (words.isEmpty()) return null;
        words = dropGlueQuote(words);
        if (words.isEmpty()) return null;
        double sum = 0;
        int n = 0;
        for (Word w : words) {
            int k = Math.max(1, w.text().codePointCount(0, w.text().length()));
            sum += w.confidence() * k;
            n += k;
        }
        return new Line(CjkSpacing.joinWords(words, box.height()), box, sum / n, words);
    }

    /**
     * The glued reading's first word without an opening quote mark in front of Chinese: the model
     * sometimes reads the gap between the two parts as a quotation mark (“工作 for 工作, ”信息。 for 信息。).
     */
    static List<Word> dropGlueQuote(List<Word> words) {
        Word first = words.get(0);
        String t = first.text();
        if (t.length() < 2 || QUOTES.indexOf(t.charAt(0)) < 0 || Han.count(t.substring(1, 2)) == 0) return words;
        List<Word> out = new ArrayList<>(words);
        out.set(0, new Word(t.substring(1), first.box(), first.confidence()));
        return out;
    }

    private static Rectangle centred(double left, double right, Box b, int high) {
        int y = (int) Math.round(b.y() + b.height() / 2 - high / 2.0);
        int x = (int) Math.floor(left);
        return new Rectangle(x, y, (int) Math.ceil(right) - x, high);
    }

    /** Two images side by side on white, each centred vertically; {@code second*} is where the second one starts. */
    record Glued(GrayImage image, int secondX, int secondY) { }

    static Glued glue(GrayImage a, GrayImage b, int gap) {
        int h = Math.max(a.height(), b.height());
        int w = a.width() + gap + b.width();
        byte[] px = new byte[w * h];
        Arrays.fill(px, (byte) 0xFF);
        int ya = (h - a.height()) / 2;
        int yb = (h - b.height()) / 2;
        for (int y = 0; y < a.height(); y++) System.arraycopy(a.pixels(), y * a.width(), px, (y + ya) * w, a.width());
        int bx = a.width() + gap;
        for (int y = 0; y < b.height(); y++) System.arraycopy(b.pixels(), y * b.width(), px, (y + yb) * w + bx, b.width());
        return new Glued(new GrayImage(w, h, px), bx, yb);
    }

    private static int latin(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') n++;
        }
        return n;
    }
}
