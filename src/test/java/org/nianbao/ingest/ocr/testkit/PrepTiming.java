package org.nianbao.ingest.ocr.testkit;

import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.prep.ImageRulings;
import org.nianbao.ingest.ocr.prep.Skew;
import org.nianbao.ingest.ocr.prep.Transforms;

/** Debugging aid: time of each preparation step on one page image. */
public final class PrepTiming {
    public static void main(String[] args) throws Exception {
        GrayImage g = GrayImage.of(ImageIO.read(Path.of(args[0]).toFile()));
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            double skew = Skew.estimate(g, 300);
            long t1 = System.nanoTime();
            GrayImage r = Transforms.rotateSmall(g, -skew).image();
            long t2 = System.nanoTime();
            var segs = ImageRulings.find(r, 300);
            long t3 = System.nanoTime();
            GrayImage e = ImageRulings.erase(r, segs);
            long t4 = System.nanoTime();
            var d = org.nianbao.ingest.ocr.prep.Despeckle.clean(e, 300);
            long t5 = System.nanoTime();
            GrayImage.of(e.toBufferedImage());
            long t6 = System.nanoTime();
            System.out.printf("despeckle %d ms (%d), gray copy %d ms%n", (t5 - t4) / 1000000, d.removed(), (t6 - t5) / 1000000);
            System.out.printf("skew %.2f: estimate %d ms, rotate %d ms, rulings %d ms (%d), erase %d ms%n", skew,
                    (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000, segs.size(), (t4 - t3) / 1000000);
        }
    }
}
