package org.nianbao.ingest.eval.render;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Damaged variants of a text capture, the way archives receive them. Every variant is returned as a
 * Java string; callers write it as UTF-8, which is how the damaged text was saved.
 */
public final class VariantRenderer {
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");

    /**
     * Traditional characters that the seed-003 capture follows with their reading, e.g. {@code 根據(jù)}
     * (a browser reading aid saved into the text). Taken from the characters seed 003 annotates.
     */
    private static final String ANNOTATED = "務關醫進發強實內訓監權報點質規網業機領達轉設計續結協項運費統據態復導嚴預險隊鎮責財負護調認聯習礎準標數學堅執區價";

    private VariantRenderer() { }

    /** UTF-8 bytes decoded as GBK (a page saved as UTF-8, opened as GBK, saved again). Lossy. */
    public static String utf8ReadAsGbk(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), GBK);
    }

    /** GB18030 bytes decoded as ISO-8859-1 (a GBK page read by a tool that assumed Latin-1). Reversible. */
    public static String gbkReadAsLatin1(String text) {
        return new String(text.getBytes(GB18030), StandardCharsets.ISO_8859_1);
    }

    /** The text in traditional script, encoded as Big5 and decoded as GBK. */
    public static String big5ReadAsGbk(String text) {
        return new String(ZhConverterUtil.toTraditional(text).getBytes(BIG5), GBK);
    }

    /** Traditional script with pinyin readings after some characters, like seed 003: {@code 根據(jù)《中華人民共和國…}. */
    public static String traditionalWithPinyin(String text) {
        String trad = ZhConverterUtil.toTraditional(text);
        HanyuPinyinOutputFormat f = new HanyuPinyinOutputFormat();
        f.setToneType(HanyuPinyinToneType.WITH_TONE_MARK);
        f.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
        f.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        StringBuilder sb = new StringBuilder(trad.length() * 2);
        for (int i = 0; i < trad.length(); i++) {
            char c = trad.charAt(i);
            sb.append(c);
            if (ANNOTATED.indexOf(c) >= 0) {
                try {
                    String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, f);
                    if (readings != null && readings.length > 0) sb.append('(').append(readings[0]).append(')');
                } catch (BadHanyuPinyinOutputFormatCombination e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return sb.toString();
    }
}
