package org.nianbao.ingest.table.text;

import java.util.List;

/**
 * Finds tables in the raw lines of a text capture (before the lines become paragraphs, because
 * blank lines and leading tabs carry the structure of a flattened table).
 */
public interface LineTableDetector {
    /** Tables found, each with the line range it consumed; ranges must not overlap each other. */
    List<FoundTable> find(List<String> lines);
}
