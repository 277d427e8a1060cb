package org.nianbao.ingest.eval.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nianbao.ingest.eval.gen.FilledTable;
import org.nianbao.ingest.eval.gen.Para;
import org.nianbao.ingest.eval.gen.ParaKind;
import org.nianbao.ingest.eval.gen.Section;
import org.nianbao.ingest.eval.gen.SyntheticReport;
import org.nianbao.ingest.eval.layout.CellRole;
import org.nianbao.ingest.eval.layout.LayoutCell;
import org.nianbao.ingest.eval.layout.TableLayout;

/**
 * Plain-text captures in the four shapes the seeds show (/work/shared/seeds):
 * <ul>
 *   <li>{@link Style#PIPE} (seed 000): a grid row per line, the cells a row anchors joined by {@code " | "}
 *       and padded with bare pipes, so rows have uneven cell counts; ASCII punctuation in the text; in some
 *       reports the headers {@code 本年新制作数量}/{@code 本年新公开数量} cut to {@code 本年新}.</li>
 *   <li>{@link Style#TAB} (seed 001): a cell per line prefixed by a tab, a blank line between rows, an empty
 *       tab line where a cell from the row above covers a position.</li>
 *   <li>{@link Style#CELL} (seed 002): a cell per line with blank lines between cells, some header texts
 *       broken over two lines; site chrome above the report.</li>
 *   <li>{@link Style#TSV} (seed 004): a grid row per tab-separated line, covered positions empty; paragraphs
 *       broken where a PDF page ended; in some reports {@code (一) 予以公开} with ASCII brackets and a space,
 *       headers spaced {@code 结果 维持}, and a row of table 三 shifted left by a lost empty cell.</li>
 * </ul>
 */
public final class FlatTextRenderer {
    public enum Style { PIPE, TAB, CELL, TSV }

    private FlatTextRenderer() { }

    public static String render(SyntheticReport r, Style style) {
        Random rnd = new Random(r.seed() ^ (0x7E57L + style.ordinal()));
        StringBuilder out = new StringBuilder();
        if (style == Style.TSV) out.append("\n\n");
        for (Section s : r.sections()) {
            if (s.heading() != null) text(out, s.heading(), style, rnd);
            for (Para p : s.paragraphs()) {
                text(out, p, style, rnd);
                if (p.kind() == ParaKind.TITLE && style == Style.CELL) {
                    String date = r.published().replaceAll("(\\d+)年(\\d+)月(\\d+)日", "$1-$2-$3");
                    out.append("更新日期:").append(date).append(" 信息来源:").append(r.agency()).append(" 浏览:\n\n");
                }
            }
            if (s.tableId() != null) table(out, r.table(s.tableId()), style, rnd);
        }
        return out.toString();
    }

    private static void text(StringBuilder out, Para p, Style style, Random rnd) {
        String t = p.text();
        if (style == Style.PIPE || style == Style.CELL) t = asciiPunctuation(t);
        switch (style) {
            case PIPE -> out.append(t).append('\n');
            case TAB -> {
                out.append(t).append('\n');
                if (p.kind() == ParaKind.TITLE || rnd.nextBoolean()) out.append('\n');
            }
            case CELL -> {
                if (p.kind() == ParaKind.HEADING) out.append("    ");
                out.append(t).append("\n\n");
            }
            case TSV -> {
                if (p.kind() == ParaKind.TITLE) {
                    out.append(t.replaceFirst("(\\d{4})年", " $1 年")).append("\n\n");
                } else if (p.kind() == ParaKind.BODY && t.length() > 60 && rnd.nextInt(3) == 0) {
                    // the paragraph ran over a PDF page break: the capture keeps the break and a blank line
                    int cut = 20 + rnd.nextInt(t.length() - 40);
                    out.append(t, 0, cut).append("\n\n").append(t.substring(cut)).append("\n\n");
                } else {
                    out.append(t).append("\n\n");
                }
            }
        }
    }

    /** What capture tools that normalise to ASCII do to full-width punctuation (seed 000, 002). */
    public static String asciiPunctuation(String s) {
        return s.replace('，', ',').replace('（', '(').replace('）', ')').replace('：', ':').replace('；', ';')
                .replace('？', '?').replace('！', '!');
    }

    private static void table(StringBuilder out, FilledTable t, Style style, Random rnd) {
        TableLayout layout = t.layout();
        switch (style) {
            case PIPE -> {
                boolean cut = rnd.nextBoolean();
                for (int r = 0; r < layout.rows(); r++) {
                    List<String> cells = new ArrayList<>();
                    for (LayoutCell c : layout.anchoredIn(r)) {
                        String text = asciiPunctuation(t.text(c));
                        // seed 000 lost the end of these two headers
                        if (cut && c.role() == CellRole.HEADER && (text.equals("本年新制作数量") || text.equals("本年新公开数量"))) text = "本年新";
                        cells.add(text);
                    }
                    StringBuilder line = new StringBuilder(String.join(" | ", cells));
                    if (r < layout.rows() - 1) line.append(" | ").append("|".repeat(Math.max(1, layout.cols() - cells.size())));
                    out.append(line).append('\n');
                }
            }
            case TAB -> {
                out.append('\n');
                for (int r = 0; r < layout.rows(); r++) {
                    for (int c = 0; c < layout.cols(); c++) {
                        LayoutCell cell = layout.cellAt(r, c);
                        if (cell.col() != c) continue;
                        if (cell.row() == r) out.append('\t').append(brokenLabel(t, cell, rnd)).append('\n');
                        else out.append("\t\n");
                    }
                    out.append('\n');
                }
                out.append('\n');
            }
            case CELL -> {
                for (int r = 0; r < layout.rows(); r++) {
                    for (LayoutCell c : layout.anchoredIn(r)) out.append(asciiPunctuation(brokenHeader(t, c, rnd))).append("\n\n");
                }
            }
            case TSV -> {
                boolean asciiOrdinals = rnd.nextBoolean();
                boolean spacedHeaders = rnd.nextBoolean();
                // seed 004: a row of table 三 lost one of its leading empty cells and moved left
                int shifted = layout.id().equals("三") && rnd.nextInt(5) < 2 ? 8 + rnd.nextInt(layout.rows() - 10) : -1;
                for (int r = 0; r < layout.rows(); r++) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < layout.cols(); c++) {
                        LayoutCell cell = layout.cellAt(r, c);
                        String text = cell.row() == r && cell.col() == c ? t.text(cell) : "";
                        if (asciiOrdinals && cell.role() == CellRole.LABEL) text = text.replaceFirst("^（([一二三四五六七])）", "($1) ");
                        if (spacedHeaders && cell.role() == CellRole.HEADER && text.length() == 4 && layout.id().equals("四")) {
                            text = text.substring(0, 2) + " " + text.substring(2);
                        }
                        cells.add(text);
                    }
                    if (r == shifted && cells.get(0).isEmpty()) cells.remove(0);
                    out.append(String.join("\t", cells)).append('\n');
                }
                out.append('\n');
            }
        }
    }

    /** Seed 001 breaks a few group labels after their ordinal: {@code （三）\n不予公开}. */
    private static String brokenLabel(FilledTable t, LayoutCell c, Random rnd) {
        String text = t.text(c);
        if (c.role() == CellRole.LABEL && c.rowSpan() > 1 && c.col() == 1 && rnd.nextInt(3) == 0 && text.startsWith("（")) {
            int k = text.indexOf('）');
            if (k > 0 && k + 1 < text.length()) return text.substring(0, k + 1) + "\n" + text.substring(k + 1);
        }
        return text;
    }

    /** Seed 002 keeps the line breaks of narrow header cells: {@code 本年新\n制作数量}. */
    private static String brokenHeader(FilledTable t, LayoutCell c, Random rnd) {
        String text = t.text(c);
        if (c.role() == CellRole.HEADER && text.length() >= 6 && text.length() <= 8 && rnd.nextInt(2) == 0) {
            return text.substring(0, 3) + "\n" + text.substring(3);
        }
        return text;
    }
}
