package org.nianbao.ingest.ocr.testkit;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrMode;
import org.nianbao.ingest.ocr.OcrScript;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.PageReader;

/**
 * Measures what each page preparation step is worth: renders pages of known text (seed narratives) in
 * several fonts, degrades them like scans, reads them with {@link PageReader} under each named
 * configuration and prints the character error rate (whitespace ignored) and time per configuration.
 *
 * <pre>
 * scripts/ocr-eval --dpi 300 --profile office --pages 3 \
 *     --config "base=mode=COLUMN" --config "deskew=deskew,mode=COLUMN"
 * </pre>
 * Options of a configuration (comma-separated): resample, deskew, orientation, rulings, enum, punct, despeckle,
 * mode=PAGE|COLUMN|BLOCK; "all" = the defaults of PageReader. {@code --only K} reads page K alone;
 * {@code --verbose} prints each page's edits (truth→OCR).
 */
public final class OcrEval {
    public static void main(String[] args) throws Exception {
        int dpi = 300;
        String profile = "office";
        int pages = 3;
        int turn = 0;
        boolean verbose = false;
        int only = -1;
        Path save = null;
        int claim = 0;
        List<String> fonts = List.of("AR PL UMing CN", "AR PL UKai CN", "WenQuanYi Zen Hei");
        Map<String, PageReader.Options> configs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dpi" -> dpi = Integer.parseInt(args[++i]);
                case "--profile" -> profile = args[++i];
                case "--pages" -> pages = Integer.parseInt(args[++i]);
                case "--turn" -> turn = Integer.parseInt(args[++i]);
                case "--fonts" -> fonts = List.of(args[++i].split(","));
                case "--verbose" -> verbose = true;
                case "--only" -> only = Integer.parseInt(args[++i]) - 1;
                case "--save" -> save = Path.of(args[++i]);
                case "--claim-dpi" -> claim = Integer.parseInt(args[++i]);
                case "--config" -> {
                    String[] kv = args[++i].split("=", 2);
                    configs.put(kv[0], parse(kv[1]));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (configs.isEmpty()) configs.put("defaults", PageReader.Options.defaults());
        ScanMaker.Profile prof = switch (profile) {
            case "clean" -> ScanMaker.Profile.CLEAN;
            case "office" -> ScanMaker.Profile.OFFICE;
            case "cheap" -> ScanMaker.Profile.CHEAP;
            default -> throw new IllegalArgumentException("profile: clean, office or cheap");
        };
        List<Path> seeds = new ArrayList<>();
        try (var s = Files.list(Path.of("fixtures/seeds"))) {
            s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(seeds::add);
        }
        seeds.removeIf(p -> {
            try {
                return Corpus.paragraphs(p).isEmpty(); // the traditional-script seed: measured separately
            } catch (java.io.IOException e) {
                return true;
            }
        });
        {
        }
        // pages: font i, seed (i + k) so every font sees different text
        List<ScanMaker.Scan> scans = new ArrayList<>();
        List<GrayImage> images = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < pages; k++) {
            if (only >= 0 && k != only) continue;
            String font = fonts.get(k % fonts.size());
            Path seed = seeds.get(k % seeds.size());
            List<String> paras = Corpus.paragraphs(seed);
            ScanMaker.Scan scan = ScanMaker.page(paras, dpi, font, 12);
            BufferedImage img = ScanMaker.degrade(scan.image(), prof, 1000 + k);
            if (turn != 0) img = ScanMaker.rotate(img, turn);
            scans.add(scan);
            if (save != null) {
                Files.createDirectories(save);
                ImageFiles.png(img, dpi, save.resolve(String.format("page-%02d.png", k + 1)));
            }
            images.add(GrayImage.of(img));
            labels.add(font + " / " + seed.getFileName());
        }
        OcrService.Config cfg = new OcrService.Config(Path.of("models"), 1, OcrService.Isolation.PROCESS, 600_000, 200_000_000L);
        try (OcrService service = new OcrService(cfg)) {
            System.out.printf("dpi=%d profile=%s pages=%d turn=%d%n", dpi, profile, pages, turn);
            for (Map.Entry<String, PageReader.Options> c : configs.entrySet()) {
                PageReader reader = new PageReader(service, c.getValue());
                long edits = 0;
                long chars = 0;
                long millis = 0;
                StringBuilder per = new StringBuilder();
                for (int k = 0; k < scans.size(); k++) {
                    PageReader.PageText t = reader.read(images.get(k), claim > 0 ? claim : dpi, OcrScript.SIMPLIFIED, 0);
                    String truth = scans.get(k).truthText();
                    double cer = Cer.of(t.text(), truth);
                    int n = (int) truth.codePoints().filter(ch -> !Character.isWhitespace(ch)).count();
                    edits += Math.round(cer * n);
                    chars += n;
                    millis += t.millis();
                    per.append(String.format("  %-45s cer=%.4f conf=%.1f ms=%d %s%n", labels.get(k), cer, t.confidence(), t.millis(), t.notes()));
                    if (verbose) per.append("    ").append(Cer.edits(t.text(), truth)).append('\n');
                }
                System.out.printf("%-14s CER=%.4f (%d/%d) pages/min=%.1f%n%s", c.getKey(), (double) edits / chars, edits, chars,
                        scans.size() * 60000.0 / Math.max(1, millis), per);
            }
        }
    }

    static PageReader.Options parse(String spec) {
        if (spec.equals("all")) return PageReader.Options.defaults();
        boolean resample = false, deskew = false, orientation = false, rulings = false, enumer = false, punct = false, speck = false;
        OcrMode mode = OcrMode.COLUMN;
        for (String s : spec.split(",")) {
            switch (s.trim()) {
                case "resample" -> resample = true;
                case "deskew" -> deskew = true;
                case "orientation" -> orientation = true;
                case "rulings" -> rulings = true;
                case "enum" -> enumer = true;
                case "punct" -> punct = true;
                case "despeckle" -> speck = true;
                case "" -> { }
                default -> {
                    if (s.startsWith("mode=")) mode = OcrMode.valueOf(s.substring(5));
                    else throw new IllegalArgumentException("unknown step " + s);
                }
            }
        }
        return new PageReader.Options(resample, deskew, orientation, rulings, enumer, punct, mode, speck);
    }
}
