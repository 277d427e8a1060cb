package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link LineImageCompression} on the real libraries: it installs on this platform (Debian's Leptonica
 * and libpng), and a page read with the line PNGs stored uncompressed is the same reading — text,
 * boxes, confidences — as with Tesseract's own compression. Also checked in a worker process.
 */
class LineImageCompressionIT {
    @Test
    void storedLinePngsGiveTheSameReading() throws Exception {
        GrayImage page = org.nianbao.ingest.ocr.prep.Transforms.quarterTurn(OcrEngineIT.image("upside-down.png"), 180).image();
        try (TesseractEngine e = new TesseractEngine(Models.locate(OcrEngineIT.MODELS))) {
            OcrResult compressed = e.read(page, null, OcrMode.COLUMN, OcrOptions.defaults());
            assertNull(LineImageCompression.install(), "installs with Debian's Leptonica and libpng");
            assertTrue(LineImageCompression.installed());
            OcrResult stored = e.read(page, null, OcrMode.COLUMN, OcrOptions.defaults());
            assertFalse(compressed.lines().isEmpty());
            assertEquals(compressed.paragraphs(), stored.paragraphs());
            LineImageCompression.uninstall();
            assertFalse(LineImageCompression.installed());
            assertEquals(compressed.paragraphs(), e.read(page, null, OcrMode.COLUMN, OcrOptions.defaults()).paragraphs());
        } finally {
            LineImageCompression.uninstall();
        }
    }

    @Test
    void aWorkerReadsTheSameAsThisJvm() throws Exception {
        GrayImage page = OcrEngineIT.image("line.png");
        try (TesseractEngine e = new TesseractEngine(Models.locate(OcrEngineIT.MODELS));
             WorkerProcessEngine w = WorkerProcessEngine.start(Models.locate(OcrEngineIT.MODELS), 200_000_000L)) {
            assertEquals(e.read(page, null, OcrMode.LINE, OcrOptions.defaults()).paragraphs(),
                    w.read(page, null, OcrMode.LINE, OcrOptions.defaults()).paragraphs());
        }
    }
}
