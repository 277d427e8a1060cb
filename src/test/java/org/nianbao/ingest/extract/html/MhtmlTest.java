package org.nianbao.ingest.extract.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.ingest.extract.html.WebTestSupport.images;
import static org.nianbao.ingest.extract.html.WebTestSupport.outline;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.output.TextWriter;
import org.nianbao.ingest.pipeline.InputException;

class MhtmlTest {
    static final Path FIXTURES = Path.of("fixtures", "html");

    @TempDir
    Path tmp;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private Document mht(String content) throws Exception {
        return mht(ascii(content));
    }

    private Document mht(byte[] content) throws Exception {
        Path f = tmp.resolve("page.mht");
        Files.write(f, content);
        return WebTestSupport.extract(f);
    }

    @Test
    void quotedPrintableSoftBreaksAndEscapes() {
        byte[] qp = ascii("<p>=E4=B8=AD=E6=96=87=\r\n=E6=8A=A5=E5=91=8A</p>=\n<b>x=3Dy</b> =  \r\nend = stray =ZZ");
        String s = new String(TransferEncodings.quotedPrintable(qp, 0, qp.length, Long.MAX_VALUE), StandardCharsets.UTF_8);
        assertEquals("<p>中文报告</p><b>x=y</b> end = stray =ZZ", s);
    }

    @Test
    void lenientBase64() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        String b64 = Base64.getEncoder().encodeToString(png);
        String wrapped = b64.substring(0, 5) + "\r\n" + b64.substring(5);
        assertArrayEquals(png, TransferEncodings.base64(ascii(wrapped), 0, wrapped.length(), Long.MAX_VALUE));
        // truncated: the complete bytes that are there still come out
        byte[] cut = TransferEncodings.base64(ascii(b64.substring(0, 8)), 0, 8, Long.MAX_VALUE);
        assertArrayEquals(Arrays.copyOf(png, 6), cut);
    }

    static String ieStyle(String boundary, String htmlCharset, String htmlQp, String imageB64) {
        return "From: <Saved by Windows Internet Explorer 8>\r\n"
                + "Subject: =?utf-8?B?" + Base64.getEncoder().encodeToString("测试页面".getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n"
                + "This is a multi-part message in MIME format.\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/html;\r\n\tcharset=\"" + htmlCharset + "\"\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "Content-Location: http://www.example.gov.cn/a/b/page.html\r\n\r\n"
                + htmlQp + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: image/png\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "Content-Location: http://www.example.gov.cn/a/img/t.png\r\n\r\n"
                + imageB64 + "\r\n"
                + "--" + boundary + "--\r\n";
    }

    static String qp(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (byte b : bytes) {
            int v = b & 0xFF;
            String enc = v >= 33 && v <= 126 && v != '=' ? String.valueOf((char) v) : v == ' ' ? " " : String.format("=%02X", v);
            if (col + enc.length() > 75) {
                sb.append("=\r\n");
                col = 0;
            }
            sb.append(enc);
            col += enc.length();
        }
        return sb.toString();
    }

    @Test
    void partCharsetDecidesAndImagesResolveToParts() throws Exception {
        String html = "<html><head><meta charset=utf-8><title>年报</title></head><body><h1>某某县2021年政府信息公开工作年度报告</h1>"
                + "<p>一、总体情况</p><p>本机关全年主动公开政府信息120条，镕堃。</p><p><img src=\"../img/t.png\" width=500 height=200></p></body></html>";
        byte[] pngBytes = Files.readAllBytes(FIXTURES.resolve("report_files/table1.png"));
        String b64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(pngBytes);
        // the part says gbk (the page's own meta says utf-8, as after a browser re-encoded it): the part wins
        Charset gbk = Charset.forName("GB18030");
        Document d = mht(ieStyle("----=_NextPart_000_0000", "gbk", qp(html.getBytes(gbk)), b64));
        assertEquals(SourceKind.MHTML, d.kind());
        assertEquals("GB18030", d.charset());
        assertEquals(List.of("H1 某某县2021年政府信息公开工作年度报告", "H2 一、总体情况", "P 本机关全年主动公开政府信息120条，镕堃。",
                "I ../img/t.png -> mhtml-part:http://www.example.gov.cn/a/img/t.png"), outline(d));
        assertEquals(Status.State.DONE, d.status().state());
        ImageBlock img = images(d).get(0);
        assertArrayEquals(pngBytes, ImageBytes.load(d, img, Path.of(d.source())));

        // the same page as a UTF-8 part
        Document u = mht(ieStyle("b1", "utf-8", qp(html.getBytes(StandardCharsets.UTF_8)), b64));
        assertEquals("UTF-8", u.charset());
        assertEquals(TextWriter.render(d), TextWriter.render(u));
    }

    @Test
    void startParameterAndContentIdReferences() throws Exception {
        String m = "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/related; boundary=XYZ; start=\"<main@x>\"; type=\"text/html\"\r\n\r\n"
                + "--XYZ\r\nContent-Type: text/html; charset=utf-8\r\nContent-ID: <other@x>\r\n\r\n<p>not this one</p>\r\n"
                + "--XYZ\r\nContent-Type: text/html; charset=utf-8\r\nContent-ID: <main@x>\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "<h1>X</h1><p>一、总体情况</p><img src=\"cid:pic@x\" width=300 height=200>\r\n"
                + "--XYZ\r\nContent-Type: image/gif\r\nContent-ID: <pic@x>\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlhAQABAAAAACw=\r\n"
                + "--XYZ--\r\n";
        Document d = mht(m.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("H1 X", "H2 一、总体情况", "I cid:pic@x -> mhtml-part:cid:pic@x"), outline(d));
        assertEquals("GIF89a", new String(ImageBytes.load(d, images(d).get(0), Path.of(d.source())), 0, 6, StandardCharsets.ISO_8859_1));
    }

    @Test
    void theFixtureArchive() throws Exception {
        Document d = WebTestSupport.extract(FIXTURES.resolve("report.mht"));
        Document html = WebTestSupport.extract(FIXTURES.resolve("report-utf8.html"));
        List<String> a = outline(d);
        List<String> b = outline(html);
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            if (b.get(i).startsWith("I ")) {
                assertTrue(a.get(i).endsWith("mhtml-part:http://www.qingshi.gov.cn/zwgk/ndbg/202201/W020220120370415.png"), a.get(i));
            } else {
                assertEquals(b.get(i), a.get(i));
            }
        }
        ImageBlock img = images(d).get(0);
        assertArrayEquals(Files.readAllBytes(FIXTURES.resolve("report_files/table1.png")), ImageBytes.load(d, img, FIXTURES.resolve("report.mht")));
    }

    @Test
    void truncatedArchiveKeepsWhatItHas() throws Exception {
        byte[] full = Files.readAllBytes(FIXTURES.resolve("report.mht"));
        String s = new String(full, StandardCharsets.ISO_8859_1);
        // cut in the middle of the image part's base64
        int cut = s.indexOf("Content-Type: image/png") + 400;
        Document d = mht(Arrays.copyOf(full, cut));
        assertTrue(WebTestSupport.hasWarning(d, "mhtml-truncated"));
        assertTrue(TextWriter.render(d).contains("四、结转下年度继续办理 | 四、结转下年度继续办理 | 四、结转下年度继续办理 | 4 | 1 | 0 | 0 | 0 | 0 | 5"));
        byte[] partial = ImageBytes.load(d, images(d).get(0), Path.of(d.source()));
        assertTrue(partial.length > 0 && partial.length < 400, "a truncated image part decodes to what is there: " + partial.length);

        // cut inside the page part: the text that is there is read
        int cut2 = s.indexOf("=E4=B8=80=E3=80=81") > 0 ? s.indexOf("=E4=B8=80=E3=80=81") : s.indexOf("<p><strong>") + 200;
        Document d2 = mht(Arrays.copyOf(full, cut2));
        assertNotNull(d2);
        assertTrue(TextWriter.render(d2).startsWith("青石县自然资源局2021年政府信息公开工作年度报告"), TextWriter.render(d2));
    }

    @Test
    void archivesWithoutAPageFail() {
        assertThrows(InputException.class, () -> mht("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=Q\r\n\r\n"
                + "--Q\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--Q--\r\n"));
        InputException e = assertThrows(InputException.class, () -> mht("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=Q"));
        assertFalse(e.getMessage().isBlank());
        assertThrows(InputException.class, () -> mht("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=Q\r\n\r\nno parts here\r\n"));
    }

    @Test
    void nestedMultipartAndBareLfLineEnds() throws Exception {
        String m = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"outer\"\n\n"
                + "--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
                + "--inner\nContent-Type: text/plain\n\nplain\n"
                + "--inner\nContent-Type: text/html; charset=\"gb2312\"\nContent-Transfer-Encoding: quoted-printable\n\n"
                + qp("<h1>标题</h1><p>一、总体情况</p>".getBytes(Charset.forName("GB18030"))).replace("\r\n", "\n") + "\n"
                + "--inner--\n"
                + "--outer--\n";
        Document d = mht(m);
        assertEquals(List.of("H1 标题", "H2 一、总体情况"), outline(d));
        assertEquals("GB18030", d.charset());
    }

    @Test
    void headerParameters() {
        assertEquals("a b", MhtmlArchive.param("multipart/related; type=\"text/html\"; boundary=\"a b\"", "boundary"));
        assertEquals("x", MhtmlArchive.param("multipart/related;boundary=x;type=text/html", "boundary"));
        assertEquals("测试页面", MhtmlArchive.decodeEncodedWords("=?utf-8?B?" + Base64.getEncoder().encodeToString("测试页面".getBytes(StandardCharsets.UTF_8)) + "?="));
        assertEquals("中文", MhtmlArchive.decodeEncodedWords("=?gb2312?Q?=D6=D0=CE=C4?="));
    }
}
