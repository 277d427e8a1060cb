package org.nianbao.ingest.normalize;

/**
 * A strict UTF-8 decoder that knows about the sentinel byte ({@link Recoding#SENTINEL}, 0xFF) standing
 * for bytes a wrong decoder threw away: the character the sentinel falls in becomes exactly one
 * U+FFFD (Java's decoder would emit two or three, and adjacent losses would blur together), and any
 * other malformed input rejects the whole decode.
 */
final class Utf8 {
    private Utf8() { }

    /** Decoded text, or null if the bytes are not UTF-8 apart from sentinel-marked losses. */
    static String decode(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int n = b.length;
        int i = 0;
        while (i < n) {
            int x = b[i] & 0xFF;
            if (x < 0x80) { sb.append((char) x); i++; continue; }
            if (x == 0xFF) {
                // a lost lead byte: its continuation bytes follow as orphans
                sb.append('\uFFFD');
                i++;
                int k = 0;
                while (i < n && k < 3 && isCont(b[i])) { i++; k++; }
                continue;
            }
            int len = length(x);
            if (len == 0) return null;
            int cp = x & (0xFF >> (len + 1));
            boolean lost = false;
            int j = 1;
            for (; j < len; j++) {
                if (i + j >= n) return null;
                int y = b[i + j] & 0xFF;
                if (y == 0xFF) { lost = true; continue; }
                if (!isCont((byte) y)) {
                    if (lost) break; // the damaged character ended early; resync here
                    return null;
                }
                cp = cp << 6 | (y & 0x3F);
            }
            if (lost) {
                // the sentinel may stand for more than one byte (Java's GB18030 decoder swallows several):
                // continuation bytes right after the damaged character belong to it
                sb.append('\uFFFD');
                i += j;
                int k = 0;
                while (i < n && k < 3 && isCont(b[i])) { i++; k++; }
                continue;
            }
            if (!validScalar(cp, len)) return null;
            sb.appendCodePoint(cp);
            i += len;
        }
        return sb.toString();
    }

    /** The character byte {@code p} belongs to if it is well-formed UTF-8, else -1. */
    static int charAround(byte[] b, int p) {
        int start = p;
        while (start > 0 && p - start < 3 && isCont(b[start])) start--;
        int x = b[start] & 0xFF;
        int len = length(x);
        if (len == 0 || start + len <= p || start + len > b.length) return -1;
        int cp = x & (0xFF >> (len + 1));
        for (int j = 1; j < len; j++) {
            if (!isCont(b[start + j])) return -1;
            cp = cp << 6 | (b[start + j] & 0x3F);
        }
        if (start + len < b.length && isCont(b[start + len])) return -1;
        return validScalar(cp, len) ? cp : -1;
    }

    private static boolean isCont(byte y) {
        return (y & 0xC0) == 0x80;
    }

    private static int length(int x) {
        if (x >= 0xC2 && x <= 0xDF) return 2;
        if (x >= 0xE0 && x <= 0xEF) return 3;
        if (x >= 0xF0 && x <= 0xF4) return 4;
        return 0;
    }

    private static boolean validScalar(int cp, int len) {
        if (len == 2 && cp < 0x80 || len == 3 && cp < 0x800 || len == 4 && cp < 0x10000) return false; // overlong
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;
        return cp <= 0x10FFFF;
    }
}
