package org.nianbao.ingest.batch;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.output.AtomicFiles;

/**
 * A review page per document with standard tables: the page image beside the rebuilt table, cells in a
 * failed identity check outlined in red and corrected cells in amber (with what was read before), so a
 * person can check a flagged cell in seconds. Written to {@code OUT/review/NAME.html}.
 */
final class ReviewPage {
    private static final Pattern CELL_REF = Pattern.compile("r(\\d+)c(\\d+)");
    private static final int MAX_SOURCE_PIXELS = 60_000_000;

    private ReviewPage() { }

    /** Writes the page when the document has a standard table; returns its path relative to {@code outDir}, or null. */
    static String writeIfUseful(Document doc, Path source, Path outDir, String name) throws IOException {
        boolean any = doc.blocks().stream().anyMatch(b -> b instanceof TableBlock t && t.standard() != null);
        if (!any) return null;
        String rel = "review/" + name + ".html";
        Path page = outDir.resolve(rel);
        Path imagesDir = outDir.resolve("review/" + name + ".files");
        Map<Integer, String> images = new HashMap<>();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Review — ")
                .append(esc(name)).append("</title>\n<style>").append(RunReportHtml.CSS).append(CSS).append("</style></head><body>\n");
        String depth = "../".repeat((int) rel.chars().filter(c -> c == '/').count());
        h.append("<p><a href=\"").append(depth).append("report.html\">← run report</a></p>\n");
        h.append("<h1>").append(esc(name)).append("</h1>\n<p class=\"meta\">status <b>").append(esc(doc.status().state().name().toLowerCase()))
                .append("</b>").append(doc.status().reason() == null ? "" : " — " + esc(doc.status().reason())).append("</p>\n");
        int n = 0;
        for (Block b : doc.blocks()) {
            if (!(b instanceof TableBlock t) || t.standard() == null) continue;
            n++;
            StandardTable st = t.standard();
            int pageNo = t.provenance() == null ? 1 : t.provenance().page();
            String img = images.computeIfAbsent(pageNo, p -> renderPage(doc, source, p, imagesDir, name));
            h.append("<section><h2>Table ").append(n).append(": ").append(esc(st.template())).append(" <span class=\"meta\">page ")
                    .append(pageNo).append(", ").append(esc(t.origin())).append("</span></h2>\n<div class=\"pair\">");
            if (img != null) {
                h.append("<div class=\"page\"><img src=\"").append(esc(imagesDir.getFileName().toString() + "/" + img))
                        .append("\" alt=\"page ").append(pageNo).append("\"></div>");
            } else {
                h.append("<div class=\"page none\">No page image: the source is a ").append(esc(doc.kind().name().toLowerCase()))
                        .append(" capture.</div>");
            }
            h.append("<div class=\"grid\">").append(grid(t, st)).append("</div></div>\n");
            h.append(checks(st)).append("</section>\n");
        }
        h.append("</body></html>\n");
        AtomicFiles.writeString(page, h.toString());
        return rel;
    }

    private static String grid(TableBlock t, StandardTable st) {
        Set<String> failed = new HashSet<>();
        for (StandardTable.IdentityCheck c : st.checks()) {
            if (!"failed".equals(c.status())) continue;
            for (String ref : c.cells()) {
                Matcher m = CELL_REF.matcher(ref);
                if (m.find()) failed.add(m.group(1) + "," + m.group(2));
            }
        }
        Map<String, StandardTable.Correction> corrected = new HashMap<>();
        for (StandardTable.Correction c : st.corrections()) corrected.put(c.row() + "," + c.col(), c);
        StringBuilder h = new StringBuilder("<table>");
        for (var row : t.table().rowsOfCells()) {
            h.append("<tr>");
            for (Cell c : row) {
                String key = c.row() + "," + c.col();
                StringBuilder cls = new StringBuilder();
                String title = "r" + c.row() + "c" + c.col();
                if (failed.contains(key)) {
                    cls.append(" failed");
                    title += " — in a failed identity check";
                }
                StandardTable.Correction corr = corrected.get(key);
                if (corr != null) {
                    cls.append(" corrected");
                    title += " — read as " + corr.before() + ", corrected to " + corr.after() + ": " + corr.reason();
                }
                h.append("<td");
                if (c.rowSpan() > 1) h.append(" rowspan=\"").append(c.rowSpan()).append('"');
                if (c.colSpan() > 1) h.append(" colspan=\"").append(c.colSpan()).append('"');
                if (cls.length() > 0) h.append(" class=\"").append(cls.toString().strip()).append('"');
                h.append(" title=\"").append(esc(title)).append("\">").append(esc(c.text())).append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</table>").toString();
    }

    private static String checks(StandardTable st) {
        StringBuilder h = new StringBuilder("<ul class=\"checks\">");
        for (StandardTable.IdentityCheck c : st.checks()) {
            if ("passed".equals(c.status())) continue;
            h.append("<li class=\"").append(esc(c.status())).append("\"><b>").append(esc(c.id())).append("</b> ")
                    .append(esc(c.status())).append(": ").append(esc(c.description()))
                    .append(c.detail() == null ? "" : " — " + esc(c.detail())).append("</li>");
        }
        long passed = st.checks().stream().filter(c -> "passed".equals(c.status())).count();
        h.append("<li class=\"passed\">").append(passed).append(" checks passed</li>");
        for (String d : st.deviations()) h.append("<li class=\"deviation\">").append(esc(d)).append("</li>");
        return h.append("</ul>").toString();
    }

    /** Renders a page of a PDF or image source to a PNG beside the review page; null when there is no page image. */
    private static String renderPage(Document doc, Path source, int pageNo, Path dir, String name) {
        try {
            BufferedImage img = null;
            if (doc.kind() == SourceKind.PDF) {
                try (PDDocument pdf = Loader.loadPDF(source.toFile())) {
                    if (pageNo < 1 || pageNo > pdf.getNumberOfPages()) return null;
                    img = new PDFRenderer(pdf).renderImageWithDPI(pageNo - 1, 110);
                }
            } else if (doc.kind() == SourceKind.IMAGE) {
                img = readFrame(source, pageNo - 1);
            }
            if (img == null) return null;
            img = fitWidth(img, 1100);
            Files.createDirectories(dir);
            String file = "page-" + pageNo + ".png";
            ImageIO.write(img, "png", dir.resolve(file).toFile());
            return file;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static BufferedImage readFrame(Path source, int index) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                if ((long) r.getWidth(index) * r.getHeight(index) > MAX_SOURCE_PIXELS) return null;
                return r.read(index);
            } finally {
                r.dispose();
            }
        }
    }

    private static BufferedImage fitWidth(BufferedImage img, int width) {
        if (img.getWidth() <= width) return img;
        int h = (int) Math.round(img.getHeight() * (double) width / img.getWidth());
        BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, width, h, null);
        g.dispose();
        return out;
    }

    static String esc(String s) {
        return RunReportHtml.esc(s);
    }

    private static final String CSS = """
            .pair{display:flex;gap:16px;align-items:flex-start}
            .page{flex:1 1 45%;max-height:90vh;overflow:auto;border:1px solid #ccc}
            .page img{width:100%}
            .page.none{padding:1em;color:#666}
            .grid{flex:1 1 55%;overflow:auto}
            .grid table{border-collapse:collapse;font-size:12px}
            .grid td{border:1px solid #999;padding:2px 4px;text-align:center}
            td.failed{background:#fdd;outline:2px solid #c00}
            td.corrected{background:#ffe8b0;outline:2px solid #d80}
            ul.checks li.failed{color:#c00}
            ul.checks li.skipped{color:#777}
            ul.checks li.deviation{color:#555;font-style:italic}
            """;
}
