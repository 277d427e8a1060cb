package org.nianbao.ingest.extract.html;

import java.util.Set;

/** Elements a browser lays out as blocks: their boundaries end a line of text. */
final class BlockTags {
    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption", "center",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "marquee", "menu", "nav", "ol",
            "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "listing",
            "plaintext", "xmp", "frameset", "noframes");

    private BlockTags() { }

    static boolean isBlock(String tag) {
        return BLOCKS.contains(tag);
    }

    /** Heading level of h1..h6, else 0. */
    static int headingLevel(String tag) {
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') return tag.charAt(1) - '0';
        return 0;
    }
}
