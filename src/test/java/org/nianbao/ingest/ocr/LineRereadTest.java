package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Line;

class LineRereadTest {
    private static Line line(String text, double conf) {
        return new Line(text, new Box(0, 0, 1000, 40), conf, List.of());
    }

    @Test
    void latinGarbageOrVeryLowConfidenceIsSuspicious() {
        assertTrue(LineReread.suspicious(line("aa DO", 70)));
        assertTrue(LineReread.suspicious(line("入学习贯彻党的", 25)));
        assertFalse(LineReread.suspicious(line("通过PDF和Word文件发布信息", 88)));
        assertFalse(LineReread.suspicious(line("入学习贯彻党的二十大精神", 90)));
    }
}
