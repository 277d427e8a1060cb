package org.nianbao.ingest.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.ingest.extract.html.WebTestSupport.body;
import static org.nianbao.ingest.extract.html.WebTestSupport.hasWarning;
import static org.nianbao.ingest.extract.html.WebTestSupport.outline;
import static org.nianbao.ingest.extract.html.WebTestSupport.page;
import static org.nianbao.ingest.extract.html.WebTestSupport.tables;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.output.TextWriter;
import org.nianbao.ingest.pipeline.InputException;

class HtmlExtractorTest {
    static final Path FIXTURES = Path.of("fixtures", "html");

    @TempDir
    Path tmp;

    @Test
    void theFourCharsetVariantsGiveTheSameText() throws Exception {
        Document utf8 = WebTestSupport.extract(FIXTURES.resolve("report-utf8.html"));
        Document meta = WebTestSupport.extract(FIXTURES.resolve("report-gb18030-meta.html"));
        Document nometa = WebTestSupport.extract(FIXTURES.resolve("report-gb18030-nometa.html"));
        Document wrong = WebTestSupport.extract(FIXTURES.resolve("report-wrongmeta.html"));
        String expected = TextWriter.render(utf8);
        assertTrue(expected.contains("青石县堃城路18号"), "a GBK-only character survives");
        assertEquals(expected, TextWriter.render(meta));
        assertEquals(expected, TextWriter.render(nometa));
        assertEquals(expected, TextWriter.render(wrong));

        assertEquals("UTF-8", utf8.charset());
        assertEquals("GB18030", meta.charset());
        assertEquals("GB18030", nometa.charset());
        assertEquals("GB18030", wrong.charset());
        assertFalse(hasWarning(utf8, "charset-overruled") || hasWarning(utf8, "charset-detected"));
        assertFalse(hasWarning(meta, "charset-overruled") || hasWarning(meta, "charset-detected"), "gb2312 label means GB18030: not a wrong declaration");
        assertTrue(hasWarning(nometa, "charset-detected"));
        assertTrue(hasWarning(wrong, "charset-overruled"));
        for (Document d : List.of(utf8, meta, nometa, wrong)) {
            assertEquals(Status.State.DONE, d.status().state(), d.source() + " " + d.status());
            assertEquals(SourceKind.HTML, d.kind());
        }
    }

    @Test
    void fixtureHasTheReportStructure() throws Exception {
        Document d = WebTestSupport.extract(FIXTURES.resolve("report-utf8.html"));
        List<String> o = outline(d);
        assertEquals("H1 青石县自然资源局2021年政府信息公开工作年度报告", o.get(0));
        assertTrue(o.contains("H2 一、总体情况"));
        assertTrue(o.contains("H2 六、其他需要报告的事项"));
        List<TableBlock> ts = tables(d);
        assertEquals(3, ts.size());
        assertEquals("T 14x4", WebTestSupport.describe(ts.get(0)));
        assertEquals("T 28x10", WebTestSupport.describe(ts.get(1)));
        assertEquals("T 4x15", WebTestSupport.describe(ts.get(2)));
        for (TableBlock t : ts) {
            assertEquals("html-spans", t.origin());
            assertEquals(1.0, t.confidence());
            assertEquals(Method.HTML, t.provenance().method());
            assertEquals(1, t.provenance().page());
            assertTrue(t.provenance().detail().startsWith("table "), t.provenance().detail());
        }
        // the br-separated lines of 一、总体情况 are separate paragraphs
        assertTrue(o.stream().anyMatch(s -> s.startsWith("P （一）主动公开情况。")));
        assertTrue(o.stream().anyMatch(s -> s.startsWith("P （二）依申请公开情况。")));
        assertEquals("P 2022年1月20日", o.get(o.size() - 1));
        assertNotNull(d.metadata().get("title"));
        var img = WebTestSupport.images(d).get(0);
        assertEquals("report_files/table1.png", img.source());
        assertEquals(FIXTURES.resolve("report_files/table1.png").toAbsolutePath().normalize().toString(), img.resolved());
        assertEquals("第二十条第（一）项统计表", img.altText());
    }

    @Test
    void registeredInTheLibraryEntryPoint() {
        // OCR off (unit tests run no native code): the capture's table image is then left unread,
        // which makes the document partial, never failed
        var ingest = new NianbaoIngest(new org.nianbao.ingest.pipeline.Context(
                new org.nianbao.ingest.pipeline.Settings(java.nio.file.Path.of("models"), false, 1),
                org.nianbao.ingest.pipeline.Limits.defaults()));
        Document d = ingest.process(FIXTURES.resolve("report-gb18030-nometa.html"));
        assertEquals(SourceKind.HTML, d.kind());
        org.junit.jupiter.api.Assertions.assertNotEquals(Status.State.FAILED, d.status().state());
        Document m = ingest.process(FIXTURES.resolve("report.mht"));
        assertEquals(SourceKind.MHTML, m.kind());
        org.junit.jupiter.api.Assertions.assertNotEquals(Status.State.FAILED, m.status().state());
    }

    @Test
    void layoutTablesAreWalkedAndDataTablesInsideThemFound() throws Exception {
        String longText = "本机关认真贯彻落实政府信息公开条例，持续推进决策、执行、管理、服务、结果公开。".repeat(12);
        String html = body("<table width=100%><tr><td>"
                + "<table><tr><td><p>" + longText + "</p><p>第二段。</p></td></tr></table>" // one column of paragraphs
                + "<h2>二、主动公开政府信息情况</h2>"
                + "<table border=1><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>"
                + "</td><td>右栏</td></tr></table>");
        Document d = page(tmp, "layout.html", html);
        List<String> o = outline(d);
        assertEquals(List.of("P " + longText, "P 第二段。", "H2 二、主动公开政府信息情况", "T 2x2", "P 右栏"), o);
    }

    @Test
    void aTwoColumnTableOfRunningTextIsLayout() throws Exception {
        String para = "我局高度重视政府信息公开工作，成立了政务公开工作领导小组，统一负责局政务公开工作的组织实施。".repeat(6);
        Document d = page(tmp, "two.html", body("<table><tr><td>栏目</td><td>" + para + "</td></tr></table>"));
        assertEquals(List.of("P 栏目", "P " + para), outline(d));
    }

    @Test
    void headingsFromTagsFromWordingAndFromBoldCentredTitles() throws Exception {
        Document d = page(tmp, "h.html", body("<p align=center><b>某某区2020年政务公开工作年度报告</b></p>"
                + "<p>一、总体情况</p><p><strong>（一）加强组织领导。</strong>为确保工作开展，成立领导小组。</p>"
                + "<h3>相关说明</h3><p><b>特别提示</b></p>"));
        assertEquals(List.of("H1 某某区2020年政务公开工作年度报告", "H2 一、总体情况",
                "P （一）加强组织领导。为确保工作开展，成立领导小组。", "H3 相关说明", "P 特别提示"), outline(d));
        assertTrue(d.blocks().get(0) instanceof HeadingBlock);
    }

    /** Shapes seen in a real 2019 report page: a 5-column section-二 grid, a styled title, a date line, a leading br. */
    @Test
    void realWorldShapes() throws Exception {
        String td = "<td nowrap=\"nowrap\" style=\"width:149px;\"><p align=\"center\">%s</p></td>";
        String td2 = "<td colspan=\"2\" nowrap=\"nowrap\"><p align=\"center\">%s</p></td>";
        String html = body("<p style='text-align: center;font-weight: bold;'>2019年上海市人民政府办公厅政府信息公开工作年度报告</p>"
                + "<p style='text-align: center'>发布日期：2020-01-31</p><p>二、主动公开政府信息情况</p>"
                + "<table align=center border=1><tbody><tr><td colspan=5><p align=center>第二十条第（一）项</p></td></tr>"
                + "<tr>" + String.format(td, "信息内容") + String.format(td, "本年新<br />制作数量") + String.format(td2, "本年新<br />公开数量")
                + String.format(td, "对外公开总数量") + "</tr>"
                + "<tr>" + String.format(td, "规章") + String.format(td, "13") + String.format(td2, "13") + String.format(td, "524") + "</tr>"
                + "<tr>" + String.format(td, "行政许可") + String.format(td2, "0") + String.format(td, "0") + String.format(td, "&nbsp;") + "</tr>"
                + "</tbody></table><p><br />四、政府信息公开行政复议、行政诉讼情况</p>");
        Document d = page(tmp, "sh.html", html);
        assertEquals(List.of("H1 2019年上海市人民政府办公厅政府信息公开工作年度报告", "H2 二、主动公开政府信息情况", "T 4x5",
                "H2 四、政府信息公开行政复议、行政诉讼情况"), outline(d));
        assertEquals("第二十条第（一）项 | 第二十条第（一）项 | 第二十条第（一）项 | 第二十条第（一）项 | 第二十条第（一）项\n"
                + "信息内容 | 本年新制作数量 | 本年新公开数量 | 本年新公开数量 | 对外公开总数量\n"
                + "规章 | 13 | 13 | 13 | 524\n"
                + "行政许可 | 0 | 0 | 0 | ", tables(d).get(0).text());
    }

    @Test
    void preformattedTextKeepsItsLines() throws Exception {
        Document d = page(tmp, "pre.html", body("<pre>第一行\n第二行\n\n第三行</pre>"));
        assertEquals(List.of("P 第一行", "P 第二行", "P 第三行"), outline(d));
    }

    @Test
    void wrongCharsetInAPageWithLittleChineseIsStillOverruled() throws Exception {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                + "<script>var a=1;function f(){return a+1;}</script><style>.a{color:red}.b{margin:0 auto}</style></head>"
                + "<body><table border=1><tr><td>行政许可</td><td>0</td></tr><tr><td>行政处罚</td><td>2</td></tr></table></body></html>";
        Path f = tmp.resolve("latin.html");
        Files.write(f, html.getBytes(org.nianbao.ingest.util.TextDecoder.GB18030));
        Document d = WebTestSupport.extract(f);
        assertEquals("GB18030", d.charset());
        assertEquals("行政许可 | 0\n行政处罚 | 2", tables(d).get(0).text());
        assertTrue(hasWarning(d, "charset-overruled"));
    }

    @Test
    void xhtmlWithAnXmlDeclaration() throws Exception {
        String x = "<?xml version=\"1.0\" encoding=\"gb2312\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x.dtd\">\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>年报</title><script type=\"text/javascript\" src=\"a.js\"/></head>"
                + "<body><h1>某某县2021年政府信息公开工作年度报告</h1><p>一、总体情况<br/>王堃同志负责。</p>"
                + "<table><tr><td>规章</td><td/><td>0</td></tr></table></body></html>";
        Path f = tmp.resolve("page.xhtml");
        Files.write(f, x.getBytes(org.nianbao.ingest.util.TextDecoder.GB18030));
        Document d = WebTestSupport.extract(f);
        assertEquals("GB18030", d.charset());
        assertEquals(List.of("H1 某某县2021年政府信息公开工作年度报告", "H2 一、总体情况", "P 王堃同志负责。", "T 1x3"), outline(d));
        assertEquals("某某县2021年政府信息公开工作年度报告", d.metadata().get("title"));
    }

    @Test
    void utf16WithBomIsRead() throws Exception {
        byte[] text = body("<p>一、总体情况</p>").getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Path f = tmp.resolve("u16.html");
        Files.write(f, withBom);
        Document d = WebTestSupport.extract(f);
        assertEquals(List.of("H2 一、总体情况"), outline(d));
    }

    @Test
    void aPageWithoutContentFailsWithAReason() throws Exception {
        InputException e = assertThrows(InputException.class, () -> page(tmp, "frames.html",
                "<html><head><title>x</title><script>location.href='/a'</script></head><frameset><frame src=a.html></frameset></html>"));
        assertTrue(e.getMessage().contains("no text"), e.getMessage());
    }

    @Test
    void emptyAndBinaryFilesAreReportedByThePipeline() throws Exception {
        Path empty = tmp.resolve("empty.html");
        Files.write(empty, new byte[0]);
        Document d = new NianbaoIngest().process(empty);
        assertEquals(Status.State.FAILED, d.status().state());
        Path bin = tmp.resolve("bin.html");
        byte[] b = new byte[2048];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 7);
        Files.write(bin, b);
        Document db = new NianbaoIngest().process(bin);
        assertEquals(Status.State.FAILED, db.status().state());
        assertNull(db.charset());
    }
}
