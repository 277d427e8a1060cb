package org.nianbao.ingest.ocr;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.Word;

/** Turns a read page into document blocks, with boxes converted to page units. */
public final class OcrBlocks {
    private OcrBlocks() { }

    /**
     * Headings and paragraphs of a read page.
     *
     * @param scale      page units per image pixel (72/dpi for a PDF page in points, 1 for images in pixels)
     * @param dx         offset added to x after scaling (a region's position on its page)
     * @param dy         offset added to y after scaling
     * @param provenance given to every block
     */
    public static List<Block> blocks(PageReader.PageText page, double scale, double dx, double dy, Provenance provenance) {
        List<Block> out = new ArrayList<>();
        for (LineParagraphs.Placed p : placed(page, scale, dx, dy, provenance)) out.add(p.block());
        return out;
    }

    /** Blocks with their top on the page, grouped as read (upright), boxes on the page as given. */
    public static List<LineParagraphs.Placed> placed(PageReader.PageText page, double scale, double dx, double dy, Provenance provenance) {
        return LineParagraphs.placed(page.readLines(), provenance, l -> scale(page.toPage(l), scale, dx, dy));
    }

    public static Line scale(Line l, double s, double dx, double dy) {
        if (s == 1 && dx == 0 && dy == 0) return l;
        List<Word> words = new ArrayList<>(l.words().size());
        for (Word w : l.words()) words.add(new Word(w.text(), scale(w.box(), s, dx, dy), w.confidence()));
        return new Line(l.text(), scale(l.box(), s, dx, dy), l.confidence(), words);
    }

    public static Box scale(Box b, double s, double dx, double dy) {
        return new Box(b.x() * s + dx, b.y() * s + dy, b.width() * s, b.height() * s);
    }
}
