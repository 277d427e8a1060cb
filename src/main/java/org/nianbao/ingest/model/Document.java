package org.nianbao.ingest.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The document model every stage passes on: pages of blocks plus document-level facts.
 *
 * @param source    the input path as given
 * @param kind      what the input was sniffed as
 * @param charset   the charset text was decoded with (HTML, text captures), or null
 * @param sha256    hex SHA-256 of the input bytes (resume and provenance)
 * @param pages     pages in order
 * @param status    done, partial or failed with reason
 * @param warnings  document-level warnings (page and block warnings live with them)
 * @param edits     what normalisation changed, by kind
 * @param metadata  small facts: title, detected script, report year, ...
 */
public record Document(String source, SourceKind kind, String charset, String sha256, List<Page> pages,
                       Status status, List<Warning> warnings, Edits edits, Map<String, String> metadata) {
    public Document {
        pages = List.copyOf(pages);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        edits = edits == null ? Edits.none() : edits;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static Document failed(String source, SourceKind kind, String sha256, String reason) {
        return new Document(source, kind, null, sha256, List.of(), Status.failed(reason), List.of(), Edits.none(), Map.of());
    }

    public Document withPages(List<Page> newPages) {
        return new Document(source, kind, charset, sha256, newPages, status, warnings, edits, metadata);
    }

    public Document withStatus(Status newStatus) {
        return new Document(source, kind, charset, sha256, pages, newStatus, warnings, edits, metadata);
    }

    public Document withEdits(Edits newEdits) {
        return new Document(source, kind, charset, sha256, pages, status, warnings, newEdits, metadata);
    }

    public Document withMetadata(Map<String, String> newMetadata) {
        return new Document(source, kind, charset, sha256, pages, status, warnings, edits, newMetadata);
    }

    public Document withWarning(Warning w) {
        List<Warning> ws = new ArrayList<>(warnings);
        ws.add(w);
        return new Document(source, kind, charset, sha256, pages, status, ws, edits, metadata);
    }

    /** All blocks of all pages in reading order. */
    public List<Block> blocks() {
        List<Block> all = new ArrayList<>();
        for (Page p : pages) all.addAll(p.blocks());
        return all;
    }

    /** Every warning: document, page and block level. */
    public List<Warning> allWarnings() {
        List<Warning> all = new ArrayList<>(warnings);
        for (Page p : pages) {
            all.addAll(p.warnings());
            for (Block b : p.blocks()) all.addAll(b.warnings());
        }
        return all;
    }
}
