package org.nianbao.ingest.extract.html;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the charset a web page declares about itself, by a prescan of its first bytes (like a
 * browser does before parsing): {@code <meta charset>}, {@code <meta http-equiv="Content-Type"
 * content="...; charset=...">} and the XML declaration's {@code encoding}. The declaration is only a
 * hint: {@link org.nianbao.ingest.util.TextDecoder} checks it against the bytes.
 */
final class DeclaredCharset {
    /** Browsers look in the first 1024 bytes; real pages put comments and scripts first, so look further. */
    static final int PRESCAN_BYTES = 16 * 1024;

    private static final Pattern META = Pattern.compile("<meta\\b[^>]{0,500}?\\bcharset\\s*=\\s*[\"']?\\s*([a-z0-9][a-z0-9_\\-:.]{0,39})");
    private static final Pattern XML_DECL = Pattern.compile("^\\s*<\\?xml\\b[^>]{0,200}?\\bencoding\\s*=\\s*[\"']([a-z0-9][a-z0-9_\\-:.]{0,39})[\"']");

    private DeclaredCharset() { }

    /** The declared charset label, lower-case, or null when the page declares none. */
    static String find(byte[] bytes) {
        return find(bytes, 0, bytes.length);
    }

    static String find(byte[] bytes, int from, int to) {
        int end = Math.min(to, from + PRESCAN_BYTES);
        StringBuilder sb = new StringBuilder(end - from);
        boolean utf16 = end - from >= 2 && ((bytes[from] == 0 && bytes[from + 1] != 0) || (bytes[from] != 0 && bytes[from + 1] == 0));
        for (int i = from; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0 && utf16) continue; // UTF-16 without BOM: read the ASCII half
            sb.append(b < 0x80 ? Character.toLowerCase((char) b) : ' ');
        }
        String head = sb.toString();
        Matcher x = XML_DECL.matcher(head);
        String xml = x.find() ? x.group(1) : null;
        Matcher m = META.matcher(head);
        while (m.find()) {
            String label = m.group(1);
            // A page saved as UTF-16 still says "utf-8"-like things; a meta of utf-16 in an ASCII-compatible
            // prescan is a lie by definition (HTML spec: treat as utf-8).
            if (label.startsWith("utf-16") || label.equals("unicode")) return "utf-8";
            return label.toLowerCase(Locale.ROOT);
        }
        return xml;
    }
}
