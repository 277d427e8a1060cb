package org.nianbao.ingest.extract.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.nianbao.ingest.extract.pdf.TimeLimit;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.ocr.DocumentOcr;
import org.nianbao.ingest.extract.ColourScans;
import org.nianbao.ingest.ocr.GrayImage;
import org.nianbao.ingest.ocr.OcrBlocks;
import org.nianbao.ingest.ocr.OcrException;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.PageReader;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Extractor;
import org.nianbao.ingest.pipeline.InputException;
import org.nianbao.ingest.sniff.Sniffer;
import org.nianbao.ingest.sniff.Source;
import org.nianbao.ingest.table.pdf.ContinuedColumns;
import org.nianbao.ingest.table.pdf.ImageRulingTables;

/**
 * Page images: PNG, JPEG, BMP, GIF, JPEG 2000 and TIFF (one page per frame: multi-page, bilevel
 * CCITT G3/G4, LZW). Each frame's header is checked against the pixel limit before it is decoded; the
 * frame is decoded under the page time limit, then OCR'd on the pool (frames in parallel). Boxes are in
 * the image's pixels. A frame that cannot be decoded or read fails alone.
 */
public final class ImageExtractor implements Extractor {

    @Override
    public boolean accepts(SourceKind kind) {
        return kind == SourceKind.IMAGE;
    }

    @Override
    public Document extract(Source source, Context ctx) throws InputException {
        Reading r = new Reading(ctx);
        try {
            r.readFile(source.path(), source.note(), null);
        } finally {
            r.settle(); // frames already submitted are waited for even when a later one throws
        }
        return r.document(source.path().toString(), source.sha256(), Map.of());
    }

    /**
     * Several page files read as one document (a folder of page images, one file per page): pages are
     * numbered through the whole set in the given order, a multi-page TIFF contributes all its frames,
     * and every page records the file it came from. A file that is missing, not an image or damaged
     * becomes a failed page with its reason (the document is then partial); the others are read as
     * usual. Never throws for bad input: when no page at all can be read the document is failed.
     *
     * @param source the document's name (the folder)
     * @param files  the page files in page order
     */
    public Document extractPages(String source, List<Path> files, Context ctx) {
        Reading r = new Reading(ctx);
        Sniffer sniffer = new Sniffer();
        List<String> names = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try {
            for (Path f : files) {
                String name = f.getFileName() == null ? f.toString() : f.getFileName().toString();
                if (r.full()) {
                    r.more = true;
                    break;
                }
                names.add(name);
                Source s;
                try {
                    String refusal = PageSet.refusal(f, ctx.limits().maxInputBytes());
                    if (refusal != null) {
                        hashes.add(PageSet.MISSING);
                        r.failFile(name, refusal);
                        continue;
                    }
                    s = sniffer.sniff(f);
                } catch (IOException | RuntimeException e) {
                    hashes.add(PageSet.MISSING);
                    r.failFile(name, "cannot read file: " + describe(e));
                    continue;
                }
                hashes.add(s.sha256());
                if (s.size() == 0) {
                    r.failFile(name, "empty file (0 bytes)");
                } else if (s.kind() != SourceKind.IMAGE) {
                    r.failFile(name, "not a page image: " + s.note());
                } else {
                    try {
                        r.readFile(f, s.note(), name);
                    } catch (InputException e) {
                        r.failFile(name, e.getMessage());
                    } catch (RuntimeException e) {
                        r.failFile(name, "cannot read the image: " + describe(e));
                    }
                }
            }
        } finally {
            r.settle();
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("page-files", Integer.toString(files.size()));
        return r.document(source, PageSet.sha256(names, hashes), meta);
    }

    /** The frames of one document being read, from one file or several, and the OCR they wait for. */
    private static final class Reading {
        final Context ctx;
        final long pageMillis;
        final List<Frame> frames = new ArrayList<>();
        final Set<String> formats = new LinkedHashSet<>();
        boolean more;
        OcrService service;
        DocumentOcr ocr;
        Semaphore inFlight;

        Reading(Context ctx) {
            this.ctx = ctx;
            this.pageMillis = ctx.limits().pageTimeoutSeconds() * 1000L;
        }

        boolean full() {
            return frames.size() >= ctx.limits().maxPages();
        }

        /** A page file that gives no frame at all: one failed page in its place. */
        void failFile(String file, String reason) {
            frames.add(Frame.failed(frames.size() + 1, 0, 0, reason).from(file, 0));
        }

        /**
         * Reads every frame of one file, numbering pages after those already read. {@code file} is the
         * name recorded on its pages (null for a one-file document). Throws when the file yields nothing.
         */
        void readFile(Path path, String note, String file) throws InputException {
            try (InputStream stream = Files.newInputStream(path);
                 ImageFrames images = ImageFrames.open(stream)) {
                String format = images.format();
                formats.add(format);
                for (int i = 0; ; i++) {
                    boolean exists;
                    try {
                        exists = images.has(i);
                    } catch (IOException | RuntimeException e) {
                        if (i == 0) throw new InputException("the image cannot be decoded: " + describe(e), e);
                        add(Frame.failed(0, 0, 0, "the file is damaged after page " + i + ": " + describe(e)), file, i);
                        break;
                    }
                    if (!exists) break;
                    if (full()) {
                        more = true;
                        break;
                    }
                    ImageFrames.Header header;
                    try {
                        header = images.header(i);
                    } catch (IOException | RuntimeException e) {
                        add(Frame.failed(0, 0, 0, "the image header cannot be read: " + describe(e)), file, i);
                        continue;
                    }
                    if (header.pixels() > ctx.limits().maxImagePixels()) {
                        add(Frame.failed(0, header.width(), header.height(), String.format(Locale.ROOT,
                                "image is %dx%d pixels (%.0f Mpx), above the limit of %.0f Mpx: not decoded (decompression bomb?)",
                                header.width(), header.height(), header.pixels() / 1e6, ctx.limits().maxImagePixels() / 1e6)), file, i);
                        continue;
                    }
                    if (!ctx.settings().ocrEnabled()) {
                        add(Frame.failed(0, header.width(), header.height(), "page image not read: OCR is disabled"), file, i);
                        continue;
                    }
                    if (service == null) {
                        service = OcrService.of(ctx);
                        ocr = new DocumentOcr(service);
                        inFlight = new Semaphore(service.config().size() + 1);
                    }
                    inFlight.acquireUninterruptibly();
                    GrayImage gray;
                    try {
                        final int idx = i;
                        BufferedImage img = TimeLimit.run("image-decode-" + (frames.size() + 1), pageMillis, () -> images.read(idx));
                        // a colour scan: red seal dropped, paper levelled (ColourScans); grey and bilevel pages as they are
                        gray = ColourScans.isColour(img)
                                ? ColourScans.toGray(img, ScanResolution.of(header.width(), header.height(), header.dpiX()))
                                : GrayImage.of(img);
                    } catch (TimeLimit.Exceeded e) {
                        inFlight.release();
                        add(Frame.failed(0, header.width(), header.height(), "decoding the image took longer than the page time limit"), file, i);
                        break; // the decoder is still busy with the stream: nothing more can be read from it
                    } catch (OutOfMemoryError e) {
                        inFlight.release();
                        add(Frame.failed(0, header.width(), header.height(), "ran out of memory decoding the image"), file, i);
                        continue;
                    } catch (Exception e) {
                        inFlight.release();
                        add(Frame.failed(0, header.width(), header.height(), "the image data is damaged: " + describe(e)), file, i);
                        continue;
                    }
                    int dpi = ScanResolution.of(header.width(), header.height(), header.dpiX());
                    String what = String.format(Locale.ROOT, "%s page image %dx%d px, %s", format, header.width(), header.height(),
                            dpi > 0 ? dpi + " dpi" : header.dpiX() > 0 ? "declared " + header.dpiX() + " dpi not believed" : "no resolution given");
                    Future<Object> f = ImageRulingTables.readOnPool(service, ocr, gray, dpi, inFlight);
                    add(new Frame(0, header.width(), header.height(), f, what, dpi, null), file, i);
                }
            } catch (ImageFrames.Unsupported e) {
                throw new InputException("not a supported image (" + note + "): " + e.getMessage(), e);
            } catch (IOException e) {
                throw new InputException("the image cannot be read: " + describe(e), e);
            }
        }

        private void add(Frame f, String file, int frameIndex) {
            f.number = frames.size() + 1;
            frames.add(f.from(file, frameIndex));
        }

        /** Waits for every submitted frame, so no OCR task outlives the document's reading. */
        void settle() {
            for (Frame f : frames) f.await();
        }

        Document document(String source, String sha256, Map<String, String> extraMeta) {
            List<Page> pages = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Frame fr : frames) {
                Page p = fr.finish();
                pages.add(p);
                if (fr.failure != null) failures.add((frames.size() > 1 ? "page " + p.number() + fr.where() + ": " : "") + fr.failure);
            }
            pages = ContinuedColumns.align(pages); // a table continued on the next page: both parts on one set of columns
            Status status;
            if (!failures.isEmpty() && failures.size() == pages.size()) {
                status = Status.failed(failures.get(0) + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more pages)" : ""));
            } else if (!failures.isEmpty() || more) {
                List<String> parts = new ArrayList<>(failures.subList(0, Math.min(5, failures.size())));
                if (more) parts.add("only the first " + ctx.limits().maxPages() + " pages were read (page limit)");
                status = Status.partial(String.join("; ", parts));
            } else {
                status = Status.done();
            }
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("pages", Integer.toString(pages.size()));
            meta.put("format", formats.isEmpty() ? "none" : String.join(", ", formats));
            meta.putAll(extraMeta);
            if (ocr != null && ocr.script() != null) {
                meta.put("script", ocr.script().name().toLowerCase(Locale.ROOT));
                meta.put("script-reason", ocr.scriptReason());
            }
            return new Document(source, SourceKind.IMAGE, null, sha256, pages, status, List.of(), Edits.none(), meta);
        }
    }

    /** One frame: failed at once, or waiting for its OCR. */
    private static final class Frame {
        int number;
        final int width;
        final int height;
        final Future<Object> ocr;
        final String what;
        final int dpi;
        String failure;
        /** The page file this frame is in, for a document of several files; null otherwise. */
        String file;
        int frameIndex;

        Frame(int number, int width, int height, Future<Object> ocr, String what, int dpi, String failure) {
            this.number = number;
            this.width = width;
            this.height = height;
            this.ocr = ocr;
            this.what = what;
            this.dpi = dpi;
            this.failure = failure;
        }

        static Frame failed(int number, int w, int h, String reason) {
            return new Frame(number, w, h, null, null, 0, reason);
        }

        Frame from(String sourceFile, int index) {
            this.file = sourceFile;
            this.frameIndex = index;
            return this;
        }

        /** " (page-003.jpg)" or " (scan.tif, frame 2)" for a page of a multi-file document; "" otherwise. */
        String where() {
            if (file == null) return "";
            return " (" + file + (frameIndex > 0 ? ", frame " + (frameIndex + 1) : "") + ")";
        }

        void await() {
            if (ocr == null) return;
            try {
                ocr.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | RuntimeException e) {
                // finish() reports it
            }
        }

        Page finish() {
            Page p = read();
            return file == null ? p : p.withFile(file);
        }

        private Page read() {
            if (ocr == null) return failedPage(failure);
            Object r;
            try {
                r = ocr.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failedPage("interrupted");
            } catch (ExecutionException e) {
                return failedPage("OCR failed: " + describe(e.getCause()));
            }
            if (r instanceof OcrException e) return failedPage(what + "; OCR failed: " + e.getMessage());
            ImageRulingTables.ReadPage read = (ImageRulingTables.ReadPage) r;
            PageReader.PageText t = read.text();
            Provenance p = new Provenance(SourceKind.IMAGE, number, Method.OCR, (file == null ? "" : fileLabel() + "; ")
                    + String.format(Locale.ROOT, "OCR, confidence %.0f", t.confidence()));
            List<Block> blocks = new ArrayList<>(); // ruled tables as grids, the rest as OcrBlocks would place it
            for (var placed : ImageRulingTables.placed(read, 1, 0, 0, p)) blocks.add(placed.block());
            List<Warning> warnings = new ArrayList<>();
            if (t.confidence() < 60 && !blocks.isEmpty()) {
                warnings.add(new Warning("ocr-low-confidence", String.format(Locale.ROOT,
                        "OCR confidence on this page is only %.0f; check the text", t.confidence()), number));
            }
            if (blocks.isEmpty()) warnings.add(new Warning("no-text", "no text was found on this page image", number));
            List<String> notes = new ArrayList<>(t.notes());
            notes.addAll(read.notes());
            String why = (file == null ? "" : fileLabel() + ": ") + what + "; OCR'd" + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
            return new Page(number, width, height, new PageReading(Method.OCR, why), blocks, warnings);
        }

        /** "page-003.jpg" or "scan.tif, frame 2". */
        private String fileLabel() {
            String w = where();
            return w.substring(2, w.length() - 1);
        }

        private Page failedPage(String reason) {
            failure = reason;
            String where = file == null ? "" : fileLabel() + ": ";
            return new Page(number, width, height, new PageReading(Method.OCR, "failed: " + where + reason), List.of(),
                    List.of(new Warning("page-failed", reason, number)));
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank()) ? e.getClass().getSimpleName() : m;
    }
}
