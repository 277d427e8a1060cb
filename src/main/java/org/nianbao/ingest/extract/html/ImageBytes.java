package org.nianbao.ingest.extract.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.select.Elements;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.pipeline.InputException;

/**
 * The bytes of an image recorded from a web capture, for the OCR stage: a file beside the page, a
 * part of the MHTML archive (re-read from the .mht), or a data: URI (decoded; long ones are found
 * again in the page by their image number). Sizes are bounded: an image larger than the limit is an
 * {@link IOException}, never a heap exhaustion.
 *
 * <pre>{@code
 * for (Block b : doc.blocks())
 *     if (b instanceof ImageBlock img && img.resolved() != null)
 *         byte[] png = ImageBytes.load(doc, img, Path.of(doc.source()));
 * }</pre>
 */
public final class ImageBytes {
    /** Default cap on one image's bytes. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    /** Archives and pages re-read to find an image are bounded too. */
    static final long MAX_CONTAINER_BYTES = 1024L * 1024 * 1024;
    private static final Pattern IMG_NUMBER = Pattern.compile("^img (\\d+)\\b");

    /** The last archive parsed, so reading every image of one .mht does not re-parse it each time. */
    private static final Object CACHE_LOCK = new Object();
    private static Path cachedPath;
    private static long cachedStamp;
    private static java.lang.ref.SoftReference<MhtmlArchive> cachedArchive = new java.lang.ref.SoftReference<>(null);

    private ImageBytes() { }

    public static byte[] load(Document doc, ImageBlock img, Path sourceFile) throws IOException {
        return load(doc, img, sourceFile, DEFAULT_MAX_BYTES);
    }

    /**
     * @param doc        the document the image block belongs to (its kind says how the capture is stored)
     * @param img        the image block
     * @param sourceFile the capture file (the .html or .mht), normally {@code Path.of(doc.source())}
     * @param maxBytes   the largest image accepted
     * @throws IOException when the image is not in the capture, cannot be read, or is larger than {@code maxBytes}
     */
    public static byte[] load(Document doc, ImageBlock img, Path sourceFile, long maxBytes) throws IOException {
        String resolved = img.resolved();
        if (resolved == null) throw new IOException("image " + img.source() + " is not in the capture");
        if (resolved.equals("data-uri")) {
            String uri = img.source();
            if (uri.endsWith("…")) uri = srcFromPage(doc, img, sourceFile);
            return dataUri(uri, maxBytes);
        }
        if (resolved.startsWith("mhtml-part:")) {
            MhtmlArchive archive = archive(sourceFile);
            MhtmlArchive.Part part = archive.byReference(resolved.substring("mhtml-part:".length()));
            if (part == null) throw new IOException("the archive has no part " + resolved);
            byte[] b = part.decode(maxBytes + 1);
            if (b.length > maxBytes) throw new IOException("image part " + resolved + " is larger than " + maxBytes + " bytes");
            return b;
        }
        Path p = Path.of(resolved);
        long size = Files.size(p);
        if (size > maxBytes) throw new IOException("image file " + p + " is " + size + " bytes, above the limit of " + maxBytes);
        return Files.readAllBytes(p);
    }

    /** Decodes a {@code data:[type][;base64],payload} URI. */
    static byte[] dataUri(String uri, long maxBytes) throws IOException {
        int comma = uri.indexOf(',');
        if (!ImageRefs.isDataUri(uri) || comma < 0) throw new IOException("not a data: URI");
        String header = uri.substring(5, comma).toLowerCase(java.util.Locale.ROOT);
        byte[] payload = uri.substring(comma + 1).getBytes(StandardCharsets.ISO_8859_1);
        byte[] out;
        if (header.endsWith(";base64")) {
            out = TransferEncodings.base64(payload, 0, payload.length, maxBytes + 1);
        } else {
            out = MhtmlArchive.percentDecode(new String(payload, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        }
        if (out.length > maxBytes) throw new IOException("data: URI image is larger than " + maxBytes + " bytes");
        return out;
    }

    /** Finds the image's full src again: re-decodes and re-parses the page and takes the n-th {@code <img>}. */
    private static String srcFromPage(Document doc, ImageBlock img, Path sourceFile) throws IOException {
        Matcher m = IMG_NUMBER.matcher(img.provenance().detail() == null ? "" : img.provenance().detail());
        if (!m.find()) throw new IOException("image has no number to find it again in the page");
        int n = Integer.parseInt(m.group(1));
        String html;
        String base = null;
        if (doc.kind() == SourceKind.MHTML) {
            MhtmlArchive.Part root = archive(sourceFile).root();
            byte[] page = root.decode(MhtmlExtractor.MAX_PAGE_BYTES);
            String declared = root.charset() != null && !root.charset().isBlank() ? root.charset() : DeclaredCharset.find(page);
            html = WebCapture.decode(page, declared).text();
            base = root.location();
        } else {
            byte[] page = readBounded(sourceFile);
            html = WebCapture.decode(page, DeclaredCharset.find(page)).text();
        }
        Elements imgs = WebCapture.parse(html, base).getElementsByTag("img");
        if (n < 1 || n > imgs.size()) throw new IOException("the page has no image number " + n + " (it changed since it was read?)");
        return ImageRefs.source(imgs.get(n - 1));
    }

    private static MhtmlArchive archive(Path file) throws IOException {
        long stamp = Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
        synchronized (CACHE_LOCK) {
            MhtmlArchive a = cachedArchive.get();
            if (a != null && file.equals(cachedPath) && stamp == cachedStamp) return a;
        }
        MhtmlArchive a;
        try {
            a = MhtmlArchive.parse(readBounded(file));
        } catch (InputException e) {
            throw new IOException(e.getMessage(), e);
        }
        synchronized (CACHE_LOCK) {
            cachedPath = file;
            cachedStamp = stamp;
            cachedArchive = new java.lang.ref.SoftReference<>(a);
        }
        return a;
    }

    private static byte[] readBounded(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_CONTAINER_BYTES) throw new IOException(file + " is " + size + " bytes, too large to re-read for its images");
        return Files.readAllBytes(file);
    }
}
