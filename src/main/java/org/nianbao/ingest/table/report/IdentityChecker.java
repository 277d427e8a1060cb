package org.nianbao.ingest.table.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.ingest.model.StandardTable.IdentityCheck;
import org.nianbao.ingest.model.StandardTable.KeyedValue;

/**
 * The arithmetic identities of the standard tables (reference §6), evaluated on concrete cells:
 * I1 (一 + 二 = （七）总计 + 四, per column), I2 (（七）总计 = sum of the 办理结果 rows, per column),
 * I3 (总计 column = sum of the applicant columns, per row), I4–I6 (section 四 totals), I7 (every count
 * is a non-negative integer). A check with a blank or missing operand is {@code skipped}: blank is not 0.
 */
public final class IdentityChecker {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    private IdentityChecker() { }

    /**
     * @param t      the template the values were keyed with
     * @param values keyed values by {@link TemplateCell#slotKey()}
     */
    public static List<IdentityCheck> check(StandardTemplate t, Map<String, KeyedValue> values) {
        List<IdentityCheck> out = new ArrayList<>();
        for (SumSpec s : sums(t)) out.add(sum(s.id(), s.description(), values, s.left(), s.right()));
        out.add(i7(t, values));
        return out;
    }

    /**
     * One sum identity on slot keys: {@code sum(left) = sum(right)}. The checks and the correction
     * search ({@link IdentityCorrector}) share these, so both see the same identities.
     */
    record SumSpec(String id, String description, List<String> left, List<String> right) { }

    /** The sum identities of a template, in the order the checks report them (I1, I2 per column, I3 per row; I4–I6). */
    static List<SumSpec> sums(StandardTemplate t) {
        List<SumSpec> out = new ArrayList<>();
        switch (t.section()) {
            case "三" -> sec3(t, out);
            case "四" -> sec4(out);
            default -> { }
        }
        return out;
    }

    private static void sec3(StandardTemplate t, List<SumSpec> out) {
        List<String> columns = StandardTemplates.SEC3_COLUMNS;
        Map<String, String> rowNames = new LinkedHashMap<>();
        for (TemplateCell c : t.values()) rowNames.putIfAbsent(c.rowId(), c.rowPath());
        List<String> results = new ArrayList<>();
        for (String r : rowNames.keySet()) {
            if (!r.equals("new") && !r.equals("carried") && !r.equals("total") && !r.equals("next")) results.add(r);
        }
        for (int c = 0; c < columns.size(); c++) {
            String col = columns.get(c);
            String colName = columnName(t, col);
            out.add(new SumSpec("I1", "I1 (" + colName + "): 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
                    keys(col, "new", "carried"), keys(col, "total", "next")));
            List<String> parts = new ArrayList<>();
            for (String r : results) parts.add(r + "|" + col);
            out.add(new SumSpec("I2", "I2 (" + colName + "): （七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）",
                    List.of("total|" + col), parts));
        }
        for (Map.Entry<String, String> row : rowNames.entrySet()) {
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < 6; c++) parts.add(row.getKey() + "|" + columns.get(c));
            out.add(new SumSpec("I3", "I3 (" + row.getValue() + "): 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
                    List.of(row.getKey() + "|total"), parts));
        }
    }

    private static void sec4(List<SumSpec> out) {
        String[] ids = {"I4", "I5", "I6"};
        String[] names = {"行政复议", "行政诉讼 > 未经复议直接起诉", "行政诉讼 > 复议后起诉"};
        for (int g = 0; g < 3; g++) {
            String p = StandardTemplates.SEC4_GROUPS.get(g) + ".";
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < 4; i++) parts.add("cases|" + p + StandardTemplates.SEC4_RESULTS.get(i));
            out.add(new SumSpec(ids[g], ids[g] + " (" + names[g] + "): 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
                    List.of("cases|" + p + "total"), parts));
        }
    }

    /** Whether a value of this kind is allowed (I7); {@code d} is never null. */
    static boolean allowed(ValueKind kind, BigDecimal d) {
        return switch (kind) {
            case COUNT -> d.signum() >= 0 && d.stripTrailingZeros().scale() <= 0;
            case SIGNED -> d.stripTrailingZeros().scale() <= 0;
            case DECIMAL, MONEY -> d.signum() >= 0;
        };
    }

    /** I7: every cell holds what its column allows (counts: non-negative integers). */
    private static IdentityCheck i7(StandardTemplate t, Map<String, KeyedValue> v) {
        List<String> bad = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        int numbers = 0;
        for (TemplateCell c : t.values()) {
            KeyedValue kv = v.get(c.slotKey());
            if (kv == null) continue;
            if (kv.value() == null) {
                // blank is allowed; text that is no number (an OCR misreading, a note) is not
                if (!NumberCell.isBlank(kv.text())) {
                    bad.add(c.rowPath() + (c.rowPath().isEmpty() ? "" : " | ") + c.colPath() + " = '" + kv.text() + "' is not a number");
                    cells.add(ref(kv));
                }
                continue;
            }
            numbers++;
            BigDecimal d = new BigDecimal(kv.value());
            boolean ok = allowed(c.kind(), d);
            if (!ok) {
                bad.add(c.rowPath() + (c.rowPath().isEmpty() ? "" : " | ") + c.colPath() + " = " + kv.text());
                cells.add(ref(kv));
            }
        }
        String desc = "I7: every count is a non-negative integer (本年增/减 may be negative; amounts may be decimal)";
        if (numbers == 0 && bad.isEmpty()) return new IdentityCheck("I7", desc, SKIPPED, List.of(), "no numeric cells");
        if (bad.isEmpty()) return new IdentityCheck("I7", desc, PASSED, List.of(), numbers + " numeric cells checked");
        return new IdentityCheck("I7", desc, FAILED, cells, String.join("; ", bad));
    }

    private static List<String> keys(String col, String... rows) {
        List<String> out = new ArrayList<>();
        for (String r : rows) out.add(r + "|" + col);
        return out;
    }

    /** Checks sum(left) = sum(right); skipped when any operand is blank or missing. */
    private static IdentityCheck sum(String id, String description, Map<String, KeyedValue> v, List<String> left, List<String> right) {
        List<String> cells = new ArrayList<>();
        List<String> blanks = new ArrayList<>();
        BigDecimal l = BigDecimal.ZERO;
        BigDecimal r = BigDecimal.ZERO;
        StringBuilder ls = new StringBuilder();
        StringBuilder rs = new StringBuilder();
        for (int side = 0; side < 2; side++) {
            for (String key : side == 0 ? left : right) {
                KeyedValue kv = v.get(key);
                StringBuilder sb = side == 0 ? ls : rs;
                if (sb.length() > 0) sb.append(" + ");
                if (kv == null) {
                    blanks.add(key + " (missing)");
                    sb.append('?');
                    continue;
                }
                cells.add(ref(kv));
                if (kv.value() == null) {
                    blanks.add(ref(kv) + " (blank)");
                    sb.append('_');
                    continue;
                }
                sb.append(kv.value());
                if (side == 0) l = l.add(new BigDecimal(kv.value()));
                else r = r.add(new BigDecimal(kv.value()));
            }
        }
        if (!blanks.isEmpty()) {
            return new IdentityCheck(id, description, SKIPPED, cells, "not checkable: " + String.join(", ", blanks));
        }
        boolean ok = l.compareTo(r) == 0;
        String detail = ok ? ls + " = " + rs
                : ls + " ≠ " + rs + " (" + l.stripTrailingZeros().toPlainString() + " vs " + r.stripTrailingZeros().toPlainString() + ")";
        return new IdentityCheck(id, description, ok ? PASSED : FAILED, cells, detail);
    }

    /** A cell reference as the grid knows it: {@code r5c3}. */
    static String ref(KeyedValue kv) {
        return "r" + kv.row() + "c" + kv.col();
    }

    private static String columnName(StandardTemplate t, String colId) {
        for (TemplateCell c : t.values()) if (c.colId().equals(colId)) return c.colPath();
        return colId;
    }
}
