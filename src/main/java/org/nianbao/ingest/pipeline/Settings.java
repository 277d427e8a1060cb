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
    public static Settings defaults() {
        return new Settings(Path.of("models"), true, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }
}
