package org.nianbao.ingest.extract.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
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
        return render(renderer, page, index, dpi, maxPixels, false);
    }

    /**
     * @param colourScans true for a page to be OCR'd: when it holds a colour image (a colour scan) it is
     *                    rendered in colour, so {@link org.nianbao.ingest.extract.ColourScans} can drop a
     *                    red seal and level the paper; every other page is rendered grey as before
     */
    static BufferedImage render(PDFRenderer renderer, PDPage page, int index, int dpi, long maxPixels, boolean colourScans)
            throws IOException, Refused {
        checkImages(page, maxPixels);
        ImageType type = colourScans && hasColourImage(page.getResources(), 0, new IdentityHashMap<>()) ? ImageType.RGB : ImageType.GRAY;
        return renderer.renderImageWithDPI(index, dpi, type);
    }

    /** Whether an image on the page (form XObjects followed) has three or more colour components. */
    static boolean hasColourImage(PDResources res, int depth, Map<COSBase, Boolean> seen) {
        if (res == null || depth > MAX_DEPTH || seen.size() > MAX_CHECKED_IMAGES) return false;
        COSDictionary xobjects = res.getCOSObject().getCOSDictionary(COSName.XOBJECT);
        if (xobjects == null) return false;
        for (COSName name : xobjects.keySet()) {
            COSBase b = xobjects.getDictionaryObject(name);
            if (b instanceof COSObject o) b = o.getObject();
            if (!(b instanceof COSStream s) || seen.put(s, Boolean.TRUE) != null) continue;
            COSName subtype = s.getCOSName(COSName.SUBTYPE);
            try {
                if (COSName.IMAGE.equals(subtype)) {
                    if (s.getBoolean(COSName.IMAGE_MASK, false)) continue;
                    org.apache.pdfbox.pdmodel.graphics.PDXObject x = res.getXObject(name);
                    if (x instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject img
                            && img.getColorSpace().getNumberOfComponents() >= 3) return true;
                } else if (COSName.FORM.equals(subtype)) {
                    COSDictionary r = s.getCOSDictionary(COSName.RESOURCES);
                    if (r != null && hasColourImage(new PDResources(r), depth + 1, seen)) return true;
                }
            } catch (IOException | RuntimeException e) {
                // an unreadable colour space: render grey, as before
            }
        }
        return false;
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
