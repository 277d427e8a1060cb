package org.nianbao.ingest.ocr;

/**
 * Per-call settings.
 *
 * @param dpi           resolution of the image as given (Tesseract uses it to judge text size); 0 = unknown
 * @param script        which Chinese model to read with
 * @param timeoutMillis time limit for this call; 0 = none (the pool always sets one)
 */
public record OcrOptions(int dpi, OcrScript script, long timeoutMillis) {
    public OcrOptions {
        if (dpi < 0) throw new IllegalArgumentException("negative dpi");
        if (timeoutMillis < 0) throw new IllegalArgumentException("negative timeout");
        script = script == null ? OcrScript.SIMPLIFIED : script;
    }

    public static OcrOptions defaults() {
        return new OcrOptions(300, OcrScript.SIMPLIFIED, 0);
    }

    public OcrOptions withDpi(int newDpi) {
        return new OcrOptions(newDpi, script, timeoutMillis);
    }

    public OcrOptions withScript(OcrScript newScript) {
        return new OcrOptions(dpi, newScript, timeoutMillis);
    }

    public OcrOptions withTimeout(long millis) {
        return new OcrOptions(dpi, script, millis);
    }
}
