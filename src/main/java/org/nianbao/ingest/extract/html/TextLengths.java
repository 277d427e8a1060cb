package org.nianbao.ingest.extract.html;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Visible text length (non-whitespace characters) of every element, and how much of it is link text,
 * computed in one iterative pass so that deciding "where is the content" stays linear in page size.
 */
final class TextLengths {
    private final Map<Element, int[]> lengths = new IdentityHashMap<>();

    TextLengths(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            private int linkDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    lengths.put(e, new int[2]);
                    if (e.normalName().equals("a")) linkDepth++;
                } else if (node instanceof TextNode t) {
                    int n = visible(t.getWholeText());
                    if (n == 0) return;
                    Element p = t.parent() instanceof Element pe ? pe : null;
                    if (p != null) {
                        int[] v = lengths.get(p);
                        if (v != null) {
                            v[0] += n;
                            if (linkDepth > 0) v[1] += n;
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) linkDepth--;
                    if (e != root && e.parent() != null) {
                        int[] mine = lengths.get(e);
                        int[] up = lengths.get(e.parent());
                        if (mine != null && up != null) {
                            up[0] += mine[0];
                            up[1] += mine[1];
                        }
                    }
                }
            }
        }, root);
    }

    int text(Element e) {
        int[] v = lengths.get(e);
        return v == null ? 0 : v[0];
    }

    int linkText(Element e) {
        int[] v = lengths.get(e);
        return v == null ? 0 : v[1];
    }

    static int visible(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000' && c != '\u200B' && c != '\uFEFF') n++;
        }
        return n;
    }
}
