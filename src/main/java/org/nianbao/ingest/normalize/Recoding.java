package org.nianbao.ingest.normalize;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One way text gets garbled: bytes written in one encoding were read in another. Undoing it means
 * encoding the garbled text back with the encoding it was wrongly read as ({@link #misreadAs}) and
 * decoding the bytes with the one they really were in ({@link #writtenIn}).
 *
 * <p>A U+FFFD in the garbled text marks bytes the wrong decoder threw away; it is encoded as the byte
 * 0xFF, which is invalid in UTF-8, GBK and Big5, so the right decoder turns the damaged character
 * into U+FFFD again instead of inventing one.
 */
enum Recoding {
    /** UTF-8 bytes read as GBK/GB18030: {@code 鏀垮簻淇℃伅鍏紑} for 政府信息公开. */
    UTF8_AS_GBK("utf8-as-gbk", Side.GB18030, StandardCharsets.UTF_8),
    /** GBK bytes read as Latin-1 or Windows-1252: {@code ÕþÎñ¹«¿ª} for 政府公开. */
    GBK_AS_LATIN1("gbk-as-latin1", Side.LATIN, Charset.forName("GB18030")),
    /** Big5 bytes read as GBK: {@code 現┎戈癟そ秨} for 政府資訊公開. */
    BIG5_AS_GBK("big5-as-gbk", Side.GB18030, Charset.forName("Big5")),
    /** UTF-8 bytes read as Windows-1252 or Latin-1: {@code æ”¿åºœ} for 政府. */
    UTF8_AS_CP1252("utf8-as-cp1252", Side.LATIN, StandardCharsets.UTF_8);

    /** The encoding the bytes were wrongly decoded with. */
    enum Side { GB18030, LATIN }

    static final byte SENTINEL = (byte) 0xFF;
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Windows-1252 bytes 0x80..0x9F; the five undefined ones map to themselves (as C1 controls). */
    private static final String CP1252_HIGH =
            "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
    private static final int[] LATIN_BYTE = new int[0x10000];
    /**
     * GBK two-byte code of each BMP character (0 = none), from Java's GBK decoder: garbled text
     * made by a GBK decoder must be re-encoded with GBK's own mapping, which differs from GB18030's
     * in a few places (A1AA is U+2015 in GBK, U+2014 in GB18030).
     */
    private static final int[] GBK_PAIR = new int[0x10000];

    static {
        java.util.Arrays.fill(LATIN_BYTE, -1);
        for (int b = 0; b < 0x100; b++) LATIN_BYTE[b] = b;       // Latin-1 and C1 controls as themselves
        for (int i = 0; i < CP1252_HIGH.length(); i++) LATIN_BYTE[CP1252_HIGH.charAt(i)] = 0x80 + i;
        // GB18030's two-byte table first, then GBK's where they differ (GBK wins: it made most garbled text)
        for (Charset cs : new Charset[] {Charset.forName("GB18030"), Charset.forName("GBK")}) {
            CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            byte[] two = new byte[2];
            for (int lead = 0x81; lead <= 0xFE; lead++) {
                for (int trail = 0x40; trail <= 0xFE; trail++) {
                    if (trail == 0x7F) continue;
                    two[0] = (byte) lead;
                    two[1] = (byte) trail;
                    try {
                        String ch = dec.decode(ByteBuffer.wrap(two)).toString();
                        if (ch.length() == 1 && ch.charAt(0) != 0xFFFD) GBK_PAIR[ch.charAt(0)] = lead << 8 | trail;
                    } catch (java.nio.charset.CharacterCodingException e) {
                        // not a character in this table
                    }
                }
            }
        }
    }

    final String label;
    final Side misreadAs;
    final Charset writtenIn;

    Recoding(String label, Side misreadAs, Charset writtenIn) {
        this.label = label;
        this.misreadAs = misreadAs;
        this.writtenIn = writtenIn;
    }

    /** True when the garbled run uses a cp1252-only character (then the label says cp1252, not latin1). */
    static boolean usesCp1252(CharSequence run) {
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c > 0xFF && c != 0xFFFD && LATIN_BYTE[c] >= 0) return true;
        }
        return false;
    }

    /** The bytes the garbled run came from, or null if it cannot have come from this misreading. */
    byte[] encode(String run) {
        return encode(run, false);
    }

    /**
     * @param interior80 encode a U+FFFD that has more garbled text after it as the byte 0x80. A GBK
     *                   decoder drops a single byte at a lead position only when it is 0x80 (0xFF never
     *                   occurs in UTF-8), and a byte followed by another non-ASCII byte always forms a
     *                   valid pair; so inside a run of UTF-8 read as GBK, U+FFFD stands for 0x80. The
     *                   caller still requires the result to decode cleanly, so a wrong assumption fails.
     */
    byte[] encode(String run, boolean interior80) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(run.length() * 2);
        if (misreadAs == Side.LATIN) {
            for (int i = 0; i < run.length(); i++) {
                char c = run.charAt(i);
                if (c == 0xFFFD) { out.write(SENTINEL); continue; }
                int b = LATIN_BYTE[c];
                if (b < 0) return null;
                out.write(b);
            }
            return out.toByteArray();
        }
        int n = run.length();
        java.util.List<Integer> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            char c = run.charAt(i);
            if (c < 0x80) { out.write(c); continue; }
            if (c == 0xFFFD) {
                if (interior80 && i + 1 < n && run.charAt(i + 1) >= 0x80 && run.charAt(i + 1) != 0xFFFD) candidates.add(out.size());
                out.write(SENTINEL & 0xFF);
                continue;
            }
            int pair = GBK_PAIR[c];
            if (pair != 0) {
                out.write(pair >> 8);
                out.write(pair & 0xFF);
                continue;
            }
            // outside GBK's two-byte table: GB18030's four-byte code (a surrogate pair is one character)
            String ch;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(run.charAt(i + 1))) {
                ch = run.substring(i, i + 2);
                i++;
            } else if (Character.isSurrogate(c)) {
                return null; // a lone surrogate cannot have come from any decoder
            } else {
                ch = String.valueOf(c);
            }
            out.writeBytes(ch.getBytes(GB18030));
        }
        byte[] bytes = out.toByteArray();
        // A 0x80 reading is taken only where it completes a well-formed UTF-8 character that is common
        // Chinese: Java's GB18030 decoder also swallows a lead byte with the ASCII byte after it, and
        // the 0x80 reading of such a spot would invent a (usually rare) character.
        for (int p : candidates) {
            bytes[p] = (byte) 0x80;
            int cp = Utf8.charAround(bytes, p);
            boolean plausible = cp >= 0 && cp < 0x10000
                    && (org.nianbao.ingest.util.CommonHanzi.isCommon((char) cp) || Cjk.isCjkPunctuation((char) cp));
            if (!plausible) bytes[p] = SENTINEL;
        }
        return bytes;
    }

    /**
     * Decodes the recovered bytes. Returns null when the bytes are not clean in {@link #writtenIn}
     * beyond the damage already marked by sentinels (each sentinel may spoil at most two characters).
     * Runs of U+FFFD are collapsed to one: they mark one damaged spot.
     */
    String decode(byte[] bytes) {
        return decode(bytes, false);
    }

    /** @param intermediate true inside a chain: C1 controls are then bytes of the next layer, not text */
    String decode(byte[] bytes, boolean intermediate) {
        if (writtenIn == StandardCharsets.UTF_8) {
            String s = Utf8.decode(bytes);
            if (s == null) return null;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || !intermediate && c >= 0x7F && c < 0xA0) return null;
            }
            return s;
        }
        int sentinels = 0;
        for (byte b : bytes) if (b == SENTINEL) sentinels++;
        CharsetDecoder dec = writtenIn.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        String s;
        try {
            s = dec.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
        int bad = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0xFFFD) bad++;
            else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || !intermediate && c >= 0x7F && c < 0xA0) return null; // controls: not text
        }
        if (bad > 4 * sentinels) return null;
        if (bad == 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0xFFFD && sb.length() > 0 && sb.charAt(sb.length() - 1) == 0xFFFD) continue;
            sb.append(c);
        }
        return sb.toString();
    }

    /** Encode then decode; null when this misreading cannot explain the run. */
    String undo(String run) {
        return undo(run, false, false);
    }

    /**
     * @param intermediate inside a chain (C1 controls allowed in the result)
     * @param nearDigits   the run holds or follows ASCII digits: then a U+FFFD may be Java's GB18030
     *                     decoder swallowing a lead byte together with the digits after it, not a lone
     *                     0x80, so the 0x80 reading is not tried (the damage is reported instead)
     */
    String undo(String run, boolean intermediate, boolean nearDigits) {
        if (this == UTF8_AS_GBK && !nearDigits && run.indexOf('\uFFFD') >= 0) {
            byte[] b = encode(run, true);
            String s = b == null ? null : decode(b, intermediate);
            if (s != null) return s;
        }
        byte[] b = encode(run, false);
        return b == null ? null : decode(b, intermediate);
    }
}
