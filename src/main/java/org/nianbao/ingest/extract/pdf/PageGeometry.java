package org.nianbao.ingest.extract.pdf;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The page coordinate system every box of a PDF page is given in: points, origin at the top-left of
 * the crop box as the page is displayed (its {@code /Rotate} applied), y growing downwards. The same
 * system as PDFBox's {@code TextPosition.getX()/getY()} and as a page rendered by {@code PDFRenderer}
 * (scaled by dpi/72), so text, rulings and OCR boxes line up.
 */
public final class PageGeometry {
    private final AffineTransform userToPage;
    private final double width;
    private final double height;
    private final int rotation;

    public PageGeometry(PDPage page) {
        PDRectangle crop = page.getCropBox();
        this.rotation = Math.floorMod(page.getRotation(), 360) / 90 * 90;
        double llx = crop.getLowerLeftX();
        double lly = crop.getLowerLeftY();
        double w = crop.getWidth();
        double h = crop.getHeight();
        // unrotated top-left coordinates: u = x - llx, v = (lly + h) - y
        AffineTransform t = new AffineTransform(1, 0, 0, -1, -llx, lly + h);
        AffineTransform r = switch (rotation) {
            case 90 -> new AffineTransform(0, 1, -1, 0, h, 0);    // (u, v) -> (h - v, u)
            case 180 -> new AffineTransform(-1, 0, 0, -1, w, h);  // (u, v) -> (w - u, h - v)
            case 270 -> new AffineTransform(0, -1, 1, 0, 0, w);   // (u, v) -> (v, w - u)
            default -> new AffineTransform();
        };
        t.preConcatenate(r);
        this.userToPage = t;
        this.width = rotation % 180 == 0 ? w : h;
        this.height = rotation % 180 == 0 ? h : w;
    }

    /** Width of the page as displayed, in points. */
    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public int rotation() {
        return rotation;
    }

    /** From PDF user space (after the CTM) to page coordinates. */
    public AffineTransform userToPage() {
        return new AffineTransform(userToPage);
    }

    public Point2D toPage(double x, double y) {
        return userToPage.transform(new Point2D.Double(x, y), null);
    }
}
