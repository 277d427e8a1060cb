package org.nianbao.ingest.extract.image;

/**
 * The resolution to read a page image at. Files often carry a wrong one (72 or 96 dpi written by
 * default on a 300 dpi scan), so a declared resolution of a page-shaped image is believed only if it
 * gives a plausible paper size (A6 to A3). Otherwise the resolution is unknown (0) and the OCR judges
 * the image by the height of its text lines instead.
 */
public final class ScanResolution {
    private ScanResolution() { }

    /** Resolution in dpi, or 0 when unknown. */
    public static int of(int width, int height, int declaredDpi) {
        if (declaredDpi <= 0) return 0;
        if (!isPageShaped(width, height)) return declaredDpi; // a cut-out picture: nothing to check it against
        double inches = Math.min(width, height) / (double) declaredDpi;
        return inches >= 3.5 && inches <= 12.5 ? declaredDpi : 0;
    }

    /** Portrait or landscape with the proportions of ISO or US paper. */
    static boolean isPageShaped(int width, int height) {
        double r = Math.max(width, height) / (double) Math.max(1, Math.min(width, height));
        return r >= 1.25 && r <= 1.6 && Math.min(width, height) >= 600;
    }
}
