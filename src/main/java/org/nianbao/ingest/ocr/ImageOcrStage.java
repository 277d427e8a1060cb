package org.nianbao.ingest.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.nianbao.ingest.extract.html.ImageBytes;
import org.nianbao.ingest.extract.image.ImageFrames;
import org.nianbao.ingest.extract.image.ScanResolution;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.pipeline.Capability;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Stage;
import org.nianbao.ingest.table.pdf.ImageRulingTables;

/**
 * OCRs the images of web captures (a table published as a picture, a scanned page inserted in the
 * page) and puts their text back where the image was: each {@link ImageBlock} whose bytes were found
 * ({@code resolved} not null) gets its text, one line per paragraph (one per table row), and its
 * positioned lines for table rebuilding. Images are read in parallel on the OCR pool. An image that
 * cannot be loaded, decoded or read keeps a warning and the document ends partial; the rest go on.
 */
public final class ImageOcrStage implements Stage {
    /** Pictures smaller than this on either side hold no text worth reading (icons, bullets, spacers). */
    static final int MIN_SIDE = 16;

    @Override
    public String name() {
        return "image-ocr";
    }

    @Override
    public Set<Capability> requires() {
        return EnumSet.of(Capability.EXTRACTED);
    }

    @Override
    public Set<Capability> provides() {
        return EnumSet.of(Capability.IMAGES_READ);
    }

    @Override
    public Document apply(Document doc, Context ctx) {
        int pending = 0;
        for (Block b : doc.blocks()) if (b instanceof ImageBlock i && !i.read() && i.resolved() != null) pending++;
        if (pending == 0) return doc;
        if (!ctx.settings().ocrEnabled()) {
            return doc.withWarning(Warning.of("ocr-disabled", pending + " image(s) in the capture were not read: OCR is disabled"));
        }
        OcrService service = OcrService.of(ctx);
        DocumentOcr ocr = new DocumentOcr(service);
        Path sourceFile = Path.of(doc.source());
        long maxBytes = Math.min(ctx.limits().maxInputBytes(), ImageBytes.DEFAULT_MAX_BYTES);
        // submit every image first, then collect in order
        List<List<Future<List<Block>>>> perPage = new ArrayList<>();
        for (Page page : doc.pages()) {
            List<Future<List<Block>>> fs = new ArrayList<>();
            for (Block b : page.blocks()) {
                if (b instanceof ImageBlock img && !img.read() && img.resolved() != null) {
                    fs.add(service.pageExecutor().submit(() -> read(doc, img, sourceFile, maxBytes, ocr, service, ctx)));
                } else {
                    fs.add(null);
                }
            }
            perPage.add(fs);
        }
        List<Page> pages = new ArrayList<>();
        int failed = 0;
        String firstFailure = null;
        for (int p = 0; p < doc.pages().size(); p++) {
            Page page = doc.pages().get(p);
            List<Block> blocks = new ArrayList<>();
            List<Future<List<Block>>> fs = perPage.get(p);
            for (int k = 0; k < page.blocks().size(); k++) {
                if (fs.get(k) == null) {
                    blocks.add(page.blocks().get(k));
                    continue;
                }
                ImageBlock original = (ImageBlock) page.blocks().get(k);
                List<Block> done;
                try {
                    done = fs.get(k).get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    done = List.of(failedBlock(original, "interrupted"));
                } catch (ExecutionException e) {
                    done = List.of(failedBlock(original, "OCR failed: " + e.getCause()));
                }
                if (done.size() == 1 && done.get(0) instanceof ImageBlock i && !i.read()) {
                    failed++;
                    if (firstFailure == null) firstFailure = i.warnings().get(i.warnings().size() - 1).message();
                }
                blocks.addAll(done);
            }
            pages.add(page.withBlocks(blocks));
        }
        Document out = doc.withPages(pages);
        if (failed > 0 && out.status().state() == Status.State.DONE) {
            out = out.withStatus(Status.partial(failed + " image(s) could not be read: " + firstFailure));
        }
        return out;
    }

    /**
     * The blocks an image becomes: itself with its text, or — when it holds ruled tables — its text and
     * tables as blocks of their own in reading order (the tables as grids, like a scanned page's).
     */
    private static List<Block> read(Document doc, ImageBlock img, Path sourceFile, long maxBytes, DocumentOcr ocr,
                                    OcrService service, Context ctx) {
        byte[] bytes;
        try {
            bytes = ImageBytes.load(doc, img, sourceFile, maxBytes);
        } catch (IOException | RuntimeException e) {
            return List.of(failedBlock(img, "image could not be loaded: " + e.getMessage()));
        }
        GrayImage gray;
        int dpi;
        try (ImageFrames frames = ImageFrames.open(new ByteArrayInputStream(bytes))) {
            ImageFrames.Header h = frames.header(0);
            if (h.pixels() > ctx.limits().maxImagePixels()) {
                return List.of(failedBlock(img, String.format(Locale.ROOT, "image is %dx%d pixels, above the limit: not decoded", h.width(), h.height())));
            }
            if (h.width() < MIN_SIDE || h.height() < MIN_SIDE) {
                return List.of(img.withReading("", List.of(), img.provenance().withDetail(detail(img, "too small to hold text"))));
            }
            BufferedImage bi = frames.read(0);
            gray = GrayImage.of(bi);
            dpi = ScanResolution.of(h.width(), h.height(), h.dpiX());
        } catch (ImageFrames.Unsupported e) {
            return List.of(failedBlock(img, "not an image format that can be decoded: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return List.of(failedBlock(img, "image data is damaged: " + e.getMessage()));
        } catch (OutOfMemoryError e) {
            return List.of(failedBlock(img, "ran out of memory decoding the image"));
        }
        ImageRulingTables.ReadPage read;
        try {
            // ruled tables' cells are read again while the prepared image is at hand
            read = ImageRulingTables.read(ocr.read(gray, dpi), service);
        } catch (OcrException e) {
            return List.of(failedBlock(img, "OCR failed: " + e.getMessage()));
        }
        PageReader.PageText t = read.text();
        List<Line> lines = t.lines();
        Provenance prov = new Provenance(img.provenance().source(), img.provenance().page(), Method.OCR,
                detail(img, String.format(Locale.ROOT, "OCR, confidence %.0f", t.confidence())));
        List<Warning> low = new ArrayList<>();
        if (t.confidence() < 60 && !lines.isEmpty()) {
            low.add(new Warning("ocr-low-confidence", String.format(Locale.ROOT, "OCR confidence on image %s is only %.0f",
                    img.source(), t.confidence()), img.provenance().page()));
        }
        if (!read.tables().isEmpty()) {
            // a table published as a picture: its grid and any text around it take the image's place
            List<Block> out = new ArrayList<>();
            for (LineParagraphs.Placed pl : ImageRulingTables.placed(read, 1, 0, 0, prov)) out.add(pl.block());
            if (!low.isEmpty() || !img.warnings().isEmpty()) {
                List<Warning> ws = new ArrayList<>(img.warnings());
                ws.addAll(low);
                out.set(0, out.get(0).withWarnings(concat(out.get(0).warnings(), ws)));
            }
            return out;
        }
        // one text line per paragraph (a table row is a paragraph of its own)
        List<String> paragraphs = new ArrayList<>();
        for (Block b : OcrBlocks.blocks(t, 1, 0, 0, img.provenance())) paragraphs.add(b.text());
        ImageBlock out = img.withReading(String.join("\n", paragraphs), lines, prov);
        if (!low.isEmpty()) out = out.withWarnings(concat(out.warnings(), low));
        return List.of(out);
    }

    private static List<Warning> concat(List<Warning> a, List<Warning> b) {
        List<Warning> ws = new ArrayList<>(a);
        ws.addAll(b);
        return ws;
    }

    private static String detail(ImageBlock img, String what) {
        String d = img.provenance().detail();
        return d == null || d.isBlank() ? what : d + "; " + what;
    }

    private static ImageBlock failedBlock(ImageBlock img, String reason) {
        List<Warning> ws = new ArrayList<>(img.warnings());
        ws.add(new Warning("image-not-read", "image " + img.source() + ": " + reason, img.provenance().page()));
        return img.withWarnings(ws);
    }
}
