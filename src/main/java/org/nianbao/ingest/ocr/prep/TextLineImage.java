package org.nianbao.ingest.ocr.prep;

import java.util.Locale;
import org.nianbao.ingest.ocr.GrayImage;

/**
 * The image the engine reads a page's text lines from, chosen by what kind of scan the page is. Table
 * cells are read from the prepared page as scanned; only the text lines (and their re-reads) see this one.
 * <ul>
 *   <li><b>document mode</b> (paper lifted to pure white, strokes thinned by the lift), 240 dpi or finer:
 *   darkened by a gamma ({@link Tone});</li>
 *   <li><b>grey scan as it came</b> (paper of some grey, soft stroke edges, JPEG noise): thresholded close
 *   to the local paper ({@link PaperLevel#threshold}), so the strokes keep their soft outer edge that
 *   Tesseract's own mid-way threshold gives to the paper. The same pages read as the generator's bilevel
 *   TIFF were read about three times better than as grey (docs/ocr.md, "Grey scans (session 7)");</li>
 *   <li><b>bilevel</b> and anything else: as it is.</li>
 * </ul>
 */
public final class TextLineImage {
    private TextLineImage() { }

    /**
     * @param image the page for the text lines ({@code prepared} itself when nothing applied)
     * @param note  what was done, for the page's notes; null when nothing was
     */
    public record Choice(GrayImage image, String note) {
        public boolean changed() {
            return note != null;
        }
    }

    /**
     * @param asGiven  the page as scanned (its kind is judged on it)
     * @param prepared the page resampled, straightened, rules erased and dust removed
     * @param scanDpi  the scan's own resolution (0 = unknown)
     * @param readDpi  the resolution of {@code prepared}
     * @param gamma    gamma for document-mode pages (1 = off)
     * @param inkShare for grey scans, pixels darker than this share of the local paper are ink (0 = off)
     */
    public static Choice choose(GrayImage asGiven, GrayImage prepared, int scanDpi, int readDpi, double gamma,
                                double inkShare) {
        // one pass over the page as given serves both tests below (session 9)
        long[] hist = (gamma != 1 && scanDpi >= Tone.MIN_DPI) || inkShare > 0 ? Binarize.histogram(asGiven) : null;
        if (gamma != 1 && scanDpi >= Tone.MIN_DPI && Tone.paperLiftedToWhite(hist)) {
            return new Choice(Tone.gamma(prepared, gamma), String.format(Locale.ROOT, "gamma %.1f (text lines only)", gamma));
        }
        if (inkShare > 0 && PaperLevel.isGreyScan(hist)) {
            return new Choice(PaperLevel.threshold(prepared, readDpi, inkShare),
                    String.format(Locale.ROOT, "grey scan read 1-bit, ink below %.2f of the local paper (text lines only)", inkShare));
        }
        return new Choice(prepared, null);
    }
}
