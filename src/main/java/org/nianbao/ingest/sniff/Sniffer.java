package org.nianbao.ingest.sniff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.nianbao.ingest.model.SourceKind;

/**
 * Decides what an input is from its bytes, never from its name: a {@code .html} full of binary is
 * not HTML, and a report saved as {@code .txt} that starts with {@code %PDF-} is a PDF.
 */
public final class Sniffer {
    private static final int HEAD = 64 * 1024;

    public Source sniff(Path path) throws IOException {
        byte[] head = new byte[HEAD];
        int n = 0;
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) {
                if (n < HEAD) {
                    int k = Math.min(r, HEAD - n);
                    System.arraycopy(buf, 0, head, n, k);
                    n += k;
                }
                sha.update(buf, 0, r);
                size += r;
            }
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        byte[] h = java.util.Arrays.copyOf(head, n);
        Verdict v = classify(h, path.getFileName().toString());
        return new Source(path, v.kind, size, hash, v.note);
    }

    /**
     * What a file is from its first bytes alone, without hashing it: cheap enough for looking over a
     * folder (which of its files are page images) before anything is read in full.
     */
    public static SourceKind kindOfHead(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(HEAD);
        }
        return classify(head, path.getFileName() == null ? "" : path.getFileName().toString()).kind;
    }

    record Verdict(SourceKind kind, String note) { }

    static Verdict classify(byte[] h, String name) {
        if (h.length == 0) return new Verdict(SourceKind.UNKNOWN, "empty file");
        if (indexOf(h, "%PDF-".getBytes(StandardCharsets.US_ASCII), 1024) >= 0) return new Verdict(SourceKind.PDF, "PDF header");
        if (startsWith(h, 0x89, 'P', 'N', 'G')) return new Verdict(SourceKind.IMAGE, "PNG signature");
        if (startsWith(h, 0xFF, 0xD8, 0xFF)) return new Verdict(SourceKind.IMAGE, "JPEG signature");
        if (startsWith(h, 'I', 'I', 0x2A, 0x00) || startsWith(h, 'M', 'M', 0x00, 0x2A)) return new Verdict(SourceKind.IMAGE, "TIFF signature");
        if (startsWith(h, 'B', 'M') && h.length > 14 && looksLikeBmp(h)) return new Verdict(SourceKind.IMAGE, "BMP signature");
        if (startsWith(h, 'G', 'I', 'F', '8')) return new Verdict(SourceKind.IMAGE, "GIF signature");
        if (startsWith(h, 0x00, 0x00, 0x00, 0x0C, 'j', 'P')) return new Verdict(SourceKind.IMAGE, "JPEG 2000 signature");

        boolean utf16 = startsWith(h, 0xFF, 0xFE) || startsWith(h, 0xFE, 0xFF);
        if (!utf16 && looksBinary(h)) {
            return new Verdict(SourceKind.UNKNOWN, "binary data of an unsupported format (first bytes " + hexHead(h) + ")");
        }
        String ascii = asciiView(h, utf16).toLowerCase(Locale.ROOT);
        if (isMhtml(ascii)) return new Verdict(SourceKind.MHTML, "MIME multipart/related header");
        String start = ascii.stripLeading();
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<?xml") && ascii.contains("<html")
                || containsEarly(ascii, "<html", 4096) || containsEarly(ascii, "<body", 4096)
                || containsEarly(ascii, "<head", 4096) || (start.startsWith("<") && (ascii.contains("<table") || ascii.contains("<p>") || ascii.contains("<div")))) {
            return new Verdict(SourceKind.HTML, "HTML markup");
        }
        return new Verdict(SourceKind.TEXT, "text");
    }

    private static boolean isMhtml(String ascii) {
        int headerEnd = ascii.indexOf("\n\n");
        int headerEndCr = ascii.indexOf("\r\n\r\n");
        int end = headerEnd < 0 ? headerEndCr : headerEndCr < 0 ? headerEnd : Math.min(headerEnd, headerEndCr);
        String header = end < 0 ? ascii : ascii.substring(0, end);
        return header.contains("mime-version:") && header.contains("multipart/related")
                || header.startsWith("from:") && header.contains("multipart/related")
                || header.contains("content-type: multipart/related");
    }

    private static boolean containsEarly(String s, String needle, int within) {
        int i = s.indexOf(needle);
        return i >= 0 && i < within;
    }

    /** NUL bytes or many C0 controls mean binary; GB18030/UTF-8 text has neither. */
    static boolean looksBinary(byte[] h) {
        int controls = 0;
        int len = Math.min(h.length, 8192);
        for (int i = 0; i < len; i++) {
            int b = h[i] & 0xFF;
            if (b == 0) return true;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) controls++;
        }
        return controls > len / 50 + 1;
    }

    private static boolean looksLikeBmp(byte[] h) {
        // BM + file size + reserved zeros + header size 12/40/56/108/124
        int hdr = (h[14] & 0xFF) | (h[15] & 0xFF) << 8;
        return hdr == 12 || hdr == 40 || hdr == 52 || hdr == 56 || hdr == 64 || hdr == 108 || hdr == 124;
    }

    private static String asciiView(byte[] h, boolean utf16) {
        StringBuilder sb = new StringBuilder(Math.min(h.length, 16384));
        int len = Math.min(h.length, 16384);
        for (int i = 0; i < len; i++) {
            int b = h[i] & 0xFF;
            if (utf16 && b == 0) continue;
            sb.append(b < 0x80 ? (char) b : ' ');
        }
        return sb.toString();
    }

    private static boolean startsWith(byte[] h, int... sig) {
        if (h.length < sig.length) return false;
        for (int i = 0; i < sig.length; i++) if ((h[i] & 0xFF) != sig[i]) return false;
        return true;
    }

    private static int indexOf(byte[] h, byte[] needle, int within) {
        int limit = Math.min(h.length - needle.length, within);
        outer:
        for (int i = 0; i <= limit; i++) {
            for (int j = 0; j < needle.length; j++) if (h[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static String hexHead(byte[] h) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(4, h.length); i++) {
            if (i > 0) sb.append(' ');
            sb.append(String.format("%02x", h[i] & 0xFF));
        }
        return sb.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
