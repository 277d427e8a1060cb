package org.nianbao.ingest.pipeline;

import java.nio.file.Path;

/**
 * User-facing settings that change results (part of the resume key).
 *
 * @param modelsDir   Tesseract models folder ({@code models/} by default)
 * @param ocrEnabled  false to skip OCR entirely (pages that need it are reported as partial)
 * @param jobs        worker threads
 */
public record Settings(Path modelsDir, boolean ocrEnabled, int jobs) {
    /**
     * Defaults; the system property {@code nianbao.ocr=off} turns OCR off (the unit-test run sets it, so
     * unit tests never load native code — integration tests run with OCR on).
     */
    public static Settings defaults() {
        boolean ocr = !"off".equalsIgnoreCase(System.getProperty("nianbao.ocr", "on"));
        return new Settings(Path.of("models"), ocr, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
}
