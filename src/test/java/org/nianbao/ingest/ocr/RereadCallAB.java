package org.nianbao.ingest.ocr;

import java.awt.Rectangle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.nianbao.ingest.model.Line;

/**
 * Measuring aid (session 7): what a line re-read costs beyond reading its pixels. For each page, K line
 * bands (each line's box widened by 0.3 of its height, across the text column, as the weak-word re-read
 * cuts them) are read three ways with one in-process engine, in rotating order:
 * <ol>
 *   <li>one PSM 7 call per band (as now);</li>
 *   <li>all bands glued into one image, one above the other with blank rows between, read as one
 *   block (PSM 6) in one call;</li>
 *   <li>the bands' reading as part of the page: thread CPU of the page read divided by its lines, times K
 *   (what the LSTM work on K lines costs inside a page read).</li>
 * </ol>
 * Prints thread CPU per band for each, and how many glued bands came back with the same text as alone.
 *
 * <pre>  java -cp nianbao-ingest.jar:test-classes org.nianbao.ingest.ocr.RereadCallAB DIR [PAGES] [K]</pre>
 */
public final class RereadCallAB {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        List<Path> pages;
        try (var files = java.nio.file.Files.list(Path.of(args[0]))) {
            pages = files.filter(f -> f.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
        if (args.length > 1) pages = pages.subList(0, Math.min(pages.size(), Integer.parseInt(args[1])));
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        double single = 0, glued = 0, inPage = 0;
        int bands = 0, same = 0;
        try (TesseractEngine engine = new TesseractEngine(Path.of("models").toAbsolutePath())) {
            engine.read(new GrayImage(64, 32, new byte[64 * 32]), null, OcrMode.LINE, OcrOptions.defaults()); // warm-up
            int round = 0;
            for (Path p : pages) {
                GrayImage g = GrayImage.of(ImageIO.read(p.toFile()));
                long t = THREADS.getCurrentThreadCpuTime();
                OcrResult page = engine.read(g, null, OcrMode.COLUMN, OcrOptions.defaults());
                double pageCpu = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
                List<Line> lines = page.lines().stream().filter(l -> l.text().length() >= 10).toList();
                if (lines.size() < k) continue;
                double left = lines.stream().mapToDouble(l -> l.box().x()).min().orElse(0);
                double right = lines.stream().mapToDouble(l -> l.box().right()).max().orElse(g.width());
                List<GrayImage> cuts = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    Line l = lines.get(i * lines.size() / k);
                    double h = l.box().height();
                    Rectangle band = new Rectangle((int) left, (int) (l.box().y() - 0.3 * h), (int) (right - left), (int) (1.6 * h))
                            .intersection(new Rectangle(0, 0, g.width(), g.height()));
                    cuts.add(g.crop(band));
                }
                List<String> alone = new ArrayList<>();
                double s = 0, b = 0;
                for (int order = 0; order < 2; order++) {
                    if ((order + round) % 2 == 0) {
                        alone.clear();
                        t = THREADS.getCurrentThreadCpuTime();
                        for (GrayImage c : cuts) alone.add(engine.read(c, null, OcrMode.LINE, OcrOptions.defaults()).text().replaceAll("\\s", ""));
                        s = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
                    } else {
                        GrayImage stack = stack(cuts);
                        t = THREADS.getCurrentThreadCpuTime();
                        OcrResult r = engine.read(stack, null, OcrMode.BLOCK, OcrOptions.defaults());
                        b = (THREADS.getCurrentThreadCpuTime() - t) / 1e9;
                        List<String> got = r.lines().stream().map(l -> l.text().replaceAll("\\s", "")).toList();
                        for (String a : alone) if (got.contains(a)) same++;
                    }
                }
                round++;
                single += s;
                glued += b;
                inPage += pageCpu / page.lines().size() * k;
                bands += k;
                System.out.printf(Locale.ROOT, "%s: %d calls %.3f s, one glued call %.3f s, %d lines in the page read %.3f s (page %.2f s, %d lines)%n",
                        p.getFileName(), k, s, b, k, pageCpu / page.lines().size() * k, pageCpu, page.lines().size());
            }
        }
        System.out.printf(Locale.ROOT, "per band: alone %.1f ms, glued %.1f ms, within the page read %.1f ms; glued text same as alone %d/%d%n",
                single * 1000 / bands, glued * 1000 / bands, inPage * 1000 / bands, same, bands);
    }

    /** The images one above the other, left-aligned on white, with a blank gap of half the tallest between. */
    static GrayImage stack(List<GrayImage> cuts) {
        int w = cuts.stream().mapToInt(GrayImage::width).max().orElse(1);
        int gap = cuts.stream().mapToInt(GrayImage::height).max().orElse(0) / 2;
        int h = cuts.stream().mapToInt(GrayImage::height).sum() + gap * (cuts.size() + 1);
        byte[] px = new byte[w * h];
        java.util.Arrays.fill(px, (byte) 255);
        int y = gap;
        for (GrayImage c : cuts) {
            for (int r = 0; r < c.height(); r++) System.arraycopy(c.pixels(), r * c.width(), px, (y + r) * w, c.width());
            y += c.height() + gap;
        }
        return new GrayImage(w, h, px);
    }
}
