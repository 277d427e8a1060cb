package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OcrPunctuationTest {
    @Test
    void asciiPunctuationInChineseTextBecomesFullWidth() {
        assertEquals("（一）加强组织领导，明确责任：一是；二是？", OcrPunctuation.fix("(一)加强组织领导,明确责任:一是;二是?"));
        assertEquals("根据《条例》（国务院令第711号）要求", OcrPunctuation.fix("根据《条例》(国务院令第711号)要求"));
        assertEquals("（2023）年", OcrPunctuation.fix("(2023)年"));
    }

    @Test
    void aHyphenOpeningAChineseClauseIsTheNumeralOne() {
        assertEquals("存在的主要问题。一是数量不足", OcrPunctuation.fix("存在的主要问题。-是数量不足"));
        assertEquals("问题.一是数量不足", OcrPunctuation.fix("问题.-是数量不足").replace('。', '.'));
        assertEquals("2021-2022年", OcrPunctuation.fix("2021-2022年"));
        assertEquals("A-B 信息", OcrPunctuation.fix("A-B 信息"));
        assertEquals("信息-公开", OcrPunctuation.fix("信息-公开"), "between two Chinese characters: not judged");
    }

    @Test
    void latinAndNumbersAreLeftAlone() {
        assertEquals("1,234 and (PDF) http://www.gov.cn", OcrPunctuation.fix("1,234 and (PDF) http://www.gov.cn"));
        assertEquals("网址：http://www.gov.cn", OcrPunctuation.fix("网址:http://www.gov.cn"));
    }

    @Test
    void quotesOpenAndCloseInTurnAcrossLines() {
        OcrPunctuation.QuoteState q = new OcrPunctuation.QuoteState();
        assertEquals("按照“规范、及时", OcrPunctuation.fix("按照\"规范、及时", q));
        assertEquals("便民”的原则", OcrPunctuation.fix("便民\"的原则", q));
        assertEquals("坚持“三个转变”", OcrPunctuation.fix("坚持'三个转变\"", new OcrPunctuation.QuoteState()));
    }

    @Test
    void quotesAreToldApartByTheirNeighbours() {
        // the model mirrors quotes: a quote before a comma closes, one after a comma opens
        assertEquals("按照“规范、及时、便民”的原则", OcrPunctuation.fix("按照”规范、及时、便民“的原则"));
        assertEquals("坚持“三个转变”，提高", OcrPunctuation.fix("坚持\"三个转变\"，提高"));
    }

    @Test
    void documentNumberYearsGetTheirHexagonalBrackets() {
        assertEquals("国办公开办函〔2021〕30号", OcrPunctuation.fix("国办公开办函【2021]30号"));
        assertEquals("国办公开办函〔2019〕60号", OcrPunctuation.fix("国办公开办函[2019]60号"));
        assertEquals("见附件[1]", OcrPunctuation.fix("见附件[1]"));
    }

    @Test
    void aTitleInsideATitleGetsSingleTitleMarks() {
        assertEquals(java.util.List.of("《关于印发〈年度", "报告格式〉的通知》和《条例》"),
                OcrPunctuation.nestTitles(java.util.List.of("《关于印发《年度", "报告格式》的通知》和《条例》")));
        // a mark the model missed or added: nothing can be told, the marks stay as read
        assertEquals(java.util.List.of("《关于印发《年度报告格式的通知》"), OcrPunctuation.nestTitles(java.util.List.of("《关于印发《年度报告格式的通知》")));
    }

    @Test
    void aChineseSentenceEndsInAFullStop() {
        assertEquals("提高了透明度。下一步", OcrPunctuation.fix("提高了透明度.下一步"));
        assertEquals("提高了透明度。", OcrPunctuation.fix("提高了透明度o"));
        assertEquals("1.公开意识 2.5万元 Word.doc", OcrPunctuation.fix("1.公开意识 2.5万元 Word.doc"));
    }

    @Test
    void aLoneApostropheBetweenChineseCharactersIsNoise() {
        assertEquals("总体情况", OcrPunctuation.fix("总体'情况"));
    }

    @Test
    void aDocumentNumberBrokenAfterItsYearIsRepairedAcrossTheLines() {
        // the per-line repair needs the 号 on the same line; the paragraph repair sees the next line
        assertEquals(java.util.List.of("的通知》（国办公开办函〔2021〕", "30号）要求"),
                OcrPunctuation.fixParagraph(java.util.List.of("的通知》（国办公开办函【2021 ]", "30号）要求")));
        assertEquals(java.util.List.of("国办公开办函〔", "2021〕30号"),
                OcrPunctuation.fixParagraph(java.util.List.of("国办公开办函【", "2021]30号")));
        assertEquals(java.util.List.of("见【2021】", "第三部分"),
                OcrPunctuation.fixParagraph(java.util.List.of("见【2021】", "第三部分")), "no number follows: a bracket as printed");
    }

    @Test
    void anAngleBracketClosedByAParenthesisIsTheOpeningParenthesis() {
        // the model read the （ of the document number as 〈; with it back the title marks pair and nest
        assertEquals(java.util.List.of("《国务院关于印发〈年度报告格式〉的通知》", "（国办公开办函〔2021〕30号）要求"),
                OcrPunctuation.fixParagraph(java.util.List.of("《国务院关于印发《年度报告格式》的通知》", "〈国办公开办函〔2021〕30号）要求")));
        assertEquals(java.util.List.of("（格式）"), OcrPunctuation.parenthesesReadAsAngles(java.util.List.of("〈格式）")));
        assertEquals(java.util.List.of("〈条例〉（第一款）"), OcrPunctuation.parenthesesReadAsAngles(java.util.List.of("〈条例〉（第一款）")),
                "closed by its own angle bracket first");
        assertEquals(java.util.List.of("〈条例（修订）"), OcrPunctuation.parenthesesReadAsAngles(java.util.List.of("〈条例（修订）")),
                "a parenthesis opens before the next close: the pair is not the angle bracket's");
    }
}
