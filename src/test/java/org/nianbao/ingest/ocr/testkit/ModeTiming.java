package org.nianbao.ingest.ocr.testkit;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrMode;
import org.nianbao.ingest.ocr.OcrOptions;
import org.nianbao.ingest.ocr.OcrResult;
import org.nianbao.ingest.ocr.TesseractEngine;

/** Debugging aid: recognition time per page segmentation mode on one page. */
public final class ModeTiming {
    public static void main(String[] args) throws Exception {
        GrayImage g = GrayImage.of(ImageIO.read(Path.of(args[0]).toFile()));
        try (TesseractEngine e = new TesseractEngine(Path.of("models").toAbsolutePath())) {
            for (int round = 0; round < 2; round++) {
                for (String m : args[1].split(",")) {
                    long t0 = System.nanoTime();
                    OcrResult r = e.read(g, null, OcrMode.valueOf(m), OcrOptions.defaults());
                    System.out.printf("%s %d ms cpu-ms %d conf %.1f%n", m, (System.nanoTime() - t0) / 1000000, r.millis(), r.confidence());
                }
            }
        }
    }
}
