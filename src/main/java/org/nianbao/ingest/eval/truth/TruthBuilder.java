package org.nianbao.ingest.eval.truth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.nianbao.ingest.eval.gen.FilledTable;
import org.nianbao.ingest.eval.gen.Misprint;
import org.nianbao.ingest.eval.gen.Para;
import org.nianbao.ingest.eval.gen.Section;
import org.nianbao.ingest.eval.gen.SyntheticReport;
import org.nianbao.ingest.eval.layout.LayoutCell;
import org.nianbao.ingest.eval.render.PdfReportWriter;
import org.nianbao.ingest.eval.truth.Truth.TruthCell;
import org.nianbao.ingest.eval.truth.Truth.TruthMisprint;
import org.nianbao.ingest.eval.truth.Truth.TruthSection;
import org.nianbao.ingest.eval.truth.Truth.TruthTable;
import org.nianbao.ingest.eval.truth.Truth.TruthText;
import org.nianbao.ingest.eval.truth.Truth.TruthValue;

/** Builds a report's truth from the report and from where the PDF layout put each part. */
public final class TruthBuilder {
    private TruthBuilder() { }

    public static Truth build(SyntheticReport r, PdfReportWriter.Result pdf) {
        List<TruthSection> sections = new ArrayList<>();
        int i = 0;
        for (Section s : r.sections()) {
            TruthText heading = null;
            if (s.heading() != null) heading = text(s.heading(), pdf.textPages().get(i++));
            List<TruthText> paras = new ArrayList<>();
            for (Para p : s.paragraphs()) paras.add(text(p, pdf.textPages().get(i++)));
            sections.add(new TruthSection(s.key(), heading, paras));
        }
        List<TruthTable> tables = new ArrayList<>();
        for (FilledTable t : r.tables()) {
            int[] rowPages = pdf.tableRowPages().get(t.layout().id());
            List<TruthCell> cells = new ArrayList<>();
            List<TruthValue> values = new ArrayList<>();
            for (LayoutCell c : t.layout().cells()) {
                String role = c.role().name().toLowerCase(Locale.ROOT);
                cells.add(new TruthCell(c.row(), c.col(), c.rowSpan(), c.colSpan(), role, t.text(c)));
                if (c.isValue()) {
                    values.add(new TruthValue(c.rowPath(), c.colPath(), c.row(), c.col(), c.colSpan(), t.text(c),
                            c.kind().name().toLowerCase(Locale.ROOT), rowPages[c.row()]));
                }
            }
            TreeSet<Integer> pages = new TreeSet<>();
            for (int p : rowPages) pages.add(p);
            tables.add(new TruthTable(t.layout().id(), t.layout().name(), t.layout().rows(), t.layout().cols(),
                    new ArrayList<>(pages), cells, values));
        }
        List<TruthMisprint> misprints = new ArrayList<>();
        for (Misprint m : r.misprints()) {
            misprints.add(new TruthMisprint(m.tableId(), m.rowPath(), m.colPath(), m.row(), m.col(), m.printed(), m.consistent()));
        }
        return new Truth(Truth.SCHEMA, r.id(), r.seed(), r.format(), r.year(), r.agency(), r.title(), pdf.pageCount(),
                sections, tables, List.of(), misprints);
    }

    private static TruthText text(Para p, List<Integer> pages) {
        return new TruthText(p.text(), p.kind().name().toLowerCase(Locale.ROOT), pages);
    }
}
