package org.nianbao.ingest.pipeline;

import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.sniff.Source;

/**
 * Turns one sniffed input into a document (provides {@link Capability#EXTRACTED}). An input that
 * cannot be read at all is returned as a failed document, or signalled with {@link InputException}
 * whose message becomes the failure reason; content problems become warnings.
 */
public interface Extractor {
    boolean accepts(SourceKind kind);

    Document extract(Source source, Context ctx) throws InputException;
}
