package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.table.pdf.InkLayoutTest.Page;
import org.nianbao.ingest.table.report.StandardTemplates;
import org.nianbao.ingest.table.report.TemplateCell;

class SectionFourInkTest {
    static final int EM = InkLayoutTest.EM;
    static final int PITCH = (int) (EM * 3.4);
    static final int LEFT = 200;
    /** The five bottom labels, as set: two lines each, 总计 one. */
    static final String[][] BOTTOM = {{"结果", "维持"}, {"结果", "纠正"}, {"其他", "结果"}, {"尚未", "审结"}, {"总计"}};

    /** What was drawn where: a reader that reads every drawn item whose middle lies in the piece. */
    static final class Drawn implements SectionFourInk.Reader {
        final List<Rectangle> boxes = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        int reads;

        void add(Rectangle r, String text) {
            boxes.add(r);
            texts.add(text);
        }

        @Override
        public String read(Rectangle p) {
            reads++;
            return pageText(p);
        }

        @Override
        public String pageText(Rectangle p) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < boxes.size(); i++) {
                Rectangle r = boxes.get(i);
                if (p.contains(r.getCenterX(), r.getCenterY())) b.append(texts.get(i));
            }
            return b.toString();
        }

        @Override
        public SectionFourInk.Reader withEm(double em) {
            return this;
        }

        @Override
        public boolean late() {
            return false;
        }
    }

    static int centre(int col) {
        return centre(col, PITCH);
    }

    static int centre(int col, int pitch) {
        return LEFT + col * pitch + pitch / 2;
    }

    /** Characters of {@code text} set solid, centred on x, top at y. */
    static void centred(Page p, Drawn d, String text, int x, int y) {
        int w = text.length() * EM;
        int x0 = x - w / 2;
        p.chars(x0, y, text.length());
        d.add(new Rectangle(x0, y, w, EM), text);
    }

    /**
     * The section 四 table as the generated reports set it without rules: captions over the groups, the
     * first five labels two lines high and centred on two rows, the other ten a little lower, one line
     * of fifteen figures; a heading above it. {@code figures}: the columns that have a figure.
     */
    static Drawn sectionFour(Page p, boolean[] figures, boolean header) {
        return sectionFour(p, figures, header, PITCH);
    }

    /** The same with the columns {@code pitch} pixels apart. */
    static Drawn sectionFour(Page p, boolean[] figures, boolean header, int pitch) {
        java.util.function.IntUnaryOperator centre = c -> centre(c, pitch);
        Drawn d = new Drawn();
        centred(p, d, "四、政府信息公开行政复议、行政诉讼情况", 1200, 40);
        if (header) {
            centred(p, d, "行政复议", (centre.applyAsInt(0) + centre.applyAsInt(4)) / 2, 140);
            centred(p, d, "行政诉讼", (centre.applyAsInt(5) + centre.applyAsInt(14)) / 2, 120);
            centred(p, d, "未经复议直接起诉", (centre.applyAsInt(5) + centre.applyAsInt(9)) / 2, 210);
            centred(p, d, "复议后起诉", (centre.applyAsInt(10) + centre.applyAsInt(14)) / 2, 210);
            for (int c = 0; c < 15; c++) {
                int k = c < 5 ? c : (c - 5) % 5;
                int top = c < 5 ? 300 : 280;
                if (BOTTOM[k].length == 1) {
                    centred(p, d, BOTTOM[k][0], centre.applyAsInt(c), top + 25);
                } else {
                    centred(p, d, BOTTOM[k][0], centre.applyAsInt(c), top);
                    centred(p, d, BOTTOM[k][1], centre.applyAsInt(c), top + 50);
                }
            }
        } else {
            for (int c = 0; c < 15; c += 3) centred(p, d, "项目名称", centre.applyAsInt(c) + EM, 200);
            for (int c = 0; c < 15; c += 3) centred(p, d, "数量", centre.applyAsInt(c), 300);
        }
        for (int c = 0; c < 15; c++) {
            if (!figures[c]) continue;
            p.figure(centre.applyAsInt(c) - EM / 4, 420, 1);
            d.add(new Rectangle(centre.applyAsInt(c) - EM / 4, 426, EM / 2, 27), String.valueOf(c % 10));
        }
        return d;
    }

    static boolean[] all(boolean v) {
        boolean[] b = new boolean[15];
        java.util.Arrays.fill(b, v);
        return b;
    }

    @Test
    void aLineOfFifteenFiguresUnderTheHeaderIsTheSectionFourTable() throws Exception {
        Page p = new Page(2600, 600);
        Drawn d = sectionFour(p, all(true), true);
        List<PdfRulingTables.Found> found = SectionFourInk.find(p.mask(), List.of(), EM, d);
        assertEquals(1, found.size());
        Table t = found.get(0).block().table();
        assertEquals(4, t.rows());
        assertEquals(15, t.cols());
        assertEquals(AlignedColumnTables.ORIGIN, found.get(0).block().origin());
        // the template's spans, the figures in order on the data row
        for (TemplateCell c : StandardTemplates.byId(StandardTemplates.SEC4).cells()) {
            Cell got = t.cellAt(c.row(), c.col());
            assertEquals(c.rowSpan(), got.rowSpan());
            assertEquals(c.colSpan(), got.colSpan());
            if (!c.value()) assertEquals(c.label(), got.text());
        }
        for (int c = 0; c < 15; c++) assertEquals(String.valueOf(c % 10), t.cellAt(3, c).text());
        // the frame holds the header and the figures, not the heading
        assertTrue(found.get(0).frame().y() >= 100, found.get(0).frame().toString());
        assertTrue(found.get(0).block().warnings().stream().anyMatch(w -> w.code().equals(SectionFourInk.HEADER_WARNING)));
    }

    @Test
    void aHeaderWhoseLabelsStandCloserThanAColumnGapIsFound() throws Exception {
        // columns 2.85 em apart: the two-character labels' ink stands 0.95 em apart, closer than a column gap, as
        // the generated reports set them (2.9–3 em): a row of the header is one piece at column gaps
        Page p = new Page(2600, 600);
        Drawn d = sectionFour(p, all(true), true, (int) (EM * 2.85));
        List<PdfRulingTables.Found> found = SectionFourInk.find(p.mask(), List.of(), EM, d);
        assertEquals(1, found.size());
        Table t = found.get(0).block().table();
        for (int c = 0; c < 15; c++) assertEquals(String.valueOf(c % 10), t.cellAt(3, c).text());
        assertTrue(found.get(0).frame().y() >= 100, "the heading stays out: " + found.get(0).frame());
    }

    @Test
    void aMissingFigureIsPlacedByTheHeaderLabelsColumns() throws Exception {
        Page p = new Page(2600, 600);
        boolean[] figures = all(true);
        figures[2] = false;
        figures[11] = false;
        Drawn d = sectionFour(p, figures, true);
        List<PdfRulingTables.Found> found = SectionFourInk.find(p.mask(), List.of(), EM, d);
        assertEquals(1, found.size());
        Table t = found.get(0).block().table();
        assertEquals("", t.cellAt(3, 2).text());
        assertEquals("", t.cellAt(3, 11).text());
        assertEquals("3", t.cellAt(3, 3).text());
        assertEquals("4", t.cellAt(3, 14).text());
    }

    @Test
    void figuresUnderAnotherHeaderStayText() throws Exception {
        Page p = new Page(2600, 600);
        Drawn d = sectionFour(p, all(true), false);
        assertTrue(SectionFourInk.find(p.mask(), List.of(), EM, d).isEmpty());
        // the page reading showed none of the header's words: no piece was read at all
        assertEquals(0, d.reads);
    }

    @Test
    void aLineOfFiguresInsideATableAlreadyFoundIsLeftAlone() throws Exception {
        Page p = new Page(2600, 600);
        Drawn d = sectionFour(p, all(true), true);
        assertTrue(SectionFourInk.find(p.mask(), List.of(new Rectangle(0, 400, 2600, 100)), EM, d).isEmpty());
    }

    @Test
    void aLineOfLargerTextOrOfFewFiguresIsNoLineOfFigures() {
        Page p = new Page(2600, 200);
        for (int c = 0; c < 15; c++) p.ink(centre(c) - EM, 50, 2 * EM, (int) (EM * 1.1));
        Rectangle band = InkLayout.inkBox(p.mask(), new Rectangle(0, 0, 2600, 200));
        assertNull(SectionFourInk.figureLine(p.mask(), band, EM));
        Page q = new Page(2600, 200);
        for (int c = 0; c < 9; c++) q.figure(centre(c), 50, 2);
        Rectangle few = InkLayout.inkBox(q.mask(), new Rectangle(0, 0, 2600, 200));
        assertNull(SectionFourInk.figureLine(q.mask(), few, EM));
        Page r = new Page(2600, 200);
        for (int c = 0; c < 15; c++) r.figure(centre(c), 50, 2);
        Rectangle line = InkLayout.inkBox(r.mask(), new Rectangle(0, 0, 2600, 200));
        assertNotNull(SectionFourInk.figureLine(r.mask(), line, EM));
    }

    @Test
    void keysCountTheHeadersWords() {
        assertEquals(8, SectionFourInk.keys("行政复议 行政诉讼 未经复议直接起诉 复议后起诉 结果维持 结果纠正 尚未审结 总计"));
        assertEquals(2, SectionFourInk.keys("四、政府信息公开行政复议、行政诉讼情况"));
    }

    @Test
    void figuresGoToTheNearestColumnOrNowhere() {
        double[] columns = new double[15];
        for (int c = 0; c < 15; c++) columns[c] = 100 + 50 * c;
        assertArrayEquals(new int[] {0, 2, 14}, SectionFourInk.placed(new double[] {104, 195, 801}, columns));
        // two figures in one column
        assertNull(SectionFourInk.placed(new double[] {100, 110}, columns));
        // far right of the last column
        assertNull(SectionFourInk.placed(new double[] {100, 900}, columns));
        assertNull(SectionFourInk.placed(new double[] {100}, null));
    }

    @Test
    void labelColumnsJoinTheLinesOfTwoLineLabels() {
        List<Rectangle> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < 15; c++) {
            boxes.add(new Rectangle(centre(c) - EM, 300, 2 * EM, EM));
            texts.add("结果");
            boxes.add(new Rectangle(centre(c) - EM + 3, 350, 2 * EM, EM));
            texts.add("维持");
        }
        boxes.add(new Rectangle(centre(7) - 4 * EM, 200, 8 * EM, EM));
        texts.add("未经复议直接起诉");
        double[] cols = SectionFourInk.labelColumns(boxes, texts, EM);
        assertNotNull(cols);
        assertEquals(centre(0) + 1.5, cols[0], 0.01);
        // fourteen columns of labels are no section 四 header
        assertNull(SectionFourInk.labelColumns(boxes.subList(0, 28), texts.subList(0, 28), EM));
    }
}
