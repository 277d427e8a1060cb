package org.nianbao.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nianbao.ingest.extract.image.ImageExtractor;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Extractor;
import org.nianbao.ingest.pipeline.Pipeline;
import org.nianbao.ingest.pipeline.Stage;
import org.nianbao.ingest.sniff.Sniffer;
import org.nianbao.ingest.util.NaturalOrder;

/**
 * The library entry point: what the command line does for one file, callable from Java.
 *
 * <pre>{@code
 * NianbaoIngest ingest = new NianbaoIngest();          // build once, reuse: models load once
 * Document doc = ingest.process(Path.of("report.html"));
 * String text = org.nianbao.ingest.output.TextWriter.render(doc);
 * }</pre>
 */
public final class NianbaoIngest {
    private final Pipeline pipeline;

    public NianbaoIngest() {
        this(Context.defaults());
    }

    public NianbaoIngest(Context ctx) {
        this.pipeline = new Pipeline(defaultExtractors(), defaultStages(), ctx);
    }

    public Document process(Path input) {
        return pipeline.process(input);
    }

    /**
     * Several page images read as one document, pages in the given order (a multi-page TIFF gives all
     * its frames): a table running from one file onto the next is joined, page numbers run through the
     * set and each page names the file it came from ({@code Page.file}). A page file that cannot be read
     * becomes a failed page with its reason and the document is partial; the other pages are kept.
     *
     * @param name  the document's name, usually the folder the pages are in
     * @param pages the page files in page order
     */
    public Document processPages(Path name, List<Path> pages) {
        String source = name.toString();
        if (pages.isEmpty()) {
            return Document.failed(source, SourceKind.IMAGE, null, "no page images given");
        }
        Document doc;
        try {
            doc = new ImageExtractor().extractPages(source, pages, pipeline.context());
        } catch (OutOfMemoryError e) {
            return Document.failed(source, SourceKind.IMAGE, null, "ran out of memory while reading the pages");
        } catch (RuntimeException e) {
            return Document.failed(source, SourceKind.IMAGE, null, "cannot read the pages: " + e);
        }
        return pipeline.runStages(doc);
    }

    /**
     * A folder of page images read as one document: its image files (by content; hidden files and
     * subfolders left out) in natural order of their names, {@code page-2} before {@code page-10}.
     */
    public Document processPageFolder(Path folder) {
        List<Path> pages = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (var s = Files.list(folder)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(p -> {
                            try {
                                return Sniffer.kindOfHead(p) == SourceKind.IMAGE;
                            } catch (IOException e) {
                                return false;
                            }
                        })
                        .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(),
                                NaturalOrder.INSTANCE))
                        .forEach(pages::add);
            } catch (IOException | UncheckedIOException e) {
                return Document.failed(folder.toString(), SourceKind.UNKNOWN, null, "cannot list the folder: " + e.getMessage());
            }
        } else {
            return Document.failed(folder.toString(), SourceKind.UNKNOWN, null, "not a folder");
        }
        if (pages.isEmpty()) return Document.failed(folder.toString(), SourceKind.UNKNOWN, null, "no page images in the folder");
        return processPages(folder, pages);
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    /** One extractor per source kind; the first that accepts a kind reads it. */
    public static List<Extractor> defaultExtractors() {
        List<Extractor> list = new ArrayList<>();
        list.add(new org.nianbao.ingest.extract.text.TextCaptureExtractor());
        list.add(new org.nianbao.ingest.extract.html.HtmlExtractor());
        list.add(new org.nianbao.ingest.extract.html.MhtmlExtractor());
        list.add(new org.nianbao.ingest.extract.pdf.PdfExtractor());
        list.add(new ImageExtractor());
        // extractors: html, mhtml, pdf, image are registered here as they land
        return list;
    }

    /** The stages after extraction, in their checked order. */
    public static List<Stage> defaultStages() {
        List<Stage> list = new ArrayList<>();
        list.add(new org.nianbao.ingest.ocr.ImageOcrStage()); // first: later stages see the images' text
        // stages: image OCR, normalisation, table rebuilding, standard tables are registered here as they land
        list.add(new org.nianbao.ingest.normalize.NormalizeStage());
        list.add(new org.nianbao.ingest.table.report.StandardTableStage());
        return list;
    }
}
