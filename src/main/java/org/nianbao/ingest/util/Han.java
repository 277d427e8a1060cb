package org.nianbao.ingest.util;

/** Counting Chinese characters: the OCR steps judge a reading by how much Chinese it holds. */
public final class Han {
    private Han() { }

    /** Number of Han characters (code points of the Han script, any plane) in {@code s}. */
    public static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) n++;
        }
        return n;
    }
}
