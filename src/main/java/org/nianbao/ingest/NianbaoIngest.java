package org.nianbao.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Extractor;
import org.nianbao.ingest.pipeline.Pipeline;
import org.nianbao.ingest.pipeline.Stage;

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
        list.add(new org.nianbao.ingest.extract.image.ImageExtractor());
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
