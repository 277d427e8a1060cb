package org.nianbao.ingest.ocr.testkit;

import java.nio.file.Path;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrMode;
import org.nianbao.ingest.ocr.OcrOptions;
import org.nianbao.ingest.ocr.OcrResult;
import org.nianbao.ingest.ocr.TesseractEngine;

/** Throwaway: prints word segmentation of lines containing a marker. */
public final class WordSpike {
    public static void main(String[] args) throws Exception {
        ScanMaker.Scan scan = ScanMaker.page(Corpus.paragraphs(Path.of(args[0])), 300, args[1], 12);
        try (TesseractEngine e = new TesseractEngine(Path.of("models").toAbsolutePath())) {
            OcrResult r = e.read(GrayImage.of(scan.image()), null, OcrMode.valueOf(args[2]), OcrOptions.defaults());
            for (Line l : r.lines()) {
                if (!l.text().contains(args[3])) continue;
                StringBuilder sb = new StringBuilder();
                for (Word w : l.words()) sb.append(String.format("[%s %.0f %.0f,%.0f %.0fx%.0f] ", w.text(), w.confidence(), w.box().x(), w.box().y(), w.box().width(), w.box().height()));
                System.out.println(l.text() + "\n  " + sb);
            }
        }
    }
}
