package org.nianbao.ingest.ocr.testkit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes the small OCR fixtures under fixtures/ocr/ (run once; the files are committed):
 * a Chinese text line, a two-page CCITT G4 TIFF, an upside-down page, a damaged PNG and a one-page
 * scanned PDF, each with its truth text beside it.
 *
 * <pre>java -cp target/nianbao-ingest.jar:target/test-classes org.nianbao.ingest.ocr.testkit.MakeFixtures fixtures/ocr</pre>
 */
public final class MakeFixtures {
    static final String SONG = "AR PL UMing CN";
    static final String HEI = "WenQuanYi Zen Hei";

    static final List<String> LINE = List.of("2023年，本机关共收到政府信息公开申请56件，办结率100%。");
    static final List<String> PAGE1 = List.of(
            "一、总体情况",
            "2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作，进一步提高了政府工作的透明度。");
    static final List<String> PAGE2 = List.of(
            "三、收到和处理政府信息公开申请情况",
            "全年共收到政府信息公开申请12件，均在法定期限内答复，未发生因政府信息公开引起的行政复议。");
    static final List<String> UPSIDE = List.of(
            "五、存在的主要问题及改进情况",
            "公开内容还不够全面，信息更新不够及时。下一步将加强培训，提高信息公开工作水平。");
    static final List<String> SCAN = List.of(
            "二、主动公开政府信息情况",
            "本年度主动公开规范性文件8件，行政许可决定356件，行政处罚决定27件，均通过政府网站及时发布。");

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "fixtures/ocr");
        Files.createDirectories(dir);

        ScanMaker.Scan line = ScanMaker.page(LINE, 300, HEI, 12, 6.2, 0.62, 0.15);
        ImageFiles.png(ScanMaker.bilevel(line.image(), 150), 300, dir.resolve("line.png"));
        truth(dir.resolve("line.txt"), line.truth());

        ScanMaker.Scan p1 = ScanMaker.page(PAGE1, 300, SONG, 12, 4.13, 5.83, 0.5);
        ScanMaker.Scan p2 = ScanMaker.page(PAGE2, 300, SONG, 12, 4.13, 5.83, 0.5);
        ImageFiles.tiff(List.of(ScanMaker.bilevel(ScanMaker.degrade(p1.image(), ScanMaker.Profile.OFFICE, 1), 150),
                ScanMaker.bilevel(ScanMaker.degrade(p2.image(), ScanMaker.Profile.OFFICE, 2), 150)), 300, "CCITT T.6", dir.resolve("two-pages-g4.tif"));
        truth(dir.resolve("two-pages-g4.txt"), concat(p1.truth(), List.of("\f"), p2.truth()));

        ScanMaker.Scan up = ScanMaker.page(UPSIDE, 300, HEI, 12, 4.13, 5.83, 0.5);
        ImageFiles.png(ScanMaker.bilevel(ScanMaker.rotate(up.image(), 180), 150), 300, dir.resolve("upside-down.png"));
        truth(dir.resolve("upside-down.txt"), up.truth());

        // a PNG whose image data stops a third of the way in: the header is fine, the pixels are not
        Path whole = Files.createTempFile("whole", ".png");
        ImageFiles.png(ScanMaker.bilevel(up.image(), 150), 300, whole);
        byte[] b = Files.readAllBytes(whole);
        Files.write(dir.resolve("damaged.png"), Arrays.copyOf(b, b.length / 3));
        Files.delete(whole);

        ScanMaker.Scan scan = ScanMaker.page(SCAN, 300, SONG, 12, 4.13, 5.83, 0.5);
        BufferedImage bw = ScanMaker.bilevel(ScanMaker.degrade(scan.image(), ScanMaker.Profile.OFFICE, 3), 150);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(4.13f * 72, 5.83f * 72));
            doc.addPage(page);
            PDImageXObject img = CCITTFactory.createFromImage(doc, bw);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(img, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            doc.save(dir.resolve("scanned.pdf").toFile());
        }
        truth(dir.resolve("scanned.txt"), scan.truth());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private static void truth(Path p, List<String> lines) throws IOException {
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
