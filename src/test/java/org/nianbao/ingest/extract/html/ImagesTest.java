package org.nianbao.ingest.extract.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nianbao.ingest.extract.html.WebTestSupport.body;
import static org.nianbao.ingest.extract.html.WebTestSupport.images;
import static org.nianbao.ingest.extract.html.WebTestSupport.outline;
import static org.nianbao.ingest.extract.html.WebTestSupport.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Status;

class ImagesTest {
    static final Path PNG = Path.of("fixtures", "html", "report_files", "table1.png");
    static final String TITLE = "<h1>某某县2021年政府信息公开工作年度报告</h1>";

    @TempDir
    Path tmp;

    private void savedFile(String relative) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.copy(PNG, p);
    }

    @Test
    void imagesAreRecordedAtTheirPlaceWithResolvedPaths() throws Exception {
        savedFile("page_files/t1.png");
        savedFile("page_files/表二.png");
        savedFile("imgs/t3.png");
        Document d = page(tmp, "page.html", body(TITLE + "<p>一、总体情况</p>"
                + "<p><img src=\"page_files/t1.png\" width=600 height=300></p>"                        // relative, as saved
                + "<p>二、主动公开政府信息情况</p>"
                + "<p><img src=\"http://www.example.gov.cn/ndbg/W0201%E8%A1%A8.png\"></p>"              // site URL: not found
                + "<p><img src=\"http://www.example.gov.cn/upload/%E8%A1%A8%E4%BA%8C.png\"></p>"      // site URL, name in page_files/
                + "<p><img src=\"./imgs/t3.png?v=2\"></p>"
                + "<p><img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(PNG)) + "\"></p>"));
        List<String> o = outline(d);
        assertEquals("H2 一、总体情况", o.get(1));
        assertTrue(o.get(2).startsWith("I page_files/t1.png -> "), o.get(2));
        assertEquals("H2 二、主动公开政府信息情况", o.get(3));
        List<ImageBlock> imgs = images(d);
        assertEquals(5, imgs.size());
        assertEquals(tmp.resolve("page_files/t1.png").toString(), imgs.get(0).resolved());
        assertNull(imgs.get(1).resolved());
        assertTrue(imgs.get(1).warnings().stream().anyMatch(w -> w.code().equals("image-missing")));
        assertEquals(tmp.resolve("page_files/表二.png").toString(), imgs.get(2).resolved());
        assertEquals(tmp.resolve("imgs/t3.png").toString(), imgs.get(3).resolved());
        assertEquals("data-uri", imgs.get(4).resolved());
        assertTrue(imgs.get(4).source().length() < 300 && imgs.get(4).source().endsWith("…"), "a long data: URI is recorded by its prefix");
        for (int i = 0; i < imgs.size(); i++) {
            assertEquals(Method.HTML, imgs.get(i).provenance().method());
            assertEquals("img " + (i + 1), imgs.get(i).provenance().detail());
        }
        // a missing image makes the document partial, with the reason
        assertEquals(Status.State.PARTIAL, d.status().state());
        assertTrue(d.status().reason().contains("1 of 5"), d.status().reason());
        assertTrue(WebTestSupport.hasWarning(d, "image-missing"));

        byte[] png = Files.readAllBytes(PNG);
        Path source = Path.of(d.source());
        assertArrayEquals(png, ImageBytes.load(d, imgs.get(0), source));
        assertArrayEquals(png, ImageBytes.load(d, imgs.get(2), source));
        assertArrayEquals(png, ImageBytes.load(d, imgs.get(4), source), "a long data: URI is found again in the page");
        assertThrows(IOException.class, () -> ImageBytes.load(d, imgs.get(1), source));
        assertThrows(IOException.class, () -> ImageBytes.load(d, imgs.get(0), source, 100), "size limit");
    }

    @Test
    void chromeImagesAreSkippedButContentImagesKept() throws Exception {
        savedFile("p_files/logo.png");
        savedFile("p_files/print.gif");
        savedFile("p_files/scan.png");
        Document d = page(tmp, "p.html", body("<div class=head><img src=\"p_files/logo.png\"></div>"
                + "<div class=main>" + TITLE + "<p>一、总体情况</p>"
                + "<p><img src=\"p_files/scan.png\" alt=\"表一\"></p>"
                + "<p><a href=\"javascript:window.print()\"><img src=\"p_files/print.gif\"></a></p>"
                + "<p><img src=\"p_files/icon_dot.gif\" width=8 height=8>附件下载</p>"
                + "<p><img src=\"p_files/share_weixin.png\"></p>"
                + "<p><img src=\"p_files/qrcode.jpg\"></p></div>"));
        List<ImageBlock> imgs = images(d);
        assertEquals(1, imgs.size(), outline(d).toString());
        assertEquals("p_files/scan.png", imgs.get(0).source());
        assertEquals("表一", imgs.get(0).altText());
        assertEquals(Status.State.DONE, d.status().state(), "skipped chrome images are not missing images");
    }

    @Test
    void smallDataUriIsDecodedDirectly() throws Exception {
        byte[] bytes = {1, 2, 3, 4, 5};
        String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
        Document d = page(tmp, "d.html", body(TITLE + "<p><img src=\"" + uri + "\"></p>"));
        ImageBlock img = images(d).get(0);
        assertEquals(uri, img.source());
        assertArrayEquals(bytes, ImageBytes.load(d, img, Path.of(d.source())));
    }

    @Test
    void imagesInDataTableCellsFollowTheTable() throws Exception {
        savedFile("t_files/cell.png");
        Document d = page(tmp, "t.html", body(TITLE + "<table><tr><td>行政许可</td><td><img src=t_files/cell.png width=300 height=200></td></tr>"
                + "<tr><td>行政处罚</td><td>2</td></tr></table>"));
        assertEquals(List.of("H1 某某县2021年政府信息公开工作年度报告", "T 2x2", "I t_files/cell.png -> " + tmp.resolve("t_files/cell.png")), outline(d));
        assertTrue(images(d).get(0).provenance().detail().endsWith("in table 1"));
    }
}
