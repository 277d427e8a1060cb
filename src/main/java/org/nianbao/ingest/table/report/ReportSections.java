package org.nianbao.ingest.table.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the six section headings of a report (reference §1), in the template wording, the
 * Article 50 wording, or close variants, in simplified or traditional script.
 */
public final class ReportSections {
    private static final List<String> NUMERALS = List.of("一", "二", "三", "四", "五", "六");
    private static final List<List<String>> WORDINGS = List.of(
            List.of("总体情况"),
            List.of("主动公开政府信息情况", "行政机关主动公开政府信息情况"),
            List.of("收到和处理政府信息公开申请情况", "行政机关收到和处理政府信息公开申请情况"),
            List.of("政府信息公开行政复议行政诉讼情况", "因政府信息公开工作被申请行政复议提起行政诉讼情况",
                    "政府信息公开行政复议及行政诉讼情况"),
            List.of("存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及改进措施"),
            List.of("其他需要报告的事项"));
    private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:第)?([一二三四五六])\\s*(?:[、.．,，]|部分)\\s*(.{2,40}?)\\s*[。.]?\\s*$");
    private static final Pattern BRACKETED = Pattern.compile("^\\s*[（(]([一二三四五六])[）)]\\s*(.{2,40}?)\\s*[。.]?\\s*$");

    private ReportSections() { }

    /** 1..6 when the text is the heading of that report section, else 0. */
    public static int sectionOf(String text) {
        if (text == null || text.length() > 60) return 0;
        Matcher m = NUMBERED.matcher(text);
        if (!m.matches()) m = BRACKETED.matcher(text);
        if (!m.matches()) return 0;
        int n = NUMERALS.indexOf(m.group(1)) + 1;
        String key = LabelKey.key(m.group(2));
        char[] bag = LabelKey.bag(key);
        for (String w : WORDINGS.get(n - 1)) {
            String wk = LabelKey.key(w);
            if (LabelKey.similarity(key, bag, wk, LabelKey.bag(wk)) >= 0.8) return n;
        }
        return 0;
    }
}
