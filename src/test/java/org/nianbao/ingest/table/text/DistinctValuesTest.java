package org.nianbao.ingest.table.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.StandardTable.KeyedValue;
import org.nianbao.ingest.model.TableBlock;

/**
 * The seeds print mostly zeros, which would hide a value landing in the wrong cell. Here every numeric
 * cell of each capture is renumbered 1, 2, 3, … in reading order (the capture's own format kept), so
 * the keyed values must come out as 1..N in template order: proof that each cell lands in its slot.
 */
class DistinctValuesTest {
    @TempDir
    Path tmp;

    private static final Pattern PIPE_NUMBER = Pattern.compile("(^|\\|)(\\s*)\\d+(\\s*)(?=\\||$)");

    private Document runRenumbered(String seed, java.util.function.BiFunction<String, int[], String> renumberLine) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("fixtures/seeds/" + seed), StandardCharsets.UTF_8);
        int[] counter = {0};
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            String out = renumberLine.apply(l, counter);
            if (out != null) b.append(out).append('\n'); // null drops the line
        }
        Path p = tmp.resolve(seed);
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return SeedTablesTest.INGEST.process(p);
    }

    private static void assertOneToN(Document d, int n) {
        List<String> got = new ArrayList<>();
        List<TableBlock> ts = SeedTablesTest.tables(d);
        assertEquals(3, ts.size());
        for (TableBlock t : ts) for (KeyedValue v : t.standard().values()) got.add(v.value());
        List<String> want = new ArrayList<>();
        for (int i = 1; i <= n; i++) want.add(Integer.toString(i));
        assertEquals(want, got);
    }

    @Test
    void pipeRows000() throws Exception {
        Document d = runRenumbered("000_78855fc2a014f9fc.txt", (line, k) -> {
            if (!line.contains("|")) return line;
            Matcher m = PIPE_NUMBER.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + m.group(2) + (++k[0]) + m.group(3)));
            m.appendTail(sb);
            return sb.toString();
        });
        assertOneToN(d, 198);
    }

    @Test
    void tabbedCells001() throws Exception {
        Document d = runRenumbered("001_c5f879456b805937.txt", (line, k) -> line.matches("\\t\\d+") ? "\t" + (++k[0]) : line);
        assertOneToN(d, 198);
    }

    @Test
    void cellPerLine002() throws Exception {
        Document d = runRenumbered("002_e3978633e113c1b8.txt", (line, k) -> line.matches("\\d+") ? Integer.toString(++k[0]) : line);
        assertOneToN(d, 198);
    }

    /** The same capture with its blank lines gone too: one cell per line, nothing between cells. */
    @Test
    void cellPerLineWithoutBlankLines002() throws Exception {
        Document d = runRenumbered("002_e3978633e113c1b8.txt", (line, k) -> line.isBlank() ? null
                : line.matches("\\d+") ? Integer.toString(++k[0]) : line);
        assertOneToN(d, 198);
        assertEquals("本年新制作数量", SeedTablesTest.tables(d).get(0).table().textGrid()[1][1]);
    }

    @Test
    void tsv004() throws Exception {
        Document d = runRenumbered("004_45b37724e5fb3c0a.txt", (line, k) -> {
            if (!line.contains("\t")) return line;
            String[] cells = line.split("\t", -1);
            for (int i = 0; i < cells.length; i++) if (cells[i].matches("\\d+")) cells[i] = Integer.toString(++k[0]);
            return String.join("\t", cells);
        });
        assertOneToN(d, 200);
    }
}
