package org.nianbao.ingest.extract.html;

import java.io.ByteArrayOutputStream;

/**
 * The two MIME content-transfer-encodings web archives use, decoded leniently: a saved page is
 * often truncated or hand-edited, and a partial image is still better than none.
 */
final class TransferEncodings {
    private TransferEncodings() { }

    /**
     * Quoted-printable (RFC 2045 §6.7): {@code =XX} is a byte, {@code =} at the end of a line (optionally
     * followed by transport padding) is a soft line break that joins the lines. An {@code =} not followed
     * by two hex digits is kept literally, as decoders in browsers do.
     */
    static byte[] quotedPrintable(byte[] src, int from, int to, long maxOut) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(16, Math.min(to - from, 1 << 20)));
        int i = from;
        while (i < to) {
            if (out.size() >= maxOut) break;
            byte b = src[i];
            if (b != '=') {
                out.write(b);
                i++;
                continue;
            }
            // soft line break: '=' [spaces/tabs] (CRLF | LF | end of data)
            int j = i + 1;
            while (j < to && (src[j] == ' ' || src[j] == '\t')) j++;
            if (j >= to) { i = j; continue; }
            if (src[j] == '\n') { i = j + 1; continue; }
            if (src[j] == '\r') {
                i = j + 1 < to && src[j + 1] == '\n' ? j + 2 : j + 1;
                continue;
            }
            int hi = i + 1 < to ? hex(src[i + 1]) : -1;
            int lo = i + 2 < to ? hex(src[i + 2]) : -1;
            if (hi >= 0 && lo >= 0) {
                out.write(hi << 4 | lo);
                i += 3;
                continue;
            }
            out.write(b); // a stray '=' stays as it is
            i++;
        }
        return out.toByteArray();
    }

    /**
     * Base64 that ignores line breaks and any character outside the alphabet, stops at padding, and
     * decodes whatever complete bytes a truncated tail still holds.
     */
    static byte[] base64(byte[] src, int from, int to, long maxOut) {
        int cap = (int) Math.min(maxOut, Math.max(16L, (to - from) * 3L / 4 + 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream(cap);
        int acc = 0;
        int bits = 0;
        for (int i = from; i < to; i++) {
            int v = b64(src[i]);
            if (v == -2) break; // '=' padding ends the data
            if (v < 0) continue;
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out.write((acc >> bits) & 0xFF);
                if (out.size() >= maxOut) break;
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        return -1;
    }

    private static int b64(byte b) {
        if (b >= 'A' && b <= 'Z') return b - 'A';
        if (b >= 'a' && b <= 'z') return b - 'a' + 26;
        if (b >= '0' && b <= '9') return b - '0' + 52;
        if (b == '+' || b == '-') return 62; // '-' and '_': the URL-safe alphabet, seen in data: URIs
        if (b == '/' || b == '_') return 63;
        if (b == '=') return -2;
        return -1;
    }
}
