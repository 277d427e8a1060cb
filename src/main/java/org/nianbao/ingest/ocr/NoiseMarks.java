package org.nianbao.ingest.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

/**
 * Drops "words" that are nothing but a punctuation mark read with low confidence: what the model
 * makes of a speck of dust or toner next to the text (+. +“ +_ on noisy scans). Real punctuation is
 * read with confidence like the characters around it.
 */
final class NoiseMarks {
    /** Below this confidence a lone mark is taken for dust. */
    static final double MIN_CONFIDENCE = 45;
    private static final Pattern MARKS = Pattern.compile("[.·'\"“”‘’`,:;_\\-~|°^*]+");

    private NoiseMarks() { }

    /** A punctuation mark read with low confidence: dust, not text. */
    static boolean isNoise(Word w) {
        return w.confidence() < MIN_CONFIDENCE && MARKS.matcher(w.text()).matches();
    }

    /**
     * A "line" that is nothing but dust marks ({@link #drop} removes it whole). Its box says nothing about
     * where text is: the layout can give such a reading a box over a real line it failed to read.
     */
    static boolean onlyNoise(Line l) {
        if (l.words().isEmpty()) return l.text().isBlank();
        for (Word w : l.words()) if (!isNoise(w)) return false;
        return true;
    }

    static OcrResult drop(OcrResult r) {
        boolean changed = false;
        List<OcrResult.Paragraph> paras = new ArrayList<>();
        for (OcrResult.Paragraph p : r.paragraphs()) {
            List<Line> lines = new ArrayList<>();
            for (Line l : p.lines()) {
                List<Word> keep = new ArrayList<>(l.words().size());
                for (Word w : l.words()) {
                    if (isNoise(w)) continue;
                    keep.add(w);
                }
                if (keep.size() == l.words().size()) {
                    lines.add(l);
                } else {
                    changed = true;
                    if (!keep.isEmpty()) lines.add(new Line(CjkSpacing.joinWords(keep, l.box().height()), l.box(), l.confidence(), keep));
                }
            }
            if (!lines.isEmpty()) paras.add(new OcrResult.Paragraph(lines));
        }
        return changed ? new OcrResult(paras, r.confidence(), r.millis()) : r;
    }
}
