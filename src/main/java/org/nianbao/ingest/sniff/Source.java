package org.nianbao.ingest.sniff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nianbao.ingest.model.SourceKind;

/**
 * An input file after sniffing: its path, what its bytes say it is, and its content hash.
 *
 * @param path   the file
 * @param kind   decided from content
 * @param size   bytes
 * @param sha256 hex SHA-256 of the bytes
 * @param note   what the sniffer saw, e.g. "PNG signature", "binary data (first bytes 7f 45 4c 46)"
 */
public record Source(Path path, SourceKind kind, long size, String sha256, String note) {
    /** All bytes of the file; callers check {@link #size} against their limits first. */
    public byte[] readAllBytes() throws IOException {
        return Files.readAllBytes(path);
    }
}
