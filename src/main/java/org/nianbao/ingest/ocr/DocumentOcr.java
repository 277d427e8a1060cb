package org.nianbao.ingest.ocr;

/**
 * OCR for the pages of one document: every page is read with the same Chinese model, chosen on the
 * first page read. A first page that reads poorly with the simplified model is read again with the
 * traditional one; if that reads clearly better, the document is taken to be in traditional script.
 * Thread-safe: pages may be read in parallel (the first one decides while the others wait).
 */
public final class DocumentOcr {
    /** A first page reading at or above this confidence is not tried with the traditional model. */
    static final double SURE_CONFIDENCE = 89;

    private final PageReader reader;
    private final Object decide = new Object();
    private volatile OcrScript script;
    private volatile String scriptReason = "";

    public DocumentOcr(PageReader reader) {
        this.reader = reader;
    }

    public DocumentOcr(OcrService service) {
        this(new PageReader(service));
    }

    /** The script the document is read in, or null before its first page. */
    public OcrScript script() {
        return script;
    }

    /** Why that script was chosen, for the document's metadata. */
    public String scriptReason() {
        return scriptReason;
    }

    public PageReader.PageText read(GrayImage page, int dpi) throws OcrException {
        OcrScript s = script;
        if (s != null) return reader.read(page, dpi, s, 0);
        synchronized (decide) {
            if (script != null) return reader.read(page, dpi, script, 0);
            PageReader.PageText simplified = reader.read(page, dpi, OcrScript.SIMPLIFIED, 0);
            int chars = simplified.text().replaceAll("\\s", "").length();
            if (simplified.confidence() >= SURE_CONFIDENCE || chars < 30) {
                scriptReason = String.format("simplified model read the first page at confidence %.0f", simplified.confidence());
                script = OcrScript.SIMPLIFIED;
                return simplified;
            }
            PageReader.PageText traditional = reader.read(page, dpi, OcrScript.TRADITIONAL, 0);
            if (traditional.confidence() > simplified.confidence() + 3) {
                scriptReason = String.format("traditional model read the first page better (confidence %.0f vs %.0f)",
                        traditional.confidence(), simplified.confidence());
                script = OcrScript.TRADITIONAL;
                return traditional;
            }
            scriptReason = String.format("simplified model (confidence %.0f; traditional %.0f)", simplified.confidence(), traditional.confidence());
            script = OcrScript.SIMPLIFIED;
            return simplified;
        }
    }
}
