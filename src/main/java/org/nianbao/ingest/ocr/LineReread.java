package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;

/**
 * Second chance for lines the page segmentation botched. On noisy scans Tesseract sometimes cuts a
 * perfectly legible line of Chinese badly and reads it as a few Latin letters ("aa DO" for a line of
 * 36 characters). Such a line — on a Chinese page, more Latin letters than Chinese characters, or a
 * very low confidence — is read again as a single line (PSM 7) across the whole text column, between
 * its neighbours; the new reading replaces it when it is clearly better.
 */
final class LineReread {
    static final double LOW_CONFIDENCE = 40;

    private LineReread() { }

    static OcrResult apply(OcrEngine engine, GrayImage image, OcrResult r, OcrOptions options) throws OcrException {
        List<Line> all = r.lines();
        TextColumn column = TextColumn.ofChinesePage(all);
        if (column == null) return r; // not a Chinese page: nothing to judge by
        double left = column.left();
        double right = column.right();
        List<OcrResult.Paragraph> out = new ArrayList<>();
        boolean changed = false;
        int index = 0;
        for (OcrResult.Paragraph p : r.paragraphs()) {
            List<Line> lines = new ArrayList<>();
            for (Line l : p.lines()) {
                Line prev = index > 0 ? all.get(index - 1) : null;
                Line next = index + 1 < all.size() ? all.get(index + 1) : null;
                index++;
                if (!suspicious(l)) {
                    lines.add(l);
                    continue;
                }
                double top = prev == null ? l.box().y() - l.box().height() * 0.3 : Math.max(prev.box().bottom(), l.box().y() - l.box().height() * 0.3);
                double bottom = next == null ? l.box().bottom() + l.box().height() * 0.3 : Math.min(next.box().y(), l.box().bottom() + l.box().height() * 0.3);
                Rectangle band = new Rectangle((int) Math.floor(left), (int) Math.floor(top),
                        (int) Math.ceil(right - left), (int) Math.ceil(bottom - top))
                        .intersection(new Rectangle(0, 0, image.width(), image.height()));
                if (band.isEmpty() || band.height < 8) {
                    lines.add(l);
                    continue;
                }
                OcrResult again = engine.read(image, band, OcrMode.LINE, options);
                List<Line> got = again.lines();
                Line better = got.isEmpty() ? null : merge(got);
                boolean taken = better != null && count(better.text(), true) > count(l.text(), true) + 2 && better.confidence() > l.confidence();
                if (RereadLog.on()) RereadLog.note("suspicious", l, better, taken);
                if (taken) {
                    lines.add(better);
                    changed = true;
                } else {
                    lines.add(l);
                }
            }
            if (!lines.isEmpty()) out.add(new OcrResult.Paragraph(lines));
        }
        return changed ? new OcrResult(out, r.confidence(), r.millis()) : r;
    }

    static boolean suspicious(Line l) {
        int latin = count(l.text(), false);
        int han = count(l.text(), true);
        return latin >= 2 && latin > han || l.confidence() < LOW_CONFIDENCE && l.text().length() > 1;
    }

    /**
     * The horizontal extent of a page's text, when the page reads as Chinese (at least three lines, 60%
     * of its characters Chinese): the re-reads judge lines by Chinese words and read across this column.
     */
    record TextColumn(double left, double right) {
        /** Fewer lines than this tell nothing about a page. */
        static final int MIN_LINES = 3;

        static TextColumn ofChinesePage(List<Line> all) {
            if (all.size() < MIN_LINES) return null;
            int han = 0;
            int chars = 0;
            double left = Double.MAX_VALUE;
            double right = -Double.MAX_VALUE;
            for (Line l : all) {
                han += count(l.text(), true);
                chars += l.text().replaceAll("\\s", "").length();
                left = Math.min(left, l.box().x());
                right = Math.max(right, l.box().right());
            }
            return chars == 0 || han < chars * 0.6 ? null : new TextColumn(left, right);
        }
    }

    private static Line merge(List<Line> lines) {
        if (lines.size() == 1) return lines.get(0);
        List<org.nianbao.ingest.model.Word> words = new ArrayList<>();
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        double conf = 0;
        for (Line l : lines) {
            words.addAll(l.words());
            x0 = Math.min(x0, l.box().x());
            y0 = Math.min(y0, l.box().y());
            x1 = Math.max(x1, l.box().right());
            y1 = Math.max(y1, l.box().bottom());
            conf += l.confidence();
        }
        Box box = new Box(x0, y0, x1 - x0, y1 - y0);
        return new Line(CjkSpacing.joinWords(words, box.height()), box, conf / lines.size(), words);
    }

    private static int count(String s, boolean han) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (han ? Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN : (cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z')) n++;
        }
        return n;
    }
}
