package org.nianbao.ingest.table.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelKeyTest {
    @Test
    void keysIgnoreWidthBracketsQuotesAndSpaces() {
        assertEquals(LabelKey.key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
                LabelKey.key("(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)"));
        assertEquals(LabelKey.key("3.危及“三安全一稳定”"), LabelKey.key("3、危及\"三安全一稳定\""));
        assertEquals(LabelKey.key("商业企业"), LabelKey.key("商业企 业"));
        assertEquals(LabelKey.key("主动公开政府信息情况"), LabelKey.key("主動公開政府信息情況"));
    }

    @Test
    void pinyinAfterACharacterIsNoPartOfTheLabel() {
        // seed 003's captures annotate readings: 行政強(qiáng)制 is the label 行政强制
        assertEquals(LabelKey.key("行政强制"), LabelKey.key("行政強(qiáng)制"));
        assertEquals(LabelKey.key("信息内容"), LabelKey.key("信息內(nèi)容"));
        // a bracketed group that is not a reading stays
        assertEquals("本年收费金额单位万元", LabelKey.key("本年收费金额（单位：万元）"));
    }

    @Test
    void truncationsScoreHigh() {
        assertTrue(LabelKey.similarity("本年新", "本年新制作数量") >= 0.7);
        assertTrue(LabelKey.isTruncation(LabelKey.key("对外公开总数"), LabelKey.key("对外公开总数量")));
        assertTrue(LabelKey.similarity("其他法律行政止公开", "2.其他法律行政法规禁止公开") >= 0.7);
        assertTrue(LabelKey.similarity("1.属于国家秘密", "1.本机关不掌握相关政府信息") < 0.5);
    }

    @Test
    void tidyJoinsOnlyBetweenIdeographs() {
        assertEquals("结果维持", LabelKey.tidy("结果 维持"));
        assertEquals("(一) 予以公开", LabelKey.tidy("(一) 予以公开"));
        assertEquals("2019 年", LabelKey.tidy(" 2019 年 "));
    }
}
