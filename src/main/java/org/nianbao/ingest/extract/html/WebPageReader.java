package org.nianbao.ingest.extract.html;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.SourceKind;

/**
 * DOM → blocks for one web page, in the order the steps depend on each other: number the images and
 * tables (their numbers are how {@link ImageBytes} finds them again), drop what is never content,
 * find the main content, drop furniture inside it, then walk.
 */
final class WebPageReader {
    /**
     * @param blocks        blocks in reading order
     * @param chromeRemoved what was removed, by kind
     * @param images        content images recorded
     * @param missingImages of those, how many the capture does not hold
     * @param tableRepairs  grid positions repaired in data tables
     */
    record Result(List<Block> blocks, Map<ChromeRules.Kind, Integer> chromeRemoved, int images, int missingImages, int tableRepairs) {
        int chromeTotal() {
            return chromeRemoved.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private WebPageReader() { }

    static Result read(org.jsoup.nodes.Document dom, SourceKind kind, ImageResolver resolver) {
        Map<Element, Integer> imageNumbers = number(dom.getElementsByTag("img"));
        Map<Element, Integer> tableNumbers = number(dom.getElementsByTag("table"));
        ChromePruner pruner = new ChromePruner();
        pruner.removeNonContent(dom);
        Element body = dom.body() != null ? dom.body() : dom;
        TextLengths lengths = new TextLengths(body);
        MainContent main = MainContent.find(body, lengths);
        pruner.removeFurniture(main.container(), main.anchor(), lengths);
        BlockWalker walker = new BlockWalker(kind, main.container(), resolver, imageNumbers, tableNumbers, pruner);
        List<Block> blocks = walker.walk(body);
        return new Result(blocks, pruner.removed(), walker.images(), walker.missingImages(), walker.tableRepairs());
    }

    private static Map<Element, Integer> number(Elements elements) {
        Map<Element, Integer> m = new IdentityHashMap<>();
        int i = 0;
        for (Element e : elements) m.put(e, ++i);
        return m;
    }
}
