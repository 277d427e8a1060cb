package org.nianbao.ingest.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Cell;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.pipeline.Capability;
import org.nianbao.ingest.pipeline.Pipeline;

class NormalizeStageTest {
    private static final NianbaoIngest INGEST = new NianbaoIngest();

    private static Document ingest(String seed) {
        return INGEST.process(Fixtures.seedPath(seed));
    }

    private static String allText(Document d) {
        return d.blocks().stream().map(Block::text).collect(Collectors.joining("\n"));
    }

    @Test
    void registeredAfterExtractionAndProvidesNormalized() {
        assertTrue(NianbaoIngest.defaultStages().stream().anyMatch(s -> s instanceof NormalizeStage));
        NormalizeStage stage = new NormalizeStage();
        assertEquals(java.util.Set.of(Capability.EXTRACTED), stage.requires());
        assertEquals(java.util.Set.of(Capability.NORMALIZED), stage.provides());
        Pipeline.checkOrder(NianbaoIngest.defaultStages());
    }

    @Test
    void seed003IsCleanSimplifiedWithoutPinyinOrChrome() {
        Document d = ingest(Fixtures.TRADITIONAL_SEED);
        String text = allText(d);
        assertTrue(text.startsWith("根据《中华人民共和国政府信息公开条例》"), text.substring(0, 40));
        assertFalse(text.contains("首页") || text.contains("首頁"), "breadcrumb removed");
        assertFalse(text.matches("(?s).*[\\(（][a-z\\u00e0-\\u01dc]{1,6}[\\)）].*"), "no pinyin left");
        assertEquals(0, Fixtures.NORMALIZER.scriptConverter().profile(text).traditional(), "no traditional characters left");
        Map<String, Long> edits = d.edits().counts();
        assertTrue(edits.get("traditional-to-simplified") > 400, edits.toString());
        assertTrue(edits.get("pinyin-groups-removed") > 200, edits.toString());
        assertTrue(edits.get("site-chrome-removed") >= 1, "the breadcrumb (首頁 | and a lone |): " + edits);
        assertEquals("traditional", d.metadata().get("script"));
        List<String> codes = d.warnings().stream().map(w -> w.code()).toList();
        assertTrue(codes.contains("script-converted") && codes.contains("pinyin-removed"), codes.toString());
    }

    @Test
    void seed004HasItsPageBreakSplitsJoined() {
        Document d = ingest("004_45b37724e5fb3c0a");
        List<String> paragraphs = d.blocks().stream().filter(b -> b instanceof ParagraphBlock).map(Block::text).toList();
        assertTrue(paragraphs.contains("2023年无单位和个人对原州区医疗保障局提交政府信息公开的申请。"), paragraphs.toString());
        assertTrue(paragraphs.stream().anyMatch(p -> p.contains("机关各科室和各单位密切配合。")));
        assertTrue(paragraphs.stream().anyMatch(p -> p.contains("做好主动公开，定期公开医疗救助情况")));
        assertFalse(paragraphs.contains("开的申请。"));
        assertEquals(3L, d.edits().counts().get("paragraphs-joined"));
        // headings stay headings, not glued to the paragraphs around them
        List<String> headings = d.blocks().stream().filter(b -> b instanceof HeadingBlock).map(Block::text).toList();
        assertTrue(headings.contains("（二）依申请公开"), headings.toString());
        assertTrue(headings.contains("原州区医疗保障局2023年政府信息公开工作年度报告"), headings.toString());
    }

    @Test
    void seed002LosesItsSiteChromeButKeepsTheFacts() {
        Document d = ingest("002_e3978633e113c1b8");
        assertFalse(allText(d).contains("浏览"));
        assertEquals("2021-01-20", d.metadata().get("web.date"));
        assertEquals("双塔区政务公开办", d.metadata().get("web.source"));
        // "    一、总体情况" was indented with NBSPs the extractor's heading test did not see through
        assertTrue(d.blocks().stream().anyMatch(b -> b instanceof HeadingBlock h && h.text().equals("一、总体情况") && h.level() == 2));
        assertEquals(1L, d.edits().counts().get("headings-recognised"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_78855fc2a014f9fc", "001_c5f879456b805937", "002_e3978633e113c1b8", "004_45b37724e5fb3c0a"})
    void simplifiedSeedsAreNotConverted(String seed) {
        Document d = ingest(seed);
        assertFalse(d.edits().counts().containsKey("traditional-to-simplified"), d.edits().toString());
        assertFalse(d.edits().counts().keySet().stream().anyMatch(k -> k.startsWith("mojibake")), d.edits().toString());
        assertEquals(Status.State.DONE, d.status().state());
    }

    @Test
    void seed001IsAlreadyCanonical() throws Exception {
        var source = new org.nianbao.ingest.sniff.Sniffer().sniff(Fixtures.seedPath("001_c5f879456b805937"));
        Document raw = new org.nianbao.ingest.extract.text.TextCaptureExtractor().extract(source, org.nianbao.ingest.pipeline.Context.defaults());
        Document d = NormalizeStage.normalize(raw, Fixtures.NORMALIZER);
        assertEquals(allText(raw), allText(d), "a clean simplified report in canonical form comes out byte-identical");
        assertTrue(d.edits().counts().isEmpty(), d.edits().toString());
    }

    // ---- documents built by hand ------------------------------------------------------------

    private static Provenance prov(int page, String detail) {
        return new Provenance(SourceKind.PDF, page, Method.TEXT_LAYER, detail);
    }

    private static ParagraphBlock para(int page, String text) {
        return new ParagraphBlock(text, List.of(), prov(page, "p"), List.of());
    }

    private static Document doc(List<List<Block>> pages) {
        List<Page> ps = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            ps.add(new Page(i + 1, 595, 842, new PageReading(Method.TEXT_LAYER, "test"), pages.get(i), List.of()));
        }
        return new Document("test.pdf", SourceKind.PDF, null, "0", ps, Status.done(), List.of(), Edits.none().plus("ocr-pages", 2), Map.of());
    }

    @Test
    void pageNumbersRunningHeadersAndBrokenParagraphsAcrossPages() {
        String header = "原州区医疗保障局2023年政府信息公开工作年度报告";
        Document in = doc(List.of(
                List.of(new HeadingBlock(header, 1, prov(1, "h"), List.of()), para(1, "2023年原州区医疗保障局坚持以公开为常态，不公开为例外，持续加强信息公开平"), para(1, "- 1 -")),
                List.of(para(2, header), para(2, "台建设，不断提升政府信息公开的标准化水平。"), para(2, "— 2 —")),
                List.of(para(3, header), para(3, "（一）主动公开"), para(3, "第3页 共4页")),
                List.of(para(4, header), para(4, "本机关 2023 年未收到政府信息公开申请。"), para(4, "-4-"))));
        Document out = NormalizeStage.normalize(in, Fixtures.NORMALIZER);
        List<String> texts = out.blocks().stream().map(Block::text).toList();
        assertEquals(List.of(header,
                "2023年原州区医疗保障局坚持以公开为常态，不公开为例外，持续加强信息公开平台建设，不断提升政府信息公开的标准化水平。",
                "（一）主动公开",
                "本机关2023年未收到政府信息公开申请。"), texts);
        Map<String, Long> e = out.edits().counts();
        assertEquals(4L, e.get("page-numbers-removed"));
        assertEquals(3L, e.get("running-headers-removed"));
        assertEquals(1L, e.get("paragraphs-joined"));
        assertEquals(2L, e.get("ocr-pages"), "existing edits are kept and merged");
        // the joined paragraph stays on the page where it starts and says where it came from
        assertEquals(1, out.pages().get(0).blocks().size() == 2 ? 1 : 0);
        ParagraphBlock joined = (ParagraphBlock) out.pages().get(0).blocks().get(1);
        assertTrue(joined.provenance().detail().contains("page 2"), joined.provenance().detail());
    }

    @Test
    void bareNumbersAreRemovedOnlyWhenTheyFollowThePages() {
        Document numbered = doc(List.of(
                List.of(para(1, "正文第一页的内容，到此结束。"), para(1, "1")),
                List.of(para(2, "正文第二页的内容，到此结束。"), para(2, "2")),
                List.of(para(3, "正文第三页的内容，到此结束。"), para(3, "3"))));
        assertEquals(3, NormalizeStage.normalize(numbered, Fixtures.NORMALIZER).blocks().size());
        Document data = doc(List.of(
                List.of(para(1, "正文第一页的内容，到此结束。"), para(1, "0")),
                List.of(para(2, "正文第二页的内容，到此结束。"), para(2, "0")),
                List.of(para(3, "正文第三页的内容，到此结束。"), para(3, "0"))));
        assertEquals(6, NormalizeStage.normalize(data, Fixtures.NORMALIZER).blocks().size(), "a column of zeros is data");
    }

    @Test
    void listItemsHeadingsAndShortLinesAreNotGlued() {
        Document in = doc(List.of(List.of(
                para(1, "建立政府信息工作小组，配备分管领导1名，专职工作人员1名，主要工作有"),
                para(1, "（三）政府信息管理"),
                para(1, "按照区政府信息办网站信息公开工作要求，主要包括以下几个方面的内容"),
                para(1, "1.主动公开"),
                para(1, "一是加强领导"),
                para(1, "二是健全机制"),
                para(1, "北票市医疗保障局"),
                para(1, "2021年1月11日"),
                para(1, "关于原州区医疗保障局2023年政府信息公开工作年度报告的说明"),
                para(1, "根据《中华人民共和国政府信息公开条例》要求，现说明如下。"))));
        Document out = NormalizeStage.normalize(in, Fixtures.NORMALIZER);
        assertEquals(10, out.blocks().size(), out.blocks().stream().map(Block::text).toList().toString());
    }

    @Test
    void tablesAndImagesAreNormalisedCellByCell() {
        Table t = new Table(2, 2, List.of(Cell.of(0, 0, 1, 1, "結果 維持"), Cell.of(0, 1, 1, 1, "(一) 予以公開"),
                Cell.of(1, 0, 1, 1, "０"), Cell.of(1, 1, 1, 1, "\u200B12")));
        TableBlock tb = new TableBlock(t, "pdf-rulings", 0.9, null, prov(1, "table 1"), List.of());
        ImageBlock img = new ImageBlock("t.png", "t.png", "政府資訊", "本年 新收 申請\n總計 ５ 件", true, prov(1, "img"), List.of());
        Document in = doc(List.of(List.of(para(1, "政府信息公開工作年度報告，根據條例編製。"), tb, img)));
        Document out = NormalizeStage.normalize(in, Fixtures.NORMALIZER);
        TableBlock t2 = (TableBlock) out.blocks().get(1);
        assertEquals(List.of("结果维持", "（一）予以公开", "0", "12"), t2.table().cells().stream().map(Cell::text).toList());
        assertEquals("pdf-rulings", t2.origin());
        ImageBlock i2 = (ImageBlock) out.blocks().get(2);
        assertEquals("本年新收申请\n总计5件", i2.text(), "OCR lines keep their line breaks");
        assertEquals("政府资讯", i2.altText());
        assertTrue(i2.read());
    }

    @Test
    void emptyAndFailedDocumentsPassThrough() {
        Document failed = Document.failed("x", SourceKind.PDF, "0", "broken");
        assertEquals(failed, NormalizeStage.normalize(failed, Fixtures.NORMALIZER));
        Document empty = doc(List.of(List.of()));
        assertNotNull(NormalizeStage.normalize(empty, Fixtures.NORMALIZER));
    }
}
