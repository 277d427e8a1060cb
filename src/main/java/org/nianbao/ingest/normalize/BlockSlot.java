package org.nianbao.ingest.normalize;

import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.ParagraphBlock;

/**
 * A block in document reading order while the document-level steps work on it: which page it is on,
 * its current form, and whether a step removed it. Mutable, confined to one {@link NormalizeStage} call.
 */
final class BlockSlot {
    final int pageIndex;
    Block block;
    boolean removed;

    BlockSlot(int pageIndex, Block block) {
        this.pageIndex = pageIndex;
        this.block = block;
    }

    /** Headings and paragraphs: the blocks that can be furniture, chrome or broken text. */
    boolean isText() {
        return !removed && (block instanceof ParagraphBlock || block instanceof HeadingBlock);
    }

    String text() {
        return block.text() == null ? "" : block.text();
    }
}
