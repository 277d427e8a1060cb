package org.nianbao.ingest.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.ingest.extract.html.WebTestSupport.body;
import static org.nianbao.ingest.extract.html.WebTestSupport.outline;
import static org.nianbao.ingest.extract.html.WebTestSupport.page;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Warning;

class ChromeRemovalTest {
    @TempDir
    Path tmp;

    static final String TITLE = "<h1>某某县2021年政府信息公开工作年度报告</h1>";
    static final String CONTENT = "<p>一、总体情况</p><p>2021年，本机关认真贯彻落实《条例》，全年主动公开政府信息120条。</p>";

    /** The page with one piece of chrome inserted before the content; the result must be the content alone. */
    private Document withChrome(String chrome) throws Exception {
        return page(tmp, "c.html", body("<div class=\"article\">" + TITLE + chrome + CONTENT + "</div>"));
    }

    private static final List<String> CLEAN = List.of("H1 某某县2021年政府信息公开工作年度报告", "H2 一、总体情况",
            "P 2021年，本机关认真贯彻落实《条例》，全年主动公开政府信息120条。");

    @ParameterizedTest
    @ValueSource(strings = {
        "<div>首页 | 信息公开</div>",
        "<div>首页 &gt; 信息公开 &gt; 政府信息公开年报</div>",
        "<p>当前位置：<a href=/>首页</a> » <a>政务公开</a></p>",
        "<span>您现在的位置：首页&gt;&gt;年度报告</span>",
        "<div>更新日期：2021-01-20 信息来源：双塔区政务公开办 浏览：</div>",
        "<div>发布时间：2022-01-18 10:20 来源：县自然资源局 浏览次数：<span>356</span></div>",
        "<div><a href=\"javascript:window.print()\">打印本页</a> <a href=\"javascript:window.close()\">关闭窗口</a></div>",
        "<div>【打印】【关闭】</div>",
        "<div>分享到：<a class=bds_qzone></a><a class=bds_tsina></a></div>",
        "<div>【字体：<a>大</a> <a>中</a> <a>小</a>】</div>",
        "<div>字体：[ 大 中 小 ]　　【打印本页】</div>",
        "<script>document.write('脚本文字');</script>",
        "<style>p { color: red; }</style>",
        "<noscript>请启用脚本</noscript>",
        "<nav><a>机构概况</a> <a>政务公开</a></nav>",
        "<div style=\"display: none\">隐藏的统计代码</div>",
        "<div hidden>隐藏</div>",
        "<form action=/s><input name=q> <button>搜索</button></form>",
        "<div class=\"bdsharebuttonbox\"><a>微信</a><a>微博</a></div>",
        "<div id=\"footer\">版权所有：某某县人民政府 技术支持：某公司</div>",
        "<p>上一篇：某某县2020年政府信息公开工作年度报告</p>",
        "<p>网站标识码：3400000001 皖ICP备05012345号</p>",
        "<table><tr><td>【<a href=\"javascript:window.print()\">打印本页</a>】</td><td>【<a>关闭窗口</a>】</td></tr></table>",
        "<table><tr><td>发布时间：2022-01-18</td><td>来源：本局</td><td>浏览次数：35</td></tr></table>",
    })
    void eachKindOfChromeIsRemoved(String chrome) throws Exception {
        Document d = withChrome(chrome);
        assertEquals(CLEAN, outline(d), chrome);
        Warning w = d.warnings().stream().filter(x -> x.code().equals("chrome-removed")).findFirst().orElse(null);
        assertTrue(w != null && w.message().matches("removed [1-9]\\d* .*"), "counted: " + d.warnings());
        assertFalse(w.message().contains("信息公开") && chrome.contains("首页 |"), "the warning has counts, not the removed text");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>我局在门户网站首页设置政府信息公开专栏，方便群众查阅、打印和下载。</p>",
        "<p>（一）打印本页所列事项的办理结果，应当按照规定执行。</p>",
        "<p>首页改版后，浏览量明显提升。</p>",
        "<p>来源：本机关统计。时间：2021年全年。</p>",
        "<p>打印、复制等费用按照规定收取。</p>",
        "<p>分享到各乡镇的经验做法得到推广。</p>",
    })
    void reportSentencesThatMentionChromeWordsAreKept(String html) throws Exception {
        Document d = withChrome(html);
        String text = WebTestSupport.texts(d);
        String expected = org.jsoup.Jsoup.parse(html).text();
        assertTrue(text.contains(expected), "kept: " + expected + " in\n" + text);
    }

    @Test
    void navigationAndFooterOutsideTheMainContentAreDropped() throws Exception {
        Document d = page(tmp, "p.html", body(
                "<div class=top><a href=/>首页</a> <a>政务公开</a> <a>政务服务</a></div>"
                + "<div class=wrap><div class=left><a>信息公开指南</a><a>信息公开年报</a></div>"
                + "<div class=main>" + TITLE + "<div class=info>发布时间：2022-01-18 来源：本局</div>" + CONTENT + "</div></div>"
                + "<div class=bottom><p>主办：某某县人民政府办公室 地址：某某县人民路1号 电话：0551-1234567</p></div>"));
        assertEquals(CLEAN, outline(d));
    }

    @Test
    void aFormWrappingTheWholePageIsKept() throws Exception {
        // ASP.NET sites wrap every page in one <form>: it must not take the report with it
        Document d = page(tmp, "aspx.html", body("<form id=form1 method=post action=./x.aspx><input type=hidden name=__VIEWSTATE value=abc>"
                + "<div>" + TITLE + CONTENT + "</div></form>"));
        assertEquals(CLEAN, outline(d));
    }

    @Test
    void hiddenOrFooterLikeElementsHoldingReportTextAreKept() throws Exception {
        Document d = page(tmp, "k.html", body("<div>" + TITLE + CONTENT
                + "<div class=footer><p>二、主动公开政府信息情况</p></div>"
                + "<div style=\"display:none\"><p>三、收到和处理政府信息公开申请情况</p></div></div>"));
        List<String> o = outline(d);
        assertTrue(o.contains("H2 二、主动公开政府信息情况"), o.toString());
        assertTrue(o.contains("H2 三、收到和处理政府信息公开申请情况"), o.toString());
    }

    @Test
    void lineRules() {
        assertEquals(ChromeRules.Kind.BREADCRUMB, ChromeRules.lineKind("首页 | 信息公开"));
        assertEquals(ChromeRules.Kind.BREADCRUMB, ChromeRules.lineKind("首页 > 信息公开 > 年度报告"));
        assertEquals(ChromeRules.Kind.BREADCRUMB, ChromeRules.lineKind("当前位置：首页 > 政务公开"));
        assertEquals(ChromeRules.Kind.PAGE_INFO, ChromeRules.lineKind("更新日期：2021-01-20 信息来源：双塔区政务公开办 浏览："));
        assertEquals(ChromeRules.Kind.PAGE_INFO, ChromeRules.lineKind("发布时间：2021-01-20 来源：本站 浏览次数：12"));
        assertEquals(ChromeRules.Kind.PAGE_INFO, ChromeRules.lineKind("发布日期：2020-01-31"));
        assertEquals(ChromeRules.Kind.PAGE_INFO, ChromeRules.lineKind("【发布时间：2020年01月31日 09:30】"));
        assertNull(ChromeRules.lineKind("发布日期：2020-01-31，本机关召开专题会议"));
        assertEquals(ChromeRules.Kind.WIDGET, ChromeRules.lineKind("【打印】 【关闭】"));
        assertEquals(ChromeRules.Kind.WIDGET, ChromeRules.lineKind("分享到："));
        assertEquals(ChromeRules.Kind.WIDGET, ChromeRules.lineKind("【字体：大 中 小】"));
        assertEquals(ChromeRules.Kind.WIDGET, ChromeRules.lineKind("扫一扫在手机打开当前页"));
        assertNull(ChromeRules.lineKind("一、总体情况"));
        assertNull(ChromeRules.lineKind("行政许可"));
        assertNull(ChromeRules.lineKind("发布时间：2021年1月20日。"));
        assertNull(ChromeRules.lineKind("中"));
        assertNull(ChromeRules.lineKind("——"));
    }
}
