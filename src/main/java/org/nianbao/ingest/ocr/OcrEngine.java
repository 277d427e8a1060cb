package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Reads text from pixels. An engine is NOT thread-safe: one engine serves one worker at a time (the
 * {@link OcrService} pool hands them out). Implementations: {@link TesseractEngine} (Tesseract in this
 * JVM through JNA) and {@link WorkerProcessEngine} (the same engine in a child process, so a native
 * crash or a runaway page can be killed without taking the batch down).
 */
public interface OcrEngine extends AutoCloseable {

    /** Reads {@code region} of {@code image} (null = the whole image), taken as 300 dpi simplified Chinese. */
    default OcrResult read(BufferedImage image, Rectangle region, OcrMode mode) throws OcrException {
        return read(GrayImage.of(image), region, mode, OcrOptions.defaults());
    }

    default OcrResult read(BufferedImage image, Rectangle region, OcrMode mode, OcrOptions options) throws OcrException {
        return read(GrayImage.of(image), region, mode, options);
    }

    /**
     * Reads {@code region} of {@code image} (null = the whole image). Boxes in the result are in the
     * coordinates of {@code image}, not of the region.
     */
    OcrResult read(GrayImage image, Rectangle region, OcrMode mode, OcrOptions options) throws OcrException;

    /**
     * Detects the page's orientation with Tesseract's orientation and script detection (osd model).
     * Returns the clockwise rotation (0, 90, 180, 270) that makes the page upright, with its confidence.
     */
    Orientation detectOrientation(GrayImage image, int dpi) throws OcrException;

    /** True while the engine can take work; false after a crash or close. */
    boolean alive();

    @Override
    void close();

    /**
     * OSD's verdict.
     *
     * @param rotate     degrees to rotate the image clockwise so its text is upright (0, 90, 180, 270)
     * @param confidence OSD's orientation confidence (above ~2 is meaningful; 0 when OSD found too little text)
     * @param script     the script OSD saw ("Han", "Latin", ...) or "" when unknown
     */
    record Orientation(int rotate, double confidence, String script) {
        public static Orientation unknown() {
            return new Orientation(0, 0, "");
        }
    }
}
