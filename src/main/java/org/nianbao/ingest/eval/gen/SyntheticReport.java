package org.nianbao.ingest.eval.gen;

import java.util.List;

/**
 * A generated annual report: everything every rendered form is drawn from, and what the truth records.
 *
 * @param id        folder name, e.g. {@code r0001-2021}
 * @param seed      the seed this report was generated from (reports are deterministic from it)
 * @param format    2019 or 2021 (the table format)
 * @param year      the report year
 * @param agency    e.g. {@code 梅州市医疗保障局}
 * @param published date line of the signature block, e.g. {@code 2023年1月15日}
 * @param misprints numbers printed wrong on purpose ({@link Misprints}); empty for a consistent report
 */
public record SyntheticReport(String id, long seed, int format, int year, String agency, String title,
                              String published, List<Section> sections, List<FilledTable> tables, List<Misprint> misprints) {
    public SyntheticReport {
        sections = List.copyOf(sections);
        tables = List.copyOf(tables);
        misprints = List.copyOf(misprints);
    }

    /** A consistent report: every identity holds. */
    public SyntheticReport(String id, long seed, int format, int year, String agency, String title, String published,
                           List<Section> sections, List<FilledTable> tables) {
        this(id, seed, format, year, agency, title, published, sections, tables, List.of());
    }

    public FilledTable table(String tableId) {
        for (FilledTable t : tables) if (t.layout().id().equals(tableId)) return t;
        throw new IllegalArgumentException("no table " + tableId);
    }

    /** All paragraphs including headings and the title, in reading order. */
    public List<Para> allText() {
        List<Para> all = new java.util.ArrayList<>();
        for (Section s : sections) {
            if (s.heading() != null) all.add(s.heading());
            all.addAll(s.paragraphs());
        }
        return all;
    }
}
