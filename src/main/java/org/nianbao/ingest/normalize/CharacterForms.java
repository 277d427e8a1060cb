package org.nianbao.ingest.normalize;

import java.text.Normalizer;

/**
 * Character forms: one code point per character as a reader means it, without blanket NFKC (which
 * would also turn the full-width {@code ，（）：} of Chinese text into ASCII).
 * <ul>
 *   <li>Kangxi radicals (U+2F00–U+2FD5) and CJK radicals-supplement forms (U+2E80–U+2EF3), which PDF
 *       fonts map radicals-looking glyphs to ({@code ⽣} for 生, {@code ⻓} for 长) → the ideograph;</li>
 *   <li>CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F) → their canonical ideograph
 *       (the twelve unified ones in that block, such as 﨎, are real characters and stay);</li>
 *   <li>full-width Latin letters and digits → ASCII ({@code ２０２３年} → {@code 2023年});</li>
 *   <li>parenthesised ideograph numbers {@code ㈠…㈩} → {@code （一）…（十）} as reports write them;</li>
 *   <li>zero-width and other invisible characters (ZWSP, ZWJ/ZWNJ, word joiner, BOM, soft hyphen,
 *       bidi controls, variation selectors, C0/C1 controls except tab and newline) removed;</li>
 *   <li>exotic spaces (NBSP, ideographic space, en/em/thin spaces) → ASCII space (the spacing step then
 *       decides whether a space belongs there at all); CR and CRLF → LF.</li>
 * </ul>
 * Thread-safe and stateless; returns the same instance when nothing changes.
 */
final class CharacterForms {
    /** CJK radicals supplement → ideograph, for the forms that have an equivalent unified ideograph. */
    private static final char[] RADICAL_SUPPLEMENT = new char[0x2EF4 - 0x2E80];

    static {
        String pairs = // radical form, ideograph
                "⺁厂⺃乚⺅亻⺆冂⺇几⺈⺈⺉刂⺋卩⺌⺌⺍⺍⺎兀⺏尣⺐尢⺑𡯂⺒巳⺓幺⺔彑⺕彐⺖忄⺗⺗⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬"
                + "⺤爫⺥爫⺦丬⺧⺧⺨犭⺩王⺪疋⺫目⺬示⺭礻⺮⺮⺯糸⺰纟⺱⺱⺲罒⺳⺳⺴⺴⺵⺵⺶⺶⺷⺷⺸⺸⺹耂⺺⺺⺻聿⺼⺼⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见"
                + "⻆角⻇⻇⻈讠⻉贝⻊⻊⻋车⻌辶⻍辶⻎辶⻏⻏⻐钅⻑长⻒镸⻓长⻔门⻕⻕⻖阝⻗⻗⻘青⻙⻙⻚页⻛风⻜飞⻝食⻞⻞⻟飠⻠饣⻡⻡⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦"
                + "⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟";
        int i = 0;
        while (i < pairs.length()) {
            int radical = pairs.codePointAt(i);
            i += Character.charCount(radical);
            int target = pairs.codePointAt(i);
            i += Character.charCount(target);
            // keep only mappings to a single BMP ideograph; component forms without one map to themselves
            if (radical >= 0x2E80 && radical < 0x2EF4 && target != radical && target < 0x10000 && Cjk.isIdeograph((char) target)) {
                RADICAL_SUPPLEMENT[radical - 0x2E80] = (char) target;
            }
        }
    }

    private static final String PAREN_NUMBERS = "一二三四五六七八九十";
    /** needsWork() for every BMP character, computed once (this test runs on every character of every text). */
    private static final boolean[] WORK = new boolean[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) WORK[c] = computeNeedsWork((char) c);
    }

    private CharacterForms() { }

    static String apply(String s, EditLog log) {
        int n = s.length();
        int i = 0;
        while (i < n && !needsWork(s.charAt(i))) i++;
        if (i == n) return s;
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, i);
        long forms = 0;
        long invisible = 0;
        long spaces = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!needsWork(c)) { sb.append(c); continue; }
            if (c == '\r') {
                sb.append('\n');
                if (i + 1 < n && s.charAt(i + 1) == '\n') i++;
                continue;
            }
            if (c >= 0xFF10 && c <= 0xFF19 || c >= 0xFF21 && c <= 0xFF3A || c >= 0xFF41 && c <= 0xFF5A) {
                sb.append((char) (c - 0xFEE0));
                forms++;
            } else if (c >= 0x2F00 && c <= 0x2FD5) {
                sb.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
                forms++;
            } else if (c >= 0x2E80 && c <= 0x2FDF) {
                char t = c < 0x2EF4 ? RADICAL_SUPPLEMENT[c - 0x2E80] : 0;
                if (t != 0) { sb.append(t); forms++; } else sb.append(c);
            } else if (c == 0x2028 || c == 0x2029) {
                sb.append('\n');
            } else if (c >= 0xF900 && c <= 0xFAFF) {
                String nfc = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFC);
                sb.append(nfc);
                if (!nfc.equals(String.valueOf(c))) forms++;
            } else if (c >= 0x3220 && c <= 0x3229) {
                sb.append('（').append(PAREN_NUMBERS.charAt(c - 0x3220)).append('）');
                forms++;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                i++;
                if (cp >= 0x2F800 && cp <= 0x2FA1F) {
                    sb.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFC));
                    forms++;
                } else if (cp >= 0xE0100 && cp <= 0xE01EF || cp >= 0xE0000 && cp <= 0xE007F) {
                    invisible++; // variation selectors supplement, tag characters
                } else {
                    sb.appendCodePoint(cp);
                }
            } else if (Character.isSurrogate(c)) {
                invisible++; // a lone surrogate is not text
            } else if (Cjk.isSpace(c)) {
                sb.append(' ');
                if (c != '\t') spaces++;
            } else {
                invisible++; // everything else needsWork() flags is an invisible or control character
            }
        }
        log.add("character-forms", forms);
        log.add("invisible-removed", invisible);
        log.add("spaces-unified", spaces);
        String out = sb.toString();
        return out.equals(s) ? s : out;
    }

    private static boolean needsWork(char c) {
        return WORK[c];
    }

    /** True for characters this step changes. Tab and LF pass; ASCII space passes. */
    private static boolean computeNeedsWork(char c) {
        if (c < 0x20) return c != '\n' && c != '\t';
        if (c < 0x7F) return false;
        if (c < 0xA1) return true; // DEL, C1 controls, NBSP
        if (c < 0x2000) return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x180E || c >= 0x115F && c <= 0x1160;
        if (c <= 0x200F || c >= 0x2028 && c <= 0x202F || c >= 0x205F && c <= 0x206F) return true;
        if (c >= 0x2E80 && c <= 0x2FDF) return true;
        if (c == 0x3000 || c >= 0x3220 && c <= 0x3229) return true;
        if (c == 0x3164) return true; // Hangul filler, shows as blank
        if (c >= 0xF900 && c <= 0xFAFF) return true;
        if (c >= 0xFE00 && c <= 0xFE0F) return true; // variation selectors
        if (c == 0xFEFF || c == 0xFFA0) return true;
        if (c >= 0xFFF0 && c <= 0xFFFB) return true; // specials except U+FFFD
        if (c >= 0xFF10 && c <= 0xFF19 || c >= 0xFF21 && c <= 0xFF3A || c >= 0xFF41 && c <= 0xFF5A) return true;
        return Character.isSurrogate(c);
    }
}
