package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Box;
import org.nianbao.ingest.model.Word;

class CjkSpacingTest {
    @Test
    void noSpacesBetweenChineseCharacters() {
        assertEquals("政府信息公开工作年度报告", CjkSpacing.strip("政 府 信 息 公 开 工 作 年 度 报 告"));
        assertEquals("一、总体情况", CjkSpacing.strip("一 、 总 体 情 况"));
        assertEquals("（一）加强组织领导。", CjkSpacing.strip("（ 一 ） 加 强 组 织 领 导 。"));
    }

    @Test
    void noSpacesBetweenChineseAndFigures() {
        assertEquals("共收到申请12件，办结率100%。", CjkSpacing.strip("共 收 到 申 请 12 件 ， 办 结 率 100% 。"));
    }

    @Test
    void latinWordsAndNumbersKeepTheirSpaces() {
        assertEquals("PDF 1.7 and Word 2016", CjkSpacing.strip("PDF 1.7 and Word 2016"));
        assertEquals("通过PDF and Word发布", CjkSpacing.strip("通过 PDF and Word 发布"));
        assertEquals("12 15 30", CjkSpacing.strip("12 15 30"));
    }

    @Test
    void lineBreaksAndEdgesAreKept() {
        assertEquals("第一行\n第二行", CjkSpacing.strip("第 一 行\n第 二 行"));
        assertEquals(" 前后 ", CjkSpacing.strip(" 前 后 "));
    }

    private static Word w(String t, double x, double width) {
        return new Word(t, new Box(x, 0, width, 40), 90);
    }

    @Test
    void wordsJoinTheChineseWayButColumnsStaySeparate() {
        // characters 40 px high, 2-4 px apart: one run of text
        assertEquals("主动公开12件", CjkSpacing.joinWords(List.of(w("主动", 0, 80), w("公开", 84, 80), w("12", 166, 30), w("件", 198, 40)), 40));
        // a gap of 3 line heights between a label and a figure is a table column
        assertEquals("公开 12", CjkSpacing.joinWords(List.of(w("公开", 0, 80), w("12", 200, 30)), 40));
        assertEquals("Word 2016", CjkSpacing.joinWords(List.of(w("Word", 0, 80), w("2016", 92, 70)), 40));
    }
}
