package org.nianbao.ingest.extract;

import java.io.IOException;
import org.nianbao.ingest.pipeline.InputException;
import org.nianbao.ingest.sniff.Source;

/**
 * Reads a whole input for the extractors that work on its bytes (HTML, MHTML, text captures): a file
 * that vanished or became unreadable since it was sniffed ends as that document's failure with the
 * reason, never as an exception escaping the batch.
 */
public final class InputBytes {
    private InputBytes() { }

    public static byte[] read(Source source) throws InputException {
        try {
            return source.readAllBytes();
        } catch (IOException e) {
            throw new InputException("cannot read file: " + e.getMessage(), e);
        }
    }
}
