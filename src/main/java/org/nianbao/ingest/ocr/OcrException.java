package org.nianbao.ingest.ocr;

/** OCR of one image failed; the message is the reason a person sees, {@link #kind} says what to do about it. */
public class OcrException extends Exception {
    public enum Kind {
        /** The call ran past its time limit and was stopped. */
        TIMEOUT,
        /** The engine died (native crash, killed worker process); a fresh engine can go on. */
        CRASHED,
        /** A model file or the Tesseract library is missing: nothing can be OCR'd until set-up is run. */
        UNAVAILABLE,
        /** Tesseract could not read this image (bad size, out of memory); other images are fine. */
        FAILED
    }

    private final Kind kind;

    public OcrException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public OcrException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
