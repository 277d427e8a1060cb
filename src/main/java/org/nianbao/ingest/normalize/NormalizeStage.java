package org.nianbao.ingest.normalize;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.pipeline.Capability;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Stage;
import org.nianbao.ingest.util.Headings;

/**
 * Normalises every text of a document — headings, paragraphs, every table cell, image OCR text and
 * alt text — and then cleans the document as a whole. The order (docs/normalization.md):
 * <ol>
 *   <li>encoding diagnosis over all raw texts, then per text: mojibake repair and character forms;</li>
 *   <li>script and pinyin decisions over all cleaned texts, then per text: pinyin annotations,
 *       traditional → simplified, punctuation, spacing ({@link TextNormalizer});</li>
 *   <li>line breaks inside headings and paragraphs joined;</li>
 *   <li>site chrome lines, page numbers, running headers and footers removed;</li>
 *   <li>paragraphs broken across blocks and pages rejoined.</li>
 * </ol>
 * Counts go into {@link Document#edits()} (merged with what is there), decisions into document warnings.
 */
public final class NormalizeStage implements Stage {
    @Override
    public String name() {
        return "normalize";
    }

    @Override
    public Set<Capability> requires() {
        return EnumSet.of(Capability.EXTRACTED);
    }

    @Override
    public Set<Capability> provides() {
        return EnumSet.of(Capability.NORMALIZED);
    }

    @Override
    public Document apply(Document doc, Context ctx) {
        TextNormalizer normalizer = ctx.service(TextNormalizer.class, TextNormalizer::new);
        return normalize(doc, normalizer);
    }

    /** The stage without a context (tests, other tools). */
    public static Document normalize(Document doc, TextNormalizer normalizer) {
        if (doc.pages().isEmpty()) return doc;
        EditLog log = new EditLog();

        // 1. encoding: one diagnosis for the document, then repair + character forms everywhere
        List<String> raw = new ArrayList<>();
        forEachText(doc, raw::add);
        MojibakeRepairer.Diagnosis diagnosis = normalizer.diagnoseEncoding(raw);
        Document cleaned = mapTexts(doc, t -> normalizer.repairAndClean(t, diagnosis, log));

        // 2. script and pinyin: decided over the cleaned document, applied everywhere
        List<String> texts = new ArrayList<>();
        forEachText(cleaned, texts::add);
        TextNormalizer.Plan plan = normalizer.plan(texts);
        Document finished = mapTexts(cleaned, t -> normalizer.finish(t, plan, log));

        // 3-5. document-level cleaning over blocks in reading order
        List<BlockSlot> slots = new ArrayList<>();
        for (int p = 0; p < finished.pages().size(); p++) {
            for (Block b : finished.pages().get(p).blocks()) {
                BlockSlot s = new BlockSlot(p, b);
                if (b instanceof ParagraphBlock || b instanceof HeadingBlock) {
                    String joined = ParagraphJoiner.joinLines(b.text(), log);
                    if (!joined.equals(b.text())) s.block = ParagraphJoiner.withText(b, joined);
                }
                slots.add(s);
            }
        }
        promoteHeadings(slots, log);
        Map<String, String> facts = new HashMap<>();
        SiteChrome.apply(slots, facts, log);
        PageFurniture.apply(slots, finished.pages().size(), log);
        ParagraphJoiner.joinParagraphs(slots, log);
        for (BlockSlot s : slots) {
            if (!s.removed && s.isText() && s.text().isBlank()) s.removed = true; // nothing left of it
        }

        List<Page> pages = new ArrayList<>();
        for (int p = 0; p < finished.pages().size(); p++) {
            Page page = finished.pages().get(p);
            List<Block> blocks = new ArrayList<>();
            for (BlockSlot s : slots) if (s.pageIndex == p && !s.removed) blocks.add(s.block);
            pages.add(page.withBlocks(blocks));
        }
        Document out = finished.withPages(pages).withEdits(doc.edits().plus(log.toEdits()));
        Map<String, String> meta = new HashMap<>(doc.metadata());
        facts.forEach(meta::putIfAbsent);
        if (plan.traditional()) meta.put("script", "traditional");
        else if (plan.profile().simplified() > 0) meta.put("script", "simplified");
        out = out.withMetadata(meta);
        for (Warning w : log.warnings()) out = out.withWarning(w);
        return out;
    }

    /**
     * A text-capture line that reads as a heading only once normalised (a NBSP indent hid
     * {@code 一、总体情况} from the extractor's heading test) becomes the heading it is. Only for text
     * captures: HTML markup and PDF layout decide headings by their own evidence.
     */
    private static void promoteHeadings(List<BlockSlot> slots, EditLog log) {
        long promoted = 0;
        for (BlockSlot s : slots) {
            if (s.block instanceof ParagraphBlock p && p.provenance() != null && p.provenance().method() == Method.TEXT_CAPTURE
                    && mayBeHeading(p.text())) {
                int level = Headings.level(p.text());
                if (level > 0) {
                    s.block = new HeadingBlock(p.text(), level, p.provenance(), p.warnings());
                    promoted++;
                }
            }
        }
        log.add("headings-recognised", promoted);
    }

    /** Cheap test before the heading regexes: short, one line, numbered or ending like a report title. */
    private static boolean mayBeHeading(String t) {
        if (t.isEmpty() || t.length() > 80 || t.indexOf('\n') >= 0) return false;
        char c = t.charAt(0);
        return "一二三四五六七八九十（(".indexOf(c) >= 0 || t.endsWith("报告");
    }

    /** Every text of the document in a fixed order (the order does not matter for the decisions). */
    private static void forEachText(Document doc, java.util.function.Consumer<String> sink) {
        for (Page page : doc.pages()) {
            for (Block b : page.blocks()) {
                if (b instanceof TableBlock t) {
                    for (Cell c : t.table().cells()) sink.accept(c.text());
                } else if (b instanceof ImageBlock i) {
                    sink.accept(i.text());
                    sink.accept(i.altText());
                } else {
                    sink.accept(b.text());
                }
            }
        }
    }

    private static Document mapTexts(Document doc, UnaryOperator<String> f) {
        List<Page> pages = new ArrayList<>(doc.pages().size());
        boolean anyPage = false;
        for (Page page : doc.pages()) {
            List<Block> blocks = new ArrayList<>(page.blocks().size());
            boolean any = false;
            for (Block b : page.blocks()) {
                Block nb = mapBlock(b, f);
                any |= nb != b;
                blocks.add(nb);
            }
            pages.add(any ? page.withBlocks(blocks) : page);
            anyPage |= any;
        }
        return anyPage ? doc.withPages(pages) : doc;
    }

    /** The block with its texts mapped; the same instance when no text changed (most blocks of a clean document). */
    private static Block mapBlock(Block b, UnaryOperator<String> f) {
        if (b instanceof HeadingBlock h) {
            String t = f.apply(h.text());
            return java.util.Objects.equals(t, h.text()) ? h : h.withText(t);
        }
        if (b instanceof ParagraphBlock p) {
            String t = f.apply(p.text());
            return java.util.Objects.equals(t, p.text()) ? p : p.withText(t);
        }
        if (b instanceof TableBlock t) {
            List<Cell> cells = new ArrayList<>(t.table().cells().size());
            boolean any = false;
            for (Cell c : t.table().cells()) {
                String text = f.apply(c.text());
                if (text.equals(c.text())) {
                    cells.add(c);
                } else {
                    cells.add(c.withText(text));
                    any = true;
                }
            }
            return any ? t.withTable(new Table(t.table().rows(), t.table().cols(), cells)) : t;
        }
        if (b instanceof ImageBlock i) {
            String alt = f.apply(i.altText());
            String text = f.apply(i.text());
            if (alt.equals(i.altText()) && text.equals(i.text())) return i;
            return new ImageBlock(i.source(), i.resolved(), alt, text, i.read(), i.provenance(), i.warnings());
        }
        return b;
    }
}
