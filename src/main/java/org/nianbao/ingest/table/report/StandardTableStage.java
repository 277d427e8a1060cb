package org.nianbao.ingest.table.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.ImageBlock;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.StandardTable;
import org.nianbao.ingest.model.StandardTable.IdentityCheck;
import org.nianbao.ingest.model.Table;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.pipeline.Capability;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Stage;

/**
 * Recognises the standard report tables among the document's grids, whatever built them (HTML,
 * text capture, PDF, OCR): stitches a table continued over two blocks, keys every numeric cell by
 * row and column path, records deviations from the template, checks the identities I1–I7, decides
 * the report's format (2019 or 2021, from section 二, else section 三), and warns when sections 二–四
 * have headings but no table (the tables were images the capture lost).
 *
 * <p>Requires {@link Capability#NORMALIZED}: recognition works on normalised cell text (simplified
 * script, canonical brackets, no page furniture).
 */
public final class StandardTableStage implements Stage {
    @Override
    public String name() {
        return "standard-tables";
    }

    @Override
    public Set<Capability> requires() {
        return EnumSet.of(Capability.NORMALIZED);
    }

    @Override
    public Set<Capability> provides() {
        return EnumSet.of(Capability.STANDARD_TABLES);
    }

    @Override
    public Document apply(Document doc, Context ctx) {
        List<Page> pages = TableStitcher.stitch(doc.pages());
        // recognise every grid
        Map<TableBlock, Alignment> found = new IdentityHashMap<>();
        Map<TableBlock, TableBlock> replaced = new IdentityHashMap<>();
        String format = null;
        String sec3Layout = null;
        for (Page p : pages) {
            for (Block b : p.blocks()) {
                if (!(b instanceof TableBlock tb)) continue;
                Alignment a = GridStreams.recognize(tb.table());
                if (a == null) continue;
                TableBlock relaid = relaid(tb, a);
                if (relaid != null) {
                    Alignment again = GridStreams.recognize(relaid.table());
                    if (again != null && again.template().id().equals(a.template().id())) {
                        replaced.put(tb, relaid);
                        found.put(relaid, again);
                        a = again;
                    }
                }
                if (!replaced.containsKey(tb)) found.put(tb, a);
                String section = a.template().section();
                if (section.equals("二") && format == null) format = a.template().format();
                if (section.equals("三") && sec3Layout == null) sec3Layout = a.template().format();
            }
        }
        if (format == null) format = sec3Layout;
        List<Page> out = new ArrayList<>();
        for (Page p : pages) {
            List<Block> blocks = new ArrayList<>();
            for (Block b : p.blocks()) {
                if (b instanceof TableBlock tb && replaced.containsKey(tb)) b = replaced.get(tb);
                Alignment a = b instanceof TableBlock tb ? found.get(tb) : null;
                blocks.add(a == null ? b : keyed((TableBlock) b, a, format));
            }
            out.add(p.withBlocks(blocks));
        }
        Document result = doc.withPages(out);
        Warning missing = missingTables(result);
        if (missing != null) result = result.withWarning(missing);
        if (format != null) {
            Map<String, String> meta = new HashMap<>(result.metadata());
            meta.put("report-format", format);
            result = result.withMetadata(meta);
        }
        return result;
    }

    /**
     * A table whose columns were found by alignment alone ({@code aligned-columns}: no rules, so merged
     * cells and the rows of a tall label cannot be seen) laid into the standard table's canonical grid,
     * the way flattened text captures are; its cell texts are kept, its confidence stays low. Null for
     * other origins.
     */
    static TableBlock relaid(TableBlock tb, Alignment a) {
        if (!ALIGNED_COLUMNS.equals(tb.origin())) return null;
        TemplateGridLayout.Layout layout = TemplateGridLayout.layout(a);
        List<Warning> ws = new ArrayList<>(tb.warnings());
        ws.addAll(layout.warnings());
        ws.add(new Warning("table-laid-out-as-standard", "the columns of a table without rules were laid out as the standard "
                + a.template().id() + " table (" + a.template().shape() + "); merged cells follow the template, not the page",
                tb.provenance() == null ? 0 : tb.provenance().page()));
        return new TableBlock(layout.table(), tb.origin(), tb.confidence(), null, tb.provenance(), ws);
    }

    /**
     * The origin the repairs go by: a table without rules on a scanned page was read by OCR like a ruled
     * one (its labels may be a character off, its figures have other readings), though laid into the
     * template's grid its cells no longer say so.
     */
    static String readAs(TableBlock tb) {
        boolean ocr = tb.provenance() != null && tb.provenance().method() == org.nianbao.ingest.model.Method.OCR;
        return ALIGNED_COLUMNS.equals(tb.origin()) && ocr ? IdentityCorrector.OCR_ORIGIN : tb.origin();
    }

    /** Origin of tables rebuilt from aligned columns (no rules), see {@code table/pdf/AlignedColumnTables}. */
    static final String ALIGNED_COLUMNS = "aligned-columns";

    /** The block with its standard table attached, identity failures summarised as a warning. */
    static TableBlock keyed(TableBlock tb, Alignment a, String format) {
        StandardTemplate t = a.template();
        String origin = readAs(tb);
        // labels OCR read a character or two off get their printed text back, so a parser finds their rows
        LabelRepair.Result labels = LabelRepair.repair(a, tb.table(), origin);
        StandardTableBuilder.Keyed k = StandardTableBuilder.keyed(a, labels.grid(), labels.fixes());
        // figures OCR could not read at all: worked out from the identities where they force them
        IdentitySolver.Result solved = IdentitySolver.solve(t, k.bySlot(), k.table(), labels.grid(), origin);
        // numbers read by OCR that break an identity: try the other readings OCR offered
        IdentityCorrector.Result fix = IdentityCorrector.correct(t, solved.bySlot(), solved.table(), solved.grid(), origin);
        String correctedNote = solved.note().isEmpty() ? fix.note()
                : fix.outcome() == IdentityCorrector.Outcome.CORRECTED ? solved.note() + "; " + fix.note() : solved.note();
        StandardTable st = fix.table();
        Table grid = fix.grid();
        if (t.section().equals("三") && format != null && !format.equals(t.format())) {
            List<String> dev = new ArrayList<>(st.deviations());
            String id = format + "-sec3";
            dev.add(0, "laid out as the " + t.format() + " format's section 三 (" + t.shape() + ", （六）其他处理 "
                    + (t.format().equals("2019") ? "as a single row" : "with three sub-rows") + ") in a " + format
                    + "-format report; cells keyed with the " + t.id() + " paths");
            st = new StandardTable(id, st.values(), st.checks(), dev, st.corrections());
        }
        List<Warning> ws = new ArrayList<>(tb.warnings());
        TreeSet<String> failed = new TreeSet<>();
        List<String> details = new ArrayList<>();
        for (IdentityCheck c : st.checks()) {
            if (c.status().equals(IdentityChecker.FAILED)) {
                failed.add(c.id());
                if (details.size() < 6) details.add(c.description() + ": " + c.detail());
            }
        }
        if (!labels.fixes().isEmpty()) {
            List<String> what = new ArrayList<>();
            for (LabelRepair.Fix f : labels.fixes()) {
                if (what.size() < 6) what.add("'" + f.read() + "' → '" + f.label() + "'");
            }
            ws.add(Warning.of("table-label-restored", "standard table " + t.id() + ": " + labels.fixes().size()
                    + " label(s) OCR misread by a character or two restored from the template (" + String.join(", ", what)
                    + (labels.fixes().size() > 6 ? ", …" : "") + ")"));
        }
        if (!st.corrections().isEmpty()) {
            List<String> what = new ArrayList<>();
            for (StandardTable.Correction c : st.corrections()) {
                if (what.size() < 6) what.add("r" + c.row() + "c" + c.col() + " " + c.before() + "→" + c.after());
            }
            ws.add(Warning.of("identity-corrected", "standard table " + st.template() + ": " + correctedNote + " ("
                    + String.join(", ", what) + (st.corrections().size() > 6 ? ", …" : "") + ")"));
        }
        if (fix.outcome() == IdentityCorrector.Outcome.AMBIGUOUS) {
            ws.add(Warning.of("identity-ambiguous", "standard table " + st.template() + ": " + fix.note()));
        }
        if (!failed.isEmpty()) {
            String how = switch (fix.outcome()) {
                case AS_PRINTED -> " as printed";
                case CLEAN, CORRECTED -> "";
                default -> " as read (" + fix.note() + ")";
            };
            ws.add(Warning.of("identity-failed", "standard table " + st.template() + " breaks " + String.join(", ", failed)
                    + how + ": " + String.join("; ", details)));
        }
        return new TableBlock(grid, tb.origin(), tb.confidence(), st, tb.provenance(), ws);
    }

    /**
     * Sections 二, 三 and 四 each hold a table. A heading with no table before the next section means
     * the table was an image (or the capture dropped it): say so, so nobody mistakes the text for complete.
     */
    static Warning missingTables(Document doc) {
        boolean[] heading = new boolean[7];
        boolean[] table = new boolean[7];
        boolean[] image = new boolean[7];
        int section = 0;
        for (Block b : doc.blocks()) {
            String text = b instanceof HeadingBlock h ? h.text() : b instanceof ParagraphBlock p ? p.text() : null;
            int s = text == null ? 0 : ReportSections.sectionOf(text.strip());
            if (s > 0) {
                section = s;
                heading[s] = true;
                continue;
            }
            if (b instanceof TableBlock) table[section] = true;
            if (b instanceof ImageBlock) image[section] = true;
        }
        List<String> missing = new ArrayList<>();
        boolean images = false;
        String[] names = {"", "一", "二", "三", "四", "五", "六"};
        for (int s = 2; s <= 4; s++) {
            if (heading[s] && !table[s]) {
                missing.add(names[s]);
                images |= image[s];
            }
        }
        if (missing.isEmpty()) return null;
        String which = "section" + (missing.size() > 1 ? "s " : " ") + String.join("、", missing);
        String why = images ? "the tables are images that were not rebuilt as grids"
                : "the report's tables were probably images and are missing from this capture";
        return Warning.of("tables-missing", which + (missing.size() > 1 ? " have" : " has")
                + " a heading but no table: " + why + " (the standard table numbers are not in the text)");
    }
}
