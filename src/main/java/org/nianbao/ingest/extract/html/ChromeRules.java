package org.nianbao.ingest.extract.html;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What site chrome looks like on Chinese government web pages, as text and as markup. Every rule is
 * anchored and length-bounded so that a sentence of a report that merely mentions "打印" or "首页"
 * is never taken for chrome.
 */
final class ChromeRules {
    private ChromeRules() { }

    /** Kinds of chrome, for the count in the {@code chrome-removed} warning. */
    enum Kind {
        SCRIPT("script/style"), NAVIGATION("navigation"), BREADCRUMB("breadcrumb"), PAGE_INFO("page info line"),
        WIDGET("print/close/share widget"), FOOTER("footer"), HIDDEN("hidden element"), FORM("form"),
        IMAGE("chrome image"), OUTSIDE("text outside the main content");

        final String label;

        Kind(String label) { this.label = label; }
    }

    private static final Pattern BREADCRUMB_LEAD = Pattern.compile(
            "^(【)?(您?(当前|现在|所在)?的?(所在)?位置|当前位置|所在位置|当前栏目|您的位置|你的位置|你现在的位置)\\s*[:：].*");
    private static final Pattern BREADCRUMB_HOME = Pattern.compile(
            "^(网站)?(首页|主页)\\s*([>＞»›→|｜/\\\\-]|&gt;|-&gt;|>>)+.*|^(网站)?(首页|主页)$");
    private static final Pattern PAGE_INFO_MARK = Pattern.compile(
            "(更新日期|更新时间|发布日期|发布时间|发文日期|成文日期|时间|日期|信息来源|来源|文章来源|作者|浏览次数|浏览量|浏览|点击数|点击|访问量|阅读次数|阅读|字号|责任编辑)\\s*[:：]");
    private static final Pattern FOOTER = Pattern.compile(
            "版权所有|Copyright|©|ICP备\\s*\\d|ICP证\\s*\\d|网站标识码|公网安备|政府网站标识|技术支持\\s*[:：]|主办单位\\s*[:：]|承办单位\\s*[:：]",
            Pattern.CASE_INSENSITIVE);
    /** "发布日期：2020-01-31" alone on its line, under a title. */
    private static final Pattern LONE_DATE = Pattern.compile(
            "^[【\\[(（]?(发布|更新|成文|发文|生成|公开)(日期|时间)\\s*[:：]\\s*[0-9０-９\\-/年月日.:：\\s]{6,24}[】\\])）]?$");
    private static final Pattern PREV_NEXT = Pattern.compile("^(上一篇|下一篇|上一条|下一条|上一页|下一页)\\s*[:：].*");

    /** Widget words; a line made only of these (and brackets, separators) is a toolbar. Longest first. */
    private static final String[] WIDGET_WORDS = {
        "扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面", "用手机扫描二维码", "手机扫一扫", "扫一扫",
        "打印本页", "打印此页", "打印正文", "打印文章", "关闭窗口", "关闭本页", "关闭此页", "返回顶部", "返回首页",
        "加入收藏", "我要纠错", "视力保护色", "分享到", "分享至", "收藏本页", "保存本页", "QQ空间", "新浪微博", "腾讯微博",
        "微信好友", "朋友圈", "大中小", "字体", "字号", "打印", "关闭", "收藏", "分享", "返回", "微信", "微博", "默认", "纠错",
        "字体大小", "放大", "缩小", "标准", "大字", "中字", "小字", "TOP"
    };
    private static final Pattern WIDGET_JUNK = Pattern.compile("[\\s\\[\\]【】()（）<>《》|｜·•/\\\\:：,，、.。\\-—_]+");

    /** The chrome kind of one rendered line of text, or null when it is (or may be) content. */
    static Kind lineKind(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 200) return null;
        if (BREADCRUMB_LEAD.matcher(s).matches() || BREADCRUMB_HOME.matcher(s).matches()) return Kind.BREADCRUMB;
        if (isPageInfo(s) || LONE_DATE.matcher(s).matches()) return Kind.PAGE_INFO;
        if (isWidgetLine(s)) return Kind.WIDGET;
        if (PREV_NEXT.matcher(s).matches() && s.length() <= 120) return Kind.NAVIGATION;
        if (s.length() <= 200 && FOOTER.matcher(s).find() && !endsSentence(s)) return Kind.FOOTER;
        return null;
    }

    /** "更新日期：2021-01-20 信息来源：… 浏览：" — two or more labelled page facts on a short line. */
    private static boolean isPageInfo(String s) {
        if (s.length() > 150 || endsSentence(s)) return false;
        var m = PAGE_INFO_MARK.matcher(s);
        int marks = 0;
        boolean dateOrHits = false;
        while (m.find()) {
            marks++;
            String k = m.group(1);
            if (k.contains("日期") || k.contains("时间") || k.contains("浏览") || k.contains("点击") || k.contains("访问") || k.contains("阅读")) dateOrHits = true;
        }
        return marks >= 2 && dateOrHits;
    }

    static boolean isWidgetLine(String s) {
        if (s.length() > 80) return false;
        String rest = WIDGET_JUNK.matcher(s).replaceAll("");
        if (rest.isEmpty()) return false; // only punctuation: not ours to judge
        String upper = rest.toUpperCase(Locale.ROOT);
        for (String w : WIDGET_WORDS) upper = upper.replace(w.toUpperCase(Locale.ROOT), "");
        return upper.isEmpty();
    }

    private static boolean endsSentence(String s) {
        char last = s.charAt(s.length() - 1);
        return last == '。' || last == '；' || last == ';';
    }

    /** Element tags that never hold report text. */
    static final Set<String> NEVER_CONTENT = Set.of("script", "style", "noscript", "template", "iframe", "frame", "object",
            "embed", "applet", "svg", "canvas", "audio", "video", "select", "button", "input", "textarea", "link", "meta", "map", "area");

    /** Class/id tokens that name site furniture. Whole tokens only: "article-header" is not "header". */
    private static final Set<String> CHROME_TOKENS = Set.of("header", "footer", "foot", "nav", "navbar", "navigation", "menu",
            "mainmenu", "topmenu", "submenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "bread", "position", "location",
            "weizhi", "dqwz", "share", "bdsharebuttonbox", "bdshare", "jiathis", "print", "toolbar", "sidebar", "copyright",
            "banner", "topbar", "skip", "fontsize", "font-size", "zihao", "qrcode", "erweima", "ewm", "dayin", "fenxiang");

    /** The chrome token in an element's id or class attribute, or null. */
    static String chromeToken(String id, String cls) {
        String t = firstToken(id);
        return t != null ? t : firstToken(cls);
    }

    private static String firstToken(String attr) {
        if (attr == null || attr.isEmpty()) return null;
        for (String tok : attr.toLowerCase(Locale.ROOT).split("[\\s_\\-]+")) {
            if (CHROME_TOKENS.contains(tok)) return tok;
        }
        return null;
    }

    /** Inline style or attribute that hides an element. */
    static boolean hiddenByStyle(String style) {
        if (style == null || style.isEmpty()) return false;
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    /** Whole words of an image file name that mark a button or decoration (words only: "table_top" is not "top"-chrome). */
    private static final Set<String> CHROME_IMAGE_WORDS = Set.of("share", "print", "qr", "qrcode", "erweima", "ewm", "fenxiang",
            "dayin", "weixin", "wechat", "weibo", "qzone", "icon", "ico", "logo", "close", "spacer", "blank", "pixel", "arrow",
            "bullet", "dot", "btn", "button", "loading", "jiucuo");

    /**
     * Whether an image is page furniture: declared tiny, or named like a share/print/QR/logo button.
     * A large declared size overrules the name (a table scan named "print_1.png" is still a table).
     */
    static boolean chromeImage(String src, int width, int height) {
        if (width > 0 && height > 0 && (width <= 40 && height <= 40 || width <= 16 || height <= 16)) return true;
        if (width >= 200 && height >= 100) return false;
        if (src == null) return false;
        String name = MhtmlArchive.fileName(src).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot);
        for (String tok : name.split("[^a-z]+")) {
            if (CHROME_IMAGE_WORDS.contains(tok)) return true;
        }
        return false;
    }
}
