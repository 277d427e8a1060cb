package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.LineParagraphs;
import org.nianbao.ingest.ocr.OcrResult;
import org.nianbao.ingest.ocr.PageReader;
import org.nianbao.ingest.ocr.prep.ImageRulings;

/**
 * Grids from the rules an OCR'd page's reader found and the words it read (300 dpi pixels): the
 * page reader's output is built by hand here, so the test needs no Tesseract.
 */
class ImageRulingTablesTest {
    private static final Provenance P = new Provenance(SourceKind.PDF, 1, Method.OCR, "test");

    private static Word word(String t, int x, int y) {
        return new Word(t, new Box(x, y, 30.0 * t.codePointCount(0, t.length()), 40), 90);
    }

    private static Line line(Word... words) {
        Box first = words[0].box();
        Box last = words[words.length - 1].box();
        String text = java.util.Arrays.stream(words).map(Word::text).collect(Collectors.joining(" "));
        return new Line(text, new Box(first.x(), first.y(), last.right() - first.x(), 40), 90, List.of(words));
    }

    @Test
    void rulesAndWordsBecomeAGridWithAMergedHeaderAndTextStaysOutside() {
        // a 3-row × 2-column table at x 400..1200, y 400..700; the header row has no middle rule;
        // the rules are slightly uneven, as a rule finder returns them
        List<ImageRulings.Segment> rules = new ArrayList<>();
        int[] ys = {400, 500, 600, 700};
        for (int y : ys) rules.add(new ImageRulings.Segment(true, 400, y + (y == 500 ? 2 : 0), 1200, y + (y == 500 ? 2 : 0), 3));
        rules.add(new ImageRulings.Segment(false, 400, 400, 400, 700, 3));
        rules.add(new ImageRulings.Segment(false, 1201, 400, 1201, 700, 3));
        rules.add(new ImageRulings.Segment(false, 799, 501, 799, 700, 3)); // the middle rule starts below the header
        List<Line> lines = List.of(
                line(word("一、总体情况", 400, 300)),
                line(word("申请人情况", 700, 430)),
                line(word("自然人", 450, 530), word("法人", 850, 530)),
                line(word("3", 450, 630), word("12", 850, 630)),
                line(word("本机关无其他需要报告的事项。", 400, 800)));
        PageReader.PageText page = new PageReader.PageText(List.of(new OcrResult.Paragraph(lines)), 90, 0, 0, rules, List.of(),
                1, lines, new AffineTransform());
        List<LineParagraphs.Placed> placed = ImageRulingTables.placed(page, 72.0 / 300, 0, 0, P);
        assertEquals(3, placed.size(), placed.toString());
        assertEquals("一、总体情况", placed.get(0).block().text());
        TableBlock t = assertInstanceOf(TableBlock.class, placed.get(1).block());
        assertEquals("image-rulings", t.origin());
        String cells = t.table().cells().stream()
                .map(c -> c.row() + "," + c.col() + ":" + c.rowSpan() + "x" + c.colSpan() + "=" + c.text()).collect(Collectors.joining(" "));
        assertEquals("0,0:1x2=申请人情况 1,0:1x1=自然人 1,1:1x1=法人 2,0:1x1=3 2,1:1x1=12", cells);
        assertEquals("本机关无其他需要报告的事项。", placed.get(2).block().text());
    }

    @Test
    void pageWithoutRulesReadsAsBefore() {
        List<Line> lines = List.of(line(word("正文", 400, 300)));
        PageReader.PageText page = new PageReader.PageText(List.of(new OcrResult.Paragraph(lines)), 90, 0, 0, List.of(), List.of(),
                1, lines, new AffineTransform());
        List<LineParagraphs.Placed> placed = ImageRulingTables.placed(page, 72.0 / 300, 0, 0, P);
        assertEquals(1, placed.size());
        assertEquals("正文", placed.get(0).block().text());
    }
}
