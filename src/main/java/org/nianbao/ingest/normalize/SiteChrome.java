package org.nianbao.ingest.normalize;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.TableBlock;

/**
 * Lines a web page wraps around the report, kept by "save as text" and copy-paste: breadcrumbs
 * ({@code 首页 |}, {@code 当前位置：首页 > 政务公开}), the page's metadata line
 * ({@code 更新日期:2021-01-20 信息来源:双塔区政务公开办 浏览:}), tool links ({@code 【打印本页】【关闭窗口】},
 * {@code 字号：大 中 小}) and lone separators ({@code |}). Runs after script conversion and punctuation,
 * so it only needs simplified spellings; whole lines only, never text inside a sentence.
 *
 * <p>The date and source from a metadata line are kept as document metadata ({@code web.date},
 * {@code web.source}): an archivist may want them even though they are not report text.
 */
final class SiteChrome {
    private static final Pattern BREADCRUMB = Pattern.compile(
            "^(首页|网站首页|主页|当前位置|您当前的位置|您的位置|当前的位置|您现在的位置)\\s*([：:|｜>›»/]|$).{0,80}$");
    private static final Pattern LABEL = Pattern.compile(
            "(更新日期|更新时间|发布日期|发布时间|信息来源|文章来源|来源|浏览次数|浏览量|浏览|点击数|点击量|点击率|阅读数|阅读量|阅读次数|访问量|访问次数|责任编辑|编辑|作者|字号|字体)\\s*[：:]");
    private static final Pattern TOOLS = Pattern.compile(
            "打印本页|打印|关闭窗口|关闭|收藏本页|收藏|分享到|分享|返回顶部|扫一扫在手机打开当前页|扫一扫|我要纠错|纠错|字号|字体|默认|[大中小]|[【】\\[\\]（）()|｜\\s：:]");
    private static final Pattern DATE_VALUE = Pattern.compile("(?:更新日期|更新时间|发布日期|发布时间)\\s*[：:]\\s*(\\d{4}[-./年]\\d{1,2}[-./月]\\d{1,2}日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?)");
    private static final Pattern SOURCE_VALUE = Pattern.compile("(?:信息来源|文章来源|来源)\\s*[：:]\\s*([^\\s：:]{2,40}?)(?=\\s|$|浏览|点击|阅读|作者|发布|更新|字号)");

    private SiteChrome() { }

    /** Removes chrome lines; returns the number removed. Facts found go into {@code facts}. */
    static int apply(List<BlockSlot> slots, Map<String, String> facts, EditLog log) {
        int removed = 0;
        for (BlockSlot slot : slots) {
            if (!slot.removed && slot.block instanceof TableBlock t && isChromeTable(t)) {
                // a breadcrumb "首页 | 政务公开 |" that the pipe-table reader took for a table
                slot.removed = true;
                removed++;
                continue;
            }
            if (!slot.isText()) continue;
            String text = slot.text();
            if (text.length() > 200) continue;
            if (text.indexOf('\n') < 0) {
                if (isChrome(text.strip())) {
                    remember(text, facts);
                    slot.removed = true;
                    removed++;
                }
                continue;
            }
            String[] lines = text.split("\n", -1);
            StringBuilder kept = new StringBuilder();
            int dropped = 0;
            for (String line : lines) {
                if (isChrome(line.strip())) {
                    remember(line, facts);
                    dropped++;
                } else {
                    if (kept.length() > 0) kept.append('\n');
                    kept.append(line);
                }
            }
            if (dropped == 0) continue;
            removed += dropped;
            if (kept.toString().isBlank()) slot.removed = true;
            else slot.block = ParagraphJoiner.withText(slot.block, kept.toString());
        }
        log.add("site-chrome-removed", removed);
        return removed;
    }

    /** A tiny "table" whose every non-empty cell is chrome. */
    static boolean isChromeTable(TableBlock t) {
        int nonEmpty = 0;
        for (Cell c : t.table().cells()) {
            String text = c.text().strip();
            if (text.isEmpty()) continue;
            if (++nonEmpty > 4 || !isChrome(text)) return false;
        }
        return nonEmpty > 0;
    }

    static boolean isChrome(String line) {
        if (line.isEmpty() || line.length() > 120) return false;
        // cheap tests first: almost every line of a report fails all of them without a regex
        if (onlySeparators(line)) return true;
        if (startsWithCrumb(line) && BREADCRUMB.matcher(line).matches() && (line.length() <= 4 || hasSeparator(line))) return true;
        boolean colon = line.indexOf('：') >= 0 || line.indexOf(':') >= 0;
        if (!colon) return line.length() <= 40 && hasToolWord(line) && TOOLS.matcher(line).replaceAll("").isEmpty();
        Matcher m = LABEL.matcher(line);
        int labels = 0;
        int firstAt = -1;
        while (m.find()) {
            if (firstAt < 0) firstAt = m.start();
            labels++;
        }
        if (labels >= 2) return true;
        if (labels == 1 && firstAt == 0 && line.length() <= 30) return true;
        return line.length() <= 40 && hasToolWord(line) && TOOLS.matcher(line).replaceAll("").isEmpty();
    }

    private static final String[] CRUMB_STARTS = {"首页", "网站首页", "主页", "当前位置", "您当前的位置", "您的位置", "当前的位置", "您现在的位置"};
    private static final String[] TOOL_WORDS = {"打印", "关闭", "分享", "返回顶部", "扫一扫", "纠错", "收藏", "字号", "字体"};

    private static boolean startsWithCrumb(String line) {
        if ("首网主当您".indexOf(line.charAt(0)) < 0) return false;
        for (String w : CRUMB_STARTS) if (line.startsWith(w)) return true;
        return false;
    }

    private static boolean hasToolWord(String line) {
        boolean candidate = false;
        for (int i = 0; i < line.length() && !candidate; i++) candidate = "打关分返扫纠收字".indexOf(line.charAt(i)) >= 0;
        if (!candidate) return false;
        for (String w : TOOL_WORDS) if (line.contains(w)) return true;
        return false;
    }

    private static boolean onlySeparators(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("|｜>›»/\\·• \t".indexOf(c) < 0) return false;
        }
        return true;
    }

    private static boolean hasSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '|' || c == '｜' || c == '>' || c == '›' || c == '»' || c == '/' || c == '：' || c == ':') return true;
        }
        return false;
    }

    private static void remember(String line, Map<String, String> facts) {
        Matcher d = DATE_VALUE.matcher(line);
        if (d.find()) facts.putIfAbsent("web.date", d.group(1));
        Matcher s = SOURCE_VALUE.matcher(line);
        if (s.find()) facts.putIfAbsent("web.source", s.group(1));
    }
}
