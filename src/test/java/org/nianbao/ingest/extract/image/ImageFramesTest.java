package org.nianbao.ingest.extract.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.ocr.testkit.ImageFiles;
import org.nianbao.ingest.ocr.testkit.ScanMaker;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Limits;
import org.nianbao.ingest.pipeline.Settings;
import org.nianbao.ingest.sniff.Sniffer;

class ImageFramesTest {
    @TempDir
    Path tmp;

    private static Context ctx(boolean ocr, long maxPixels) {
        return new Context(new Settings(Path.of("models"), ocr, 1), new Limits(1L << 30, maxPixels, 2000, 60, 600));
    }

    /** A valid PNG that declares {@code w x h} one-bit pixels but carries a tiny compressed payload: a decompression bomb. */
    static byte[] bombPng(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(out);
        d.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream i = new DataOutputStream(ihdr);
        i.writeInt(w);
        i.writeInt(h);
        i.write(new byte[]{1, 0, 0, 0, 0}); // 1 bit grey, no interlace
        chunk(d, "IHDR", ihdr.toByteArray());
        Deflater def = new Deflater(9);
        def.setInput(new byte[4096]);
        def.finish();
        byte[] buf = new byte[8192];
        int n = def.deflate(buf);
        chunk(d, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(d, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream d, String type, byte[] data) throws IOException {
        d.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderAlone() throws Exception {
        Path p = tmp.resolve("bomb.png");
        Files.write(p, bombPng(100_000, 100_000));
        long before = System.nanoTime();
        Document d = new ImageExtractor().extract(new Sniffer().sniff(p), ctx(true, 200_000_000L));
        assertEquals(Status.State.FAILED, d.status().state());
        assertTrue(d.status().reason().contains("100000x100000"), d.status().reason());
        assertTrue(d.status().reason().contains("limit"), d.status().reason());
        assertTrue((System.nanoTime() - before) / 1_000_000 < 5000, "refused without decoding");
    }

    @Test
    void headersAreReadWithoutDecoding() throws Exception {
        Path p = tmp.resolve("bomb.png");
        Files.write(p, bombPng(60_000, 40_000));
        try (ImageFrames f = ImageFrames.open(Files.newInputStream(p))) {
            ImageFrames.Header h = f.header(0);
            assertEquals(60_000, h.width());
            assertEquals(40_000, h.height());
            assertFalse(f.has(1));
        }
    }

    @Test
    void multiPageTiffFramesAreReadOneByOne() throws Exception {
        BufferedImage a = ScanMaker.bilevel(ScanMaker.page(List.of("第一页"), 100, "WenQuanYi Zen Hei", 12, 4, 5.5, 0.5).image(), 128);
        BufferedImage b = ScanMaker.bilevel(ScanMaker.page(List.of("第二页"), 100, "WenQuanYi Zen Hei", 12, 4, 5.5, 0.5).image(), 128);
        for (String compression : new String[]{"CCITT T.6", "CCITT T.4", "LZW"}) {
            Path p = tmp.resolve("pages-" + compression.replace(' ', '_') + ".tif");
            ImageFiles.tiff(List.of(a, b, a), 100, compression, p);
            try (ImageFrames f = ImageFrames.open(Files.newInputStream(p))) {
                assertEquals("TIF", f.format().substring(0, 3));
                assertTrue(f.has(2));
                assertFalse(f.has(3));
                ImageFrames.Header h = f.header(1);
                assertEquals(400, h.width());
                assertEquals(550, h.height());
                assertEquals(100, h.dpiX());
                BufferedImage back = f.read(1);
                assertEquals(400, back.getWidth());
                // same pixels as written (lossless bilevel)
                assertEquals(b.getRGB(60, 60), back.getRGB(60, 60));
            }
            Document d = new ImageExtractor().extract(new Sniffer().sniff(p), ctx(false, 200_000_000L));
            assertEquals(3, d.pages().size(), compression);
            assertTrue(d.pages().get(2).reading().reason().contains("OCR is disabled"));
        }
    }

    @Test
    void resolutionIsBelievedOnlyWhenItGivesAPaperSize() {
        assertEquals(300, ScanResolution.of(2480, 3508, 300));
        assertEquals(0, ScanResolution.of(2480, 3508, 72));   // a 34-inch page: the 72 is a default
        assertEquals(200, ScanResolution.of(1654, 2339, 200));
        assertEquals(0, ScanResolution.of(2480, 3508, 0));
        assertEquals(96, ScanResolution.of(800, 200, 96));    // a cut-out table picture: taken as declared
    }

    @Test
    void damagedImageFailsWithAReason() throws Exception {
        Path good = tmp.resolve("g.png");
        ImageFiles.png(ScanMaker.page(List.of("测试"), 100, "WenQuanYi Zen Hei", 12, 4, 5.5, 0.5).image(), 100, good);
        byte[] b = Files.readAllBytes(good);
        Path bad = tmp.resolve("bad.png");
        Files.write(bad, java.util.Arrays.copyOf(b, b.length / 2));
        Document d = new ImageExtractor().extract(new Sniffer().sniff(bad), ctx(true, 200_000_000L));
        assertEquals(Status.State.FAILED, d.status().state());
        assertTrue(d.status().reason().contains("damaged"), d.status().reason());
    }
}
