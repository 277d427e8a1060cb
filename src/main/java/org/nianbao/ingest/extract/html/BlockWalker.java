package org.nianbao.ingest.extract.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.util.Headings;

/**
 * Walks the DOM in document order and turns it into blocks as a reader sees the rendered page: a
 * block element or {@code <br>} ends a line, each line becomes a heading or a paragraph, data tables
 * become grids, layout tables are walked into, and images are recorded where they stand. Only what
 * lies inside the main content container is kept; lines outside it and chrome lines are counted.
 * The walk is iterative (jsoup's NodeTraversor), so deep nesting cannot overflow the stack.
 */
final class BlockWalker implements NodeFilter {
    private final SourceKind kind;
    private final Element main;
    private final ImageResolver resolver;
    private final Map<Element, Integer> imageNumbers;
    private final Map<Element, Integer> tableNumbers;
    private final ChromePruner chrome;

    private final List<Block> blocks = new ArrayList<>();
    private final Set<Element> dataTables = Collections.newSetFromMap(new IdentityHashMap<>());
    /** When the main container lies inside a data table (a cell of it), the whole table is content. */
    private final Set<Element> mainAncestors = Collections.newSetFromMap(new IdentityHashMap<>());
    private final InlineText line = new InlineText();
    private final Deque<Element> blockStack = new ArrayDeque<>();
    private String lineTag;
    private int mainDepth;
    private int boldDepth;
    private int centreDepth;
    private int preDepth;
    private int headingTag;
    private int images;
    private int missingImages;
    private int tableRepairs;

    BlockWalker(SourceKind kind, Element main, ImageResolver resolver, Map<Element, Integer> imageNumbers,
                Map<Element, Integer> tableNumbers, ChromePruner chrome) {
        this.kind = kind;
        this.main = main;
        this.resolver = resolver;
        this.imageNumbers = imageNumbers;
        this.tableNumbers = tableNumbers;
        this.chrome = chrome;
        for (Element p = main.parent(); p != null; p = p.parent()) mainAncestors.add(p);
    }

    List<Block> walk(Element root) {
        NodeTraversor.filter(this, root);
        flush();
        return blocks;
    }

    int images() { return images; }

    int missingImages() { return missingImages; }

    int tableRepairs() { return tableRepairs; }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
            text(t.getWholeText());
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e)) return FilterResult.CONTINUE;
        String tag = e.normalName();
        if (e == main) {
            flush();
            mainDepth++;
        }
        switch (tag) {
            case "br" -> { flush(); return FilterResult.CONTINUE; }
            case "img" -> { image(e, null); return FilterResult.CONTINUE; }
            case "table" -> {
                flush();
                if (table(e)) return FilterResult.SKIP_CHILDREN;
            }
            default -> { }
        }
        boolean block = BlockTags.isBlock(tag);
        if (block) {
            flush();
            blockStack.push(e);
            int h = BlockTags.headingLevel(tag);
            if (h > 0) headingTag = h;
        }
        if (isBold(e)) boldDepth++;
        if (isCentred(e)) centreDepth++;
        if (tag.equals("pre") || tag.equals("xmp") || tag.equals("listing") || tag.equals("plaintext")) preDepth++;
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element e)) return FilterResult.CONTINUE;
        String tag = e.normalName();
        if (tag.equals("br") || tag.equals("img")) {
            if (e == main) { flush(); mainDepth--; }
            return FilterResult.CONTINUE;
        }
        if (tag.equals("table") && dataTables.contains(e)) {
            // a data table handled in head(): none of its counters were raised
            if (e == main) { flush(); mainDepth--; }
            return FilterResult.CONTINUE;
        }
        if (isBold(e)) boldDepth--;
        if (isCentred(e)) centreDepth--;
        if (tag.equals("pre") || tag.equals("xmp") || tag.equals("listing") || tag.equals("plaintext")) preDepth--;
        if (BlockTags.isBlock(tag)) {
            flush();
            if (!blockStack.isEmpty()) blockStack.pop();
            if (BlockTags.headingLevel(tag) > 0) headingTag = 0;
        }
        if (e == main) {
            flush();
            mainDepth--;
        }
        return FilterResult.CONTINUE;
    }

    private void text(String s) {
        if (preDepth > 0) {
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    append(s.substring(start, i));
                    flush();
                    start = i + 1;
                }
            }
            append(s.substring(start));
        } else {
            append(s);
        }
    }

    private void append(String s) {
        if (line.isEmpty()) lineTag = blockStack.isEmpty() ? null : blockStack.peek().normalName();
        line.append(s, boldDepth > 0, centreDepth > 0);
    }

    /** Ends the current line: drops it as chrome or outside text, or emits a heading or paragraph. */
    private void flush() {
        if (line.isEmpty()) {
            line.take();
            return;
        }
        boolean bold = line.allBold();
        boolean centred = line.allCentred();
        String text = line.take();
        if (mainDepth <= 0) {
            chrome.count(ChromeRules.Kind.OUTSIDE);
            return;
        }
        ChromeRules.Kind chromeKind = ChromeRules.lineKind(text);
        if (chromeKind != null) {
            chrome.count(chromeKind);
            return;
        }
        Provenance p = new Provenance(kind, 1, Method.HTML, lineTag);
        int level = headingLevel(text, bold, centred);
        if (level > 0) blocks.add(new HeadingBlock(text, level, p, List.of()));
        else blocks.add(new ParagraphBlock(text, List.of(), p, List.of()));
    }

    private int headingLevel(String text, boolean bold, boolean centred) {
        int byText = Headings.level(text);
        if (headingTag > 0) {
            if (text.length() > 80) return 0; // a paragraph marked up as a heading
            return byText > 0 ? byText : headingTag;
        }
        if (byText > 0) return byText;
        if ((bold || centred) && text.length() <= 60 && MainContent.looksLikeTitle(text)) return 1;
        return 0;
    }

    /** Handles a table in head(); returns true when it was a data table (children already consumed). */
    private boolean table(Element e) {
        if (TableKinds.structurallyLayout(e)) return false;
        HtmlTableGrid.Result grid = HtmlTableGrid.build(e);
        if (TableKinds.layoutByShape(e, grid)) return false;
        dataTables.add(e);
        if (mainDepth <= 0 && !mainAncestors.contains(e)) {
            chrome.count(ChromeRules.Kind.OUTSIDE);
            return true;
        }
        ChromeRules.Kind chromeKind = grid.split() ? null : chromeTable(grid.table());
        if (chromeKind != null) {
            chrome.count(chromeKind); // a toolbar or page-info bar laid out as a table
            return true;
        }
        Integer number = tableNumbers.get(e);
        String detail = "table " + (number == null ? "?" : number);
        Provenance p = new Provenance(kind, 1, Method.HTML, detail);
        if (!grid.caption().isEmpty()) {
            int level = Headings.level(grid.caption());
            Provenance cp = p.withDetail(detail + " caption");
            blocks.add(level > 0 ? new HeadingBlock(grid.caption(), level, cp, List.of()) : new ParagraphBlock(grid.caption(), List.of(), cp, List.of()));
        }
        List<Warning> ws = new ArrayList<>();
        if (grid.repairs() > 0) {
            tableRepairs += grid.repairs();
            ws.add(new Warning("table-repaired", grid.repairs() + " cell position(s) of " + detail
                    + " overlapped or exceeded the grid and were clipped", 1));
        }
        if (grid.split()) {
            ws.add(new Warning("table-split", detail + " has rows of very different lengths that no one grid holds"
                    + " without mostly empty cells; its rows are kept in order in " + grid.parts().size() + " tables", 1));
        }
        for (int k = 0; k < grid.parts().size(); k++) {
            Provenance pk = k == 0 ? p : p.withDetail(detail + " part " + (k + 1));
            blocks.add(new TableBlock(grid.parts().get(k), "html-spans", 1.0, null, pk, k == 0 ? ws : List.of()));
        }
        int saved = mainDepth;
        if (mainDepth <= 0) mainDepth = 1; // the table holds the main content: its images are content too
        for (Element img : grid.images()) image(img, detail);
        mainDepth = saved;
        return true;
    }

    /** The chrome kind when every row of a table reads as a chrome line ("【打印本页】 | 【关闭窗口】"), else null. */
    static ChromeRules.Kind chromeTable(org.nianbao.ingest.model.Table t) {
        if (t.rows() > 3) return null;
        ChromeRules.Kind kind = null;
        for (List<org.nianbao.ingest.model.Cell> row : t.rowsOfCells()) {
            StringBuilder line = new StringBuilder();
            for (org.nianbao.ingest.model.Cell c : row) {
                if (c.text().isEmpty()) continue;
                if (line.length() > 0) line.append(' ');
                line.append(c.text());
            }
            if (line.length() == 0) continue;
            ChromeRules.Kind k = ChromeRules.lineKind(line.toString());
            if (k == null) return null;
            kind = k;
        }
        return kind;
    }

    /** Records an image at its place, unless it is page furniture or outside the content. */
    private void image(Element img, String inTable) {
        String src = ImageRefs.source(img);
        if (mainDepth <= 0) {
            chrome.count(ChromeRules.Kind.IMAGE);
            return;
        }
        int w = ImageRefs.dimension(img, "width");
        int h = ImageRefs.dimension(img, "height");
        if (src.isEmpty() || ChromeRules.chromeImage(src, w, h) || insideWidgetLink(img)) {
            chrome.count(ChromeRules.Kind.IMAGE);
            return;
        }
        flush();
        images++;
        Integer number = imageNumbers.get(img);
        String detail = "img " + (number == null ? "?" : number) + (inTable == null ? "" : " in " + inTable);
        String resolved = resolver.resolve(src);
        List<Warning> ws = new ArrayList<>();
        if (resolved == null) {
            missingImages++;
            ws.add(new Warning("image-missing", "image " + abbreviate(src) + " is not in the capture", 1));
        }
        String alt = img.attr("alt").strip();
        if (alt.isEmpty()) alt = img.attr("title").strip();
        blocks.add(new ImageBlock(ImageRefs.recordedSource(src), resolved, alt, "", false,
                new Provenance(kind, 1, Method.HTML, detail), ws));
    }

    /** An image inside a javascript: link (print, share, close buttons). */
    private static boolean insideWidgetLink(Element img) {
        Element a = img.closest("a");
        return a != null && a.attr("href").strip().toLowerCase(Locale.ROOT).startsWith("javascript:");
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }

    private static boolean isBold(Element e) {
        String tag = e.normalName();
        if (tag.equals("b") || tag.equals("strong") || tag.equals("th")) return true;
        String style = e.attr("style");
        if (style.isEmpty()) return false;
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("font-weight:bold") || s.contains("font-weight:bolder") || s.contains("font-weight:700")
                || s.contains("font-weight:800") || s.contains("font-weight:900");
    }

    private static boolean isCentred(Element e) {
        String tag = e.normalName();
        if (tag.equals("center")) return true;
        if (e.attr("align").equalsIgnoreCase("center")) return true;
        String style = e.attr("style");
        return !style.isEmpty() && style.toLowerCase(Locale.ROOT).replace(" ", "").contains("text-align:center");
    }
}
