package org.nianbao.ingest.pipeline;

/**
 * Bounds on hostile input (Tika's lesson: all input is hostile).
 *
 * @param maxInputBytes       largest file accepted at all
 * @param maxImagePixels      largest decoded image (width x height) before it is refused as a bomb
 * @param maxPages            pages read per document; the rest are reported, not silently dropped
 * @param pageTimeoutSeconds  time limit for one page (OCR, rendering)
 * @param documentTimeoutSeconds time limit for one whole document
 */
public record Limits(long maxInputBytes, long maxImagePixels, int maxPages, int pageTimeoutSeconds, int documentTimeoutSeconds) {
    public static Limits defaults() {
        return new Limits(512L * 1024 * 1024, 200_000_000L, 2000, 180, 3600);
    }
}
