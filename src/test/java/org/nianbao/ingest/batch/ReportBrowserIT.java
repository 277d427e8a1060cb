package org.nianbao.ingest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.output.OutputFormat;

/**
 * report.html and the review pages in a real browser (Debian's chromium, headless): a small batch with
 * good and bad inputs, plus a scanned section-四 table with a failed identity check and a corrected
 * cell (built here until the table stage produces standard tables from real inputs; any review page
 * the batch itself writes is shot too). Each screenshot must be a PNG of the window's size with real
 * content on it. The screenshots are kept in {@code target/screenshots/} for a person to look at.
 */
class ReportBrowserIT {
    static final int W = 1400;
    static final int H = 1000;
    static final Path SHOTS = Path.of("target/screenshots");

    @TempDir
    Path tmp;

    @Test
    void reportAndReviewPagesRenderInChromium() throws Exception {
        assumeTrue(chromium() != null, "chromium is not installed (scripts/setup installs it)");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("fixtures/html/report-utf8.html"), in.resolve("report.html"));
        Files.createDirectories(in.resolve("report_files"));
        Files.copy(Path.of("fixtures/html/report_files/table1.png"), in.resolve("report_files/table1.png"));
        Files.copy(Path.of("fixtures/seeds/000_78855fc2a014f9fc.txt"), in.resolve("某县2020年报告.txt"));
        Files.copy(Path.of("fixtures/html/report.mht"), in.resolve("report-capture.mht"));
        Files.write(in.resolve("empty.txt"), new byte[0]);
        Files.write(in.resolve("scan-of-report.pdf"), "%PDF-1.4\n1 0 obj\n<< /Type /Catalog".getBytes());
        byte[] bin = new byte[512];
        new Random(1).nextBytes(bin);
        bin[0] = 0;
        Files.write(in.resolve("saved-page.html"), bin);
        Path out = tmp.resolve("out");
        List<Input> inputs = InputCollector.collect(List.of(in), null, out);
        BatchSummary batch = new BatchRunner(new NianbaoIngest(), out, EnumSet.of(OutputFormat.TXT, OutputFormat.JSON), 2,
                new Silent(), new ResumeJournal(out, "it")).run(inputs);

        // the scanned table with a failed check and a correction, and the batch's results, in one report
        Path scan = in.resolve("2021年度报告-第4页.png");
        ImageIO.write(scannedSec4(), "png", scan.toFile());
        Document doc = sec4Document(scan);
        String review = ReviewPage.writeIfUseful(doc, scan, out, "2021年度报告-第4页.png");
        assertEquals("review/2021年度报告-第4页.png.html", review);
        List<DocumentResult> all = new ArrayList<>(batch.results());
        all.add(new DocumentResult(new Input(in, scan), "2021年度报告-第4页.png", "image", doc.status(), 1, 8400, doc.allWarnings().size(),
                List.of("2021年度报告-第4页.png.txt", "2021年度报告-第4页.png.json"), false, DocumentResult.Details.of(doc, review)));
        RunReportHtml.write(new BatchSummary(all, batch.millis() + 8400), out);

        Files.createDirectories(SHOTS);
        List<Path> pages = new ArrayList<>();
        pages.add(out.resolve("report.html"));
        try (Stream<Path> s = Files.walk(out.resolve("review"))) {
            s.filter(p -> p.toString().endsWith(".html")).sorted().forEach(pages::add);
        }
        for (Path page : pages) {
            String name = page.equals(out.resolve("report.html")) ? "report" : "review-" + page.getFileName().toString().replace(".html", "");
            Path shot = SHOTS.resolve(name + ".png");
            screenshot(page, shot);
            BufferedImage img = ImageIO.read(shot.toFile());
            assertTrue(img != null, "not a PNG: " + shot);
            assertEquals(W, img.getWidth(), shot.toString());
            assertEquals(H, img.getHeight(), shot.toString());
            double[] stats = inkAndVariance(img);
            System.out.printf("%s: %.1f%% ink, luminance variance %.0f%n", shot, stats[0] * 100, stats[1]);
            assertTrue(stats[0] > 0.01, shot + " is blank: " + stats[0]);
            assertTrue(stats[1] > 100, shot + " has no contrast: " + stats[1]);
        }
        // the HTML itself: problems first, reasons shown, links to outputs and the review page
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.indexOf("empty file") < html.indexOf("某县2020年报告.txt"), "failed documents come before done ones");
        assertTrue(html.contains("href=\"review/2021年度报告-第4页.png.html\""), "link to the review page");
        assertTrue(html.contains("href=\"某县2020年报告.txt.txt\""), "link to an output");
        assertTrue(!html.contains("<script"), "a static page");
    }

    /** A page image of the section-四 table, drawn like a light scan. */
    static BufferedImage scannedSec4() {
        BufferedImage img = new BufferedImage(1500, 560, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(250, 249, 244));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(30, 30, 30));
        g.setFont(new Font("Noto Sans CJK SC", Font.BOLD, 30));
        g.drawString("四、政府信息公开行政复议、行政诉讼情况", 60, 70);
        g.setStroke(new BasicStroke(2));
        g.setFont(new Font("Noto Sans CJK SC", Font.PLAIN, 20));
        Table t = sec4Table();
        for (Cell c : t.cells()) {
            int x = (int) c.box().x();
            int y = (int) c.box().y();
            int w = (int) c.box().width();
            int h = (int) c.box().height();
            g.drawRect(x, y, w, h);
            String text = c.row() == 3 && c.col() == 11 ? "Z" : c.text(); // what the scan "shows" where OCR read Z
            int tw = g.getFontMetrics().stringWidth(text);
            if (tw > w - 8 && text.length() > 2) {
                String a = text.substring(0, text.length() / 2);
                String b = text.substring(text.length() / 2);
                g.drawString(a, x + (w - g.getFontMetrics().stringWidth(a)) / 2, y + h / 2 - 4);
                g.drawString(b, x + (w - g.getFontMetrics().stringWidth(b)) / 2, y + h / 2 + 20);
            } else {
                g.drawString(text, x + (w - tw) / 2, y + h / 2 + 8);
            }
        }
        g.dispose();
        Random rnd = new Random(4);
        for (int i = 0; i < 6000; i++) {
            int x = rnd.nextInt(img.getWidth());
            int y = rnd.nextInt(img.getHeight());
            img.setRGB(x, y, rnd.nextBoolean() ? 0xC8C8C8 : 0xE6E6E0);
        }
        return img;
    }

    /** Where the scan draws the table: grid origin, column width, row heights (pixels). */
    static final int X0 = 60;
    static final int Y0 = 110;
    static final int CW = 92;
    static final int[] ROW_H = {60, 60, 90, 60};

    /** The section-四 grid with each cell's box on the scan, as the image table reader gives it. */
    static Table sec4Table() {
        int[] ys = new int[5];
        ys[0] = Y0;
        for (int r = 0; r < 4; r++) ys[r + 1] = ys[r] + ROW_H[r];
        List<Cell> cells = new ArrayList<>();
        java.util.function.BiConsumer<int[], String> add = (g, text) -> {
            int r = g[0];
            int c = g[1];
            int rs = g[2];
            int cs = g[3];
            double conf = r == 3 && c == 11 ? 41 : 92;
            cells.add(new Cell(r, c, rs, cs, text, new org.nianbao.ingest.model.Box(X0 + c * CW, ys[r], cs * CW, ys[r + rs] - ys[r]), conf));
        };
        add.accept(new int[] {0, 0, 1, 5}, "行政复议");
        add.accept(new int[] {0, 5, 1, 10}, "行政诉讼");
        String[] results = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
        for (int c = 0; c < 5; c++) add.accept(new int[] {1, c, 2, 1}, results[c]);
        add.accept(new int[] {1, 5, 1, 5}, "未经复议直接起诉");
        add.accept(new int[] {1, 10, 1, 5}, "复议后起诉");
        for (int c = 0; c < 10; c++) add.accept(new int[] {2, 5 + c, 1, 1}, results[c % 5]);
        String[] values = {"2", "1", "3", "1", "7", "0", "0", "0", "1", "0", "13", "2", "4", "0", "19"};
        for (int c = 0; c < 15; c++) add.accept(new int[] {3, c, 1, 1}, values[c]);
        return Table.normalized(4, 15, cells).table();
    }

    static Document sec4Document(Path source) {
        Table t = sec4Table();
        List<StandardTable.KeyedValue> values = new ArrayList<>();
        String[] groups = {"行政复议", "行政诉讼 > 未经复议直接起诉", "行政诉讼 > 复议后起诉"};
        String[] results = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
        for (Cell c : t.cells()) {
            if (c.row() == 3) values.add(new StandardTable.KeyedValue("", groups[c.col() / 5] + " > " + results[c.col() % 5], c.text(), c.text(), 3, c.col()));
        }
        List<StandardTable.IdentityCheck> checks = List.of(
                new StandardTable.IdentityCheck("I4", "行政复议.总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结", "passed",
                        List.of("r3c0", "r3c1", "r3c2", "r3c3", "r3c4"), null),
                new StandardTable.IdentityCheck("I5", "未经复议直接起诉.总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结", "failed",
                        List.of("r3c5", "r3c6", "r3c7", "r3c8", "r3c9"), "0 + 0 + 0 + 1 = 1, but 总计 reads 0"),
                new StandardTable.IdentityCheck("I6", "复议后起诉.总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结", "passed",
                        List.of("r3c10", "r3c11", "r3c12", "r3c13", "r3c14"), "after correcting r3c11"),
                new StandardTable.IdentityCheck("I7", "all count cells are non-negative integers", "passed", List.of(), null));
        List<StandardTable.Correction> corrections = List.of(
                new StandardTable.Correction(3, 11, "Z", "2", "OCR read Z; I6 holds only with 2 (13 + 2 + 4 + 0 = 19)"));
        StandardTable st = new StandardTable("sec4", values, checks, List.of(), corrections);
        Provenance prov = new Provenance(SourceKind.IMAGE, 1, Method.OCR, "image-rulings");
        TableBlock tb = new TableBlock(t, "image-rulings", 0.93, st, prov, List.of());
        HeadingBlock h = new HeadingBlock("四、政府信息公开行政复议、行政诉讼情况", 2, prov, List.of());
        Page page = new Page(1, 1500, 560, new PageReading(Method.OCR, "scanned page"), List.of(h, tb), List.of());
        return new Document(source.toString(), SourceKind.IMAGE, null, null, List.of(page),
                Status.partial("identity check I5 failed in table 四"), List.of(), null, null);
    }

    static String chromium() {
        for (String c : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(c))) return c;
        }
        return null;
    }

    static void screenshot(Path page, Path shot) throws IOException, InterruptedException {
        Files.deleteIfExists(shot);
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--screenshot=" + shot.toAbsolutePath(), "--window-size=" + W + "," + H,
                page.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) throw new AssertionError("chromium did not finish in 90 s: " + cmd);
        } finally {
            p.destroyForcibly();
            deleteTree(profile);
        }
        assertTrue(Files.isRegularFile(shot), "no screenshot written by " + cmd);
    }

    /** Share of pixels that are not near-white, and the variance of luminance. */
    static double[] inkAndVariance(BufferedImage img) {
        long n = 0;
        long ink = 0;
        double sum = 0;
        double sum2 = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                double l = 0.299 * (rgb >> 16 & 255) + 0.587 * (rgb >> 8 & 255) + 0.114 * (rgb & 255);
                n++;
                sum += l;
                sum2 += l * l;
                if (l < 200) ink++;
            }
        }
        double mean = sum / n;
        return new double[] {ink / (double) n, sum2 / n - mean * mean};
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static final class Silent implements BatchListener {
        @Override public void started(int total) { }

        @Override public void documentStarted(Input input) { }

        @Override public void documentFinished(DocumentResult result, int finished, int total) { }

        @Override public void finished(BatchSummary summary) { }
    }
}
