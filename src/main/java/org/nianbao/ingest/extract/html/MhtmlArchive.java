package org.nianbao.ingest.extract.html;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nianbao.ingest.pipeline.InputException;
import org.nianbao.ingest.util.TextDecoder;

/**
 * A web archive ({@code .mht}/{@code .mhtml}, RFC 2557): a MIME {@code multipart/related} message whose
 * parts are the page and its resources. Parsed here by hand because the format is small and saved
 * files are often damaged: a missing closing boundary, a truncated last part or a bare single-part
 * message still yield what they hold. Part bodies stay in the file's bytes and are decoded on demand.
 */
public final class MhtmlArchive {
    static final int MAX_PARTS = 10_000;
    private static final int MAX_NESTING = 4;

    private final List<Part> parts;
    private final Part root;
    private final String subject;

    private final boolean complete;

    private MhtmlArchive(List<Part> parts, Part root, String subject, boolean complete) {
        this.parts = List.copyOf(parts);
        this.root = root;
        this.subject = subject;
        this.complete = complete;
    }

    /** False when the archive ends without its closing boundary (a truncated download or copy). */
    public boolean complete() {
        return complete;
    }

    /**
     * One part: its headers (names lower-case) and where its still-encoded body is in the file.
     */
    public static final class Part {
        private final Map<String, String> headers;
        private final byte[] data;
        private final int start;
        private final int end;

        Part(Map<String, String> headers, byte[] data, int start, int end) {
            this.headers = headers;
            this.data = data;
            this.start = start;
            this.end = end;
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Media type without parameters, lower-case; {@code text/plain} when absent (RFC 2045 default). */
        public String mediaType() {
            String ct = header("content-type");
            if (ct == null || ct.isBlank()) return "text/plain";
            int semi = ct.indexOf(';');
            return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        }

        /** The {@code charset} parameter of Content-Type, or null. */
        public String charset() {
            return param(header("content-type"), "charset");
        }

        /** Content-Location as written, or null. */
        public String location() {
            String l = header("content-location");
            return l == null || l.isBlank() ? null : l.trim();
        }

        /** Content-ID without its angle brackets, or null. */
        public String contentId() {
            String id = header("content-id");
            if (id == null || id.isBlank()) return null;
            id = id.trim();
            if (id.startsWith("<") && id.endsWith(">")) id = id.substring(1, id.length() - 1);
            return id.trim();
        }

        /** Encoded size in the file. */
        public int encodedLength() {
            return end - start;
        }

        /** The body with its transfer encoding undone, at most {@code maxBytes} bytes. */
        public byte[] decode(long maxBytes) {
            String te = header("content-transfer-encoding");
            te = te == null ? "" : te.trim().toLowerCase(Locale.ROOT);
            if (te.equals("quoted-printable")) return TransferEncodings.quotedPrintable(data, start, end, maxBytes);
            if (te.equals("base64")) return TransferEncodings.base64(data, start, end, maxBytes);
            int n = (int) Math.min(end - start, maxBytes);
            byte[] out = new byte[n];
            System.arraycopy(data, start, out, 0, n);
            return out;
        }

        /** A name for this part in messages and in {@code mhtml-part:} references. */
        public String reference() {
            if (location() != null) return location();
            if (contentId() != null) return "cid:" + contentId();
            return null;
        }
    }

    public List<Part> parts() {
        return parts;
    }

    /** The page: the part named by the {@code start} parameter, else the first text/html part. */
    public Part root() {
        return root;
    }

    /** The message Subject (usually the page title), decoded from MIME encoded-words, or null. */
    public String subject() {
        return subject;
    }

    /** Parses an archive; throws when the bytes hold no HTML page at all. */
    public static MhtmlArchive parse(byte[] bytes) throws InputException {
        int bodyStart = headerEnd(bytes, 0, bytes.length);
        if (bodyStart < 0) throw new InputException("MHTML file has no MIME header block (truncated before the first blank line)");
        Map<String, String> top = parseHeaders(bytes, 0, bodyStart);
        List<Part> parts = new ArrayList<>();
        boolean complete = collect(bytes, top, bodyStart, bytes.length, parts, 0);
        if (parts.isEmpty()) throw new InputException("MHTML file holds no parts (no boundary line found)");
        String start = param(top.get("content-type"), "start");
        Part root = null;
        if (start != null) {
            String id = start.trim();
            if (id.startsWith("<") && id.endsWith(">")) id = id.substring(1, id.length() - 1);
            for (Part p : parts) {
                if (id.equals(p.contentId()) || id.equals(p.location())) { root = p; break; }
            }
        }
        if (root == null) {
            for (Part p : parts) {
                if (p.mediaType().equals("text/html") || p.mediaType().equals("application/xhtml+xml")) { root = p; break; }
            }
        }
        if (root == null) {
            StringBuilder types = new StringBuilder();
            for (int i = 0; i < parts.size() && i < 5; i++) types.append(i == 0 ? "" : ", ").append(parts.get(i).mediaType());
            throw new InputException("MHTML file holds no HTML page (" + parts.size() + " parts: " + types + (parts.size() > 5 ? ", ..." : "") + ")");
        }
        return new MhtmlArchive(parts, root, decodeEncodedWords(top.get("subject")), complete);
    }

    /** Adds the parts of a (multi)part body to {@code out}; returns whether a multipart ended with its closing delimiter. */
    private static boolean collect(byte[] bytes, Map<String, String> headers, int from, int to, List<Part> out, int depth) {
        String ct = headers.get("content-type");
        String type = ct == null ? "text/plain" : (ct.contains(";") ? ct.substring(0, ct.indexOf(';')) : ct).trim().toLowerCase(Locale.ROOT);
        String boundary = param(ct, "boundary");
        if (!type.startsWith("multipart/") || boundary == null || boundary.isEmpty() || depth >= MAX_NESTING) {
            out.add(new Part(headers, bytes, from, to));
            return true;
        }
        byte[] delim = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = findDelimiter(bytes, from, to, delim);
        while (pos >= 0 && out.size() < MAX_PARTS) {
            int afterDelim = pos + delim.length;
            if (afterDelim + 1 < to && bytes[afterDelim] == '-' && bytes[afterDelim + 1] == '-') return true; // closing delimiter
            int lineEnd = indexOf(bytes, (byte) '\n', afterDelim, to);
            if (lineEnd < 0) return false; // delimiter is the last thing in a truncated file
            int partStart = lineEnd + 1;
            int next = findDelimiter(bytes, partStart, to, delim);
            int partEnd = next < 0 ? to : lineStartBefore(bytes, next, partStart);
            int hEnd = headerEnd(bytes, partStart, partEnd);
            Map<String, String> h;
            int body;
            if (hEnd < 0) { // headers run to the end of a truncated part
                h = parseHeaders(bytes, partStart, partEnd);
                body = partEnd;
            } else {
                h = parseHeaders(bytes, partStart, hEnd);
                body = hEnd;
            }
            collect(bytes, h, body, Math.max(body, partEnd), out, depth + 1);
            pos = next;
        }
        return false;
    }

    /** Where the line holding the delimiter at {@code delimPos} begins, minus the CRLF that belongs to the delimiter. */
    private static int lineStartBefore(byte[] b, int delimPos, int floor) {
        int e = delimPos;
        if (e > floor && b[e - 1] == '\n') e--;
        if (e > floor && b[e - 1] == '\r') e--;
        return e;
    }

    /** Position of {@code delim} at the start of a line within [from, to), or -1. Linear: only line starts are compared. */
    static int findDelimiter(byte[] b, int from, int to, byte[] delim) {
        int i = from;
        while (i < to) {
            if ((i == from && (i == 0 || b[i - 1] == '\n')) || i > from) {
                if (startsWithAt(b, i, to, delim)) return i;
            }
            int nl = indexOf(b, (byte) '\n', i, to);
            if (nl < 0) return -1;
            i = nl + 1;
        }
        return -1;
    }

    private static boolean startsWithAt(byte[] b, int at, int to, byte[] needle) {
        if (at + needle.length > to) return false;
        for (int k = 0; k < needle.length; k++) if (b[at + k] != needle[k]) return false;
        return true;
    }

    private static int indexOf(byte[] b, byte v, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == v) return i;
        return -1;
    }

    /** Index just after the blank line ending a header block that starts at {@code from}, or -1. */
    static int headerEnd(byte[] b, int from, int to) {
        int i = from;
        // a part with no headers starts directly with its blank line
        if (i < to && b[i] == '\n') return i + 1;
        if (i + 1 < to && b[i] == '\r' && b[i + 1] == '\n') return i + 2;
        while (i < to) {
            int nl = indexOf(b, (byte) '\n', i, to);
            if (nl < 0) return -1;
            int j = nl + 1;
            if (j < to && b[j] == '\n') return j + 1;
            if (j + 1 < to && b[j] == '\r' && b[j + 1] == '\n') return j + 2;
            i = j;
        }
        return -1;
    }

    /** Header lines unfolded, names lower-cased; the first occurrence of a name wins. */
    static Map<String, String> parseHeaders(byte[] b, int from, int to) {
        String block = headerText(b, from, to);
        Map<String, String> h = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : block.split("\r?\n", -1)) {
            if (line.isEmpty()) continue;
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) h.putIfAbsent(name, value.toString().trim());
            int colon = line.indexOf(':');
            if (colon <= 0) { name = null; continue; }
            name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            value.setLength(0);
            value.append(line.substring(colon + 1).trim());
        }
        if (name != null) h.putIfAbsent(name, value.toString().trim());
        return h;
    }

    /** Headers should be ASCII; raw 8-bit bytes in them are read as UTF-8 when they are valid UTF-8. */
    private static String headerText(byte[] b, int from, int to) {
        byte[] slice = java.util.Arrays.copyOfRange(b, from, Math.min(to, from + 64 * 1024));
        String utf8 = TextDecoder.strict(slice, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : new String(slice, StandardCharsets.ISO_8859_1);
    }

    /** A parameter of a structured header value ({@code name=value} or {@code name="value"}), or null. */
    static String param(String headerValue, String name) {
        if (headerValue == null) return null;
        int i = headerValue.indexOf(';');
        while (i >= 0 && i < headerValue.length()) {
            int j = i + 1;
            while (j < headerValue.length() && Character.isWhitespace(headerValue.charAt(j))) j++;
            int eq = headerValue.indexOf('=', j);
            if (eq < 0) return null;
            String key = headerValue.substring(j, eq).trim().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            while (v < headerValue.length() && Character.isWhitespace(headerValue.charAt(v))) v++;
            String val;
            int next;
            if (v < headerValue.length() && headerValue.charAt(v) == '"') {
                int close = headerValue.indexOf('"', v + 1);
                if (close < 0) close = headerValue.length();
                val = headerValue.substring(v + 1, close);
                next = headerValue.indexOf(';', Math.min(close + 1, headerValue.length()));
            } else {
                int semi = headerValue.indexOf(';', v);
                val = headerValue.substring(v, semi < 0 ? headerValue.length() : semi).trim();
                next = semi;
            }
            if (key.equals(name)) return val;
            i = next;
        }
        return null;
    }

    /** Decodes RFC 2047 encoded-words ({@code =?gb2312?B?...?=}) in a header value. */
    static String decodeEncodedWords(String v) {
        if (v == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("=\\?([^?]{1,40})\\?([bBqQ])\\?([^?]{0,4000})\\?=").matcher(v);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String between = v.substring(last, m.start());
            if (!(last > 0 && between.isBlank())) sb.append(between); // whitespace between encoded words is dropped
            byte[] raw = m.group(3).getBytes(StandardCharsets.ISO_8859_1);
            byte[] bytes = m.group(2).equalsIgnoreCase("b")
                    ? TransferEncodings.base64(raw, 0, raw.length, 1 << 16)
                    : TransferEncodings.quotedPrintable(new String(raw, StandardCharsets.ISO_8859_1).replace('_', ' ').getBytes(StandardCharsets.ISO_8859_1), 0, raw.length, 1 << 16);
            sb.append(TextDecoder.decode(bytes, m.group(1)).text());
            last = m.end();
        }
        sb.append(v.substring(last));
        return sb.toString().strip();
    }

    /**
     * The part a reference in the page points to: {@code cid:} references by Content-ID, others by
     * Content-Location, as written, resolved against the page's location, or percent-decoded; as a
     * last resort by file name when exactly one part has it.
     */
    public Part find(String reference, String baseLocation) {
        if (reference == null || reference.isBlank()) return null;
        String ref = reference.trim();
        if (ref.regionMatches(true, 0, "cid:", 0, 4)) {
            String id = percentDecode(ref.substring(4));
            for (Part p : parts) if (id.equals(p.contentId())) return p;
            return null;
        }
        for (Part p : parts) if (ref.equals(p.location())) return p;
        String resolved = resolve(baseLocation, ref);
        if (resolved != null) {
            for (Part p : parts) if (resolved.equals(p.location())) return p;
            String rd = percentDecode(resolved);
            for (Part p : parts) if (p.location() != null && rd.equals(percentDecode(p.location()))) return p;
        }
        String name = fileName(ref);
        if (name.isEmpty()) return null;
        Part found = null;
        for (Part p : parts) {
            if (p.location() != null && name.equals(fileName(p.location()))) {
                if (found != null) return null; // ambiguous
                found = p;
            }
        }
        return found;
    }

    /** The part whose {@link Part#reference()} is exactly {@code reference}. */
    public Part byReference(String reference) {
        for (Part p : parts) if (reference.equals(p.reference())) return p;
        return null;
    }

    static String resolve(String base, String ref) {
        try {
            URI r = new URI(ref.replace(" ", "%20"));
            if (r.isAbsolute()) return r.toString();
            if (base == null) return null;
            return new URI(base.replace(" ", "%20")).resolve(r).toString();
        } catch (Exception e) {
            return null;
        }
    }

    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    static String fileName(String url) {
        String s = url;
        int q = s.indexOf('?');
        if (q >= 0) s = s.substring(0, q);
        int h = s.indexOf('#');
        if (h >= 0) s = s.substring(0, h);
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        return percentDecode(s.substring(slash + 1));
    }
}
