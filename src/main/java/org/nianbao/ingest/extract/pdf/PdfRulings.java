package org.nianbao.ingest.extract.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The vector ruling lines of a PDF page, for rebuilding table grids: stroked horizontal and vertical
 * line segments, the edges of stroked rectangles, and thin filled rectangles (how Word and WPS draw
 * table borders). Coordinates are {@link PageGeometry page coordinates} in points.
 */
public final class PdfRulings {
    private PdfRulings() { }

    /**
     * One ruling: from (x0, y0) to (x1, y1) with x0 &lt;= x1 and y0 &lt;= y1; a horizontal ruling has
     * y0 == y1 and a vertical one x0 == x1 (the centre line of the drawn rule).
     */
    public record Segment(double x0, double y0, double x1, double y1, double thickness) {
        public boolean horizontal() {
            return y0 == y1 && x1 > x0;
        }

        public double length() {
            return Math.max(x1 - x0, y1 - y0);
        }
    }

    /** The rulings of one page, split by direction, each list sorted top-to-bottom then left-to-right. */
    public record Rulings(List<Segment> horizontal, List<Segment> vertical) {
        public Rulings {
            horizontal = List.copyOf(horizontal);
            vertical = List.copyOf(vertical);
        }

        public static Rulings none() {
            return new Rulings(List.of(), List.of());
        }

        public boolean isEmpty() {
            return horizontal.isEmpty() && vertical.isEmpty();
        }
    }

    /**
     * The rulings of every page of a PDF file (1-based page number to rulings), for the table stage:
     * it gets the file from {@code Document.source()}. Pages that cannot be parsed have none.
     */
    public static java.util.Map<Integer, Rulings> extractAll(java.nio.file.Path pdf, int maxPages) throws IOException {
        java.util.Map<Integer, Rulings> out = new java.util.TreeMap<>();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile(), "")) {
            int n = Math.min(doc.getNumberOfPages(), maxPages);
            for (int i = 0; i < n; i++) {
                try {
                    out.put(i + 1, extract(doc.getPage(i)));
                } catch (IOException | RuntimeException e) {
                    out.put(i + 1, Rulings.none());
                }
            }
        }
        return out;
    }

    /** Reads the page's content (forms included) and returns its rulings. */
    public static Rulings extract(PDPage page) throws IOException {
        PdfGraphics g = new PdfGraphics(page);
        g.run();
        return g.rulings();
    }

    static Rulings split(List<Segment> all) {
        List<Segment> h = new ArrayList<>();
        List<Segment> v = new ArrayList<>();
        for (Segment s : all) (s.horizontal() ? h : v).add(s);
        h.sort((a, b) -> a.y0() != b.y0() ? Double.compare(a.y0(), b.y0()) : Double.compare(a.x0(), b.x0()));
        v.sort((a, b) -> a.x0() != b.x0() ? Double.compare(a.x0(), b.x0()) : Double.compare(a.y0(), b.y0()));
        return new Rulings(h, v);
    }
}
