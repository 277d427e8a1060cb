package org.nianbao.ingest.ocr.testkit;

import java.nio.file.Path;
import java.util.List;
import org.nianbao.ingest.ocr.DocumentOcr;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.PageReader;

/** Measures the script choice: a traditional-script page and a simplified one read through DocumentOcr. */
public final class ScriptCheck {
    public static void main(String[] args) throws Exception {
        OcrService.Config cfg = new OcrService.Config(Path.of("models"), 1, OcrService.Isolation.PROCESS, 600_000, 200_000_000L);
        try (OcrService s = new OcrService(cfg)) {
            for (boolean trad : new boolean[]{true, false}) {
                List<String> paras = Corpus.paragraphs(Path.of(trad ? "fixtures/seeds/003_f8ba18986d429270.txt" : "fixtures/seeds/000_78855fc2a014f9fc.txt"), trad);
                ScanMaker.Scan scan = ScanMaker.page(paras, 300, "AR PL UMing CN", 12);
                GrayImage g = GrayImage.of(ScanMaker.degrade(scan.image(), ScanMaker.Profile.OFFICE, 77));
                DocumentOcr d = new DocumentOcr(s);
                long t0 = System.nanoTime();
                PageReader.PageText t = d.read(g, 300);
                System.out.printf("%s page: script=%s (%s) cer=%.4f ms=%d notes=%s%n", trad ? "traditional" : "simplified", d.script(),
                        d.scriptReason(), Cer.of(t.text(), scan.truthText()), (System.nanoTime() - t0) / 1000000, t.notes());
            }
        }
    }
}
