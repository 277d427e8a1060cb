package org.nianbao.ingest.eval.layout;

import static org.nianbao.ingest.eval.layout.CellRole.CAPTION;
import static org.nianbao.ingest.eval.layout.CellRole.HEADER;
import static org.nianbao.ingest.eval.layout.CellRole.LABEL;
import static org.nianbao.ingest.eval.layout.CellRole.NOTE;

import java.util.ArrayList;
import java.util.List;

/**
 * The three standard tables of the annual report in the 2019 (国办公开办函〔2019〕60号) and 2021
 * (国办公开办函〔2021〕30号) formats, encoded from /work/shared/docs/report-format.md §2–§4.
 */
public final class StandardLayouts {
    private StandardLayouts() { }

    public static final String SEP = " > ";
    public static final String NOTE_TEXT = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    public static final List<String> APPLICANTS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
    public static final List<String> OUTCOMES = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    /** The three tables of a report in the given format, in report order (二, 三, 四). */
    public static List<TableLayout> forFormat(int format) {
        return List.of(active(format), requests(format), appeals(format));
    }

    // ---------------------------------------------------------------- 二、主动公开政府信息情况

    public static TableLayout active(int format) {
        return format == 2019 ? active2019() : active2021();
    }

    private static TableLayout active2021() {
        Builder b = new Builder();
        b.caption(0, "第二十条第（一）项");
        b.headers(1, "信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
        b.row3(2, "第二十条第（一）项", "规章", "本年制发件数", "本年废止件数", "现行有效件数");
        b.row3(3, "第二十条第（一）项", "行政规范性文件", "本年制发件数", "本年废止件数", "现行有效件数");
        b.caption(4, "第二十条第（五）项");
        b.wideHeader(5, "本年处理决定数量");
        b.wideValue(6, "第二十条第（五）项", "行政许可", "本年处理决定数量", ValueKind.COUNT);
        b.caption(7, "第二十条第（六）项");
        b.wideHeader(8, "本年处理决定数量");
        b.wideValue(9, "第二十条第（六）项", "行政处罚", "本年处理决定数量", ValueKind.COUNT);
        b.wideValue(10, "第二十条第（六）项", "行政强制", "本年处理决定数量", ValueKind.COUNT);
        b.caption(11, "第二十条第（八）项");
        b.wideHeader(12, "本年收费金额（单位：万元）");
        b.wideValue(13, "第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）", ValueKind.AMOUNT);
        return new TableLayout("二", "主动公开政府信息情况", 2021, 14, 4, b.cells);
    }

    private static TableLayout active2019() {
        Builder b = new Builder();
        String[] counts = {"上一年项目数量", "本年增/减", "处理决定数量"};
        b.caption(0, "第二十条第（一）项");
        b.headers(1, "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量");
        b.row3(2, "第二十条第（一）项", "规章", "本年新制作数量", "本年新公开数量", "对外公开总数量");
        b.row3(3, "第二十条第（一）项", "规范性文件", "本年新制作数量", "本年新公开数量", "对外公开总数量");
        b.caption(4, "第二十条第（五）项");
        b.headers(5, "信息内容", counts[0], counts[1], counts[2]);
        b.row3(6, "第二十条第（五）项", "行政许可", counts);
        b.row3(7, "第二十条第（五）项", "其他对外管理服务事项", counts);
        b.caption(8, "第二十条第（六）项");
        b.headers(9, "信息内容", counts[0], counts[1], counts[2]);
        b.row3(10, "第二十条第（六）项", "行政处罚", counts);
        b.row3(11, "第二十条第（六）项", "行政强制", counts);
        b.caption(12, "第二十条第（八）项");
        b.cells.add(LayoutCell.fixed(13, 0, 1, 1, HEADER, "信息内容"));
        b.cells.add(LayoutCell.fixed(13, 1, 1, 1, HEADER, "上一年项目数量"));
        b.cells.add(LayoutCell.fixed(13, 2, 1, 2, HEADER, "本年增/减"));
        b.cells.add(LayoutCell.fixed(14, 0, 1, 1, LABEL, "行政事业性收费"));
        b.cells.add(LayoutCell.value(14, 1, 1, "第二十条第（八）项" + SEP + "行政事业性收费", "上一年项目数量", ValueKind.COUNT));
        b.cells.add(LayoutCell.value(14, 2, 2, "第二十条第（八）项" + SEP + "行政事业性收费", "本年增/减", ValueKind.SIGNED));
        b.caption(15, "第二十条第（九）项");
        b.cells.add(LayoutCell.fixed(16, 0, 1, 1, HEADER, "信息内容"));
        b.cells.add(LayoutCell.fixed(16, 1, 1, 1, HEADER, "采购项目数量"));
        b.cells.add(LayoutCell.fixed(16, 2, 1, 2, HEADER, "采购总金额"));
        b.cells.add(LayoutCell.fixed(17, 0, 1, 1, LABEL, "政府集中采购"));
        b.cells.add(LayoutCell.value(17, 1, 1, "第二十条第（九）项" + SEP + "政府集中采购", "采购项目数量", ValueKind.COUNT));
        b.cells.add(LayoutCell.value(17, 2, 2, "第二十条第（九）项" + SEP + "政府集中采购", "采购总金额", ValueKind.MONEY));
        return new TableLayout("二", "主动公开政府信息情况", 2019, 18, 4, b.cells);
    }

    // ---------------------------------------------------------------- 三、收到和处理政府信息公开申请情况

    /** One data row of the applications table: its labels from outer to inner. */
    public record RequestRow(String level1, String level2, String level3) {
        public String path() {
            StringBuilder sb = new StringBuilder(level1);
            if (level2 != null) sb.append(SEP).append(level2);
            if (level3 != null) sb.append(SEP).append(level3);
            return sb.toString();
        }
    }

    public static final String RESULTS = "三、本年度办理结果";

    /** The data rows of table 三 in order (25 in 2021, 23 in 2019). */
    public static List<RequestRow> requestRows(int format) {
        List<RequestRow> rows = new ArrayList<>();
        rows.add(new RequestRow("一、本年新收政府信息公开申请数量", null, null));
        rows.add(new RequestRow("二、上年结转政府信息公开申请数量", null, null));
        rows.add(new RequestRow(RESULTS, "（一）予以公开", null));
        rows.add(new RequestRow(RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", null));
        for (String s : List.of("1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项")) {
            rows.add(new RequestRow(RESULTS, "（三）不予公开", s));
        }
        for (String s : List.of("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")) {
            rows.add(new RequestRow(RESULTS, "（四）无法提供", s));
        }
        for (String s : List.of("1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                "5.要求行政机关确认或重新出具已获取信息")) {
            rows.add(new RequestRow(RESULTS, "（五）不予处理", s));
        }
        if (format == 2019) {
            rows.add(new RequestRow(RESULTS, "（六）其他处理", null));
        } else {
            for (String s : List.of("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他")) {
                rows.add(new RequestRow(RESULTS, "（六）其他处理", s));
            }
        }
        rows.add(new RequestRow(RESULTS, "（七）总计", null));
        rows.add(new RequestRow("四、结转下年度继续办理", null, null));
        return rows;
    }

    /** Column paths of the 7 numeric columns of table 三 (grid columns 3..9). */
    public static List<String> requestColumns() {
        List<String> cols = new ArrayList<>();
        cols.add("申请人情况" + SEP + "自然人");
        for (String s : APPLICANTS.subList(1, 6)) cols.add("申请人情况" + SEP + "法人或其他组织" + SEP + s);
        cols.add("申请人情况" + SEP + "总计");
        return cols;
    }

    public static TableLayout requests(int format) {
        List<LayoutCell> cells = new ArrayList<>();
        cells.add(LayoutCell.fixed(0, 0, 3, 3, NOTE, NOTE_TEXT));
        cells.add(LayoutCell.fixed(0, 3, 1, 7, HEADER, "申请人情况"));
        cells.add(LayoutCell.fixed(1, 3, 2, 1, HEADER, "自然人"));
        cells.add(LayoutCell.fixed(1, 4, 1, 5, HEADER, "法人或其他组织"));
        cells.add(LayoutCell.fixed(1, 9, 2, 1, HEADER, "总计"));
        for (int i = 1; i < 6; i++) cells.add(LayoutCell.fixed(2, 3 + i, 1, 1, HEADER, APPLICANTS.get(i)));
        List<RequestRow> rows = requestRows(format);
        List<String> colPaths = requestColumns();
        int first = 3;
        int resultsStart = -1;
        int resultsCount = 0;
        String openGroup = null;
        int groupStart = -1;
        int groupCount = 0;
        for (int i = 0; i < rows.size(); i++) {
            RequestRow row = rows.get(i);
            int r = first + i;
            if (row.level2() == null) {
                cells.add(LayoutCell.fixed(r, 0, 1, 3, LABEL, row.level1()));
            } else {
                if (resultsStart < 0) resultsStart = r;
                resultsCount++;
                if (row.level3() == null) {
                    cells.add(LayoutCell.fixed(r, 1, 1, 2, LABEL, row.level2()));
                } else {
                    if (!row.level2().equals(openGroup)) {
                        openGroup = row.level2();
                        groupStart = r;
                        groupCount = (int) rows.stream().filter(x -> row.level2().equals(x.level2())).count();
                        cells.add(LayoutCell.fixed(groupStart, 1, groupCount, 1, LABEL, row.level2()));
                    }
                    cells.add(LayoutCell.fixed(r, 2, 1, 1, LABEL, row.level3()));
                }
            }
            for (int c = 0; c < 7; c++) cells.add(LayoutCell.value(r, 3 + c, 1, row.path(), colPaths.get(c), ValueKind.COUNT));
        }
        cells.add(LayoutCell.fixed(resultsStart, 0, resultsCount, 1, LABEL, RESULTS));
        return new TableLayout("三", "收到和处理政府信息公开申请情况", format, first + rows.size(), 10, cells);
    }

    // ---------------------------------------------------------------- 四、政府信息公开行政复议、行政诉讼情况

    /** Column paths of the 15 numeric columns of table 四. */
    public static List<String> appealColumns() {
        List<String> cols = new ArrayList<>();
        for (String o : OUTCOMES) cols.add("行政复议" + SEP + o);
        for (String o : OUTCOMES) cols.add("行政诉讼" + SEP + "未经复议直接起诉" + SEP + o);
        for (String o : OUTCOMES) cols.add("行政诉讼" + SEP + "复议后起诉" + SEP + o);
        return cols;
    }

    public static TableLayout appeals(int format) {
        List<LayoutCell> cells = new ArrayList<>();
        cells.add(LayoutCell.fixed(0, 0, 1, 5, HEADER, "行政复议"));
        cells.add(LayoutCell.fixed(0, 5, 1, 10, HEADER, "行政诉讼"));
        for (int i = 0; i < 5; i++) cells.add(LayoutCell.fixed(1, i, 2, 1, HEADER, OUTCOMES.get(i)));
        cells.add(LayoutCell.fixed(1, 5, 1, 5, HEADER, "未经复议直接起诉"));
        cells.add(LayoutCell.fixed(1, 10, 1, 5, HEADER, "复议后起诉"));
        for (int i = 0; i < 10; i++) cells.add(LayoutCell.fixed(2, 5 + i, 1, 1, HEADER, OUTCOMES.get(i % 5)));
        List<String> cols = appealColumns();
        for (int i = 0; i < 15; i++) cells.add(LayoutCell.value(3, i, 1, "", cols.get(i), ValueKind.COUNT));
        return new TableLayout("四", "政府信息公开行政复议、行政诉讼情况", format, 4, 15, cells);
    }

    /** Small helper for the 4-column stacked table 二. */
    private static final class Builder {
        final List<LayoutCell> cells = new ArrayList<>();

        void caption(int r, String text) {
            cells.add(LayoutCell.fixed(r, 0, 1, 4, CAPTION, text));
        }

        void headers(int r, String... texts) {
            for (int i = 0; i < texts.length; i++) cells.add(LayoutCell.fixed(r, i, 1, 1, HEADER, texts[i]));
        }

        void wideHeader(int r, String text) {
            cells.add(LayoutCell.fixed(r, 0, 1, 1, HEADER, "信息内容"));
            cells.add(LayoutCell.fixed(r, 1, 1, 3, HEADER, text));
        }

        void row3(int r, String item, String label, String... cols) {
            cells.add(LayoutCell.fixed(r, 0, 1, 1, LABEL, label));
            for (int i = 0; i < 3; i++) {
                ValueKind kind = cols[i].equals("本年增/减") ? ValueKind.SIGNED : ValueKind.COUNT;
                cells.add(LayoutCell.value(r, 1 + i, 1, item + SEP + label, cols[i], kind));
            }
        }

        void wideValue(int r, String item, String label, String col, ValueKind kind) {
            cells.add(LayoutCell.fixed(r, 0, 1, 1, LABEL, label));
            cells.add(LayoutCell.value(r, 1, 3, item + SEP + label, col, kind));
        }
    }
}
