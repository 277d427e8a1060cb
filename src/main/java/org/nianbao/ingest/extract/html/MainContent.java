package org.nianbao.ingest.extract.html;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.nianbao.ingest.util.Headings;

/**
 * Finds the element that holds the report on a web page: the report title (the "anchor") and most of
 * the text, without the navigation, sidebars and footer around it. Starting at {@code <body>}, it
 * descends into the child holding the most text as long as that child keeps the anchor and what is
 * left outside is link lists and short furniture, never report-like text or a content image. When in
 * doubt it stays higher: the line rules still remove chrome, and nothing of the report is lost.
 */
final class MainContent {
    /** Words of the report's fixed section headings and table headers: text with them is report content. */
    static final Pattern REPORT_WORDS = Pattern.compile(
            "年度报告|总体情况|主动公开政府信息|收到和处理政府信息|行政复议|行政诉讼|存在的主要问题|其他需要报告|信息内容|申请人情况|第二十条");

    private final Element container;
    private final Element anchor;

    private MainContent(Element container, Element anchor) {
        this.container = container;
        this.anchor = anchor;
    }

    /** The element holding the report (body when no better one is found). */
    Element container() {
        return container;
    }

    /** The block holding the report title (or the first section heading), or null. */
    Element anchor() {
        return anchor;
    }

    static MainContent find(Element body, TextLengths lengths) {
        Element anchor = findAnchor(body, lengths);
        Set<Element> anchorPath = Collections.newSetFromMap(new IdentityHashMap<>());
        if (anchor != null) {
            for (Element e = anchor; e != null; e = e.parent()) anchorPath.add(e);
        }
        Element cur = body;
        for (int guard = 0; guard < 100_000; guard++) {
            Element best = null;
            int bestLen = -1;
            for (Element c : cur.children()) {
                int l = lengths.text(c);
                if (l > bestLen) {
                    best = c;
                    bestLen = l;
                }
            }
            if (best == null || bestLen <= 0) break;
            if (anchor != null && !anchorPath.contains(best)) break;
            if (anchor != null && best == anchor) break; // the title alone is not the report
            int curLen = lengths.text(cur);
            int outsideNonLink = (curLen - lengths.linkText(cur)) - (bestLen - lengths.linkText(best));
            boolean descend;
            if (anchor != null) {
                descend = outsideNonLink <= Math.max(100, bestLen / 4);
            } else {
                // Without a title to go by, only leave behind link lists (menus) and nothing else.
                descend = outsideNonLink <= 0;
            }
            if (!descend || siblingsHoldContent(cur, best, lengths)) break;
            cur = best;
        }
        return new MainContent(cur, anchor);
    }

    /** True when something next to {@code keep} reads like report content or is a content image. */
    private static boolean siblingsHoldContent(Element parent, Element keep, TextLengths lengths) {
        for (Element c : parent.children()) {
            if (c == keep) continue;
            if (lengths.text(c) > 0 && REPORT_WORDS.matcher(c.text()).find()) return true;
            for (Element img : c.getElementsByTag("img")) {
                if (img.closest("a") != null) continue;
                if (!ChromeRules.chromeImage(img.attr("src"), ImageRefs.dimension(img, "width"), ImageRefs.dimension(img, "height"))) return true;
            }
        }
        return false;
    }

    /**
     * The first short block, not a link, whose text reads like the report title; failing that the
     * block holding the first "一、总体情况"-like section heading.
     */
    static Element findAnchor(Element body, TextLengths lengths) {
        Element[] title = new Element[1];
        Element[] section = new Element[1];
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof TextNode t)) return FilterResult.CONTINUE;
                String raw = t.getWholeText();
                boolean maybeTitle = raw.contains("报告") || raw.contains("年报");
                boolean maybeSection = section[0] == null && raw.contains("总体情况");
                if (!maybeTitle && !maybeSection) return FilterResult.CONTINUE;
                Element block = blockOf(t);
                // a block with more than a title's worth of text is not a title; checked before reading it
                if (block == null || lengths.text(block) > 100 || insideLink(t)) return FilterResult.CONTINUE;
                String text = HtmlTableGrid.cellText(block, null);
                if (text.length() > 100 || ChromeRules.lineKind(text) != null) return FilterResult.CONTINUE;
                if (maybeTitle && looksLikeTitle(text)) {
                    title[0] = block;
                    return FilterResult.STOP;
                }
                if (maybeSection && Headings.level(text) == 2 && text.length() <= 30) section[0] = block;
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        return title[0] != null ? title[0] : section[0];
    }

    static boolean looksLikeTitle(String text) {
        if (Headings.level(text) == 1) return true;
        return (text.endsWith("年度报告") || text.endsWith("年报") || text.endsWith("工作报告"))
                && text.length() >= 8 && text.matches(".*(19|20)\\d\\d.*|.*[〇零一二三四五六七八九]{4}年.*");
    }

    private static Element blockOf(Node n) {
        Node p = n.parent();
        for (int i = 0; i < 16 && p instanceof Element e; i++) {
            if (BlockTags.isBlock(e.normalName())) return e;
            p = e.parent();
        }
        return null;
    }

    private static boolean insideLink(Node n) {
        Node p = n.parent();
        for (int i = 0; i < 16 && p instanceof Element e; i++) {
            if (e.normalName().equals("a")) return true;
            p = e.parent();
        }
        return false;
    }
}
