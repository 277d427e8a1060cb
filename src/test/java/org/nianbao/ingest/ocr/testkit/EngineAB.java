package org.nianbao.ingest.ocr.testkit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.TessAPI;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrMode;
import org.nianbao.ingest.ocr.OcrOptions;
import org.nianbao.ingest.ocr.TesseractEngine;

/**
 * Debugging aid: CPU of one full-page read of the same page, side by side and interleaved (the machine
 * is shared, so the three are measured within seconds of each other): our engine's read (Tesseract
 * plus collecting words and boxes through JNA), Tesseract's bare Recognize + GetUTF8Text through the
 * same library, and the tesseract command line (minus its model load, measured on a blank 64x32 image).
 *
 * <pre>  java -cp ... org.nianbao.ingest.ocr.testkit.EngineAB DIR [PAGES]</pre>
 */
public final class EngineAB {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<Path> pages = OcrBench.pages(Path.of(args[0]));
        if (args.length > 1) pages = pages.subList(0, Math.min(pages.size(), Integer.parseInt(args[1])));
        Path models = Path.of("models").toAbsolutePath();
        Path tiny = Files.createTempFile("blank", ".pgm");
        byte[] header = "P5\n64 32\n255\n".getBytes();
        byte[] blank = new byte[header.length + 64 * 32];
        System.arraycopy(header, 0, blank, 0, header.length);
        java.util.Arrays.fill(blank, header.length, blank.length, (byte) 255);
        Files.write(tiny, blank);
        TessAPI api = TessAPI.INSTANCE;
        TessBaseAPI bare = api.TessBaseAPICreate();
        api.TessBaseAPIInit2(bare, models.toString(), "chi_sim", 1);
        api.TessBaseAPISetVariable(bare, "tessedit_do_invert", "0");
        double sumPrep = 0, sumRot = 0, sumOurs = 0, sumBare = 0, sumCli = 0, sumLoad = 0;
        try (TesseractEngine engine = new TesseractEngine(models)) {
            for (Path p : pages) {
                GrayImage g = GrayImage.of(ImageIO.read(p.toFile()));
                long t = THREADS.getCurrentThreadCpuTime();
                engine.read(g, null, OcrMode.COLUMN, OcrOptions.defaults());
                double ours = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
                t = THREADS.getCurrentThreadCpuTime();
                ByteBuffer buf = ByteBuffer.allocateDirect(g.pixels().length).put(g.pixels()).flip();
                api.TessBaseAPISetImage(bare, buf, g.width(), g.height(), 1, g.width());
                api.TessBaseAPISetSourceResolution(bare, 300);
                api.TessBaseAPISetPageSegMode(bare, 4);
                api.TessBaseAPIRecognize(bare, null);
                api.TessDeleteText(api.TessBaseAPIGetUTF8Text(bare));
                api.TessBaseAPIClear(bare);
                double bareCpu = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
                // the page as PageReader prepares it: straightened, rules erased, specks removed
                double skew = org.nianbao.ingest.ocr.prep.Skew.estimate(g, 300);
                GrayImage r = Math.abs(skew) >= 0.1 ? org.nianbao.ingest.ocr.prep.Transforms.rotateSmall(g, -skew).image() : g;
                GrayImage prepared = org.nianbao.ingest.ocr.prep.Despeckle.clean(
                        org.nianbao.ingest.ocr.prep.ImageRulings.erase(r, org.nianbao.ingest.ocr.prep.ImageRulings.find(r, 300)), 300).image();
                t = THREADS.getCurrentThreadCpuTime();
                engine.read(prepared, null, OcrMode.COLUMN, OcrOptions.defaults());
                double prep = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
                t = THREADS.getCurrentThreadCpuTime();
                engine.read(r, null, OcrMode.COLUMN, OcrOptions.defaults());
                double rotatedOnly = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
                sumPrep += prep;
                sumRot += rotatedOnly;
                System.out.printf(Locale.ROOT, "  skew %.2f: prepared page %.2f s, straightened only %.2f s%n", skew, prep, rotatedOnly);
                double cli = cli(p, models);
                double load = cli(tiny, models);
                sumOurs += ours;
                sumBare += bareCpu;
                sumCli += cli;
                sumLoad += load;
                System.out.printf(Locale.ROOT, "%s: ours %.2f s, bare API %.2f s, CLI %.2f s (model load %.2f s)%n",
                        p.getFileName(), ours, bareCpu, cli, load);
            }
        } finally {
            api.TessBaseAPIEnd(bare);
            api.TessBaseAPIDelete(bare);
            Files.deleteIfExists(tiny);
        }
        int n = pages.size();
        System.out.printf(Locale.ROOT, "mean: prepared %.2f s, straightened only %.2f s%n", sumPrep / n, sumRot / n);
        System.out.printf(Locale.ROOT, "mean: ours %.2f s, bare API %.2f s, CLI %.2f s, CLI model load %.2f s%n",
                sumOurs / n, sumBare / n, sumCli / n, sumLoad / n);
    }

    /** User+sys CPU seconds of one tesseract command-line run (psm 4, chi_sim). */
    private static double cli(Path image, Path models) throws Exception {
        Path times = Files.createTempFile("cpu", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/time", "-f", "%U %S", "-o", times.toString(),
                    "tesseract", image.toString(), "-", "-l", "chi_sim", "--psm", "4", "--tessdata-dir", models.toString());
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.start().waitFor();
            String[] f = Files.readString(times).trim().split("\\s+");
            return Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1]);
        } finally {
            Files.deleteIfExists(times);
        }
    }
}
