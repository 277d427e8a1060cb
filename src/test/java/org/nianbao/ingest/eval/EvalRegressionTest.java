package org.nianbao.ingest.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nianbao.ingest.eval.EvalChecks.Check;
import org.nianbao.ingest.eval.EvalChecks.Metric;
import org.nianbao.ingest.eval.score.DocScore;
import org.nianbao.ingest.eval.score.Evaluator;
import org.nianbao.ingest.eval.score.FormTotals;
import org.nianbao.ingest.eval.truth.Truth;
import org.nianbao.ingest.eval.truth.Truth.TruthForm;
import org.nianbao.ingest.eval.truth.TruthIO;
import org.nianbao.ingest.extract.text.TextCaptureExtractor;
import org.nianbao.ingest.eval.score.JsonTables.GridTable;
import org.nianbao.ingest.NianbaoIngest;
import org.nianbao.ingest.pipeline.Context;
import org.nianbao.ingest.pipeline.Extractor;
import org.nianbao.ingest.pipeline.Pipeline;

/**
 * The evaluation of the committed set fixtures/generated on the forms that need no OCR. Floors fail
 * the build on a regression; targets of capabilities still being built show as skipped tests
 * ("not yet supported") with their figures until they are met. The last tests prove the harness can
 * fail: a pipeline with its table reading switched off, or output without its tables, drops below the floors.
 */
class EvalRegressionTest {
    static final Path SET = Path.of("fixtures/generated");
    static Evaluator.Run run;
    static Map<String, FormTotals> byForm = new HashMap<>();

    @BeforeAll
    static void evaluate() throws Exception {
        run = new Evaluator().run(SET, new Evaluator.Options(1, null, false, true));
        for (FormTotals f : run.forms()) byForm.put(f.form, f);
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        EvalMain.print(run, new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8), true);
        System.out.println(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> thresholds() {
        return EvalChecks.nonOcr().stream().map(c -> DynamicTest.dynamicTest(c.state() + " " + c.form() + " " + c.metric().label, () -> {
            FormTotals f = byForm.get(c.form());
            if (c.state() == EvalChecks.State.FLOOR) {
                assertTrue(c.met(f), "regression: " + c.describe(f));
            } else if (!c.met(f)) {
                Assumptions.abort("not yet supported (" + c.owner() + "): " + c.describe(f));
            } else {
                System.out.println("target met, make it a floor: " + c.describe(f));
            }
        }));
    }

    @Test
    void everyNonOcrFormOfTheSetWasScored() {
        assertEquals(2, run.reports());
        for (String form : List.of("html-utf8", "html-gb18030", "pdf", "text-pipe", "text-tab", "text-cell", "text-tsv",
                "moji-utf8-as-gbk", "moji-gbk-as-latin1", "moji-big5-as-gbk", "trad-pinyin")) {
            assertTrue(byForm.containsKey(form), form + " missing from the evaluation");
            assertEquals(2, byForm.get(form).docs, form);
        }
        assertFalse(byForm.containsKey("scan300-pdf"), "OCR forms are left to the IT test and scripts/eval");
    }

    /**
     * A deliberately broken stage: the default pipeline, except that text captures are read with no
     * table detector at all (tables skipped).
     */
    @Test
    void aPipelineThatSkipsTablesFailsTheFloors() throws IOException {
        List<Extractor> extractors = new ArrayList<>();
        for (Extractor e : NianbaoIngest.defaultExtractors()) {
            extractors.add(e instanceof TextCaptureExtractor ? new TextCaptureExtractor(List.of()) : e);
        }
        Pipeline broken = new Pipeline(extractors, NianbaoIngest.defaultStages(), Context.defaults());
        FormTotals tsv = new FormTotals("text-tsv");
        for (Path dir : Evaluator.reportDirs(SET)) {
            Truth t = TruthIO.read(dir.resolve(TruthIO.FILE));
            TruthForm form = t.form("text-tsv");
            Evaluator.FormOutput out = Evaluator.process(broken::process, dir, form);
            tsv.add(DocScore.score(t, form, out.text(), out.tables()), out.seconds(), out.failure());
        }
        assertFailsFloor(tsv, Metric.CELLS);
        assertTrue(tsv.shape() < byForm.get("text-tsv").shape(), "structure figures drop too");
    }

    /** The scorer fed the real output minus its tables, and minus its narrative. */
    @Test
    void outputWithoutTablesOrTextFailsTheFloors() throws IOException {
        NianbaoIngest real = new NianbaoIngest();
        FormTotals noTables = new FormTotals("text-tsv");
        FormTotals noText = new FormTotals("text-tsv");
        for (Path dir : Evaluator.reportDirs(SET)) {
            Truth t = TruthIO.read(dir.resolve(TruthIO.FILE));
            TruthForm form = t.form("text-tsv");
            Evaluator.FormOutput out = Evaluator.process(real::process, dir, form);
            String withoutTables = out.text().lines().filter(l -> !l.contains(" | ")).collect(Collectors.joining("\n"));
            noTables.add(DocScore.score(t, form, withoutTables, List.<GridTable>of()), 1, null);
            String onlyTables = out.text().lines().filter(l -> l.contains(" | ")).collect(Collectors.joining("\n"));
            noText.add(DocScore.score(t, form, onlyTables, out.tables()), 1, null);
        }
        assertFailsFloor(noTables, Metric.CELLS);
        assertEquals(0, noTables.structFound, "no table found in the model");
        assertFailsFloor(noText, Metric.CER);
    }

    private static void assertFailsFloor(FormTotals figures, Metric metric) {
        List<Check> floors = new ArrayList<>();
        for (Check c : EvalChecks.nonOcr()) {
            if (c.form().equals(figures.form) && c.metric() == metric && c.state() == EvalChecks.State.FLOOR) floors.add(c);
        }
        assertFalse(floors.isEmpty(), "a floor exists for " + figures.form + " " + metric);
        for (Check c : floors) {
            assertTrue(c.met(byForm.get(c.form())), "the real pipeline meets it: " + c.describe(byForm.get(c.form())));
            assertFalse(c.met(figures), "the broken output must fail it: " + c.describe(figures));
        }
    }

    @Test
    void theSetIsSmall() throws IOException {
        long bytes;
        try (Stream<Path> s = Files.walk(SET)) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(bytes < 3_500_000, "fixtures/generated is " + bytes + " bytes");
    }
}
