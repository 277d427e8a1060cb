package org.nianbao.ingest.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    private static List<String> sorted(String... names) {
        List<String> l = new ArrayList<>(List.of(names));
        l.sort(NaturalOrder.INSTANCE);
        return l;
    }

    @Test
    void pageNumbersCompareAsNumbers() {
        assertEquals(List.of("page-1.jpg", "page-2.jpg", "page-10.jpg", "page-11.jpg"),
                sorted("page-10.jpg", "page-2.jpg", "page-11.jpg", "page-1.jpg"));
        assertEquals(List.of("p9.png", "p010.png", "p100.png"), sorted("p100.png", "p010.png", "p9.png"));
    }

    @Test
    void equalNumbersWrittenDifferentlyStillHaveOneRepeatableOrder() {
        assertTrue(NaturalOrder.INSTANCE.compare("p2.jpg", "p02.jpg") != 0);
        assertEquals(sorted("p02.jpg", "p2.jpg"), sorted("p2.jpg", "p02.jpg"));
        assertTrue(NaturalOrder.INSTANCE.compare("Page-1.jpg", "page-1.jpg") != 0);
    }

    @Test
    void fullWidthDigitsAndHugeNumbersWork() {
        assertEquals(List.of("第２页.jpg", "第１０页.jpg"), sorted("第１０页.jpg", "第２页.jpg"));
        String huge = "p" + "9".repeat(40) + ".jpg";
        assertEquals(List.of("p3.jpg", huge), sorted(huge, "p3.jpg"));
    }
}
