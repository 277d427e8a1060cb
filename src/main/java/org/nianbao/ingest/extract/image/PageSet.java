package org.nianbao.ingest.extract.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Facts about a set of page files read as one document: its content hash (the resume journal compares
 * it, so it must be computed the same way by the extractor and by the journal) and its size.
 */
public final class PageSet {
    /** The hash recorded for a page file that could not be read at all. */
    static final String MISSING = "missing";

    private PageSet() { }

    /**
     * SHA-256 over every page file's name and content hash, in page order: renaming, reordering,
     * adding, removing or changing a page changes it.
     */
    public static String sha256(List<String> names, List<String> fileHashes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("nianbao page set\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < names.size(); i++) {
                md.update(names.get(i).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(fileHashes.get(i).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #sha256(List, List)} of the files as they are on disk now. */
    public static String sha256(List<Path> files) {
        List<String> names = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (Path f : files) {
            names.add(f.getFileName() == null ? f.toString() : f.getFileName().toString());
            hashes.add(fileSha256(f));
        }
        return sha256(names, hashes);
    }

    /** Total bytes of the files that exist. */
    public static long size(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                if (Files.isRegularFile(f)) total += Files.size(f);
            } catch (IOException e) {
                // counted as 0: the hash tells a changed set apart anyway
            }
        }
        return total;
    }

    /** Where a page of a multi-file document is: its file and the frame within it (0 but for multi-page TIFFs). */
    public record Location(Path file, int frame) { }

    /**
     * The file and frame page {@code pageNo} of {@code doc} was read from, when the document was read
     * from several page files in {@code folder} (its pages name their files); empty otherwise. A file's
     * frames are consecutive pages, so the frame is the page's distance from the file's first page.
     */
    public static java.util.Optional<Location> locate(org.nianbao.ingest.model.Document doc, Path folder, int pageNo) {
        String file = null;
        int first = -1;
        for (org.nianbao.ingest.model.Page p : doc.pages()) {
            if (p.file() == null) return java.util.Optional.empty();
            if (!p.file().equals(file)) {
                file = p.file();
                first = p.number();
            }
            if (p.number() == pageNo) return java.util.Optional.of(new Location(folder.resolve(file), pageNo - first));
        }
        return java.util.Optional.empty();
    }

    /** Why a page file cannot be read at all, or null when it can be tried. */
    static String refusal(Path f, long maxBytes) throws IOException {
        if (!Files.isRegularFile(f)) {
            return Files.exists(f) ? "not a regular file" : "file not found (it may have been moved or deleted)";
        }
        if (!Files.isReadable(f)) return "file is not readable (permission denied)";
        long size = Files.size(f);
        if (size > maxBytes) return "file is " + size + " bytes, above the limit of " + maxBytes;
        return null;
    }

    private static String fileSha256(Path f) {
        if (!Files.isRegularFile(f)) return MISSING;
        try {
            return org.nianbao.ingest.util.FileHash.sha256(f);
        } catch (IOException e) {
            return MISSING;
        }
    }
}
