package org.nianbao.ingest.eval.truth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * What a generated report contains, written as {@code truth.json} beside its rendered forms.
 * See docs/evaluation.md for the schema; {@code schema} names its version.
 *
 * @param formatYear 2019 or 2021 (the table format); {@code reportYear} is the year reported on
 * @param pageCount  pages of the born-digital PDF (every form's pages are numbered like it)
 * @param sections   the text by section: title, intro, 一 … 六, closing
 * @param tables     the three standard tables with their grids, spans and values
 * @param forms      the rendered forms of this report (files relative to the report folder)
 * @param misprints  numbers the report prints wrong on purpose ({@code scripts/generate --misprints}); the tables'
 *                   cells and values hold them as printed. Absent from the file when there are none.
 */
public record Truth(String schema, String id, long seed, int formatYear, int reportYear, String agency, String title,
                    int pageCount, List<TruthSection> sections, List<TruthTable> tables, List<TruthForm> forms,
                    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TruthMisprint> misprints) {
    public static final String SCHEMA = "nianbao-eval-truth/1";

    public Truth {
        sections = List.copyOf(sections);
        tables = List.copyOf(tables);
        forms = forms == null ? List.of() : List.copyOf(forms);
        misprints = misprints == null ? List.of() : List.copyOf(misprints);
    }

    public Truth withForms(List<TruthForm> newForms) {
        return new Truth(schema, id, seed, formatYear, reportYear, agency, title, pageCount, sections, tables, newForms, misprints);
    }

    /** Every narrative text unit (title, headings, paragraphs, closing) in reading order. */
    public List<TruthText> texts() {
        List<TruthText> all = new ArrayList<>();
        for (TruthSection s : sections) {
            if (s.heading() != null) all.add(s.heading());
            all.addAll(s.paragraphs());
        }
        return all;
    }

    public TruthForm form(String name) {
        for (TruthForm f : forms) if (f.form().equals(name)) return f;
        return null;
    }

    /** A section: its key ({@code title}, {@code intro}, {@code 一} … {@code 六}, {@code closing}), heading and paragraphs. */
    public record TruthSection(String key, TruthText heading, List<TruthText> paragraphs) {
        public TruthSection {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /**
     * A unit of narrative text.
     *
     * @param kind  title, heading, subheading, body, closing
     * @param pages pages of the born-digital PDF the text is drawn on
     */
    public record TruthText(String text, String kind, List<Integer> pages) {
        public TruthText {
            pages = List.copyOf(pages);
        }
    }

    /**
     * A standard table.
     *
     * @param id    {@code 二}, {@code 三} or {@code 四}
     * @param pages PDF pages the table is drawn on (more than one when it continues on the next page)
     * @param cells every cell of the grid (they tile it exactly), with spans and printed text
     * @param values every numeric cell, keyed by row path and column path
     */
    public record TruthTable(String id, String name, int rows, int cols, List<Integer> pages,
                             List<TruthCell> cells, List<TruthValue> values) {
        public TruthTable {
            pages = List.copyOf(pages);
            cells = List.copyOf(cells);
            values = List.copyOf(values);
        }

        /** The grid with a merged cell's text repeated in every position it covers. */
        public String[][] repeatedGrid() {
            String[][] g = new String[rows][cols];
            for (TruthCell c : cells) {
                for (int r = c.row(); r < c.row() + c.rowSpan(); r++) {
                    for (int k = c.col(); k < c.col() + c.colSpan(); k++) g[r][k] = c.text();
                }
            }
            return g;
        }

        /** The cell covering (r, c). */
        public TruthCell cellAt(int r, int c) {
            for (TruthCell cell : cells) {
                if (r >= cell.row() && r < cell.row() + cell.rowSpan() && c >= cell.col() && c < cell.col() + cell.colSpan()) return cell;
            }
            return null;
        }
    }

    /** A grid cell; role is caption, header, note, label or value. */
    public record TruthCell(int row, int col, int rowSpan, int colSpan, String role, String text) { }

    /**
     * A numeric cell.
     *
     * @param rowPath e.g. {@code 三、本年度办理结果 > （三）不予公开 > 1.属于国家秘密} ("" for table 四, which has no row labels)
     * @param colPath e.g. {@code 申请人情况 > 法人或其他组织 > 商业企业}
     * @param value   the text as printed, e.g. {@code 0}, {@code -2}, {@code 12.35}, {@code 251000元}
     * @param kind    count, signed, amount, money
     * @param page    the PDF page the cell is drawn on
     */
    public record TruthValue(String rowPath, String colPath, int row, int col, int colSpan, String value, String kind, int page) { }

    /**
     * One rendered form of the report.
     *
     * @param form  e.g. {@code html-utf8}, {@code pdf}, {@code scan300-png}, {@code text-tsv}
     * @param group the {@code --forms} group that produced it (html, pdf, scan300, text, ...)
     * @param ocr   true when reading it needs OCR
     * @param files files in page order, relative to the report folder; the form's text is their outputs joined
     * @param pages the PDF pages the form shows (scans of part of a report show fewer)
     */
    public record TruthForm(String form, String group, boolean ocr, List<String> files, List<Integer> pages, String note) {
        public TruthForm {
            files = List.copyOf(files);
            pages = List.copyOf(pages);
        }
    }

    /**
     * A number printed wrong: {@code printed} is on the page (and in the table's truth), {@code consistent} is
     * what the identities imply. A good reading keeps {@code printed} and reports the identities it breaks.
     */
    public record TruthMisprint(String table, String rowPath, String colPath, int row, int col, String printed, String consistent) { }
}
