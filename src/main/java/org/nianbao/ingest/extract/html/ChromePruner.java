package org.nianbao.ingest.extract.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes site chrome elements from the DOM, counting what it removed by kind. Two passes:
 * {@link #removeNonContent} drops elements that never hold report text (scripts, styles, embedded
 * objects, form controls); {@link #removeFurniture} drops navigation, headers/footers, hidden
 * elements, share/print boxes and search forms inside the main content, but only small ones that
 * neither hold the report title nor report wording — never the report itself.
 */
final class ChromePruner {
    /** Furniture inside the content with more text than this is kept: it may be report text. */
    static final int MAX_FURNITURE_TEXT = 300;
    static final int MAX_FORM_TEXT = 200;

    private final Map<ChromeRules.Kind, Integer> removed = new EnumMap<>(ChromeRules.Kind.class);

    Map<ChromeRules.Kind, Integer> removed() {
        return removed;
    }

    void count(ChromeRules.Kind kind) {
        removed.merge(kind, 1, Integer::sum);
    }

    void removeNonContent(Element root) {
        List<Element> doomed = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && ChromeRules.NEVER_CONTENT.contains(e.normalName())) {
                    doomed.add(e);
                    return FilterResult.SKIP_CHILDREN;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        for (Element e : doomed) {
            String t = e.normalName();
            boolean control = t.equals("input") || t.equals("select") || t.equals("button") || t.equals("textarea");
            if (!(t.equals("meta") || t.equals("link"))) count(control ? ChromeRules.Kind.FORM : ChromeRules.Kind.SCRIPT);
            e.remove();
        }
    }

    /**
     * Removes furniture inside {@code main}. Elements on the path to the main container or to the
     * anchor (the title) are never removed.
     */
    void removeFurniture(Element main, Element anchor, TextLengths lengths) {
        Set<Element> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e = main; e != null; e = e.parent()) keep.add(e);
        if (anchor != null) for (Element e = anchor; e != null; e = e.parent()) keep.add(e);
        List<Element> doomed = new ArrayList<>();
        List<ChromeRules.Kind> kinds = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e) || keep.contains(e)) return FilterResult.CONTINUE;
                ChromeRules.Kind kind = furnitureKind(e, lengths);
                if (kind == null) return FilterResult.CONTINUE;
                doomed.add(e);
                kinds.add(kind);
                return FilterResult.SKIP_CHILDREN;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, main);
        for (int i = 0; i < doomed.size(); i++) {
            count(kinds.get(i));
            doomed.get(i).remove();
        }
    }

    private static ChromeRules.Kind furnitureKind(Element e, TextLengths lengths) {
        String tag = e.normalName();
        int len = lengths.text(e);
        ChromeRules.Kind kind = null;
        int limit = MAX_FURNITURE_TEXT;
        if (e.hasAttr("hidden") || ChromeRules.hiddenByStyle(e.attr("style")) || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
            kind = ChromeRules.Kind.HIDDEN;
        } else if (tag.equals("form")) {
            kind = ChromeRules.Kind.FORM;
            limit = MAX_FORM_TEXT;
        } else if (tag.equals("nav") || tag.equals("aside")) {
            kind = ChromeRules.Kind.NAVIGATION;
        } else if (tag.equals("header") || tag.equals("footer")) {
            kind = tag.equals("footer") ? ChromeRules.Kind.FOOTER : ChromeRules.Kind.NAVIGATION;
        } else {
            String token = ChromeRules.chromeToken(e.id(), e.className());
            if (token != null) kind = kindOfToken(token);
        }
        if (kind == null || len > limit) return null;
        if (len > 0 && MainContent.REPORT_WORDS.matcher(e.text()).find()) return null;
        return kind;
    }

    private static ChromeRules.Kind kindOfToken(String token) {
        return switch (token) {
            case "footer", "foot", "copyright" -> ChromeRules.Kind.FOOTER;
            case "breadcrumb", "breadcrumbs", "crumb", "crumbs", "bread", "position", "location", "weizhi", "dqwz" -> ChromeRules.Kind.BREADCRUMB;
            case "share", "bdsharebuttonbox", "bdshare", "jiathis", "print", "toolbar", "fontsize", "font-size", "zihao", "qrcode",
                    "erweima", "ewm", "dayin", "fenxiang" -> ChromeRules.Kind.WIDGET;
            default -> ChromeRules.Kind.NAVIGATION;
        };
    }
}
