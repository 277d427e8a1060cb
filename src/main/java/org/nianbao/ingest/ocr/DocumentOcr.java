package org.nianbao.ingest.ocr;

/**
 * OCR for the pages of one document: every page is read with the same Chinese model, chosen on the
 * first page read. A first page that reads poorly with the simplified model is read again with the
 * traditional one; if that reads clearly better, the document is taken to be in traditional script.
 * Thread-safe: pages may be read in parallel (the first one decides; the others read with the
 * simplified model meanwhile and are read again only if the document turns out traditional).
 */
public final class DocumentOcr {
    /** A first page reading at or above this confidence is not tried with the traditional model. */
    static final double SURE_CONFIDENCE = 89;

    private final PageReader reader;
    private final Object decide = new Object();
    private boolean deciding; // guarded by decide: a page is reading to choose the script
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
        boolean mine;
        synchronized (decide) {
            s = script;
            mine = s == null && !deciding;
            if (mine) deciding = true;
        }
        if (s != null) return reader.read(page, dpi, s, 0);
        if (mine) {
            try {
                return decide(page, dpi);
            } finally {
                synchronized (decide) {
                    deciding = false;
                    decide.notifyAll();
                }
            }
        }
        // Another page is deciding. Waiting for it would hold a page thread (and so an engine) idle for a
        // whole page: in a batch of short documents that left a core idle at the start of every
        // document. Nearly every report is in simplified script, so read with that model meanwhile and
        // read again only when the decision goes the other way.
        PageReader.PageText simplified = reader.read(page, dpi, OcrScript.SIMPLIFIED, 0);
        return awaitDecision() == OcrScript.TRADITIONAL ? reader.read(page, dpi, OcrScript.TRADITIONAL, 0) : simplified;
    }

    /** The script once the deciding page is done; null if it failed (the next page decides). */
    private OcrScript awaitDecision() {
        synchronized (decide) {
            while (script == null && deciding) {
                try {
                    decide.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return script;
        }
    }

    private PageReader.PageText decide(GrayImage page, int dpi) throws OcrException {
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
