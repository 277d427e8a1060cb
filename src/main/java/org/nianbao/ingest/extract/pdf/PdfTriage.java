package org.nianbao.ingest.extract.pdf;

import java.util.Locale;

/**
 * Decides, per page, whether the text layer is read or the page is rendered and OCR'd, and says why.
 * The rules, in order:
 * <ol>
 *   <li>nothing drawn at all: a blank page (nothing to read);</li>
 *   <li>no text: OCR (a scan, or text drawn as outlines);</li>
 *   <li>more than {@value #MAX_UNMAPPED_SHARE} of the glyphs have no Unicode mapping: OCR;</li>
 *   <li>private-use or replacement characters above {@value #MAX_PRIVATE_USE_SHARE}: OCR (a font with a
 *       custom encoding);</li>
 *   <li>Kangxi radicals making up more than {@value #MAX_KANGXI_SHARE} of the Chinese characters: OCR (a
 *       broken mapping; a few radicals are ordinary WPS/Word output and are mapped to the ideographs);</li>
 *   <li>text that reads as nonsense (plausibility below {@value #MIN_PLAUSIBILITY}): OCR;</li>
 *   <li>less than {@value #MIN_CHARS_ON_IMAGE_PAGE} characters on a page mostly covered by images: OCR (a scan
 *       with a stray text line, a stamp, a header);</li>
 *   <li>otherwise the text layer, with no OCR.</li>
 * </ol>
 */
public final class PdfTriage {
    static final double MAX_UNMAPPED_SHARE = 0.10;
    static final double MAX_PRIVATE_USE_SHARE = 0.05;
    static final double MAX_KANGXI_SHARE = 0.25;
    static final double MIN_PLAUSIBILITY = 0.45;
    static final int MIN_CHARS_ON_IMAGE_PAGE = 60;
    static final double IMAGE_PAGE_COVERAGE = 0.5;

    private PdfTriage() { }

    /** The decision: OCR or not, and the reason a person reads in the JSON. */
    public record Decision(boolean ocr, boolean blank, String reason) { }

    public static Decision decide(PdfPageFacts f) {
        if (f.glyphsShown() == 0 && f.images() == 0 && f.pathSegments() < 10) {
            return new Decision(false, true, "blank page: no text, images or drawings");
        }
        if (f.chars() == 0) {
            if (f.glyphsShown() > 0) {
                return new Decision(true, false, "text layer unusable: none of its " + f.glyphsShown() + " glyphs has a Unicode mapping");
            }
            if (f.images() > 0) {
                return new Decision(true, false, String.format(Locale.ROOT, "no text layer; %d image(s) cover %.0f%% of the page",
                        f.images(), f.imageCoverage() * 100));
            }
            return new Decision(true, false, "no text layer; the page is vector drawing (" + f.pathSegments() + " path segments, text as outlines?)");
        }
        if (f.glyphsShown() > 0 && f.unmapped() > MAX_UNMAPPED_SHARE * f.glyphsShown()) {
            return new Decision(true, false, f.unmapped() + " of " + f.glyphsShown() + " glyphs have no Unicode mapping");
        }
        if (f.privateUse() > MAX_PRIVATE_USE_SHARE * f.chars()) {
            return new Decision(true, false, f.privateUse() + " of " + f.chars() + " characters are private-use or replacement characters");
        }
        if (f.kangxi() > MAX_KANGXI_SHARE * Math.max(1, f.han() + f.kangxi()) && f.kangxi() >= 5) {
            return new Decision(true, false, f.kangxi() + " Kangxi-radical characters among " + (f.han() + f.kangxi())
                    + " Chinese characters: the font's Unicode mapping is broken");
        }
        if (f.plausibility() < MIN_PLAUSIBILITY && f.chars() >= 10) {
            return new Decision(true, false, String.format(Locale.ROOT, "text layer decodes to nonsense (plausibility %.2f)", f.plausibility()));
        }
        int visible = f.chars() - f.invisibleChars();
        if (f.imageCoverage() >= IMAGE_PAGE_COVERAGE && f.chars() < MIN_CHARS_ON_IMAGE_PAGE) {
            return new Decision(true, false, String.format(Locale.ROOT, "too little text (%d characters) for a page %.0f%% covered by images",
                    f.chars(), f.imageCoverage() * 100));
        }
        StringBuilder reason = new StringBuilder("text layer: ").append(f.chars()).append(" characters");
        reason.append(", ").append(f.unmapped()).append(" unmapped glyphs");
        if (f.kangxi() > 0) reason.append(", ").append(f.kangxi()).append(" Kangxi radicals mapped to ideographs");
        if (visible == 0 && f.imageCoverage() >= IMAGE_PAGE_COVERAGE) reason.append(" (invisible text over a page image: an earlier OCR layer)");
        return new Decision(false, false, reason.toString());
    }
}
