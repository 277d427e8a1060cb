package org.nianbao.ingest.extract.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.ingest.extract.html.WebTestSupport.body;
import static org.nianbao.ingest.extract.html.WebTestSupport.outline;
import static org.nianbao.ingest.extract.html.WebTestSupport.page;
import static org.nianbao.ingest.extract.html.WebTestSupport.tables;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Table;

class HostileInputTest {
    @TempDir
    Path tmp;

    @Test
    void absurdSpansInAPage() throws Exception {
        Document d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> page(tmp, "span.html", body(
                "<table><tr><td colspan=\"2147483647\">标题</td><td rowspan=\"-5\">x</td></tr>"
                + "<tr><td colspan=\"1e9\">甲</td><td rowspan=\"999999999\">乙</td></tr><tr><td>1</td><td>2</td></tr></table>")));
        Table t = tables(d).get(0).table();
        assertTrue(t.cols() <= 3 && t.rows() == 3, t.rows() + "x" + t.cols());
        assertEquals(t.rows() * t.cols(), t.cells().stream().mapToInt(c -> c.rowSpan() * c.colSpan()).sum(), "tiled");
    }

    @Test
    void tenThousandNestedDivs() throws Exception {
        String open = "<div>".repeat(10_000);
        String close = "</div>".repeat(10_000);
        Document d = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> page(tmp, "deep.html",
                body(open + "<p>一、总体情况</p><p>深处的正文。</p>" + close)));
        assertEquals(List.of("H2 一、总体情况", "P 深处的正文。"), outline(d));
    }

    @Test
    void fiveThousandNestedTablesAndInlineElements() throws Exception {
        String spans = "<span><b><i>".repeat(5_000) + "正文" + "</i></b></span>".repeat(5_000);
        String tables = "<table><tr><td>".repeat(5_000) + "<p>一、总体情况</p>" + spans + "</td></tr></table>".repeat(5_000);
        Document d = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> page(tmp, "deep2.html", body(tables)));
        assertEquals(List.of("H2 一、总体情况", "P 正文"), outline(d));
    }

    @Test
    void unclosedTagsAndGarbage() throws Exception {
        Document d = page(tmp, "bad.html", "<html><body><p>一、总体情况<table><tr><td>甲<td>乙<tr><td>1<td>2</table><p>正文<<<>>>&#xFFFFFF;&bogus;");
        assertEquals("T 2x2", outline(d).get(1));
        assertEquals(Status.State.DONE, d.status().state());
    }

    @Test
    void plainTextFallbackReadsThePage() {
        var blocks = WebCapture.plainTextFallback("<html><script>var x='<p>no</p>';</script><body><p>一、总体情况</p><p>正文&amp;内容</p></body></html>", SourceKind.HTML);
        List<String> texts = blocks.stream().map(b -> b.text()).toList();
        assertEquals(List.of("一、总体情况", "正文&内容"), texts);
    }

    /** A 5 MB page (a long report repeated) is read in bounded time (100 MB: about 17 s, 850 MB RSS on the dev machine). */
    @Test
    void aLargePageIsReadInLinearTime() throws Exception {
        Path f = tmp.resolve("big.html");
        String section = "<p>一、总体情况</p><p>" + "本机关认真贯彻落实政府信息公开条例，持续推进决策、执行、管理、服务、结果公开。".repeat(20) + "</p>"
                + "<table border=1><tr><td rowspan=2>行政许可</td><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>\n";
        int sections = 0;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("<html><head><meta charset=utf-8></head><body><h1>某某县2021年政府信息公开工作年度报告</h1>");
            long written = 0;
            while (written < 5L * 1024 * 1024) {
                w.write(section);
                written += section.getBytes(StandardCharsets.UTF_8).length;
                sections++;
            }
            w.write("</body></html>");
        }
        int n = sections;
        Document d = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new NianbaoIngest().process(f));
        assertEquals(Status.State.DONE, d.status().state(), String.valueOf(d.status()));
        assertEquals(n, tables(d).size());
    }
}
