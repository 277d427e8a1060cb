package org.nianbao.ingest.normalize;

/**
 * Spaces that are layout, not text. PDF text layers and OCR put spaces between Chinese characters
 * ({@code 结果 维持}, {@code 政 府 信 息}) and around numbers set in another font
 * ({@code 原州区医疗保障局 2023 年政府信息公开工作年度报告}). Printed reports set numbers inside
 * Chinese text without spaces ({@code 2023年}, {@code 共5件}), so:
 * <ul>
 *   <li>a run of spaces between two Chinese characters (ideographs or CJK punctuation) is removed;</li>
 *   <li>a run of spaces next to full-width punctuation is removed ({@code （一） 予以公开});</li>
 *   <li>a run of spaces between an ideograph and a number is removed ({@code 2023 年} → {@code 2023年});</li>
 *   <li>between Latin words, numbers, and between a Latin word and Chinese ({@code 登录 www.gov.cn 查询})
 *       one space is kept, so words and URLs stay apart;</li>
 *   <li>spaces at the start and end of every line are removed; line breaks are kept.</li>
 * </ul>
 * Thread-safe and stateless.
 */
final class CjkSpacing {
    private CjkSpacing() { }

    static String apply(String s, EditLog log) {
        int n = s.length();
        int first = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') { first = i; break; }
        }
        if (first < 0) return s;
        StringBuilder sb = new StringBuilder(n).append(s, 0, first);
        long removed = 0;
        int i = first;
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t') { sb.append(c); i++; continue; }
            int j = i;
            while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
            char prev = sb.length() == 0 ? '\n' : sb.charAt(sb.length() - 1);
            char next = j < n ? s.charAt(j) : '\n';
            boolean keep = !(prev == '\n' || next == '\n' || layoutSpace(prev, next));
            if (keep) {
                sb.append(' ');
                removed += j - i - 1;
            } else {
                removed += j - i;
            }
            i = j;
        }
        if (removed == 0) return s;
        log.add("spaces-removed", removed);
        return sb.toString();
    }

    private static boolean layoutSpace(char prev, char next) {
        boolean p = Cjk.isChineseContext(prev);
        boolean q = Cjk.isChineseContext(next);
        if (p && q) return true;
        if (fullWidthPunctuation(prev) || fullWidthPunctuation(next)) return true;
        return Cjk.isIdeograph(prev) && isNumberEdge(next) || isNumberEdge(prev) && Cjk.isIdeograph(next);
    }

    /** CJK punctuation that Latin text does not share (curly quotes, dashes, ellipsis and middle dot are shared). */
    private static boolean fullWidthPunctuation(char c) {
        return Cjk.isCjkPunctuation(c) && c != '“' && c != '”' && c != '‘' && c != '’' && c != '—' && c != '…' && c != '·';
    }

    private static boolean isNumberEdge(char c) {
        return Cjk.isAsciiDigit(c) || c == '%';
    }
}
