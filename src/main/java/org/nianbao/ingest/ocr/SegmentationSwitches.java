package org.nianbao.ingest.ocr;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tesseract variables set for each call by its mode: work Tesseract's layout analysis does that changes
 * nothing on the pages we hand it, left out to save CPU.
 *
 * <p>{@code textord_tabfind_vertical_text}: in column mode (PSM 4, our page read) Tesseract runs its
 * column finder, which also tests whether the page is set in vertical lines and marks vertical text
 * regions. Report pages are horizontal (a page turned by 90° is turned back by {@link PageReader}'s
 * orientation step, not by this test), so the page read turns the test off. Readings were byte-identical
 * with and without it on the 40 pages of the seed 21 scan set and the bench pages, at ~2–3% less CPU
 * in layout analysis (docs/ocr.md, session 6). Vertical blocks ({@link OcrMode#VERTICAL}) and the other modes keep
 * Tesseract's default. {@code -Dnianbao.ocr.verticalTest=true} keeps the test for measurement (passed on to the worker processes).
 */
final class SegmentationSwitches {
    static final String PROPERTY = "nianbao.ocr.verticalTest";
    static final String VERTICAL_TEXT = "textord_tabfind_vertical_text";

    private SegmentationSwitches() { }

    static boolean verticalTestKept() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** The variables to set before reading in {@code mode}, each call (a handle is shared by all modes). */
    static Map<String, String> forMode(OcrMode mode, boolean verticalTestKept) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(VERTICAL_TEXT, mode == OcrMode.COLUMN && !verticalTestKept ? "0" : "1");
        return vars;
    }
}
