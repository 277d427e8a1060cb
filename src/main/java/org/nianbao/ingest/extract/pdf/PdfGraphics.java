package org.nianbao.ingest.extract.pdf;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * One pass over a page's graphics: where images are drawn (for "is this page a scan?"), how much
 * vector drawing there is (text converted to outlines), and the ruling lines of tables. Bounded:
 * past {@link #MAX_SEGMENTS} path segments the rest is only counted.
 */
final class PdfGraphics extends PDFGraphicsStreamEngine {
    static final int MAX_SEGMENTS = 50_000;
    /** A filled rectangle thinner than this (points) is a rule, not a shaded cell. */
    private static final double MAX_RULE_THICKNESS = 2.5;
    private static final double MIN_RULE_LENGTH = 4;
    private static final double STRAIGHT = 0.6;

    private final PageGeometry geometry;
    private final AffineTransform toPage;
    private final List<Rectangle2D> images = new ArrayList<>();
    private final List<PdfRulings.Segment> segments = new ArrayList<>();
    private final List<List<Point2D>> subpaths = new ArrayList<>();
    private List<Point2D> current;
    private Point2D currentPoint = new Point2D.Double();
    private long pathSegments;
    private long curves;
    private long fills;
    private int glyphs;

    PdfGraphics(PDPage page) {
        super(page);
        this.geometry = new PageGeometry(page);
        this.toPage = geometry.userToPage();
    }

    void run() throws IOException {
        processPage(getPage());
    }

    PageGeometry geometry() {
        return geometry;
    }

    /** Image placements in page coordinates. */
    List<Rectangle2D> images() {
        return images;
    }

    long pathSegments() {
        return pathSegments;
    }

    long curves() {
        return curves;
    }

    long fills() {
        return fills;
    }

    int glyphsShown() {
        return glyphs;
    }

    PdfRulings.Rulings rulings() {
        return PdfRulings.split(segments);
    }

    /** Share of the page area covered by images (overlaps counted once, approximately, on a coarse grid). */
    double imageCoverage() {
        if (images.isEmpty()) return 0;
        int n = 64;
        double cw = geometry.width() / n;
        double ch = geometry.height() / n;
        int covered = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double cx = (i + 0.5) * cw;
                double cy = (j + 0.5) * ch;
                for (Rectangle2D r : images) {
                    if (r.contains(cx, cy)) {
                        covered++;
                        break;
                    }
                }
            }
        }
        return covered / (double) (n * n);
    }

    @Override
    public void drawImage(PDImage pdImage) {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        AffineTransform t = ctm.createAffineTransform();
        double[] pts = {0, 0, 1, 0, 0, 1, 1, 1};
        t.transform(pts, 0, pts, 0, 4);
        toPage.transform(pts, 0, pts, 0, 4);
        double x0 = Math.min(Math.min(pts[0], pts[2]), Math.min(pts[4], pts[6]));
        double x1 = Math.max(Math.max(pts[0], pts[2]), Math.max(pts[4], pts[6]));
        double y0 = Math.min(Math.min(pts[1], pts[3]), Math.min(pts[5], pts[7]));
        double y1 = Math.max(Math.max(pts[1], pts[3]), Math.max(pts[5], pts[7]));
        Rectangle2D r = new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0)
                .createIntersection(new Rectangle2D.Double(0, 0, geometry.width(), geometry.height()));
        if (r.getWidth() > 0 && r.getHeight() > 0 && images.size() < 10_000) images.add(r);
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, org.apache.pdfbox.pdmodel.font.PDFont font, int code, Vector displacement)
            throws IOException {
        glyphs++;
        super.showGlyph(textRenderingMatrix, font, code, displacement);
    }

    @Override
    protected void showFontGlyph(Matrix textRenderingMatrix, org.apache.pdfbox.pdmodel.font.PDFont font, int code, Vector displacement) {
        // glyph outlines are not needed: text is read by the text stripper
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        List<Point2D> r = new ArrayList<>(5);
        r.add(toPage(p0));
        r.add(toPage(p1));
        r.add(toPage(p2));
        r.add(toPage(p3));
        r.add(toPage(p0));
        subpaths.add(r);
        current = null;
        currentPoint = p0;
        pathSegments += 4;
    }

    private Point2D toPage(Point2D p) {
        return toPage.transform(p, null);
    }

    @Override
    public void clip(int windingRule) {
        // rulings are not clipped here: a clipped rule is still evidence of a grid
    }

    @Override
    public void moveTo(float x, float y) {
        current = new ArrayList<>();
        current.add(toPage(new Point2D.Float(x, y)));
        subpaths.add(current);
        currentPoint = new Point2D.Float(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        if (current == null) moveTo((float) currentPoint.getX(), (float) currentPoint.getY());
        pathSegments++;
        if (current.size() < 10_000) current.add(toPage(new Point2D.Float(x, y)));
        currentPoint = new Point2D.Float(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        curves++;
        pathSegments++;
        // a curve breaks a polyline: start a new subpath at its end point
        current = null;
        currentPoint = new Point2D.Float(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return currentPoint;
    }

    @Override
    public void closePath() {
        if (current != null && !current.isEmpty()) current.add(current.get(0));
    }

    @Override
    public void endPath() {
        subpaths.clear();
        current = null;
    }

    @Override
    public void strokePath() {
        double width = lineWidth();
        for (List<Point2D> sp : subpaths) {
            for (int i = 1; i < sp.size(); i++) addLine(sp.get(i - 1), sp.get(i), width);
        }
        endPath();
    }

    @Override
    public void fillPath(int windingRule) {
        fills++;
        for (List<Point2D> sp : subpaths) {
            Rectangle2D r = rectangle(sp);
            if (r == null) continue;
            double thin = Math.min(r.getWidth(), r.getHeight());
            double lng = Math.max(r.getWidth(), r.getHeight());
            if (thin <= MAX_RULE_THICKNESS && lng >= MIN_RULE_LENGTH) {
                if (r.getWidth() >= r.getHeight()) {
                    add(new PdfRulings.Segment(r.getMinX(), r.getCenterY(), r.getMaxX(), r.getCenterY(), Math.max(thin, 0.1)));
                } else {
                    add(new PdfRulings.Segment(r.getCenterX(), r.getMinY(), r.getCenterX(), r.getMaxY(), Math.max(thin, 0.1)));
                }
            }
        }
        endPath();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        List<List<Point2D>> keep = new ArrayList<>(subpaths);
        fillPath(windingRule);
        subpaths.addAll(keep);
        strokePath();
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // shadings are backgrounds, never rules
    }

    private double lineWidth() {
        double w = getGraphicsState().getLineWidth();
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        double scale = Math.sqrt(Math.abs(ctm.getScaleX() * ctm.getScaleY() - ctm.getShearX() * ctm.getShearY()));
        return Math.max(0.1, w * (scale > 0 ? scale : 1));
    }

    private void addLine(Point2D a, Point2D b, double width) {
        double dx = Math.abs(a.getX() - b.getX());
        double dy = Math.abs(a.getY() - b.getY());
        if (dy <= STRAIGHT && dx >= MIN_RULE_LENGTH) {
            double y = (a.getY() + b.getY()) / 2;
            add(new PdfRulings.Segment(Math.min(a.getX(), b.getX()), y, Math.max(a.getX(), b.getX()), y, width));
        } else if (dx <= STRAIGHT && dy >= MIN_RULE_LENGTH) {
            double x = (a.getX() + b.getX()) / 2;
            add(new PdfRulings.Segment(x, Math.min(a.getY(), b.getY()), x, Math.max(a.getY(), b.getY()), width));
        }
    }

    private void add(PdfRulings.Segment s) {
        if (segments.size() < MAX_SEGMENTS) segments.add(s);
    }

    /** The axis-aligned rectangle a closed 4-corner subpath draws, or null. */
    private static Rectangle2D rectangle(List<Point2D> sp) {
        if (sp.size() < 4 || sp.size() > 5) return null;
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Point2D p : sp) {
            x0 = Math.min(x0, p.getX());
            y0 = Math.min(y0, p.getY());
            x1 = Math.max(x1, p.getX());
            y1 = Math.max(y1, p.getY());
        }
        for (Point2D p : sp) {
            boolean onX = Math.abs(p.getX() - x0) < STRAIGHT || Math.abs(p.getX() - x1) < STRAIGHT;
            boolean onY = Math.abs(p.getY() - y0) < STRAIGHT || Math.abs(p.getY() - y1) < STRAIGHT;
            if (!onX || !onY) return null;
        }
        return new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
    }
}
