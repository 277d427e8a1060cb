package org.nianbao.ingest.extract.pdf;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.PDFRenderer;
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
import org.nianbao.ingest.ocr.LineParagraphs;
import org.nianbao.ingest.ocr.OcrException;
import org.nianbao.ingest.ocr.OcrService;
import org.nianbao.ingest.ocr.PageReader;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Extractor;
import org.nianbao.ingest.pipeline.InputException;
import org.nianbao.ingest.sniff.Source;
import org.nianbao.ingest.table.pdf.ContinuedColumns;
import org.nianbao.ingest.table.pdf.AlignedColumnTables;
import org.nianbao.ingest.table.pdf.ImageRulingTables;
import org.nianbao.ingest.table.pdf.PdfRulingTables;

/**
 * PDFs, page by page with PDFBox 3. Each page is triaged ({@link PdfTriage}): a sound text layer is
 * read with its positions and never OCR'd; a scanned, outlined or garbled page is rendered at 300 dpi
 * and OCR'd. Text-layer pages that carry large pictures with no text on them (tables pasted as images)
 * get those pictures OCR'd in place. The decision and its reason go into each page's
 * {@link PageReading}; vector rulings are kept for the table stage ({@link PdfRulings}).
 *
 * <p>Pages are parsed and rendered one at a time (a PDDocument is not thread-safe) and OCR'd in
 * parallel on the OCR pool; a page that fails, hangs (time limit per page) or cannot be rendered fails
 * alone and the document ends {@code PARTIAL} with the reasons.
 */
public final class PdfExtractor implements Extractor {

    @Override
    public boolean accepts(SourceKind kind) {
        return kind == SourceKind.PDF;
    }

    @Override
    public Document extract(Source source, Context ctx) throws InputException {
        try (Run run = new Run(source, ctx)) {
            return run.extract();
        }
    }

    /** One document's extraction. */
    private static final class Run implements AutoCloseable {
        private final Source source;
        private final Context ctx;
        private final long pageMillis;
        private final long started = System.currentTimeMillis();
        private PDDocument doc;
        private PDFRenderer renderer;
        private OcrService ocr;
        private DocumentOcr documentOcr;
        private Semaphore inFlight;
        private final List<Warning> docWarnings = new ArrayList<>();

        Run(Source source, Context ctx) {
            this.source = source;
            this.ctx = ctx;
            this.pageMillis = ctx.limits().pageTimeoutSeconds() * 1000L;
        }

        Document extract() throws InputException {
            doc = open();
            int total = doc.getNumberOfPages();
            if (total == 0) throw new InputException("PDF has no pages");
            int toRead = Math.min(total, ctx.limits().maxPages());
            List<PageJob> jobs = new ArrayList<>();
            for (int i = 0; i < toRead; i++) {
                if (System.currentTimeMillis() - started > ctx.limits().documentTimeoutSeconds() * 1000L) {
                    for (int k = i; k < toRead; k++) jobs.add(PageJob.failed(k + 1, 0, 0, Method.TEXT_LAYER, "not read: the document time limit was reached"));
                    break;
                }
                jobs.add(page(i));
            }
            List<Page> pages = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            int ocrPages = 0;
            for (PageJob job : jobs) {
                Page p = job.finish();
                pages.add(p);
                if (job.failure != null) failures.add("page " + p.number() + ": " + job.failure);
                if (p.reading().method() == Method.OCR) ocrPages++;
            }
            pages = ContinuedColumns.align(pages); // a table continued on the next page: both parts on one set of columns
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("pages", Integer.toString(total));
            meta.put("ocr-pages", Integer.toString(ocrPages));
            if (documentOcr != null && documentOcr.script() != null) {
                meta.put("script", documentOcr.script().name().toLowerCase(Locale.ROOT));
                meta.put("script-reason", documentOcr.scriptReason());
            }
            if (doc.isEncrypted()) meta.put("encrypted", "true (opened without a password)");
            Status status;
            if (failures.size() == pages.size()) {
                status = Status.failed(failures.size() == 1 ? failures.get(0) : "no page could be read; " + failures.get(0)
                        + " (and " + (failures.size() - 1) + " more)");
            } else if (!failures.isEmpty() || toRead < total) {
                List<String> parts = new ArrayList<>(failures.subList(0, Math.min(5, failures.size())));
                if (failures.size() > 5) parts.add((failures.size() - 5) + " more pages failed");
                if (toRead < total) parts.add("only the first " + toRead + " of " + total + " pages were read (page limit)");
                status = Status.partial(String.join("; ", parts));
            } else {
                status = Status.done();
            }
            if (toRead < total) docWarnings.add(Warning.of("page-limit", (total - toRead) + " pages beyond the page limit of " + toRead + " were not read"));
            return new Document(source.path().toString(), SourceKind.PDF, null, source.sha256(), pages, status,
                    docWarnings, Edits.none(), meta);
        }

        private PDDocument open() throws InputException {
            try {
                return Loader.loadPDF(source.path().toFile(), "");
            } catch (InvalidPasswordException e) {
                throw new InputException("PDF is password-protected: it cannot be opened without its password", e);
            } catch (IOException e) {
                throw new InputException("not a readable PDF: " + describe(e), e);
            } catch (OutOfMemoryError e) {
                throw new InputException("PDF is too large to open in the memory available", null);
            } catch (RuntimeException e) {
                throw new InputException("not a readable PDF: " + describe(e), e);
            }
        }

        /** Reopens the document after a runaway page left the old instance in use by a stopped thread. */
        private void reopen() throws InputException {
            doc = open();
            renderer = null;
        }

        private PageJob page(int index) throws InputException {
            int number = index + 1;
            PdfPageAnalysis a;
            final PDDocument d = doc;
            try {
                a = TimeLimit.run("pdf-page-" + number, pageMillis, () -> PdfPageAnalysis.of(d, index));
            } catch (TimeLimit.Exceeded e) {
                reopen();
                return PageJob.failed(number, 0, 0, Method.TEXT_LAYER, "reading the page took longer than the page time limit ("
                        + pageMillis / 1000 + " s)");
            } catch (OutOfMemoryError e) {
                reopen();
                return PageJob.failed(number, 0, 0, Method.TEXT_LAYER, "ran out of memory reading the page");
            } catch (Exception e) {
                return PageJob.failed(number, 0, 0, Method.TEXT_LAYER, "the page could not be parsed: " + describe(e));
            }
            double w = a.geometry().width();
            double h = a.geometry().height();
            if (a.decision().blank()) {
                return PageJob.done(new Page(number, w, h, new PageReading(Method.TEXT_LAYER, a.decision().reason()), List.of(), List.of()));
            }
            if (!a.decision().ocr()) return textLayerPage(number, index, a);
            if (!ctx.settings().ocrEnabled()) {
                Warning warn = new Warning("ocr-disabled", "page needs OCR (" + a.decision().reason() + ") but OCR is disabled", number);
                return PageJob.failed(number, w, h, Method.OCR, "needs OCR (" + a.decision().reason() + "); OCR is disabled", warn);
            }
            return ocrPage(number, index, a);
        }

        private PageJob textLayerPage(int number, int index, PdfPageAnalysis a) throws InputException {
            Provenance prov = new Provenance(SourceKind.PDF, number, Method.TEXT_LAYER, "text layer");
            List<LineParagraphs.Placed> placed = placedWithTables(a, prov);
            List<Rectangle2D> pictures = ctx.settings().ocrEnabled() ? a.imagesToRead() : List.of();
            String reason = a.decision().reason();
            if (pictures.isEmpty()) return PageJob.done(page(number, a, reason, blocks(placed), List.of()));
            // Render once, OCR each picture region; the page waits for them before it is finished.
            BufferedImage img;
            int dpi = PdfPageRasterizer.dpiFor(a.geometry(), ctx.limits().maxImagePixels());
            try {
                img = renderGuarded(index, dpi);
            } catch (PageFailure f) {
                Warning warn = new Warning("pdf-image-not-read", "pictures on the page could not be OCR'd: " + f.getMessage(), number);
                return PageJob.done(page(number, a, reason, blocks(placed), List.of(warn)));
            }
            GrayImage gray = GrayImage.of(img);
            double scale = 72.0 / dpi;
            List<Future<RegionResult>> regions = new ArrayList<>();
            for (Rectangle2D r : pictures) {
                java.awt.Rectangle px = new java.awt.Rectangle((int) Math.floor(r.getX() / scale), (int) Math.floor(r.getY() / scale),
                        (int) Math.ceil(r.getWidth() / scale), (int) Math.ceil(r.getHeight() / scale))
                        .intersection(new java.awt.Rectangle(0, 0, gray.width(), gray.height()));
                if (px.isEmpty()) continue;
                GrayImage crop = gray.crop(px);
                DocumentOcr dOcr = documentOcr();
                regions.add(ocrService().pageExecutor().submit(() -> {
                    try {
                        return new RegionResult(r, px, ImageRulingTables.read(dOcr.read(crop, dpi), ocrService()), null);
                    } catch (OcrException e) {
                        return new RegionResult(r, px, null, e.getMessage());
                    }
                }));
            }
            return new PageJob(number) {
                @Override
                Page build() {
                    List<Warning> warnings = new ArrayList<>();
                    int read = 0;
                    for (Future<RegionResult> f : regions) {
                        RegionResult rr = get(f);
                        if (rr == null || rr.text == null) {
                            warnings.add(new Warning("pdf-image-not-read", "a picture on the page could not be OCR'd: "
                                    + (rr == null ? "interrupted" : rr.error), number));
                            continue;
                        }
                        read++;
                        Provenance p = new Provenance(SourceKind.PDF, number, Method.OCR, String.format(Locale.ROOT,
                                "picture at %.0f,%.0f %.0fx%.0f pt, OCR confidence %.0f", rr.rect.getX(), rr.rect.getY(),
                                rr.rect.getWidth(), rr.rect.getHeight(), rr.text.text().confidence()));
                        placed.addAll(placedOcr(rr.text, scale, rr.pixels.x * scale, rr.pixels.y * scale, p));
                    }
                    placed.sort(Comparator.comparingDouble(LineParagraphs.Placed::top));
                    String why = reason + (read > 0 ? "; " + read + " picture(s) without text OCR'd in place" : "");
                    return page(number, a, why, blocks(placed), warnings);
                }
            };
        }

        /**
         * Ruled tables become table blocks ({@link PdfRulingTables}); only the glyphs outside them are laid
         * out as paragraphs, so no text is lost or read twice. Blocks in reading order.
         */
        private List<LineParagraphs.Placed> placedWithTables(PdfPageAnalysis a, Provenance prov) {
            PdfRulingTables.Result tables;
            try {
                tables = PdfRulingTables.find(a.rulings(), a.glyphs(), prov);
            } catch (RuntimeException e) {
                docWarnings.add(new Warning("pdf-table-failed", "ruled tables on the page could not be rebuilt: " + describe(e), prov.page()));
                tables = new PdfRulingTables.Result(List.of(), a.glyphs());
            }
            // tables without rules: columns of numbers aligned by whitespace, among the glyphs left
            PdfRulingTables.Result aligned;
            try {
                aligned = AlignedColumnTables.find(tables.rest(), prov);
            } catch (RuntimeException e) {
                aligned = new PdfRulingTables.Result(List.of(), tables.rest());
            }
            if (tables.tables().isEmpty() && aligned.tables().isEmpty()) return new ArrayList<>(LineParagraphs.placed(a.lines(), prov));
            List<LineParagraphs.Placed> placed = new ArrayList<>(LineParagraphs.placed(PdfTextLayout.lines(aligned.rest()), prov));
            for (PdfRulingTables.Found t : tables.tables()) placed.add(new LineParagraphs.Placed(t.block(), t.top()));
            for (PdfRulingTables.Found t : aligned.tables()) placed.add(new LineParagraphs.Placed(t.block(), t.top()));
            placed.sort(Comparator.comparingDouble(LineParagraphs.Placed::top));
            return placed;
        }

        private record RegionResult(Rectangle2D rect, java.awt.Rectangle pixels, ImageRulingTables.ReadPage text, String error) { }

        private PageJob ocrPage(int number, int index, PdfPageAnalysis a) throws InputException {
            double w = a.geometry().width();
            double h = a.geometry().height();
            int dpi = PdfPageRasterizer.dpiFor(a.geometry(), ctx.limits().maxImagePixels());
            OcrService service;
            try {
                service = ocrService();
            } catch (RuntimeException e) {
                return PageJob.failed(number, w, h, Method.OCR, "OCR unavailable: " + describe(e));
            }
            acquire();
            BufferedImage img;
            try {
                img = renderGuarded(index, dpi, true);
            } catch (PageFailure f) {
                inFlight.release();
                return PageJob.failed(number, w, h, Method.OCR, f.getMessage());
            }
            // a colour scan: red seal dropped, paper levelled (ColourScans); grey pages as rendered
            GrayImage gray = ColourScans.isColour(img) ? ColourScans.toGray(img, dpi) : GrayImage.of(img);
            img = null;
            DocumentOcr dOcr = documentOcr();
            Future<Object> f = ImageRulingTables.readOnPool(service, dOcr, gray, dpi, inFlight);
            String reason = a.decision().reason();
            double scale = 72.0 / dpi;
            return new PageJob(number) {
                @Override
                Page build() {
                    Object r;
                    try {
                        r = f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return fail(w, h, Method.OCR, "interrupted");
                    } catch (ExecutionException e) {
                        return fail(w, h, Method.OCR, "OCR failed: " + describe(e.getCause()));
                    }
                    if (r instanceof OcrException e) return fail(w, h, Method.OCR, reason + "; OCR failed: " + e.getMessage());
                    ImageRulingTables.ReadPage read = (ImageRulingTables.ReadPage) r;
                    PageReader.PageText t = read.text();
                    Provenance p = new Provenance(SourceKind.PDF, number, Method.OCR,
                            String.format(Locale.ROOT, "OCR at %d dpi, confidence %.0f", dpi, t.confidence()));
                    List<Block> blocks = blocks(placedOcr(read, scale, 0, 0, p));
                    List<Warning> warnings = new ArrayList<>();
                    if (t.confidence() < 60 && !blocks.isEmpty()) {
                        warnings.add(new Warning("ocr-low-confidence", String.format(Locale.ROOT,
                                "OCR confidence on this page is only %.0f; check the text", t.confidence()), number));
                    }
                    List<String> notes = new ArrayList<>(t.notes());
                    notes.addAll(read.notes());
                    String why = reason + "; rendered at " + dpi + " dpi and OCR'd"
                            + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
                    return new Page(number, w, h, new PageReading(Method.OCR, why), blocks, warnings);
                }
            };
        }

        private List<LineParagraphs.Placed> placedOcr(ImageRulingTables.ReadPage t, double scale, double dx, double dy, Provenance p) {
            return ImageRulingTables.placed(t, scale, dx, dy, p); // ruled tables as grids, the rest as OcrBlocks.placed
        }

        private static List<Block> blocks(List<LineParagraphs.Placed> placed) {
            List<Block> out = new ArrayList<>(placed.size());
            for (LineParagraphs.Placed p : placed) out.add(p.block());
            return out;
        }

        private static Page page(int number, PdfPageAnalysis a, String reason, List<Block> blocks, List<Warning> warnings) {
            return new Page(number, a.geometry().width(), a.geometry().height(), new PageReading(Method.TEXT_LAYER, reason), blocks, warnings);
        }

        private OcrService ocrService() {
            if (ocr == null) ocr = OcrService.of(ctx);
            return ocr;
        }

        private DocumentOcr documentOcr() {
            if (documentOcr == null) documentOcr = new DocumentOcr(ocrService());
            return documentOcr;
        }

        /** Bounds rendered pages waiting for OCR: each is a few megabytes. */
        private void acquire() {
            if (inFlight == null) inFlight = new Semaphore(ocrService().config().size() + 1);
            inFlight.acquireUninterruptibly();
        }

        private static final class PageFailure extends Exception {
            PageFailure(String message) {
                super(message);
            }
        }

        private BufferedImage renderGuarded(int index, int dpi) throws PageFailure, InputException {
            return renderGuarded(index, dpi, false);
        }

        private BufferedImage renderGuarded(int index, int dpi, boolean colourScans) throws PageFailure, InputException {
            if (renderer == null) renderer = new PDFRenderer(doc);
            final PDFRenderer r = renderer;
            final PDDocument d = doc;
            try {
                return TimeLimit.run("pdf-render-" + (index + 1), pageMillis,
                        () -> PdfPageRasterizer.render(r, d.getPage(index), index, dpi, ctx.limits().maxImagePixels(), colourScans));
            } catch (TimeLimit.Exceeded e) {
                reopen();
                throw new PageFailure("rendering the page took longer than the page time limit (" + pageMillis / 1000 + " s)");
            } catch (PdfPageRasterizer.Refused e) {
                throw new PageFailure("page not rendered: " + e.getMessage());
            } catch (OutOfMemoryError e) {
                reopen();
                throw new PageFailure("ran out of memory rendering the page");
            } catch (Exception e) {
                throw new PageFailure("the page could not be rendered: " + describe(e));
            }
        }


        private static <T> T get(Future<T> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                return null;
            }
        }

        @Override
        public void close() {
            if (doc != null) {
                try {
                    doc.close();
                } catch (IOException | RuntimeException ignored) {
                    // closing a damaged document may fail; nothing more to release
                }
            }
        }
    }

    /** A page being produced: finished now, or when its OCR completes. */
    private abstract static class PageJob {
        final int number;
        String failure;

        PageJob(int number) {
            this.number = number;
        }

        abstract Page build();

        Page finish() {
            return build();
        }

        Page fail(double w, double h, Method m, String reason) {
            failure = reason;
            return new Page(number, w, h, new PageReading(m, "failed: " + reason), List.of(),
                    List.of(new Warning("page-failed", reason, number)));
        }

        static PageJob done(Page p) {
            return new PageJob(p.number()) {
                @Override
                Page build() {
                    return p;
                }
            };
        }

        static PageJob failed(int number, double w, double h, Method m, String reason, Warning... extra) {
            return new PageJob(number) {
                @Override
                Page build() {
                    Page p = fail(w, h, m, reason);
                    if (extra.length == 0) return p;
                    List<Warning> ws = new ArrayList<>(p.warnings());
                    ws.addAll(List.of(extra));
                    return p.withWarnings(ws);
                }
            };
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank()) ? e.getClass().getSimpleName() : m;
    }
}
