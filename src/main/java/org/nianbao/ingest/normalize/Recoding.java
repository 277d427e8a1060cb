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

    static {
        java.util.Arrays.fill(LATIN_BYTE, -1);
        for (int b = 0; b < 0x100; b++) LATIN_BYTE[b] = b;       // Latin-1 and C1 controls as themselves
        for (int i = 0; i < CP1252_HIGH.length(); i++) LATIN_BYTE[CP1252_HIGH.charAt(i)] = 0x80 + i;
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
        int start = 0;
        for (int i = 0; i <= run.length(); i++) {
            if (i == run.length() || run.charAt(i) == 0xFFFD) {
                if (i > start) {
                    String part = run.substring(start, i);
                    for (int k = 0; k < part.length(); k++) {
                        char c = part.charAt(k);
                        // lone surrogates cannot have come from any decoder
                        if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && k + 1 < part.length() && Character.isLowSurrogate(part.charAt(k + 1)))
                                && !(Character.isLowSurrogate(c) && k > 0 && Character.isHighSurrogate(part.charAt(k - 1)))) {
                            return null;
                        }
                    }
                    out.writeBytes(part.getBytes(GB18030));
                }
                if (i < run.length()) out.write(SENTINEL);
                start = i + 1;
            }
        }
        return out.toByteArray();
    }

    /**
     * Decodes the recovered bytes. Returns null when the bytes are not clean in {@link #writtenIn}
     * beyond the damage already marked by sentinels (each sentinel may spoil at most two characters).
     * Runs of U+FFFD are collapsed to one: they mark one damaged spot.
     */
    String decode(byte[] bytes) {
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
            else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7F && c < 0xA0) return null; // controls: not text
        }
        if (bad > 2 * sentinels) return null;
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
        byte[] b = encode(run);
        return b == null ? null : decode(b);
    }
}
