package org.nianbao.ingest.extract.image;

/**
 * The resolution to read a page image at. Files often carry a wrong one (72 or 96 dpi written by
 * default on a 300 dpi scan), so a declared resolution is believed only if it gives a plausible paper
 * size; a page-shaped image with no believable resolution is assumed to be an A4 page. Other images
 * (a cropped table, a screenshot) get 0: unknown, Tesseract estimates from the text size.
 */
public final class ScanResolution {
    private static final double A4_WIDTH_IN = 8.27;

    private ScanResolution() { }

    /** Resolution in dpi, or 0 when unknown. */
    public static int of(int width, int height, int declaredDpi) {
        boolean pageShaped = isPageShaped(width, height);
        if (declaredDpi > 0) {
            double inches = Math.min(width, height) / (double) declaredDpi;
            if (!pageShaped) return declaredDpi; // nothing to check it against
            if (inches >= 3.5 && inches <= 12.5) return declaredDpi; // A6 up to A3 short side
        }
        if (pageShaped) return (int) Math.round(Math.min(width, height) / A4_WIDTH_IN);
        return 0;
    }

    /** Portrait or landscape with the proportions of ISO or US paper. */
    static boolean isPageShaped(int width, int height) {
        double r = Math.max(width, height) / (double) Math.max(1, Math.min(width, height));
        return r >= 1.25 && r <= 1.6 && Math.min(width, height) >= 600;
    }
}
