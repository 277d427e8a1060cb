package org.nianbao.ingest.normalize;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageFurnitureTest {

    @Test
    void pageNumbersInThePrintedFormsAndAsOcrReadsTheirDashes() {
        for (String s : new String[]{"-1-", "— 2 —", "- 12 -", "第3页 共5页", "Page 3 of 5", "3/5", "一2一", "一 14 一", "一一3一一"}) {
            assertTrue(PageFurniture.isPageNumber(s), s);
        }
    }

    @Test
    void textThatMerelyStartsWithOneIsNoPageNumber() {
        for (String s : new String[]{"一是加强主动公开", "一、总体情况", "一2", "2一", "一2一是", "一二三"}) {
            assertFalse(PageFurniture.isPageNumber(s), s);
        }
    }
}
