package org.nianbao.ingest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.ocr.testkit.ImageFiles;
import org.nianbao.ingest.output.OutputFormat;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Limits;
import org.nianbao.ingest.pipeline.Settings;

/** A folder of page images through the batch: one output named after the folder, the run report, resume. No OCR. */
class PageSetBatchTest {
    @TempDir
    Path tmp;

    static final NianbaoIngest NO_OCR = new NianbaoIngest(new Context(new Settings(Path.of("models"), false, 1), Limits.defaults()));
    static final EnumSet<OutputFormat> TXT_JSON = EnumSet.of(OutputFormat.TXT, OutputFormat.JSON);

    private Path scans() throws Exception {
        Path report = Files.createDirectories(tmp.resolve("in/2021年报"));
        for (int i = 1; i <= 2; i++) ImageFiles.png(new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY), 300, report.resolve("page-" + i + ".png"));
        Files.writeString(tmp.resolve("in/capture.txt"), "一、总体情况\n\n本年度我局认真贯彻落实政府信息公开条例。\n");
        return tmp.resolve("in");
    }

    private BatchSummary run(Path in, Path out) throws Exception {
        PageFolders.Grouping g = InputCollector.collect(List.of(in), null, out, PageFolders.Mode.AUTO);
        return new BatchRunner(NO_OCR, out, TXT_JSON, 2, new BatchRunnerTest.Quiet(), new ResumeJournal(out, "k"))
                .withNotes(g.joined()).run(g.inputs());
    }

    @Test
    void aFolderOfPagesIsOneDocumentInTheReportAndIsSkippedOnResumeUntilAPageChanges() throws Exception {
        Path in = scans();
        Path out = tmp.resolve("out");
        BatchSummary s = run(in, out);
        assertEquals(2, s.results().size(), s.results().toString());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(report.get("notes").get(0).asText().contains("2 page images read as one document"), report.get("notes").toString());
        JsonNode doc = null;
        for (JsonNode d : report.get("documents")) if (d.get("output").asText().equals("2021年报")) doc = d;
        assertTrue(doc != null, report.toString());
        assertEquals(2, doc.get("pages").asInt());
        assertEquals("page-1.png", doc.get("pageFiles").get(0).asText());
        assertEquals("page-2.png", doc.get("pageFiles").get(1).asText());
        // OCR is off, so the pages are not read: the document fails with the first page's file named
        assertTrue(doc.get("reason").asText().contains("page-1.png"), doc.get("reason").asText());
        JsonNode json = new ObjectMapper().readTree(out.resolve("2021年报.json").toFile());
        assertEquals("page-2.png", json.get("pages").get(1).get("file").asText());

        BatchSummary again = run(in, out);
        assertTrue(again.results().stream().allMatch(DocumentResult::reused), "nothing changed: all skipped");

        ImageFiles.png(new BufferedImage(31, 20, BufferedImage.TYPE_BYTE_GRAY), 300, in.resolve("2021年报/page-2.png"));
        BatchSummary third = run(in, out);
        for (DocumentResult r : third.results()) {
            assertEquals(!r.input().isPageSet(), r.reused(), r.output() + ": a changed page redoes its document only");
        }
        assertFalse(Files.exists(out.resolve("2021年报/page-1.png.json")), "no per-file outputs for joined pages");
    }
}
