package org.nianbao.ingest.eval.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.nianbao.ingest.eval.gen.FilledTable;
import org.nianbao.ingest.eval.gen.Para;
import org.nianbao.ingest.eval.gen.ParaKind;
import org.nianbao.ingest.eval.gen.Section;
import org.nianbao.ingest.eval.gen.SyntheticReport;
import org.nianbao.ingest.eval.render.Faces.DocFaces;
import org.nianbao.ingest.eval.render.LineBreaker.Run;
import org.nianbao.ingest.eval.render.LineBreaker.SetLine;

/**
 * Draws a report as a born-digital PDF with PDFBox: embedded CJK subset fonts (宋/楷/黑 looks), the
 * standard tables as ruled grids with merged cells, tables continuing onto the next page, page numbers
 * {@code - 2 -} at the foot of each A4 page. Also records on which pages every text and table row
 * landed, which the truth needs for scans of part of a report.
 */
public final class PdfReportWriter {

    /**
     * @param textPages     pages of every text unit, in {@link SyntheticReport#allText()} order
     * @param tableRowPages per table id, the page of every grid row
     * @param closing       where the closing lines (issuing organisation, date) were drawn, in PDF points
     *                      from the page's lower left: a scan puts the organisation's seal over them
     */
    public record Result(byte[] pdf, int pageCount, PdfStyle style, List<List<Integer>> textPages,
                         Map<String, int[]> tableRowPages, List<Box> closing) { }

    /** A rectangle on a page, in PDF points from the lower left. */
    public record Box(int page, float x, float y, float width, float height) { }

    private PdfReportWriter() { }

    public static Result write(SyntheticReport report) throws IOException {
        return write(report, true);
    }

    /**
     * @param ruled false: the standard tables are set as aligned columns with no rules (same places, same
     *              pages as the ruled PDF, so the truth's page of every row holds for both)
     */
    public static Result write(SyntheticReport report, boolean ruled) throws IOException {
        return write(report, ruled, Look.STANDARD);
    }

    /** @param look fonts and table habits ({@link Look#STANDARD} for every form but scan-real) */
    public static Result write(SyntheticReport report, boolean ruled, Look look) throws IOException {
        PdfStyle style = PdfStyle.pick(report.seed());
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(report.title());
            info.setAuthor(report.agency());
            info.setCreator("nianbao-ingest eval generator");
            DocFaces faces = new DocFaces(doc, look.fonts());
            Composer c = new Composer(doc, faces, style, ruled, look);
            List<List<Integer>> textPages = new ArrayList<>();
            Map<String, int[]> rowPages = new LinkedHashMap<>();
            for (Section s : report.sections()) {
                if (s.heading() != null) textPages.add(c.paragraph(s.heading()));
                for (Para p : s.paragraphs()) textPages.add(c.paragraph(p));
                if (s.tableId() != null) rowPages.put(s.tableId(), c.table(report.table(s.tableId())));
            }
            c.finish();
            fixId(doc, report.seed());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new Result(out.toByteArray(), c.canvas.pageCount(), style, textPages, rowPages, List.copyOf(c.closing));
        }
    }

    /**
     * Sets the trailer /ID from a seed: PDFBox otherwise derives it from the clock, and the committed
     * fixtures would change on every regeneration.
     */
    public static void fixId(PDDocument doc, long seed) {
        byte[] id = new byte[16];
        new java.util.Random(seed).nextBytes(id);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /**
     * A table alone, drawn the way the PDF draws it and rendered to a grey image at {@code dpi}: what a
     * web page that shows its tables as pictures contains.
     */
    public static BufferedImage tableImage(FilledTable table, PdfStyle style, float dpi) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            DocFaces faces = new DocFaces(doc);
            TableSetter setter = new TableSetter(table, faces, style.tableSize(), style.textWidth());
            float margin = 6f;
            PDRectangle size = new PDRectangle(setter.width() + 2 * margin, setter.height() + 2 * margin);
            try (Canvas canvas = new Canvas(doc, size)) {
                int page = canvas.newPage();
                TableSetter.Placement p = setter.place(canvas, page, size.getHeight() - margin, -1e6f, size.getHeight() - margin);
                setter.draw(canvas, margin, p);
            }
            return new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.GRAY);
        }
    }

    /** Lays text and tables down the pages. */
    private static final class Composer {
        final PDDocument doc;
        final DocFaces faces;
        final PdfStyle st;
        final Canvas canvas;
        int page;
        float y;
        boolean closingStarted;
        final boolean ruled;
        final Look look;
        final List<Box> closing = new ArrayList<>();

        Composer(PDDocument doc, DocFaces faces, PdfStyle st, boolean ruled, Look look) throws IOException {
            this.ruled = ruled;
            this.look = look;
            this.doc = doc;
            this.faces = faces;
            this.st = st;
            this.canvas = new Canvas(doc, new PDRectangle(st.pageWidth(), st.pageHeight()));
            this.page = canvas.newPage();
            this.y = st.pageHeight() - st.top();
        }

        List<Integer> paragraph(Para p) throws IOException {
            float size = st.bodySize();
            float leading = st.leading();
            float indent = 2 * size;
            float width = st.textWidth();
            List<Run> runs = new ArrayList<>();
            int align = 0; // 0 left, 1 centre, 2 right
            switch (p.kind()) {
                case TITLE -> {
                    size = st.titleSize();
                    leading = size * 1.6f;
                    indent = 0;
                    align = 1;
                    runs.add(new Run(p.text(), FontRole.HEI));
                }
                case HEADING -> {
                    runs.add(new Run(p.text(), FontRole.HEI));
                    // keep a heading with what follows it
                    if (y - 3 * leading < st.bottom()) newPage();
                }
                case SUBHEADING -> runs.add(new Run(p.text(), FontRole.KAI));
                case CLOSING -> {
                    indent = 0;
                    align = 2;
                    runs.add(new Run(p.text(), FontRole.SONG));
                    if (!closingStarted) {
                        closingStarted = true;
                        y -= leading;
                    }
                }
                default -> {
                    if (p.leadLength() > 0) runs.add(new Run(p.text().substring(0, p.leadLength()), FontRole.KAI));
                    runs.add(new Run(p.text().substring(p.leadLength()), FontRole.SONG));
                }
            }
            List<SetLine> lines = LineBreaker.breakLines(runs, faces, size, width - indent, align == 0 ? width : width - indent);
            if (p.kind() == ParaKind.TITLE && lines.size() > 1) lines = titleLines(p.text(), size, width);
            TreeSet<Integer> pages = new TreeSet<>();
            boolean first = true;
            for (SetLine line : lines) {
                if (y - leading < st.bottom()) newPage();
                float baseline = y - leading + (leading - size) / 2 + size * 0.14f;
                float x = switch (align) {
                    case 1 -> st.left() + (width - line.width()) / 2;
                    case 2 -> st.left() + width - line.width() - 2 * size;
                    default -> st.left() + (first ? indent : 0);
                };
                canvas.text(page, x, baseline, line, size);
                if (p.kind() == ParaKind.CLOSING) closing.add(new Box(page, x, baseline - size * 0.14f, line.width(), size));
                pages.add(page);
                y -= leading;
                first = false;
            }
            if (p.kind() == ParaKind.TITLE) y -= leading * 0.5f;
            return new ArrayList<>(pages);
        }

        /** A long title breaks after the agency name, as typeset titles do, not wherever the line is full. */
        private List<SetLine> titleLines(String title, float size, float width) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4}年").matcher(title);
            List<SetLine> out = new ArrayList<>();
            int cut = m.find() && m.start() > 0 ? m.start() : title.length() / 2;
            for (String part : new String[]{title.substring(0, cut), title.substring(cut)}) {
                out.addAll(LineBreaker.breakLines(List.of(new Run(part, FontRole.HEI)), faces, size, width, width));
            }
            return out;
        }

        int[] table(FilledTable table) throws IOException {
            TableSetter setter = new TableSetter(table, faces, st.tableSize() + look.tableSizeDelta(), st.textWidth(), ruled, look);
            y -= st.leading() * 0.25f;
            float x0 = st.left() + (st.textWidth() - setter.width()) / 2;
            TableSetter.Placement p = setter.place(canvas, page, y, st.bottom(), st.pageHeight() - st.top());
            setter.draw(canvas, x0, p);
            int last = table.layout().rows() - 1;
            page = p.rowPage()[last];
            y = p.rowTop()[last] - setter.rowHeight(last);
            y -= st.leading() * 0.5f;
            return p.rowPage();
        }

        void newPage() throws IOException {
            page = canvas.newPage();
            y = st.pageHeight() - st.top();
        }

        void finish() throws IOException {
            for (int n = 1; n <= canvas.pageCount(); n++) {
                String label = "- " + n + " -";
                List<SetLine> ls = LineBreaker.breakLines(List.of(new Run(label, FontRole.SONG)), faces, st.pageNumberSize(), 1e4f, 1e4f);
                SetLine line = ls.get(0);
                float x = st.left() + (st.textWidth() - line.width()) / 2;
                canvas.text(n, x, st.bottom() * 0.5f, line, st.pageNumberSize());
            }
            canvas.close();
        }
    }
}
