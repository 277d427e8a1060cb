package org.nianbao.ingest.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PunctuationAndSpacingTest {
    private static String punct(String s) {
        return PunctuationPolicy.apply(s, new EditLog());
    }

    private static String spacing(String s) {
        return CjkSpacing.apply(s, new EditLog());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "2020年,北票市医疗保障局 | 2020年，北票市医疗保障局",
        "(一)加强组织领导 | （一）加强组织领导",
        "第二十条第(一)项 | 第二十条第（一）项",
        "国办公开办函(2021)30号 | 国办公开办函（2021）30号",
        "电话:0631-6678715 | 电话：0631-6678715",
        "网址:http://www.a.cn/x?a=1 | 网址：http://www.a.cn/x?a=1",
        "时间10:30开会 | 时间10:30开会",
        "共1,000件 | 共1,000件",
        "问题?是的! | 问题？是的！",
        "完成工作.下一步 | 完成工作。下一步",
        "1.属于国家秘密 | 1.属于国家秘密",
        "1．属于国家秘密 | 1.属于国家秘密",
        "占比35％ | 占比35%",
        "see (note 1), done; ok: yes | see (note 1), done; ok: yes",
        "(区分处理的, 只计这一情形) | （区分处理的， 只计这一情形）",
        "www.gov.cn | www.gov.cn"
    })
    void punctuationPolicy(String in, String out) {
        assertEquals(out, punct(in));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "原州区医疗保障局 2023 年政府信息公开工作年度报告 | 原州区医疗保障局2023年政府信息公开工作年度报告",
        "结果 维持 | 结果维持",
        "政 府 信 息 公 开 | 政府信息公开",
        "（一） 予以公开 | （一）予以公开",
        "区分处理的， 只计 | 区分处理的，只计",
        "登录 www.gov.cn 查询 | 登录 www.gov.cn 查询",
        "使用 PDF 格式 | 使用 PDF 格式",
        "Open   Government  Data | Open Government Data",
        "\"  行首和行尾  \" | 行首和行尾",
        "he said “hello” and left | he said “hello” and left",
        "占比 35% 左右 | 占比35%左右"
    })
    void spacing(String in, String out) {
        assertEquals(out, spacing(in));
    }
}
