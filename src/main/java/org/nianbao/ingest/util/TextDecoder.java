package org.nianbao.ingest.util;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes the bytes of a text or HTML capture. Order: byte-order mark, then the declared charset
 * (HTML meta / MIME header) if it decodes cleanly and reads as plausible text, then detection. Labels
 * gb2312/gbk/x-gbk decode as GB18030 (a superset; real pages labelled gb2312 use GBK characters). A
 * wrong or missing declaration is overruled by a clean decode that reads better, with a warning.
 */
public final class TextDecoder {
    public static final Charset GB18030 = Charset.forName("GB18030");
    public static final Charset BIG5 = Charset.forName("Big5-HKSCS");

    /**
     * @param text    decoded text, BOM removed
     * @param charset canonical name of the charset used
     * @param how     "bom", "declared", "utf-8", "detected", "fallback"
     * @param note    a sentence for a warning when the declaration was overruled or decoding was lossy, else null
     * @param lossy   true when some bytes could not be decoded and became U+FFFD
     */
    public record Decoded(String text, String charset, String how, String note, boolean lossy) { }

    private TextDecoder() { }

    public static Decoded decode(byte[] bytes, String declared) {
        // 1. BOM
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return lenient(bytes, 3, StandardCharsets.UTF_8, "bom", null);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return lenient(bytes, 2, StandardCharsets.UTF_16LE, "bom", null);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return lenient(bytes, 2, StandardCharsets.UTF_16BE, "bom", null);
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0x84 && (bytes[1] & 0xFF) == 0x31 && (bytes[2] & 0xFF) == 0x95 && (bytes[3] & 0xFF) == 0x33) {
            return lenient(bytes, 4, GB18030, "bom", null);
        }

        Charset declaredCs = canonical(declared);
        // Candidates in order of preference; the first that decodes strictly and reads well wins.
        Set<Charset> candidates = new LinkedHashSet<>();
        if (declaredCs != null) candidates.add(declaredCs);
        candidates.add(StandardCharsets.UTF_8);
        Charset detected = detect(bytes);
        if (detected != null) candidates.add(detected);
        candidates.add(GB18030);
        candidates.add(BIG5);

        // Bytes that are valid UTF-8 with a fair number of multi-byte sequences are UTF-8: text in any
        // other charset practically never validates. What such text says (even Latin-1 letters that are
        // really mojibake of GBK) is the normaliser's business, not the decoder's — decoding it as GBK
        // here would turn a repairable mojibake into an unrepairable one.
        if (multiByteSequences(bytes) >= 8) {
            String utf8 = strict(bytes, StandardCharsets.UTF_8);
            if (utf8 != null) {
                boolean declaredOther = declaredCs != null && !declaredCs.equals(StandardCharsets.UTF_8);
                return new Decoded(utf8, StandardCharsets.UTF_8.name(), declaredOther ? "utf-8" : (declaredCs != null ? "declared" : "utf-8"),
                        declaredOther ? "declared charset " + declared + " does not fit the bytes; decoded as UTF-8" : null, false);
            }
        }

        List<Scored> clean = new ArrayList<>();
        for (Charset cs : candidates) {
            String s = strict(bytes, cs);
            if (s == null) continue;
            Scored sc = new Scored(cs, s, score(s));
            clean.add(sc);
            // The first candidate that reads as ordinary text is taken without decoding the rest
            // (50 MB captures should not be decoded five times).
            if (clean.size() == 1 && sc.score >= 0.9) break;
        }
        Scored bestClean = null;
        for (Scored c : clean) {
            // Only leave an earlier (preferred) candidate for one that reads clearly better.
            if (bestClean == null || c.score > bestClean.score + 0.15) bestClean = c;
        }
        // A few damaged bytes in otherwise good text: the lossy decode of the right charset reads far
        // better than a "clean" decode of the wrong one (GB18030 accepts almost any byte pairs).
        Scored bestLossy = null;
        if (bestClean == null || bestClean.score < 0.9) {
            for (Charset cs : candidates) {
                String s = new String(bytes, cs);
                Scored sc = new Scored(cs, s, score(s));
                if (bestLossy == null || sc.score > bestLossy.score) bestLossy = sc;
            }
        }
        if (bestClean != null && (bestLossy == null || bestLossy.score <= bestClean.score + 0.15)) {
            Scored best = bestClean;
            String how = declaredCs != null && best.cs.equals(declaredCs) ? "declared"
                    : best.cs.equals(StandardCharsets.UTF_8) ? "utf-8" : "detected";
            String note = null;
            if (declaredCs != null && !best.cs.equals(declaredCs)) {
                note = "declared charset " + declared + " does not fit the bytes; decoded as " + best.cs.name();
            } else if (declared != null && declaredCs == null) {
                note = "declared charset " + declared + " is unknown; decoded as " + best.cs.name();
            }
            return new Decoded(best.text, best.cs.name(), how, note, false);
        }
        Scored best = bestLossy;
        long bad = best.text.chars().filter(c -> c == 0xFFFD).count();
        return new Decoded(best.text, best.cs.name(), "fallback",
                "no charset decodes these bytes cleanly; decoded as " + best.cs.name() + " with " + bad + " undecodable sequences replaced by U+FFFD", true);
    }

    /** Counts well-formed UTF-8 multi-byte sequences in the first megabyte. */
    static int multiByteSequences(byte[] b) {
        int n = Math.min(b.length, 1 << 20);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
            if (len == 0 || c >= 0xF5) continue;
            if (i + len > n) break;
            boolean ok = true;
            for (int k = 1; k < len; k++) if ((b[i + k] & 0xC0) != 0x80) { ok = false; break; }
            if (ok) {
                count++;
                i += len - 1;
            }
        }
        return count;
    }

    private record Scored(Charset cs, String text, double score) { }

    /**
     * Plausibility of the characters decoded from non-ASCII bytes only. Every candidate charset reads
     * ASCII alike, so tags, digits and Latin letters say nothing about the choice and only dilute the
     * difference: a web page is mostly ASCII markup around a little Chinese, and scored whole, a
     * Latin-1 or Big5 misreading of its GB bytes looked nearly as good as the right reading.
     */
    static double score(String s) {
        StringBuilder nonAscii = new StringBuilder();
        int n = s.length();
        for (int i = 0; i < n && nonAscii.length() < 200_000; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) nonAscii.append(c);
        }
        return TextPlausibility.score(nonAscii.toString());
    }

    /** Maps a declared label to the charset we really decode with (gb2312/gbk → GB18030, big5 → Big5-HKSCS). */
    public static Charset canonical(String label) {
        if (label == null || label.isBlank()) return null;
        String l = label.trim().toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
        switch (l) {
            case "gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb_2312-80", "euc-cn", "gb18030", "hz-gb-2312":
                return GB18030;
            case "big5", "big5-hkscs", "x-x-big5", "cp950":
                return BIG5;
            case "utf8", "unicode-1-1-utf-8":
                return StandardCharsets.UTF_8;
            default:
                break;
        }
        try {
            return Charset.forName(l);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Charset detect(byte[] bytes) {
        UniversalDetector d = new UniversalDetector(null);
        d.handleData(bytes, 0, Math.min(bytes.length, 1 << 20));
        d.dataEnd();
        String name = d.getDetectedCharset();
        return canonical(name);
    }

    /** Strict decode; null if any byte sequence is malformed or unmappable. */
    public static String strict(byte[] bytes, Charset cs) {
        CharsetDecoder dec = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer out = dec.decode(ByteBuffer.wrap(bytes));
            return out.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Decoded lenient(byte[] bytes, int skip, Charset cs, String how, String note) {
        String s = new String(bytes, skip, bytes.length - skip, cs);
        boolean lossy = s.indexOf('\uFFFD') >= 0;
        return new Decoded(s, cs.name(), how, lossy ? "some bytes could not be decoded as " + cs.name() : note, lossy);
    }
}
