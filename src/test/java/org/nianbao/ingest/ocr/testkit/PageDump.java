package org.nianbao.ingest.ocr.testkit;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrScript;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.PageReader;

/** Debugging aid: reads an image with the page reader and prints its lines as read (upright) with boxes. */
public final class PageDump {
    public static void main(String[] args) throws Exception {
        GrayImage g = GrayImage.of(ImageIO.read(Path.of(args[0]).toFile()));
        int dpi = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        OcrService.Config cfg = new OcrService.Config(Path.of("models"), 1, OcrService.Isolation.INPROCESS, 600_000, 200_000_000L);
        try (OcrService s = new OcrService(cfg)) {
            PageReader.Options o = args.length > 2 ? OcrEval.parse(args[2]) : PageReader.Options.defaults();
            PageReader.PageText t = new PageReader(s, o).read(g, dpi, OcrScript.SIMPLIFIED, 0);
            System.out.println(t.notes() + " conf=" + t.confidence());
            for (var b : org.nianbao.ingest.ocr.OcrBlocks.blocks(t, 1, 0, 0, null)) System.out.println("BLOCK " + b.getClass().getSimpleName() + ": " + b.text());
            for (Line l : t.readLines()) {
                System.out.printf("%s  %s  row=%s%n", l.box(), l.text(), org.nianbao.ingest.ocr.LineParagraphs.isRow(l));
                StringBuilder sb = new StringBuilder();
                for (var w : l.words()) sb.append(String.format("[%s %.0f-%.0f c%.0f] ", w.text(), w.box().x(), w.box().right(), w.confidence()));
                System.out.println("    " + sb);
            }
        }
    }
}
