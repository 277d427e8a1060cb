package org.nianbao.ingest.extract.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders PDF pages for OCR: grey, 300 dpi, lowered for pages so large that 300 dpi would pass the
 * pixel limit. Before rendering, the page's images are checked by their declared size (a dictionary
 * read, nothing decoded): an image beyond the pixel limit would be decoded whole into memory, so the
 * page is refused instead.
 */
final class PdfPageRasterizer {
    static final int DPI = 300;
    /** Rendered pages are held to this many pixels whatever the limit says (a big A3 at 300 dpi is 17 Mpx). */
    static final long MAX_RENDER_PIXELS = 60_000_000L;
    private static final int MAX_DEPTH = 12;

    private PdfPageRasterizer() { }

    /** The page is refused before rendering; the message says why. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The resolution the page is rendered at: 300 dpi, or less for very large pages. */
    static int dpiFor(PageGeometry g, long maxPixels) {
        long cap = Math.min(maxPixels, MAX_RENDER_PIXELS);
        double px = g.width() / 72.0 * DPI * (g.height() / 72.0 * DPI);
        if (px <= cap) return DPI;
        return Math.max(50, (int) Math.floor(DPI * Math.sqrt(cap / px)));
    }

    /** A scan below this resolution is rendered at its own resolution (rendering it at 300 dpi would upscale it). */
    static final int MIN_SCAN_DPI = 50;
    /** Share of the page a single image must cover to be taken for the page's scan. */
    static final double SCAN_COVERAGE = 0.9;

    /**
     * The resolution to render an OCR page at. A scanned page — one image covering the page — whose scan
     * is coarser than 300 dpi is rendered at the scan's own resolution: PDFBox draws an image that is not
     * marked {@code /Interpolate} and is enlarged by repeating pixels (nearest neighbour), and a 200 dpi
     * scan blown up to 300 dpi that way reads far worse (measured: narrative CER 1.95% against 0.91% for
     * the same JPEGs given as image files). The page reader brings it to 300 dpi by bilinear resampling,
     * as it does for image files.
     */
    /**
     * Off by default. Measured both ways on {@code scripts/generate --out DIR --count 4 --seed 11 --forms
     * scan300-pdf,scan200-pdf,tiff-g4 --scan-pages 2-3}: scan200-pdf numeric cells 97.0% rendered at 300 dpi
     * against 77.3% at the scan's own resolution (the cell re-reading is tuned on the 300 dpi rendering), and
     * the narrative of those pages 0.51% against 1.19%; on whole reports ({@code scripts/eval-scans 2 21}),
     * with {@code MissedLines} in place, narrative 1.18% against 1.39% and cells 96.0% against 89.2%. (Before
     * {@code MissedLines} the own resolution had won on narrative, 1.39% against 1.88%.) Turn on with
     * {@code -Dnianbao.pdf.scanAtOwnDpi=true}.
     */
    static final boolean SCAN_AT_OWN_DPI = Boolean.parseBoolean(System.getProperty("nianbao.pdf.scanAtOwnDpi", "false"));

    static int ocrDpi(PDPage page, PageGeometry g, List<Rectangle2D> placements, long maxPixels) {
        return ocrDpi(page, g, placements, maxPixels, SCAN_AT_OWN_DPI);
    }

    static int ocrDpi(PDPage page, PageGeometry g, List<Rectangle2D> placements, long maxPixels, boolean atScanDpi) {
        int dpi = dpiFor(g, maxPixels);
        if (!atScanDpi) return dpi;
        double scan = scanResolution(page, g, placements);
        if (scan >= MIN_SCAN_DPI && scan < dpi - 5) return (int) Math.floor(scan + 0.01);
        return dpi;
    }

    /**
     * The resolution in pixels per inch of the page's scan: the one image placed over at least 90% of the
     * page, when the page's resources hold one such image; 0 when the page is not a plain scan.
     */
    static double scanResolution(PDPage page, PageGeometry g, List<Rectangle2D> placements) {
        double pageArea = g.width() * g.height();
        Rectangle2D cover = null;
        for (Rectangle2D r : placements) {
            if (r.getWidth() * r.getHeight() >= SCAN_COVERAGE * pageArea) {
                if (cover != null) return 0; // two page-sized images: layers, not one scan
                cover = r;
            }
        }
        if (cover == null) return 0;
        List<long[]> sizes = new java.util.ArrayList<>();
        imageSizes(page.getResources(), 0, new IdentityHashMap<>(), sizes, 1000);
        long[] biggest = null;
        for (long[] s : sizes) if (biggest == null || s[0] * s[1] > biggest[0] * biggest[1]) biggest = s;
        if (biggest == null) return 0;
        return ppi(biggest[0], biggest[1], cover.getWidth(), cover.getHeight());
    }

    /** Pixels per inch of a {@code pxW x pxH} image drawn over {@code wPt x hPt} points (turned or not). */
    static double ppi(long pxW, long pxH, double wPt, double hPt) {
        if (pxW <= 0 || pxH <= 0 || wPt <= 0 || hPt <= 0) return 0;
        return Math.sqrt((double) pxW * pxH / (wPt / 72.0 * (hPt / 72.0)));
    }

    /** Declared width and height of the page's images, form XObjects followed, at most {@code max} of them. */
    private static void imageSizes(PDResources res, int depth, Map<COSBase, Boolean> seen, List<long[]> out, int max) {
        if (res == null || depth > MAX_DEPTH || out.size() > max) return;
        COSDictionary xobjects = res.getCOSObject().getCOSDictionary(COSName.XOBJECT);
        if (xobjects == null) return;
        for (COSName name : xobjects.keySet()) {
            COSBase b = xobjects.getDictionaryObject(name);
            if (b instanceof COSObject o) b = o.getObject();
            if (!(b instanceof COSStream s) || seen.put(s, Boolean.TRUE) != null) continue;
            COSName subtype = s.getCOSName(COSName.SUBTYPE);
            if (COSName.IMAGE.equals(subtype)) {
                out.add(new long[] {s.getInt(COSName.WIDTH, s.getInt(COSName.W, 0)), s.getInt(COSName.HEIGHT, s.getInt(COSName.H, 0))});
            } else if (COSName.FORM.equals(subtype)) {
                COSDictionary r = s.getCOSDictionary(COSName.RESOURCES);
                if (r != null) imageSizes(new PDResources(r), depth + 1, seen, out, max);
            }
        }
    }

    static BufferedImage render(PDFRenderer renderer, PDPage page, int index, int dpi, long maxPixels) throws IOException, Refused {
        checkImages(page, maxPixels);
        return renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
    }

    /** Refuses pages whose images declare more pixels than {@code maxPixels}. */
    static void checkImages(PDPage page, long maxPixels) throws Refused {
        List<long[]> sizes = new ArrayList<>();
        imageSizes(page.getResources(), 0, new IdentityHashMap<>(), sizes, MAX_CHECKED_IMAGES);
        for (long[] wh : sizes) {
            if (wh[0] * wh[1] > maxPixels) {
                throw new Refused("an image on the page declares " + wh[0] + "x" + wh[1] + " pixels, above the limit of " + maxPixels);
            }
        }
    }

    /** Images whose declared size is checked on one page; beyond these a hostile page is not worth walking. */
    private static final int MAX_CHECKED_IMAGES = 100_000;
}
