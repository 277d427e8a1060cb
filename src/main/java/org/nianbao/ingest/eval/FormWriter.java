package org.nianbao.ingest.eval;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.nianbao.ingest.eval.gen.SyntheticReport;
import org.nianbao.ingest.eval.render.Faces;
import org.nianbao.ingest.eval.render.FlatTextRenderer;
import org.nianbao.ingest.eval.render.Look;
import org.nianbao.ingest.eval.render.RealScanMaker;
import org.nianbao.ingest.eval.render.HtmlRenderer;
import org.nianbao.ingest.eval.render.ImageFiles;
import org.nianbao.ingest.eval.render.PdfReportWriter;
import org.nianbao.ingest.eval.render.ScanMaker;
import org.nianbao.ingest.eval.render.VariantRenderer;
import org.nianbao.ingest.eval.truth.Truth;
import org.nianbao.ingest.eval.truth.Truth.TruthForm;
import org.nianbao.ingest.eval.truth.TruthBuilder;
import org.nianbao.ingest.eval.truth.TruthIO;

/** Writes one report in the requested forms into its folder, with its {@code truth.json}. */
public final class FormWriter {
    /** The {@code --forms} groups written by default, in the order they are written. */
    public static final List<String> GROUPS = List.of("html", "html-img", "pdf", "pdf-unruled", "scan-unruled", "scan300", "scan200", "tiff", "upside",
            "text", "mojibake", "trad");
    /**
     * Groups written only when asked for by name: scan-real needs fonts the other forms do not, and
     * leaving it out of the default keeps the default sets (and the committed fixtures) as they were.
     */
    public static final List<String> OPT_IN_GROUPS = List.of("scan-real");

    /** Every form name, by group. */
    public static final java.util.Map<String, List<String>> FORMS = java.util.Map.ofEntries(
            java.util.Map.entry("html", List.of("html-utf8", "html-gb18030")),
            java.util.Map.entry("html-img", List.of("html-img")),
            java.util.Map.entry("pdf", List.of("pdf")),
            java.util.Map.entry("pdf-unruled", List.of("pdf-unruled")),
            java.util.Map.entry("scan-unruled", List.of("scan-unruled")),
            java.util.Map.entry("scan300", List.of("scan300-pdf", "scan300-png")),
            java.util.Map.entry("scan200", List.of("scan200-pdf", "scan200-jpg")),
            java.util.Map.entry("tiff", List.of("tiff-g4")),
            java.util.Map.entry("upside", List.of("scan-upside")),
            java.util.Map.entry("text", List.of("text-pipe", "text-tab", "text-cell", "text-tsv")),
            java.util.Map.entry("mojibake", List.of("moji-utf8-as-gbk", "moji-gbk-as-latin1", "moji-big5-as-gbk")),
            java.util.Map.entry("trad", List.of("trad-pinyin")),
            java.util.Map.entry("scan-real", List.of("scan-real")));

    /**
     * @param wanted    form groups and/or form names to write
     * @param scanPages which PDF pages the scan forms show (null: all)
     */
    public record Options(Set<String> wanted, List<Integer> scanPages) {
        public static Options all() {
            return new Options(new LinkedHashSet<>(GROUPS), null);
        }

        public boolean wants(String form) {
            if (wanted.contains(form)) return true;
            for (var e : FORMS.entrySet()) if (e.getValue().contains(form) && wanted.contains(e.getKey())) return true;
            return false;
        }

        public boolean wantsAny(String group) {
            for (String f : FORMS.get(group)) if (wants(f)) return true;
            return false;
        }

        /** Whether a token names a group or a form. */
        public static boolean known(String token) {
            if (FORMS.containsKey(token)) return true;
            for (List<String> l : FORMS.values()) if (l.contains(token)) return true;
            return false;
        }
    }

    private FormWriter() { }

    public static Truth write(SyntheticReport r, Path dir, Options o) throws IOException {
        Files.createDirectories(dir);
        PdfReportWriter.Result pdf = PdfReportWriter.write(r);
        Truth truth = TruthBuilder.build(r, pdf);
        List<Integer> all = IntStream.rangeClosed(1, pdf.pageCount()).boxed().toList();
        List<TruthForm> forms = new ArrayList<>();

        if (o.wants("html-utf8")) {
            write(dir, "report.html", HtmlRenderer.render(r, "utf-8", null), StandardCharsets.UTF_8);
            forms.add(form("html-utf8", "html", false, all, "web capture, UTF-8, tables as rowspan/colspan markup", "report.html"));
        }
        if (o.wants("html-gb18030")) {
            write(dir, "report-gb18030.html", HtmlRenderer.render(r, "gb2312", null), Charset.forName("GB18030"));
            forms.add(form("html-gb18030", "html", false, all, "web capture encoded GB18030, meta charset gb2312", "report-gb18030.html"));
        }
        if (o.wants("html-img")) {
            String folder = "report-img_files";
            write(dir, "report-img.html", HtmlRenderer.render(r, "utf-8", folder), StandardCharsets.UTF_8);
            Files.createDirectories(dir.resolve(folder));
            int n = 0;
            for (var t : r.tables()) {
                n++;
                BufferedImage img = PdfReportWriter.tableImage(t, pdf.style(), 150);
                Files.write(dir.resolve(folder).resolve("table" + n + ".png"), ImageFiles.png(img, 150));
            }
            forms.add(form("html-img", "html-img", true, all, "web capture whose three tables are PNG images in report-img_files/", "report-img.html"));
        }
        if (o.wants("pdf")) {
            Files.write(dir.resolve("report.pdf"), pdf.pdf());
            forms.add(form("pdf", "pdf", false, all, "born-digital PDF, embedded CJK fonts, ruled tables", "report.pdf"));
        }
        // the same pages with the tables' rules left out: columns only by alignment
        byte[] unruled = o.wants("pdf-unruled") || o.wants("scan-unruled") ? PdfReportWriter.write(r, false).pdf() : null;
        if (o.wants("pdf-unruled")) {
            Files.write(dir.resolve("report-unruled.pdf"), unruled);
            forms.add(form("pdf-unruled", "pdf-unruled", false, all, "born-digital PDF, the standard tables as aligned columns without rules",
                    "report-unruled.pdf"));
        }
        List<Integer> scanPages = o.scanPages() == null ? all : o.scanPages().stream().filter(p -> p >= 1 && p <= pdf.pageCount()).toList();
        if (o.wants("scan-unruled")) {
            // every page: without rules the tables take other room, so the unruled PDF's pages do not
            // match the ruled one's page numbers that --scan-pages and the truth's pages count in
            try (PDDocument doc = Loader.loadPDF(unruled)) {
                PDFRenderer renderer = new PDFRenderer(doc);
                List<byte[]> jpegs = new ArrayList<>();
                for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                    BufferedImage clean = renderer.renderImageWithDPI(p - 1, 300, ImageType.GRAY);
                    jpegs.add(ScanMaker.degrade(clean, ScanMaker.Profile.DPI300, new Random(r.seed() * 31 + p * 301L)).jpeg());
                }
                Files.write(dir.resolve("scan-unruled.pdf"), imagePdf(jpegs));
                forms.add(form("scan-unruled", "scan-unruled", true, all,
                        "image-only PDF of 300 dpi grey scans of every page of the PDF whose tables have no rules (aligned columns)",
                        "scan-unruled.pdf"));
            }
        }
        boolean want300 = o.wantsAny("scan300") || o.wantsAny("tiff") || o.wantsAny("upside");
        if ((want300 || o.wantsAny("scan200")) && !scanPages.isEmpty()) {
            try (PDDocument doc = Loader.loadPDF(pdf.pdf())) {
                PDFRenderer renderer = new PDFRenderer(doc);
                if (want300) scans300(r, dir, o, renderer, scanPages, forms);
                if (o.wantsAny("scan200")) scans200(r, dir, o, renderer, scanPages, forms);
            }
        }
        for (FlatTextRenderer.Style s : FlatTextRenderer.Style.values()) {
            String name = "text-" + s.name().toLowerCase(java.util.Locale.ROOT);
            if (o.wants(name)) {
                write(dir, name + ".txt", FlatTextRenderer.render(r, s), StandardCharsets.UTF_8);
                forms.add(form(name, "text", false, all, "flattened text capture, " + describe(s), name + ".txt"));
            }
        }
        String tsv = FlatTextRenderer.render(r, FlatTextRenderer.Style.TSV);
        if (o.wants("moji-utf8-as-gbk")) {
            write(dir, "moji-utf8-as-gbk.txt", VariantRenderer.utf8ReadAsGbk(tsv), StandardCharsets.UTF_8);
            forms.add(form("moji-utf8-as-gbk", "mojibake", false, all, "TSV capture: UTF-8 bytes decoded as GBK, saved as UTF-8", "moji-utf8-as-gbk.txt"));
        }
        if (o.wants("moji-gbk-as-latin1")) {
            write(dir, "moji-gbk-as-latin1.txt", VariantRenderer.gbkReadAsLatin1(tsv), StandardCharsets.UTF_8);
            forms.add(form("moji-gbk-as-latin1", "mojibake", false, all, "TSV capture: GB18030 bytes decoded as Latin-1, saved as UTF-8", "moji-gbk-as-latin1.txt"));
        }
        if (o.wants("moji-big5-as-gbk")) {
            write(dir, "moji-big5-as-gbk.txt", VariantRenderer.big5ReadAsGbk(tsv), StandardCharsets.UTF_8);
            forms.add(form("moji-big5-as-gbk", "mojibake", false, all, "TSV capture in traditional script: Big5 bytes decoded as GBK, saved as UTF-8", "moji-big5-as-gbk.txt"));
        }
        if (o.wants("trad-pinyin")) {
            String base = FlatTextRenderer.render(r, FlatTextRenderer.Style.PIPE);
            write(dir, "trad-pinyin.txt", "首頁 |\n|\n" + VariantRenderer.traditionalWithPinyin(base), StandardCharsets.UTF_8);
            forms.add(form("trad-pinyin", "trad", false, all, "pipe capture in traditional script with pinyin after some characters (seed 003)", "trad-pinyin.txt"));
        }
        if (o.wants("scan-real")) scanReal(r, dir, all, forms);
        truth = truth.withForms(forms);
        TruthIO.write(truth, dir.resolve(TruthIO.FILE));
        return truth;
    }

    /**
     * The scan-real form: the report typeset in other fonts with other table habits ({@link Look#real}),
     * printed double-sided, stamped with the organisation's seal on the last page and scanned in colour
     * ({@link RealScanMaker}). Every page: other fonts break lines and pages differently, so its pages do
     * not match the truth's page numbers (like scan-unruled, it is scored on the whole report).
     */
    private static void scanReal(SyntheticReport r, Path dir, List<Integer> all, List<TruthForm> forms) throws IOException {
        List<String> missing = Faces.missing(Look.REAL_FONTS);
        if (!missing.isEmpty()) {
            System.err.println("scan-real skipped for " + r.id() + ": its fonts are not installed (apt-get install "
                    + String.join(" ", missing) + ", or run scripts/setup)");
            return;
        }
        Look look = Look.real(r.seed());
        PdfReportWriter.Result real = PdfReportWriter.write(r, true, look);
        Random session = new Random(r.seed() * 37 + 11);
        RealScanMaker.Session s = RealScanMaker.Session.pick(session);
        List<byte[]> jpegs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(real.pdf())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            int n = doc.getNumberOfPages();
            List<BufferedImage> clean = new ArrayList<>();
            for (int p = 1; p <= n; p++) clean.add(renderer.renderImageWithDPI(p - 1, 300, ImageType.GRAY));
            int sealPage = real.closing().isEmpty() ? -1 : real.closing().get(real.closing().size() - 1).page();
            for (int p = 1; p <= n; p++) {
                // printed on both sides: page 1's back is page 2, page 2's back is page 1, ...
                int backPage = p % 2 == 1 ? p + 1 : p - 1;
                BufferedImage back = backPage >= 1 && backPage <= n ? clean.get(backPage - 1) : null;
                RealScanMaker.Seal seal = null;
                if (p == sealPage) {
                    final int sp = p;
                    double[] c = RealScanMaker.sealCentre(real.closing().stream().filter(b -> b.page() == sp).toList(),
                            real.style().pageHeight(), 300, session);
                    seal = new RealScanMaker.Seal(c[0], c[1], r.agency());
                }
                jpegs.add(RealScanMaker.scan(clean.get(p - 1), back, seal, s, 300, new Random(r.seed() * 31 + p * 307L)));
            }
        }
        Files.write(dir.resolve("scan-real.pdf"), imagePdf(jpegs));
        forms.add(form("scan-real", "scan-real", true, all, "image-only PDF of 300 dpi colour scans of every page, set in other fonts ("
                + look.describe() + "), tinted paper, seal over the closing, binding shadow" + (s.holes() ? " and punch holes" : "")
                + ", show-through, skew up to 2°, JPEG quality " + Math.round(s.jpegQuality() * 100), "scan-real.pdf"));
    }

    private static void scans300(SyntheticReport r, Path dir, Options o, PDFRenderer renderer, List<Integer> pages,
                                 List<TruthForm> forms) throws IOException {
        List<BufferedImage> scanned = new ArrayList<>();
        List<byte[]> jpegs = new ArrayList<>();
        for (int p : pages) {
            BufferedImage clean = renderer.renderImageWithDPI(p - 1, 300, ImageType.GRAY);
            ScanMaker.Scan scan = ScanMaker.degrade(clean, ScanMaker.Profile.DPI300, new Random(r.seed() * 31 + p * 300L));
            scanned.add(scan.image());
            jpegs.add(scan.jpeg());
        }
        if (o.wants("scan300-pdf")) {
            Files.write(dir.resolve("scan300.pdf"), imagePdf(jpegs));
            forms.add(form("scan300-pdf", "scan300", true, pages, "image-only PDF of 300 dpi grey scans (JPEG)", "scan300.pdf"));
        }
        if (o.wants("scan300-png")) {
            Files.createDirectories(dir.resolve("scan300"));
            List<String> files = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                String f = "scan300/page-" + pages.get(i) + ".png";
                Files.write(dir.resolve(f), ImageFiles.png(ScanMaker.cleaned(scanned.get(i)), 300));
                files.add(f);
            }
            forms.add(new TruthForm("scan300-png", "scan300", true, files, pages, "300 dpi grey scans as PNG pages, background cleaned (document mode)"));
        }
        if (o.wants("tiff-g4")) {
            List<BufferedImage> bw = new ArrayList<>();
            for (BufferedImage img : scanned) bw.add(ScanMaker.bilevel(img));
            Files.write(dir.resolve("scan300-g4.tif"), ImageFiles.tiffG4(bw, 300));
            forms.add(form("tiff-g4", "tiff", true, pages, "multi-page bilevel TIFF, CCITT T.6 (G4), 300 dpi", "scan300-g4.tif"));
        }
        if (o.wants("scan-upside")) {
            Files.write(dir.resolve("scan300-upside.jpg"), ImageFiles.jpeg(ScanMaker.upsideDown(scanned.get(0)), 0.5f, 300));
            forms.add(form("scan-upside", "upside", true, List.of(pages.get(0)), "page " + pages.get(0) + " scanned upside down (rotated 180°), 300 dpi JPEG", "scan300-upside.jpg"));
        }
    }

    private static void scans200(SyntheticReport r, Path dir, Options o, PDFRenderer renderer, List<Integer> pages,
                                 List<TruthForm> forms) throws IOException {
        List<byte[]> jpegs = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int p : pages) {
            BufferedImage clean = renderer.renderImageWithDPI(p - 1, 200, ImageType.GRAY);
            byte[] jpg = ScanMaker.degrade(clean, ScanMaker.Profile.DPI200, new Random(r.seed() * 31 + p * 200L)).jpeg();
            jpegs.add(jpg);
            String f = "scan200/page-" + p + ".jpg";
            if (o.wants("scan200-jpg")) {
                Files.createDirectories(dir.resolve("scan200"));
                Files.write(dir.resolve(f), jpg);
            }
            files.add(f);
        }
        if (o.wants("scan200-pdf")) {
            Files.write(dir.resolve("scan200.pdf"), imagePdf(jpegs));
            forms.add(form("scan200-pdf", "scan200", true, pages, "image-only PDF of noisy 200 dpi grey scans (JPEG)", "scan200.pdf"));
        }
        if (o.wants("scan200-jpg")) forms.add(new TruthForm("scan200-jpg", "scan200", true, files, pages, "noisy 200 dpi grey scans as JPEG pages"));
    }

    /** An image-only PDF: one A4 page per JPEG, the image filling the page, no text layer. */
    static byte[] imagePdf(List<byte[]> jpegs) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (byte[] jpg : jpegs) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject img = JPEGFactory.createFromByteArray(doc, jpg);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(img, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            long seed = 0;
            for (byte[] jpg : jpegs) seed = seed * 31 + java.util.Arrays.hashCode(jpg);
            PdfReportWriter.fixId(doc, seed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static String describe(FlatTextRenderer.Style s) {
        return switch (s) {
            case PIPE -> "pipe rows with uneven cell counts (seed 000)";
            case TAB -> "tab-prefixed cells, blank line between rows (seed 001)";
            case CELL -> "one cell per line, blank lines between cells (seed 002)";
            case TSV -> "TSV rows, merged positions empty (seed 004)";
        };
    }

    private static TruthForm form(String name, String group, boolean ocr, List<Integer> pages, String note, String file) {
        return new TruthForm(name, group, ocr, List.of(file), pages, note);
    }

    private static void write(Path dir, String name, String text, Charset cs) throws IOException {
        Files.write(dir.resolve(name), text.getBytes(cs));
    }
}
