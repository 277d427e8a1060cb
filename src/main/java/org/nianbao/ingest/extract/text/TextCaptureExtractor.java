package org.nianbao.ingest.extract.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.ingest.extract.InputBytes;
import org.nianbao.ingest.model.Block;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.HeadingBlock;
import org.nianbao.ingest.model.Method;
import org.nianbao.ingest.model.Page;
import org.nianbao.ingest.model.PageReading;
import org.nianbao.ingest.model.ParagraphBlock;
import org.nianbao.ingest.model.Provenance;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.model.TableBlock;
import org.nianbao.ingest.model.Warning;
import org.nianbao.ingest.normalize.EditLog;
import org.nianbao.ingest.normalize.MojibakeRepairer;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Extractor;
import org.nianbao.ingest.pipeline.InputException;
import org.nianbao.ingest.sniff.Source;
import org.nianbao.ingest.table.text.DelimitedTableDetector;
import org.nianbao.ingest.table.text.FoundTable;
import org.nianbao.ingest.table.text.LineTableDetector;
import org.nianbao.ingest.util.Headings;
import org.nianbao.ingest.util.TextDecoder;

/**
 * Plain-text captures of reports (copy-paste, "save as text", web text exports). The text is decoded
 * (any encoding), split into lines, tables are found in the raw lines by the {@link LineTableDetector}s
 * in order (earlier detectors win overlaps), and every other non-blank line becomes a heading or a
 * paragraph. Blank lines are kept only as structure, never as blocks.
 */
public final class TextCaptureExtractor implements Extractor {
    private final List<LineTableDetector> detectors;

    public TextCaptureExtractor() {
        this(defaultDetectors());
    }

    public TextCaptureExtractor(List<LineTableDetector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    public static List<LineTableDetector> defaultDetectors() {
        List<LineTableDetector> list = new ArrayList<>();
        // flattened-table detectors (tab-prefixed, one cell per line) go before the plain delimited reader
        list.add(new org.nianbao.ingest.table.text.TabbedCellDetector());
        list.add(new org.nianbao.ingest.table.text.CellPerLineDetector());
        list.add(new DelimitedTableDetector());
        return list;
    }

    @Override
    public boolean accepts(SourceKind kind) {
        return kind == SourceKind.TEXT;
    }

    @Override
    public Document extract(Source source, Context ctx) throws InputException {
        byte[] bytes = InputBytes.read(source);
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, null);
        List<Warning> docWarnings = new ArrayList<>();
        if (decoded.note() != null) docWarnings.add(Warning.of(decoded.lossy() ? "charset-lossy" : "charset-overruled", decoded.note()));
        if (!decoded.how().equals("bom") && !decoded.how().equals("utf-8") && !decoded.how().equals("declared")) {
            docWarnings.add(Warning.of("charset-detected", "no byte-order mark or declaration; decoded as " + decoded.charset()));
        }
        // Mojibake is undone before the lines are read, because table detection reads labels: a
        // capture whose GBK bytes were once read as Latin-1 has its table structure in the garbled text.
        String text = decoded.text();
        Edits edits = Edits.none();
        if (!isAscii(text)) {
            MojibakeRepairer repairer = new MojibakeRepairer();
            MojibakeRepairer.Diagnosis diagnosis = repairer.diagnose(splitLines(text));
            if (!diagnosis.clean()) {
                EditLog log = new EditLog();
                text = repairer.repair(text, diagnosis, log);
                edits = log.toEdits();
                docWarnings.add(Warning.of("mojibake-repaired", "the text was mis-decoded once before it was saved (" + edits.counts().keySet()
                        + "); repaired before reading its structure"));
            }
        }
        List<Block> blocks = toBlocks(text, detectors);
        Page page = new Page(1, 0, 0, new PageReading(Method.TEXT_CAPTURE, "plain text capture (" + decoded.charset() + ")"), blocks, List.of());
        Map<String, String> meta = new HashMap<>();
        return new Document(source.path().toString(), SourceKind.TEXT, decoded.charset(), source.sha256(), List.of(page),
                decoded.lossy() ? Status.partial("some bytes could not be decoded") : Status.done(), docWarnings, edits, meta);
    }

    /** Splits text into lines, finds tables, and turns the rest into headings and paragraphs. */
    public static List<Block> toBlocks(String text, List<LineTableDetector> detectors) {
        List<String> lines = splitLines(text);
        List<FoundTable> tables = new ArrayList<>();
        boolean[] taken = new boolean[lines.size()];
        for (LineTableDetector d : detectors) {
            for (FoundTable t : d.find(lines)) {
                boolean free = true;
                for (int i = t.firstLine(); i < t.endLine(); i++) if (taken[i]) { free = false; break; }
                if (!free) continue;
                for (int i = t.firstLine(); i < t.endLine(); i++) taken[i] = true;
                tables.add(t);
            }
        }
        tables.sort(Comparator.comparingInt(FoundTable::firstLine));
        List<Block> blocks = new ArrayList<>();
        int next = 0;
        int tableNo = 0;
        for (FoundTable t : tables) {
            addLines(lines, next, t.firstLine(), blocks);
            tableNo++;
            Provenance p = new Provenance(SourceKind.TEXT, 1, Method.TEXT_CAPTURE,
                    "table " + tableNo + ", lines " + (t.firstLine() + 1) + "-" + t.endLine());
            blocks.add(new TableBlock(t.table(), t.origin(), t.confidence(), null, p, t.warnings()));
            next = t.endLine();
        }
        addLines(lines, next, lines.size(), blocks);
        return blocks;
    }

    private static void addLines(List<String> lines, int from, int to, List<Block> out) {
        for (int i = from; i < to; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            Provenance p = new Provenance(SourceKind.TEXT, 1, Method.TEXT_CAPTURE, "line " + (i + 1));
            int level = Headings.level(line);
            if (level > 0) out.add(new HeadingBlock(line, level, p, List.of()));
            else out.add(new ParagraphBlock(line, List.of(), p, List.of()));
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    /** Lines without their terminators; \r\n, \r and \n all end a line. */
    public static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < n) lines.add(text.substring(start));
        return lines;
    }
}
