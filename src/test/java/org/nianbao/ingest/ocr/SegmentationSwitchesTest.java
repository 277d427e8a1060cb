package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SegmentationSwitchesTest {
    @Test
    void thePageReadInColumnModeSkipsTheVerticalTextTest() {
        assertEquals("0", SegmentationSwitches.forMode(OcrMode.COLUMN, false).get(SegmentationSwitches.VERTICAL_TEXT));
    }

    @Test
    void everyOtherModeKeepsTesseractsDefault() {
        // a handle is shared by all modes: a line or vertical read after a page read must get the default back
        for (OcrMode mode : OcrMode.values()) {
            if (mode == OcrMode.COLUMN) continue;
            assertEquals("1", SegmentationSwitches.forMode(mode, false).get(SegmentationSwitches.VERTICAL_TEXT), mode.name());
        }
    }

    @Test
    void theMeasuringSwitchKeepsTheTestInColumnMode() {
        assertEquals("1", SegmentationSwitches.forMode(OcrMode.COLUMN, true).get(SegmentationSwitches.VERTICAL_TEXT));
    }
}
