package org.nianbao.ingest.util;

import java.nio.charset.Charset;
import java.util.BitSet;

/**
 * The 6,763 characters of GB2312 (level 1: the 3,755 most frequent; level 2: 3,008 more). Built at
 * class load by decoding the GB2312 code table, so no data file is needed. Ordinary report text is
 * almost entirely made of these; mojibake mostly is not.
 */
public final class CommonHanzi {
    private static final BitSet LEVEL1 = new BitSet(0x10000);
    private static final BitSet ALL = new BitSet(0x10000);
    private static final BitSet BIG5_FREQUENT = new BitSet(0x10000);

    static {
        Charset gb = Charset.forName("GB2312");
        byte[] two = new byte[2];
        for (int hi = 0xB0; hi <= 0xF7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                two[0] = (byte) hi;
                two[1] = (byte) lo;
                String s = new String(two, gb);
                if (s.length() == 1) {
                    char c = s.charAt(0);
                    if (c >= 0x4E00 && c <= 0x9FFF) {
                        ALL.set(c);
                        if (hi <= 0xD7) LEVEL1.set(c);
                    }
                }
            }
        }
    }

    static {
        // Big5 lead bytes A4..C6 hold the 5,401 frequently used traditional characters.
        Charset big5 = Charset.forName("Big5");
        byte[] two = new byte[2];
        for (int hi = 0xA4; hi <= 0xC6; hi++) {
            for (int lo = 0x40; lo <= 0xFE; lo++) {
                if (lo > 0x7E && lo < 0xA1) continue;
                two[0] = (byte) hi;
                two[1] = (byte) lo;
                String s = new String(two, big5);
                if (s.length() == 1 && s.charAt(0) >= 0x4E00 && s.charAt(0) <= 0x9FFF) BIG5_FREQUENT.set(s.charAt(0));
            }
        }
    }

    private CommonHanzi() { }

    /** Among Big5's frequently used traditional characters. */
    public static boolean isFrequentTraditional(char c) {
        return BIG5_FREQUENT.get(c);
    }

    /** In GB2312 (simplified set). */
    public static boolean isCommon(char c) {
        return ALL.get(c);
    }

    /** In GB2312 level 1, the most frequent 3,755. */
    public static boolean isVeryCommon(char c) {
        return LEVEL1.get(c);
    }
}
