package org.nianbao.ingest.pipeline;

import java.util.Set;
import org.nianbao.ingest.model.Document;

/**
 * One step of the pipeline after extraction: takes a document, returns a document. A stage must not
 * throw for content problems; it records {@link org.nianbao.ingest.model.Warning}s instead.
 */
public interface Stage {
    String name();

    Set<Capability> requires();

    Set<Capability> provides();

    Document apply(Document doc, Context ctx);
}
