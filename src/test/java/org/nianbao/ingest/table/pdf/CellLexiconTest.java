package org.nianbao.ingest.table.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellLexiconTest {
    @Test
    void aLabelWhosePunctuationWasMisreadIsFoundByItsLetters() {
        // a vertical label's small 、 lost
        assertEquals("三、本年度办理结果", CellLexicon.byLetters("三本年度办理结果"));
        // a bracket half read
        assertEquals("（三）不予公开", CellLexicon.byLetters("（三不予公开"));
        // a speck read as trailing marks
        assertEquals("2.其他法律行政法规禁止公开", CellLexicon.byLetters("2.其他法律行政法规禁止公开“。"));
    }

    @Test
    void lettersThatAreNoLabelOrAnotherCharacterFindNothing() {
        assertNull(CellLexicon.byLetters("（三）不巴公开")); // a misread character is not punctuation
        assertNull(CellLexicon.byLetters("属于国家秘密")); // the enumerator lost: not only punctuation
        assertNull(CellLexicon.byLetters("本年度的工作"));
        assertNull(CellLexicon.byLetters("三、"));
        assertNull(CellLexicon.byLetters(null));
    }

    @Test
    void aPunctuatedReadingKeepsWhatWasReadAsItsAlternative() {
        CellReader.Reading r = CellReader.punctuated("三本年度办理结果", 71);
        assertEquals("三、本年度办理结果", r.text());
        assertEquals(List.of("三本年度办理结果"), r.alternatives());
        assertEquals(71, r.confidence());
        CellReader.Reading known = CellReader.punctuated("（一）予以公开", 90);
        assertEquals("（一）予以公开", known.text());
        assertTrue(known.alternatives().isEmpty());
        assertEquals("某某表格", CellReader.punctuated("某某表格", 50).text());
    }
}
