package org.nianbao.ingest.pipeline;

/** What a stage needs from the document, or adds to it. The pipeline checks the order once, at start. */
public enum Capability {
    /** Pages of blocks exist (any extractor). */
    EXTRACTED,
    /** Images in the document have been OCR'd (ImageBlock.read). */
    IMAGES_READ,
    /** Text is normalised: simplified script, repaired encoding, clean spacing. */
    NORMALIZED,
    /** Tables are grids (flattened or image tables rebuilt). */
    TABLE_GRIDS,
    /** Standard report tables recognised, keyed and checked. */
    STANDARD_TABLES
}
