package org.nianbao.ingest.eval.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nianbao.ingest.eval.layout.LayoutCell;
import org.nianbao.ingest.eval.layout.ValueKind;

/**
 * Prints one count of table 三 wrong, as real reports do (report-format.md §6: Pingtan 2020's 办理结果 rows
 * sum to 27 under a 总计 of 21). The tool must keep such a number as printed and report the identities
 * it breaks — never "correct" it — and {@code scripts/generate --misprints} makes sets to measure that.
 *
 * <p>The wrong number is a detail cell of the 办理结果 block (a result row, any applicant column or the
 * row's 总计), raised by 1–3: it breaks I2 in its column and I3 in its row, and nothing else. Its own
 * Random (from the report's seed) leaves every other draw of the report as it was without misprints.
 */
public final class Misprints {
    private Misprints() { }

    /** The report with one number of table 三 printed wrong, recorded in {@link SyntheticReport#misprints()}. */
    public static SyntheticReport apply(SyntheticReport r) {
        Random rnd = new Random(r.seed() ^ 0x6D15_9A1EL);
        FilledTable requests = r.table("三");
        List<LayoutCell> detail = new ArrayList<>();
        for (LayoutCell c : requests.layout().cells()) {
            if (c.isValue() && c.kind() == ValueKind.COUNT && isDetail(c.rowPath())) detail.add(c);
        }
        if (detail.isEmpty()) throw new IllegalStateException("table 三 of " + r.id() + " has no detail counts");
        LayoutCell wrong = detail.get(rnd.nextInt(detail.size()));
        String key = FilledTable.pos(wrong.row(), wrong.col());
        String consistent = requests.values().get(key);
        String printed = Integer.toString(Integer.parseInt(consistent) + 1 + rnd.nextInt(3));
        Map<String, String> values = new HashMap<>(requests.values());
        values.put(key, printed);
        List<FilledTable> tables = new ArrayList<>();
        for (FilledTable t : r.tables()) tables.add(t == requests ? new FilledTable(t.layout(), values) : t);
        List<Misprint> misprints = new ArrayList<>(r.misprints());
        misprints.add(new Misprint("三", wrong.row(), wrong.col(), wrong.rowPath(), wrong.colPath(), printed, consistent));
        return new SyntheticReport(r.id(), r.seed(), r.format(), r.year(), r.agency(), r.title(), r.published(), r.sections(),
                tables, misprints);
    }

    /** A result row of the 办理结果 block; not its （七）总计 (a total of I1 and I2) nor the rows 一、, 二、 and 四、 around it. */
    private static boolean isDetail(String rowPath) {
        return rowPath.startsWith("三、本年度办理结果") && !rowPath.contains("（七）总计");
    }
}
