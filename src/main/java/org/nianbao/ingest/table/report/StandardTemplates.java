package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The five standard tables of 政府信息公开工作年度报告 (国办公开办函〔2019〕60号 and 〔2021〕30号), as data,
 * transcribed from the shared reference {@code report-format.md} §2–§4: labels, spans, numeric slots
 * with their row and column paths, and the id each slot has in the identities.
 */
public final class StandardTemplates {
    public static final String SEC2_2019 = "2019-sec2";
    public static final String SEC2_2021 = "2021-sec2";
    public static final String SEC3_2019 = "2019-sec3";
    public static final String SEC3_2021 = "2021-sec3";
    public static final String SEC4 = "sec4";

    /** Column ids of section 三, in grid order (columns 3..9). */
    public static final List<String> SEC3_COLUMNS = List.of("natural", "business", "research", "welfare", "legal", "other", "total");
    private static final List<String> SEC3_COLUMN_PATHS = List.of(
            "申请人情况 > 自然人",
            "申请人情况 > 法人或其他组织 > 商业企业",
            "申请人情况 > 法人或其他组织 > 科研机构",
            "申请人情况 > 法人或其他组织 > 社会公益组织",
            "申请人情况 > 法人或其他组织 > 法律服务机构",
            "申请人情况 > 法人或其他组织 > 其他",
            "申请人情况 > 总计");
    /** Column id prefixes of section 四 and the five results of each group. */
    public static final List<String> SEC4_GROUPS = List.of("review", "direct", "after");
    public static final List<String> SEC4_RESULTS = List.of("upheld", "corrected", "other", "pending", "total");
    private static final List<String> SEC4_RESULT_LABELS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    private static final List<StandardTemplate> ALL = List.of(sec2of2019(), sec2of2021(), sec3(true), sec3(false), sec4());

    private StandardTemplates() { }

    public static List<StandardTemplate> all() {
        return ALL;
    }

    public static StandardTemplate byId(String id) {
        for (StandardTemplate t : ALL) if (t.id().equals(id)) return t;
        throw new IllegalArgumentException("no standard template " + id);
    }

    // ---------------------------------------------------------------- section 二

    private static StandardTemplate sec2of2019() {
        Builder b = new Builder();
        String item1 = "第二十条第（一）项";
        b.caption(0, item1, 4);
        b.headers(1, "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量");
        String[] c1 = {"made", "published", "total"};
        String[] p1 = {"本年新制作数量", "本年新公开数量", "对外公开总数量"};
        b.countRow(2, "rules", item1, "规章", c1, p1, ValueKind.COUNT, ValueKind.COUNT, ValueKind.COUNT);
        b.countRow(3, "norms", item1, "规范性文件", c1, p1, ValueKind.COUNT, ValueKind.COUNT, ValueKind.COUNT, "行政规范性文件");
        String[] c5 = {"previous", "change", "decisions"};
        String[] p5 = {"上一年项目数量", "本年增/减", "处理决定数量"};
        String item5 = "第二十条第（五）项";
        b.caption(4, item5, 4);
        b.headers(5, "信息内容", p5[0], p5[1], p5[2]);
        b.countRow(6, "license", item5, "行政许可", c5, p5, ValueKind.COUNT, ValueKind.SIGNED, ValueKind.COUNT);
        b.countRow(7, "other-services", item5, "其他对外管理服务事项", c5, p5, ValueKind.COUNT, ValueKind.SIGNED, ValueKind.COUNT);
        String item6 = "第二十条第（六）项";
        b.caption(8, item6, 4);
        b.headers(9, "信息内容", p5[0], p5[1], p5[2]);
        b.countRow(10, "penalty", item6, "行政处罚", c5, p5, ValueKind.COUNT, ValueKind.SIGNED, ValueKind.COUNT);
        b.countRow(11, "enforcement", item6, "行政强制", c5, p5, ValueKind.COUNT, ValueKind.SIGNED, ValueKind.COUNT);
        String item8 = "第二十条第（八）项";
        b.caption(12, item8, 4);
        b.label(13, 0, 1, 1, "信息内容");
        b.label(13, 1, 1, 1, "上一年项目数量");
        b.label(13, 2, 1, 2, "本年增/减");
        b.label(14, 0, 1, 1, "行政事业性收费");
        b.slot(14, 1, 1, "fees", "previous", item8 + " > 行政事业性收费", "上一年项目数量", ValueKind.COUNT);
        b.slot(14, 2, 2, "fees", "change", item8 + " > 行政事业性收费", "本年增/减", ValueKind.SIGNED);
        String item9 = "第二十条第（九）项";
        b.caption(15, item9, 4);
        b.label(16, 0, 1, 1, "信息内容");
        b.label(16, 1, 1, 1, "采购项目数量");
        b.label(16, 2, 1, 2, "采购总金额");
        b.label(17, 0, 1, 1, "政府集中采购");
        b.slot(17, 1, 1, "procurement", "count", item9 + " > 政府集中采购", "采购项目数量", ValueKind.COUNT);
        b.slot(17, 2, 2, "procurement", "amount", item9 + " > 政府集中采购", "采购总金额", ValueKind.MONEY);
        return new StandardTemplate(SEC2_2019, "二", "2019", 18, 4, b.cells);
    }

    private static StandardTemplate sec2of2021() {
        Builder b = new Builder();
        String item1 = "第二十条第（一）项";
        b.caption(0, item1, 4);
        b.headers(1, "信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
        String[] c1 = {"issued", "repealed", "valid"};
        String[] p1 = {"本年制发件数", "本年废止件数", "现行有效件数"};
        b.countRow(2, "rules", item1, "规章", c1, p1, ValueKind.COUNT, ValueKind.COUNT, ValueKind.COUNT);
        b.countRow(3, "norms", item1, "行政规范性文件", c1, p1, ValueKind.COUNT, ValueKind.COUNT, ValueKind.COUNT, "规范性文件");
        String item5 = "第二十条第（五）项";
        b.caption(4, item5, 4);
        b.label(5, 0, 1, 1, "信息内容");
        b.label(5, 1, 1, 3, "本年处理决定数量");
        b.label(6, 0, 1, 1, "行政许可");
        b.slot(6, 1, 3, "license", "decisions", item5 + " > 行政许可", "本年处理决定数量", ValueKind.COUNT);
        String item6 = "第二十条第（六）项";
        b.caption(7, item6, 4);
        b.label(8, 0, 1, 1, "信息内容");
        b.label(8, 1, 1, 3, "本年处理决定数量");
        b.label(9, 0, 1, 1, "行政处罚");
        b.slot(9, 1, 3, "penalty", "decisions", item6 + " > 行政处罚", "本年处理决定数量", ValueKind.COUNT);
        b.label(10, 0, 1, 1, "行政强制");
        b.slot(10, 1, 3, "enforcement", "decisions", item6 + " > 行政强制", "本年处理决定数量", ValueKind.COUNT);
        String item8 = "第二十条第（八）项";
        b.caption(11, item8, 4);
        b.label(12, 0, 1, 1, "信息内容");
        b.label(12, 1, 1, 3, "本年收费金额（单位：万元）");
        b.label(13, 0, 1, 1, "行政事业性收费");
        b.slot(13, 1, 3, "fees", "amount", item8 + " > 行政事业性收费", "本年收费金额（单位：万元）", ValueKind.DECIMAL);
        return new StandardTemplate(SEC2_2021, "二", "2021", 14, 4, b.cells);
    }

    // ---------------------------------------------------------------- section 三

    private static StandardTemplate sec3(boolean of2019) {
        Builder b = new Builder();
        int rows = of2019 ? 26 : 28;
        b.label(0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
        b.label(0, 3, 1, 7, "申请人情况");
        b.label(1, 3, 2, 1, "自然人");
        b.label(1, 4, 1, 5, "法人或其他组织");
        b.label(1, 9, 2, 1, "总计");
        String[] orgs = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
        for (int i = 0; i < orgs.length; i++) b.label(2, 4 + i, 1, 1, orgs[i]);

        String one = "一、本年新收政府信息公开申请数量";
        b.label(3, 0, 1, 3, one);
        b.sec3Values(3, "new", one);
        String two = "二、上年结转政府信息公开申请数量";
        b.label(4, 0, 1, 3, two);
        b.sec3Values(4, "carried", two);
        String three = "三、本年度办理结果";
        b.label(5, 0, of2019 ? 20 : 22, 1, three);
        int r = 5;
        r = b.sec3Item(r, three, "open", "（一）予以公开");
        r = b.sec3Item(r, three, "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        r = b.sec3Group(r, three, "deny", "（三）不予公开", List.of("1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"));
        r = b.sec3Group(r, three, "unable", "（四）无法提供", List.of("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"));
        r = b.sec3Group(r, three, "ignore", "（五）不予处理", List.of("1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
                "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"));
        if (of2019) {
            r = b.sec3Item(r, three, "other", "（六）其他处理");
        } else {
            r = b.sec3Group(r, three, "other", "（六）其他处理", List.of("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"));
        }
        r = b.sec3Item(r, three, "total", "（七）总计");
        String four = "四、结转下年度继续办理";
        b.label(r, 0, 1, 3, four);
        b.sec3Values(r, "next", four);
        if (r + 1 != rows) throw new IllegalStateException("section 三 template has " + (r + 1) + " rows, expected " + rows);
        return new StandardTemplate(of2019 ? SEC3_2019 : SEC3_2021, "三", of2019 ? "2019" : "2021", rows, 10, b.cells);
    }

    // ---------------------------------------------------------------- section 四

    private static StandardTemplate sec4() {
        Builder b = new Builder();
        b.label(0, 0, 1, 5, "行政复议");
        b.label(0, 5, 1, 10, "行政诉讼");
        for (int i = 0; i < 5; i++) b.label(1, i, 2, 1, SEC4_RESULT_LABELS.get(i));
        b.label(1, 5, 1, 5, "未经复议直接起诉");
        b.label(1, 10, 1, 5, "复议后起诉");
        for (int i = 0; i < 10; i++) b.label(2, 5 + i, 1, 1, SEC4_RESULT_LABELS.get(i % 5));
        String[] groupPaths = {"行政复议", "行政诉讼 > 未经复议直接起诉", "行政诉讼 > 复议后起诉"};
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < 5; i++) {
                b.slot(3, g * 5 + i, 1, "cases", SEC4_GROUPS.get(g) + "." + SEC4_RESULTS.get(i), "",
                        groupPaths[g] + " > " + SEC4_RESULT_LABELS.get(i), ValueKind.COUNT);
            }
        }
        return new StandardTemplate(SEC4, "四", "any", 4, 15, b.cells);
    }

    /** Collects cells; small helpers for the repeated shapes. */
    private static final class Builder {
        final List<TemplateCell> cells = new ArrayList<>();

        void label(int row, int col, int rowSpan, int colSpan, String text, String... aliases) {
            cells.add(TemplateCell.label(row, col, rowSpan, colSpan, text, List.of(aliases)));
        }

        void slot(int row, int col, int colSpan, String rowId, String colId, String rowPath, String colPath, ValueKind kind) {
            cells.add(TemplateCell.slot(row, col, colSpan, rowId, colId, rowPath, colPath, kind));
        }

        void caption(int row, String text, int cols) {
            label(row, 0, 1, cols, text);
        }

        void headers(int row, String... texts) {
            for (int i = 0; i < texts.length; i++) label(row, i, 1, 1, texts[i]);
        }

        void countRow(int row, String rowId, String caption, String label, String[] colIds, String[] colPaths,
                      ValueKind k1, ValueKind k2, ValueKind k3, String... aliases) {
            label(row, 0, 1, 1, label, aliases);
            ValueKind[] kinds = {k1, k2, k3};
            for (int i = 0; i < 3; i++) slot(row, 1 + i, 1, rowId, colIds[i], caption + " > " + label, colPaths[i], kinds[i]);
        }

        void sec3Values(int row, String rowId, String rowPath) {
            for (int i = 0; i < 7; i++) {
                slot(row, 3 + i, 1, rowId, SEC3_COLUMNS.get(i), rowPath, SEC3_COLUMN_PATHS.get(i), ValueKind.COUNT);
            }
        }

        /** A 办理结果 row without sub-items: its label spans columns 1–2. */
        int sec3Item(int row, String parent, String rowId, String text) {
            label(row, 1, 1, 2, text);
            sec3Values(row, rowId, parent + " > " + text);
            return row + 1;
        }

        /** A 办理结果 group: the group label spans its item rows; each item is a data row. */
        int sec3Group(int row, String parent, String groupId, String group, List<String> items) {
            label(row, 1, items.size(), 1, group);
            for (int i = 0; i < items.size(); i++) {
                label(row + i, 2, 1, 1, items.get(i));
                sec3Values(row + i, groupId + "." + (i + 1), parent + " > " + group + " > " + items.get(i));
            }
            return row + items.size();
        }
    }
}
