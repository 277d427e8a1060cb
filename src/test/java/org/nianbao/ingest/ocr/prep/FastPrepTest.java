package org.nianbao.ingest.ocr.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.testkit.Corpus;
import org.nianbao.ingest.ocr.testkit.ScanMaker;

/**
 * The faster preparation steps against the versions they replaced: the fixed-point small rotation
 * against the double one, the ruling finder and despeckle against the versions they replaced
 * ({@link PrepReference}).
 */
class FastPrepTest {
    /** A degraded 200 dpi page of running text (blur, noise, dust, JPEG), as the scans the reader gets. */
    private static GrayImage scan;

    private static synchronized GrayImage scan() {
        if (scan != null) return scan;
        String para = Corpus.fullWidth("2023年,本局认真贯彻落实《中华人民共和国政府信息公开条例》,全面推进政务公开工作,进一步提高了政府工作的透明度。");
        ScanMaker.Scan s = ScanMaker.page(List.of(para.repeat(5), para.repeat(4)), 200, "WenQuanYi Zen Hei", 12);
        scan = GrayImage.of(ScanMaker.degrade(s.image(), ScanMaker.Profile.OFFICE, 7));
        return scan;
    }

    @Test
    void fastRotationIsTheExactRotationWithinOneGreyLevel() {
        GrayImage page = scan();
        for (double deg : new double[]{0.12, -1.5, 6.0}) {
            GrayImage fast = Transforms.rotateSmall(page, deg).image();
            GrayImage exact = PrepReference.rotateSmall(page, deg).image();
            int worst = 0;
            long differ = 0;
            for (int i = 0; i < fast.pixels().length; i++) {
                int d = Math.abs((fast.pixels()[i] & 0xFF) - (exact.pixels()[i] & 0xFF));
                worst = Math.max(worst, d);
                if (d != 0) differ++;
            }
            assertTrue(worst <= 1, deg + "°: a pixel differs by " + worst);
            assertTrue(differ < fast.pixels().length / 50, deg + "°: " + differ + " pixels differ");
            assertEquals(PrepReference.rotateSmall(page, deg).toImage(), Transforms.rotateSmall(page, deg).toImage());
        }
    }

    @Test
    void fastRotationOfTinyAndOddImagesMatches() {
        byte[] px = new byte[7 * 3];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 37);
        for (int[] size : new int[][]{{7, 3}, {3, 7}, {21, 1}, {1, 21}}) {
            GrayImage img = new GrayImage(size[0], size[1], px);
            for (double deg : new double[]{2.5, -5.9}) {
                byte[] fast = Transforms.rotateSmall(img, deg).image().pixels();
                byte[] exact = PrepReference.rotateSmall(img, deg).image().pixels();
                for (int i = 0; i < fast.length; i++) {
                    assertTrue(Math.abs((fast[i] & 0xFF) - (exact[i] & 0xFF)) <= 1, Arrays.toString(size) + " " + deg + "° pixel " + i);
                }
            }
        }
    }

    @Test
    void rulingsOnScannedTablePagesAreTheSameAsBefore() throws Exception {
        // the committed fixtures' scans: report pages with ruled tables (long and short rules) and text
        List<GrayImage> pages = tiffPages(Path.of("fixtures/generated/r0001-2019/scan300-g4.tif"));
        pages.add(GrayImage.of(ImageIO.read(Path.of("fixtures/generated/r0002-2021/scan300/page-4.png").toFile())));
        int rules = 0;
        for (GrayImage g : pages) {
            List<ImageRulings.Segment> now = ImageRulings.find(g, 300);
            assertEquals(PrepReference.find(g, 300), now);
            rules += now.size();
        }
        // and on a grey, skewed copy (thicker, broken rules; runs that merge and split)
        GrayImage tilted = Transforms.rotateSmall(pages.get(0), 0.4).image();
        assertEquals(PrepReference.find(tilted, 200), ImageRulings.find(tilted, 200));
        assertTrue(rules > 20, "the fixture's tables were found: " + rules);
        GrayImage text = scan();
        assertEquals(PrepReference.find(text, 200), ImageRulings.find(text, 200));
    }

    @Test
    void despeckleRemovesTheSameSpecksAsBefore() throws Exception {
        List<GrayImage> pages = tiffPages(Path.of("fixtures/generated/r0001-2019/scan300-g4.tif"));
        pages.add(scan());
        pages.add(GrayImage.of(ScanMaker.degrade(ScanMaker.page(List.of("一二三"), 150, "WenQuanYi Zen Hei", 12).image(),
                ScanMaker.Profile.CHEAP, 3)));
        int[] dpis = {300, 200, 150};
        for (int i = 0; i < pages.size(); i++) {
            GrayImage g = pages.get(i);
            Despeckle.Result now = Despeckle.clean(g, dpis[i]);
            Despeckle.Result before = PrepReference.despeckle(g, dpis[i]);
            assertEquals(before.removed(), now.removed());
            assertTrue(Arrays.equals(before.image().pixels(), now.image().pixels()));
        }
        assertTrue(Despeckle.clean(pages.get(pages.size() - 1), 150).removed() > 0, "the cheap scan's dust is found");
    }

    private static List<GrayImage> tiffPages(Path file) throws Exception {
        List<GrayImage> out = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            int n = r.getNumImages(true);
            for (int i = 0; i < Math.min(n, 3); i++) {
                BufferedImage img = r.read(i);
                out.add(GrayImage.of(img));
            }
            r.dispose();
        }
        return out;
    }
}
