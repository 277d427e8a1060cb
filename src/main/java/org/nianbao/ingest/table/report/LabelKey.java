package org.nianbao.ingest.table.report;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Compares table labels the way a person would: ignoring width (（ vs (), brackets, quotes,
 * punctuation and spacing (line-broken headers such as {@code 商业企 业}), and the traditional forms of
 * the characters that occur in the standard labels (captures of traditional-script pages reach the
 * table code before the normaliser). A label's <em>key</em> keeps only letters, digits and ideographs.
 */
public final class LabelKey {
    /** Labels longer than this are running text, never a table label; it also bounds the work per cell. */
    public static final int MAX_LABEL_CHARS = 120;

    // Traditional → simplified for the characters of the standard labels and section headings only.
    // Full conversion is the normaliser's job; this just lets recognition work before it.
    private static final String TRAD = "開動況處請復複議訴訟結轉數規範許罰費額採購類無總計機關確補條項製發廢現決維糾審經後國會業團體務護權險穩屬檔詢獲舉報內過執產單負責錄資級號據廣義認證濟勞劃戶獨貨與際對導門應當辦統極區縣鎮鄉醫療衛這個們實問題進將從場書長標準備種絡網頁東車電話聯繫樣質紹擁訊記協調傳達職歲億萬節參於說給價齊驗檢測術礙線約紀組織營銷築強";
    private static final String SIMP = "开动况处请复复议诉讼结转数规范许罚费额采购类无总计机关确补条项制发废现决维纠审经后国会业团体务护权险稳属档询获举报内过执产单负责录资级号据广义认证济劳划户独货与际对导门应当办统极区县镇乡医疗卫这个们实问题进将从场书长标准备种络网页东车电话联系样质绍拥讯记协调传达职岁亿万节参于说给价齐验检测术碍线约纪组织营销筑强";
    private static final Map<Character, Character> FOLD = new HashMap<>();

    static {
        for (int i = 0; i < Math.min(TRAD.length(), SIMP.length()); i++) FOLD.put(TRAD.charAt(i), SIMP.charAt(i));
    }

    /**
     * A reading in pinyin after a character, {@code 強(qiáng)}, as some captures annotate (seed 003): no
     * standard label holds Latin letters in brackets, and the normaliser removes them only later.
     */
    private static final java.util.regex.Pattern PINYIN_AFTER_CHARACTER =
            java.util.regex.Pattern.compile("(\\p{IsHan})[(（][a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ]{1,7}[)）]");

    private LabelKey() { }

    /** The comparison key: NFKC-folded, traditional folded, only letters, digits and ideographs kept. */
    public static String key(String text) {
        if (text == null || text.isEmpty()) return "";
        String s = text.length() > 4 * MAX_LABEL_CHARS ? text.substring(0, 4 * MAX_LABEL_CHARS) : text;
        if (s.indexOf('(') >= 0 || s.indexOf('（') >= 0) s = PINYIN_AFTER_CHARACTER.matcher(s).replaceAll("$1");
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            Character f = FOLD.get(c);
            if (f != null) c = f;
            if (Character.isLetterOrDigit(c)) b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    /** The key's characters sorted, for a fast multiset comparison. */
    public static char[] bag(String key) {
        char[] a = key.toCharArray();
        Arrays.sort(a);
        return a;
    }

    /**
     * How alike an observed label is to a template label, 0..1: the Dice coefficient of their character
     * multisets, raised when the observed text is a truncation (a prefix) of the template label, which is
     * what captures do to long headers ({@code 本年新} for {@code 本年新制作数量}).
     */
    public static double similarity(String observedKey, char[] observedBag, String templateKey, char[] templateBag) {
        if (observedKey.isEmpty() || templateKey.isEmpty()) return 0;
        if (observedKey.equals(templateKey)) return 1;
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < observedBag.length && j < templateBag.length) {
            if (observedBag[i] == templateBag[j]) {
                common++;
                i++;
                j++;
            } else if (observedBag[i] < templateBag[j]) {
                i++;
            } else {
                j++;
            }
        }
        double dice = 2.0 * common / (observedBag.length + templateBag.length);
        if (observedKey.length() >= 2 && templateKey.startsWith(observedKey)) {
            dice = Math.max(dice, 0.55 + 0.45 * observedKey.length() / templateKey.length());
        }
        return dice;
    }

    public static double similarity(String observed, String template) {
        String a = key(observed);
        String b = key(template);
        return similarity(a, bag(a), b, bag(b));
    }

    /** True when {@code observedKey} is a proper prefix of {@code templateKey}: the capture cut the label short. */
    public static boolean isTruncation(String observedKey, String templateKey) {
        return observedKey.length() >= 2 && observedKey.length() < templateKey.length() && templateKey.startsWith(observedKey);
    }

    /**
     * Removes whitespace between two ideographs ({@code 结果 维持} → {@code 结果维持}): line-broken header
     * cells come out of captures with a space where the line broke. Other spacing is kept as printed.
     */
    public static String tidy(String text) {
        if (text == null) return "";
        String s = text.strip();
        if (s.indexOf(' ') < 0 && s.indexOf('\u3000') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') {
                int j = i;
                while (j < n && (Character.isWhitespace(s.charAt(j)) || s.charAt(j) == '\u3000')) j++;
                boolean cjkBefore = b.length() > 0 && isIdeograph(b.charAt(b.length() - 1));
                boolean cjkAfter = j < n && isIdeograph(s.charAt(j));
                if (!(cjkBefore && cjkAfter)) b.append(' ');
                i = j - 1;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    public static boolean isIdeograph(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
