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
import java.util.List;
import java.util.Locale;
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
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.output.AtomicFiles;

/**
 * A review page per document with standard tables, for checking a flagged cell in seconds: the table
 * as it is on the page (cropped from the page image, flagged cells marked on it) beside the rebuilt
 * grid, cells in a failed identity check outlined in red, corrected cells in amber showing what was
 * read before, low-confidence OCR cells dotted; under each table the failed checks and corrections in
 * words. Static HTML, written to {@code OUT/review/NAME.html} with images in {@code NAME.files/}.
 */
final class ReviewPage {
    private static final Pattern CELL_REF = Pattern.compile("r(\\d+)c(\\d+)");
    private static final int MAX_SOURCE_PIXELS = 60_000_000;
    /** Below this OCR confidence (0..100) a cell is marked for a look even when every check passed. */
    static final double LOW_CONFIDENCE = 60;
    /**
     * A page shows at most this many tables: a 50 MB capture can hold 24,000 standard tables, whose page
     * would be hundreds of MB of HTML built in memory (it ran the batch out of memory) and useless to a
     * person. Tables with a failed check or a correction come first in a person's interest, so they are
     * shown up to this cap; tables that passed, only while fewer than {@link #MAX_PLAIN_TABLES} are shown.
     */
    static final int MAX_TABLES = 200;
    static final int MAX_PLAIN_TABLES = 20;

    private ReviewPage() { }

    static String writeIfUseful(Document doc, Path source, Path outDir, String name) throws IOException {
        return writeIfUseful(doc, source, outDir, name, List.of());
    }

    /**
     * Writes the page when the document has a standard table; returns its path relative to
     * {@code outDir}, or null. {@code outputs} are the document's output files (relative to {@code outDir}).
     */
    static String writeIfUseful(Document doc, Path source, Path outDir, String name, List<String> outputs) throws IOException {
        boolean any = doc.blocks().stream().anyMatch(b -> b instanceof TableBlock t && t.standard() != null);
        if (!any) return null;
        String rel = "review/" + name + ".html";
        Path page = outDir.resolve(rel);
        String filesName = Path.of(name).getFileName() + ".files";
        Path imagesDir = page.resolveSibling(filesName);
        String up = "../".repeat((int) rel.chars().filter(c -> c == '/').count());
        Map<Integer, BufferedImage> rendered = new HashMap<>();
        Set<Integer> pagesWritten = new HashSet<>();

        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Review — ")
                .append(esc(name)).append("</title>\n<style>").append(RunReportHtml.CSS).append(CSS).append("</style></head><body>\n");
        h.append("<p><a href=\"").append(up).append("report.html\">← run report</a></p>\n");
        h.append("<h1>").append(esc(name)).append("</h1>\n<p>status <span class=\"state state-")
                .append(doc.status().state().name().toLowerCase(Locale.ROOT)).append("\">")
                .append(doc.status().state().name().toLowerCase(Locale.ROOT)).append("</span>")
                .append(doc.status().reason() == null ? "" : " — " + esc(doc.status().reason())).append("</p>\n");
        h.append("<p class=\"meta\">input <a href=\"").append(esc(source.toAbsolutePath().normalize().toUri().toString())).append("\">")
                .append(esc(source.toAbsolutePath().normalize().toString())).append("</a>");
        for (String o : outputs) {
            h.append(" · <a href=\"").append(esc(up + RunReportHtml.href(o))).append("\">").append(esc(o.substring(o.lastIndexOf('.') + 1))).append("</a>");
        }
        h.append("</p>\n<p class=\"legend\"><span class=\"sw failed\"></span>in a failed identity check <span class=\"sw corrected\"></span>")
                .append("corrected (what was read is struck through) <span class=\"sw low\"></span>low OCR confidence</p>\n");
        int n = 0;
        int shown = 0;
        int notShown = 0;
        int flaggedNotShown = 0;
        for (Block b : doc.blocks()) {
            if (!(b instanceof TableBlock t) || t.standard() == null) continue;
            n++;
            StandardTable st = t.standard();
            int pageNo = t.provenance() == null ? 1 : t.provenance().page();
            Marks marks = Marks.of(t, st);
            boolean flagged = !marks.failed().isEmpty() || !marks.corrected().isEmpty();
            if (shown >= MAX_TABLES || !flagged && shown >= MAX_PLAIN_TABLES) {
                notShown++;
                if (flagged) flaggedNotShown++;
                continue;
            }
            shown++;
            h.append("<section><h2>").append(esc(title(st.template()))).append(" <span class=\"meta\">table ").append(n)
                    .append(" · template ").append(esc(st.template())).append(" · page ").append(pageNo).append(" · ")
                    .append(esc(t.origin())).append("</span></h2>\n");
            BufferedImage img = rendered.computeIfAbsent(pageNo, p -> renderPage(doc, source, p));
            if (img != null) {
                String pageFile = "page-" + pageNo + ".png";
                if (pagesWritten.add(pageNo)) writePng(fitWidth(img, 1400), imagesDir.resolve(pageFile));
                h.append("<div class=\"pair\"><div class=\"page\">").append(pageView(doc, t, marks, img, n, imagesDir, filesName, pageFile))
                        .append("</div><div class=\"grid\">").append(grid(t, marks)).append("</div></div>\n");
            } else {
                // a web or text capture has no page image: the grid gets the whole width
                h.append("<p class=\"meta\">No page image: the input is a ").append(esc(doc.kind().name().toLowerCase(Locale.ROOT)))
                        .append(" capture; compare with the <a href=\"").append(esc(source.toAbsolutePath().normalize().toUri().toString()))
                        .append("\">input</a> itself.</p><div class=\"grid wide\">").append(grid(t, marks)).append("</div>\n");
            }
            h.append(checks(st)).append("</section>\n");
        }
        if (notShown > 0) {
            h.append("<p class=\"meta\">").append(notShown).append(" more standard table(s) are not shown here")
                    .append(flaggedNotShown > 0 ? " (" + flaggedNotShown + " of them flagged)" : "")
                    .append("; the .json has every one.</p>\n");
        }
        h.append("</body></html>\n");
        AtomicFiles.writeString(page, h.toString());
        return rel;
    }

    /** Which grid cells are flagged, and why. */
    record Marks(Set<String> failed, Map<String, StandardTable.Correction> corrected, Map<String, String> failedBy) {
        static Marks of(TableBlock t, StandardTable st) {
            Set<String> failed = new HashSet<>();
            Map<String, String> by = new HashMap<>();
            for (StandardTable.IdentityCheck c : st.checks()) {
                if (!"failed".equals(c.status())) continue;
                for (String ref : c.cells()) {
                    Matcher m = CELL_REF.matcher(ref);
                    if (m.find()) {
                        String key = m.group(1) + "," + m.group(2);
                        failed.add(key);
                        by.merge(key, c.id(), (a, b) -> a + ", " + b);
                    }
                }
            }
            Map<String, StandardTable.Correction> corrected = new HashMap<>();
            for (StandardTable.Correction c : st.corrections()) corrected.put(c.row() + "," + c.col(), c);
            return new Marks(failed, corrected, by);
        }

        String classes(Cell c) {
            String key = c.row() + "," + c.col();
            StringBuilder cls = new StringBuilder();
            if (failed.contains(key)) cls.append(" failed");
            if (corrected.containsKey(key)) cls.append(" corrected");
            if (c.box() != null && c.confidence() < LOW_CONFIDENCE) cls.append(" low");
            return cls.toString().strip();
        }

        String explain(Cell c) {
            String key = c.row() + "," + c.col();
            StringBuilder t = new StringBuilder("r" + c.row() + "c" + c.col());
            if (failed.contains(key)) t.append(" — in failed check ").append(failedBy.get(key));
            StandardTable.Correction corr = corrected.get(key);
            if (corr != null) t.append(" — read as ").append(corr.before()).append(", corrected to ").append(corr.after()).append(": ").append(corr.reason());
            if (c.box() != null && c.confidence() < LOW_CONFIDENCE) t.append(String.format(Locale.ROOT, " — OCR confidence %.0f", c.confidence()));
            return t.toString();
        }
    }

    /**
     * The table region of the page image with the flagged cells marked on it (when the cells know where
     * they are on the page), linked to the whole page; otherwise the whole page.
     */
    private static String pageView(Document doc, TableBlock t, Marks marks, BufferedImage img, int n, Path imagesDir,
                                   String filesName, String pageFile) {
        Page page = doc.pages().stream().filter(p -> t.provenance() != null && p.number() == t.provenance().page()).findFirst()
                .orElse(doc.pages().isEmpty() ? null : doc.pages().get(0));
        Box region = null;
        for (Cell c : t.table().cells()) {
            if (c.box() == null) continue;
            region = region == null ? c.box() : union(region, c.box());
        }
        StringBuilder h = new StringBuilder();
        String pageHref = esc(RunReportHtml.href(filesName + "/" + pageFile));
        if (region == null || page == null || page.width() <= 0 || page.height() <= 0) {
            h.append("<a href=\"").append(pageHref).append("\"><img src=\"").append(pageHref).append("\" alt=\"page\"></a>");
            return h.toString();
        }
        double sx = img.getWidth() / page.width();
        double sy = img.getHeight() / page.height();
        double mx = page.width() * 0.02;
        double my = page.height() * 0.02;
        Box crop = clip(new Box(region.x() - mx, region.y() - my, region.width() + 2 * mx, region.height() + 2 * my), page);
        int px = (int) Math.floor(crop.x() * sx);
        int py = (int) Math.floor(crop.y() * sy);
        int pw = Math.max(1, Math.min(img.getWidth() - px, (int) Math.ceil(crop.width() * sx)));
        int ph = Math.max(1, Math.min(img.getHeight() - py, (int) Math.ceil(crop.height() * sy)));
        String cropFile = "table-" + n + ".png";
        writePng(fitWidth(img.getSubimage(px, py, pw, ph), 1400), imagesDir.resolve(cropFile));
        h.append("<div class=\"crop\"><img src=\"").append(esc(RunReportHtml.href(filesName + "/" + cropFile))).append("\" alt=\"the table on the page\">");
        for (Cell c : t.table().cells()) {
            String cls = marks.classes(c);
            if (c.box() == null || cls.isEmpty()) continue;
            Box b = c.box();
            h.append(String.format(Locale.ROOT, "<span class=\"mark %s\" style=\"left:%.2f%%;top:%.2f%%;width:%.2f%%;height:%.2f%%\" title=\"%s\"></span>",
                    cls, (b.x() - crop.x()) / crop.width() * 100, (b.y() - crop.y()) / crop.height() * 100,
                    b.width() / crop.width() * 100, b.height() / crop.height() * 100, esc(marks.explain(c))));
        }
        h.append("</div><div class=\"meta\"><a href=\"").append(pageHref).append("\">open the whole page</a></div>");
        return h.toString();
    }

    private static String grid(TableBlock t, Marks marks) {
        StringBuilder h = new StringBuilder("<table>");
        for (var row : t.table().rowsOfCells()) {
            h.append("<tr>");
            for (Cell c : row) {
                String cls = marks.classes(c);
                h.append("<td");
                if (c.rowSpan() > 1) h.append(" rowspan=\"").append(c.rowSpan()).append('"');
                if (c.colSpan() > 1) h.append(" colspan=\"").append(c.colSpan()).append('"');
                if (!cls.isEmpty()) h.append(" class=\"").append(cls).append('"');
                h.append(" title=\"").append(esc(marks.explain(c))).append("\">");
                StandardTable.Correction corr = marks.corrected().get(c.row() + "," + c.col());
                if (corr != null) h.append("<s class=\"before\">").append(esc(corr.before())).append("</s> ");
                h.append(esc(c.text())).append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</table>").toString();
    }

    private static String checks(StandardTable st) {
        Map<String, String> paths = new HashMap<>();
        for (StandardTable.KeyedValue v : st.values()) {
            String p = (v.rowPath() == null || v.rowPath().isEmpty() ? "" : v.rowPath()) + (v.colPath() == null || v.colPath().isEmpty() ? "" : " | " + v.colPath());
            paths.put(v.row() + "," + v.col(), p.startsWith(" | ") ? p.substring(3) : p);
        }
        StringBuilder h = new StringBuilder("<ul class=\"checks\">");
        for (StandardTable.IdentityCheck c : st.checks()) {
            if (!"failed".equals(c.status())) continue;
            h.append("<li class=\"failed\"><b>").append(esc(c.id())).append(" failed</b>: ").append(esc(c.description()))
                    .append(c.detail() == null ? "" : " — " + esc(c.detail())).append("</li>");
        }
        for (StandardTable.Correction c : st.corrections()) {
            String where = paths.getOrDefault(c.row() + "," + c.col(), "");
            h.append("<li class=\"corrected\"><b>r").append(c.row()).append('c').append(c.col()).append("</b>")
                    .append(where.isEmpty() ? "" : " (" + esc(where) + ")").append(": read <s>").append(esc(c.before()))
                    .append("</s>, corrected to <b>").append(esc(c.after())).append("</b> — ").append(esc(c.reason())).append("</li>");
        }
        for (StandardTable.IdentityCheck c : st.checks()) {
            if ("failed".equals(c.status()) || "passed".equals(c.status())) continue;
            h.append("<li class=\"skipped\"><b>").append(esc(c.id())).append("</b> ").append(esc(c.status())).append(": ")
                    .append(esc(c.description())).append(c.detail() == null ? "" : " — " + esc(c.detail())).append("</li>");
        }
        long passed = st.checks().stream().filter(c -> "passed".equals(c.status())).count();
        h.append("<li class=\"passed\">").append(passed).append(passed == 1 ? " check passed" : " checks passed").append("</li>");
        for (String d : st.deviations()) h.append("<li class=\"deviation\">").append(esc(d)).append("</li>");
        return h.append("</ul>").toString();
    }

    /** The section a template belongs to, as the report itself titles it. */
    static String title(String template) {
        if (template == null) return "Table";
        if (template.endsWith("sec2")) return "二、主动公开政府信息情况";
        if (template.endsWith("sec3")) return "三、收到和处理政府信息公开申请情况";
        if (template.endsWith("sec4")) return "四、政府信息公开行政复议、行政诉讼情况";
        return template;
    }

    /** Renders a page of a PDF or image source; null when there is no page image. */
    private static BufferedImage renderPage(Document doc, Path source, int pageNo) {
        try {
            if (doc.kind() == SourceKind.PDF) {
                try (PDDocument pdf = Loader.loadPDF(source.toFile())) {
                    if (pageNo < 1 || pageNo > pdf.getNumberOfPages()) return null;
                    return new PDFRenderer(pdf).renderImageWithDPI(pageNo - 1, 110);
                }
            } else if (doc.kind() == SourceKind.IMAGE) {
                var page = org.nianbao.ingest.extract.image.PageSet.locate(doc, source, pageNo); // a folder of page images
                if (page.isPresent()) return readFrame(page.get().file(), page.get().frame());
                return readFrame(source, pageNo - 1);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writePng(BufferedImage img, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException | RuntimeException e) {
            // a missing image leaves a broken picture on the review page, nothing worse
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

    private static Box union(Box a, Box b) {
        double x = Math.min(a.x(), b.x());
        double y = Math.min(a.y(), b.y());
        return new Box(x, y, Math.max(a.right(), b.right()) - x, Math.max(a.bottom(), b.bottom()) - y);
    }

    private static Box clip(Box b, Page p) {
        double x = Math.max(0, b.x());
        double y = Math.max(0, b.y());
        return new Box(x, y, Math.max(1, Math.min(p.width(), b.right()) - x), Math.max(1, Math.min(p.height(), b.bottom()) - y));
    }

    static String esc(String s) {
        return RunReportHtml.esc(s);
    }

    private static final String CSS = """
            .legend{font-size:.9em;color:#444} .legend .sw{display:inline-block;width:1.1em;height:.9em;vertical-align:-1px;margin:0 .3em 0 1em}
            .legend .sw:first-child{margin-left:0}
            .sw.failed{background:#fdd;outline:2px solid #c00} .sw.corrected{background:#ffe8b0;outline:2px solid #d80}
            .sw.low{outline:2px dotted #36c}
            section{margin-top:1.2em}
            .pair{display:flex;gap:16px;align-items:flex-start}
            .page{flex:1 1 50%;max-height:85vh;overflow:auto;border:1px solid #ccc}
            .page img{width:100%;display:block}
            .page.none{padding:1em;color:#666}
            .page .meta{padding:2px 6px}
            .crop{position:relative}
            .mark{position:absolute;box-sizing:border-box;border:3px solid #d00;background:rgba(255,0,0,.10)}
            .mark.corrected{border-color:#e08a00;background:rgba(255,170,0,.18)}
            .mark.low{border-style:dotted;border-color:#36c}
            .grid{flex:1 1 50%;overflow:auto}
            .grid table{border-collapse:collapse;font-size:12px}
            .grid td{border:1px solid #999;padding:2px 4px;text-align:center}
            td.failed{background:#fdd;outline:2px solid #c00;outline-offset:-2px}
            td.corrected{background:#ffe8b0;outline:2px solid #d80;outline-offset:-2px}
            td.low{outline:2px dotted #36c;outline-offset:-2px}
            s.before{color:#a00}
            ul.checks{margin:.6em 0 0 1.2em;padding:0} ul.checks li{margin:.15em 0}
            ul.checks li.failed{color:#b00} ul.checks li.corrected{color:#8a5200}
            ul.checks li.skipped{color:#777} ul.checks li.passed{color:#175d17}
            ul.checks li.deviation{color:#555;font-style:italic}
            """;
}
