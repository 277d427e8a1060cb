package org.nianbao.ingest.ocr;

import java.awt.Rectangle;

/**
 * A region of a page cut out to be read on its own: the cut-out (the region plus a margin, within the
 * page), the region inside the cut-out, and where the cut-out sits on the page. A worker process that
 * reads one line of a 300 dpi page then receives a line's worth of pixels (~0.2 MB) instead of the
 * whole page (~9 MB), and the boxes it returns are shifted back onto the page.
 *
 * <p>The region is still handed to Tesseract as a rectangle of the cut-out, so it thresholds and
 * reads exactly the pixels it would have read on the whole page (its thresholding and layout work
 * only inside the rectangle); the margin is context a future engine step might look at.
 *
 * @param image  the cut-out
 * @param region the region in the cut-out's coordinates
 * @param dx     the cut-out's left edge on the page
 * @param dy     the cut-out's top edge on the page
 */
record RegionCut(GrayImage image, Rectangle region, int dx, int dy) {
    /** Margin around the region, in pixels. */
    static final int MARGIN = 8;

    /**
     * Cuts {@code region} (plus {@code margin} on every side, as far as the page goes) out of
     * {@code page}. Null when the region does not overlap the page.
     */
    static RegionCut of(GrayImage page, Rectangle region, int margin) {
        Rectangle bounds = new Rectangle(0, 0, page.width(), page.height());
        Rectangle r = region.intersection(bounds);
        if (r.isEmpty()) return null;
        Rectangle cut = new Rectangle(r.x - margin, r.y - margin, r.width + 2 * margin, r.height + 2 * margin).intersection(bounds);
        GrayImage image = cut.equals(bounds) ? page : page.crop(cut);
        return new RegionCut(image, new Rectangle(r.x - cut.x, r.y - cut.y, r.width, r.height), cut.x, cut.y);
    }

    /** Bands narrower or lower than this many pixels are not worth a reading. */
    static final int MIN_BAND = 8;

    /**
     * {@code band} of {@code page} (clipped to the page) read on its own, with no margin, its boxes moved
     * onto the page; null when the clipped band is under {@link #MIN_BAND} pixels either way. The one
     * "read a strip of the page as a line or a block" of the weak-line and missed-line re-reads.
     */
    static OcrResult readBand(OcrEngine engine, GrayImage page, Rectangle band, OcrMode mode, OcrOptions options) throws OcrException {
        Rectangle r = band.intersection(new Rectangle(0, 0, page.width(), page.height()));
        if (r.isEmpty() || r.width < MIN_BAND || r.height < MIN_BAND) return null;
        return engine.read(page.crop(r), null, mode, options).moved(1, r.x, r.y);
    }

    /** The result read from the cut-out with its boxes moved onto the page. */
    OcrResult toPage(OcrResult r) {
        return r.moved(1, dx, dy);
    }
}
