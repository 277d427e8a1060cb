package org.nianbao.ingest.extract.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Tells data tables from tables used for page layout. Old government sites lay out whole pages with
 * tables: a table whose cells hold other tables or headings, a single column, or long running text
 * is a layout table, and its content is read as ordinary blocks (data tables inside it are still found).
 */
final class TableKinds {
    /** A data cell of a report table is a label or a number; running text is longer than this. */
    static final int LONG_CELL = 400;
    static final int LONG_CELL_NARROW = 200;

    private TableKinds() { }

    /** Holds another table or a heading, or says role="presentation". Stops at the first such descendant. */
    static boolean structurallyLayout(Element table) {
        String role = table.attr("role");
        if (role.equalsIgnoreCase("presentation") || role.equalsIgnoreCase("none")) return true;
        boolean[] found = new boolean[1];
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node == table || !(node instanceof Element e)) return FilterResult.CONTINUE;
                String tag = e.normalName();
                if (tag.equals("table") || BlockTags.headingLevel(tag) > 0) {
                    found[0] = true;
                    return FilterResult.STOP;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, table);
        return found[0];
    }

    /** One column, no cells, or cells of running text. */
    static boolean layoutByShape(Element table, HtmlTableGrid.Result grid) {
        int cols = 0;
        int rows = 0;
        for (var part : grid.parts()) {
            cols = Math.max(cols, part.cols());
            rows += part.rows();
        }
        if (rows == 0 || cols <= 1) return true;
        if (grid.longestCell() > LONG_CELL) return true;
        if (grid.longestCell() > LONG_CELL_NARROW && cols <= 2) return true;
        for (var part : grid.parts()) {
            for (var c : part.cells()) {
                if (!c.text().isEmpty()) return false;
            }
        }
        return true; // an empty grid (spacers, image frames): walk into it for its images
    }
}
