package org.nianbao.ingest.ocr.testkit;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrMode;
import org.nianbao.ingest.ocr.OcrOptions;
import org.nianbao.ingest.ocr.OcrResult;
import org.nianbao.ingest.ocr.TesseractEngine;

/** Debugging aid: prints Tesseract's words with confidences and boxes for an image file. */
public final class WordDump {
    public static void main(String[] args) throws Exception {
        GrayImage g = GrayImage.of(ImageIO.read(Path.of(args[0]).toFile()));
        try (TesseractEngine e = new TesseractEngine(Path.of("models").toAbsolutePath())) {
            OcrResult r = e.read(g, null, OcrMode.valueOf(args.length > 1 ? args[1] : "COLUMN"), OcrOptions.defaults());
            for (Line l : r.lines()) {
                StringBuilder sb = new StringBuilder();
                for (Word w : l.words()) sb.append(String.format("[%s %.0f] ", w.text(), w.confidence()));
                System.out.println(l.text() + "\n  " + sb);
            }
        }
    }
}
