package org.nianbao.ingest.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.sniff.Sniffer;
import org.nianbao.ingest.sniff.Source;

/**
 * Sniff → extract → stages, for one input. The stage order is checked once, when the pipeline is
 * built (CoreNLP's lesson): a stage whose requirements no earlier step provides is a programming
 * error reported at start, not a surprise on document 3,000.
 *
 * <p>{@link #process} never throws for a bad input: whatever happens ends as a document with a status.
 */
public final class Pipeline {
    private final Sniffer sniffer = new Sniffer();
    private final List<Extractor> extractors;
    private final List<Stage> stages;
    private final Context ctx;

    public Pipeline(List<Extractor> extractors, List<Stage> stages, Context ctx) {
        this.extractors = List.copyOf(extractors);
        this.stages = List.copyOf(stages);
        this.ctx = ctx;
        checkOrder(this.stages);
    }

    public Context context() {
        return ctx;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Throws IllegalStateException naming the first stage whose requirements are not met by earlier ones. */
    public static void checkOrder(List<Stage> stages) {
        Set<Capability> have = EnumSet.of(Capability.EXTRACTED);
        for (Stage s : stages) {
            Set<Capability> missing = EnumSet.noneOf(Capability.class);
            missing.addAll(s.requires());
            missing.removeAll(have);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("stage '" + s.name() + "' requires " + missing
                        + " but the stages before it provide only " + have);
            }
            have.addAll(s.provides());
        }
    }

    public Document process(Path input) {
        Source source;
        try {
            if (!Files.isRegularFile(input)) {
                return Document.failed(input.toString(), SourceKind.UNKNOWN, null,
                        Files.exists(input) ? "not a regular file" : "file not found (it may have been moved or deleted)");
            }
            if (!Files.isReadable(input)) {
                return Document.failed(input.toString(), SourceKind.UNKNOWN, null, "file is not readable (permission denied)");
            }
            long size = Files.size(input);
            if (size > ctx.limits().maxInputBytes()) {
                return Document.failed(input.toString(), SourceKind.UNKNOWN, null,
                        "file is " + size + " bytes, above the limit of " + ctx.limits().maxInputBytes());
            }
            source = sniffer.sniff(input);
        } catch (IOException e) {
            return Document.failed(input.toString(), SourceKind.UNKNOWN, null, "cannot read file: " + describe(e));
        }
        return process(source);
    }

    public Document process(Source source) {
        String name = source.path().toString();
        if (source.size() == 0) {
            return Document.failed(name, SourceKind.UNKNOWN, source.sha256(), "empty file (0 bytes)");
        }
        if (source.kind() == SourceKind.UNKNOWN) {
            return Document.failed(name, SourceKind.UNKNOWN, source.sha256(), "not a supported input: " + source.note());
        }
        Extractor extractor = null;
        for (Extractor e : extractors) {
            if (e.accepts(source.kind())) {
                extractor = e;
                break;
            }
        }
        if (extractor == null) {
            return Document.failed(name, source.kind(), source.sha256(),
                    source.kind() + " input (" + source.note() + ") is not supported yet by this build");
        }
        Document doc;
        try {
            doc = extractor.extract(source, ctx);
        } catch (InputException e) {
            return Document.failed(name, source.kind(), source.sha256(), e.getMessage());
        } catch (OutOfMemoryError e) {
            return Document.failed(name, source.kind(), source.sha256(), "ran out of memory while reading the input");
        } catch (StackOverflowError e) {
            return Document.failed(name, source.kind(), source.sha256(), "input is nested too deeply to read");
        } catch (RuntimeException e) {
            return Document.failed(name, source.kind(), source.sha256(), "cannot read input: " + describe(e));
        }
        return runStages(doc);
    }

    /**
     * The stages after extraction, for a document an extractor has already made: the second half of
     * {@link #process(Source)}, also used for documents read from several files (a folder of page images).
     * A failed document is returned as it is.
     */
    public Document runStages(Document extracted) {
        Document doc = extracted;
        if (doc.status().state() == Status.State.FAILED) return doc;
        for (Stage stage : stages) {
            try {
                doc = stage.apply(doc, ctx);
            } catch (RuntimeException | StackOverflowError e) {
                // A stage bug must not lose the document: keep what we had and say which stage failed.
                doc = doc.withWarning(Warning.of("stage-failed", "stage '" + stage.name() + "' failed and was skipped: " + describe(e)));
                doc = doc.withStatus(Status.partial("stage '" + stage.name() + "' failed: " + describe(e)));
            }
        }
        return doc;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /** Lists the stages for logs and the JSON (what ran, in order). */
    public List<String> stageNames() {
        List<String> names = new ArrayList<>();
        for (Stage s : stages) names.add(s.name());
        return names;
    }
}
