package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;
import org.nianbao.ingest.ocr.testkit.Cer;

/** Real Tesseract on small fixtures: the engine, the worker process, time limits and crashes. */
class OcrEngineIT {
    static final Path FIXTURES = Path.of("fixtures/ocr");
    static final Path MODELS = Path.of("models");

    static GrayImage image(String name) throws Exception {
        return GrayImage.of(ImageIO.read(FIXTURES.resolve(name).toFile()));
    }

    static String truth(String name) throws Exception {
        return Files.readString(FIXTURES.resolve(name)).strip();
    }

    static OcrService service(OcrService.Isolation isolation, long timeoutMillis) {
        return new OcrService(new OcrService.Config(MODELS, 1, isolation, timeoutMillis, 200_000_000L));
    }

    @Test
    void aChineseLineIsReadWithoutSpacesAndWithWordBoxes() throws Exception {
        GrayImage img = image("line.png");
        try (TesseractEngine e = new TesseractEngine(Models.locate(MODELS))) {
            OcrResult r = e.read(img, null, OcrMode.LINE, OcrOptions.defaults());
            String text = r.text();
            assertTrue(Cer.of(text, truth("line.txt")) <= 0.03, text);
            assertFalse(text.matches(".*\\p{IsHan} \\p{IsHan}.*"), "space between Chinese characters: " + text);
            assertTrue(r.confidence() > 70, "confidence " + r.confidence());
            Line line = r.lines().get(0);
            assertTrue(line.words().size() > 5);
            for (Word w : line.words()) {
                assertTrue(w.box().x() >= 0 && w.box().right() <= img.width() + 1 && w.box().width() > 0, w.toString());
                assertTrue(w.confidence() >= 0 && w.confidence() <= 100);
            }
        }
    }

    /**
     * A region travels as a cut-out ({@link RegionCut}); Tesseract must read it exactly as the same
     * rectangle of the whole page (same text, boxes on the page, confidences), in this JVM and in a worker.
     */
    @Test
    void aRegionReadsTheSameCutOutAsOnTheWholePage() throws Exception {
        GrayImage page = org.nianbao.ingest.ocr.prep.Transforms.quarterTurn(image("upside-down.png"), 180).image();
        try (TesseractEngine e = new TesseractEngine(Models.locate(MODELS));
             WorkerProcessEngine w = WorkerProcessEngine.start(Models.locate(MODELS), 200_000_000L)) {
            OcrResult whole = e.read(page, null, OcrMode.COLUMN, OcrOptions.defaults());
            int compared = 0;
            for (Line l : whole.lines().subList(0, Math.min(4, whole.lines().size()))) {
                java.awt.Rectangle band = new java.awt.Rectangle((int) l.box().x() - 20, (int) l.box().y() - 5,
                        (int) l.box().width() + 40, (int) l.box().height() + 10);
                java.awt.Rectangle inside = band.intersection(new java.awt.Rectangle(0, 0, page.width(), page.height()));
                for (OcrMode mode : new OcrMode[] {OcrMode.LINE, OcrMode.BLOCK}) {
                    OcrResult onPage = e.readWithin(page, inside, mode, OcrOptions.defaults());
                    OcrResult cut = e.read(page, band, mode, OcrOptions.defaults());
                    assertEquals(onPage.paragraphs(), cut.paragraphs(), "in-process " + mode + " " + band);
                    assertEquals(onPage.confidence(), cut.confidence());
                    OcrResult viaWorker = w.read(page, band, mode, OcrOptions.defaults().withTimeout(60_000));
                    assertEquals(onPage.paragraphs(), viaWorker.paragraphs(), "worker " + mode + " " + band);
                    if (!onPage.text().isBlank()) compared++;
                }
            }
            assertTrue(compared >= 4, "too few lines to compare: " + compared);
        }
    }

    @Test
    void digitsModeReadsOnlyFigures() throws Exception {
        try (TesseractEngine e = new TesseractEngine(Models.locate(MODELS))) {
            OcrResult r = e.read(image("line.png"), null, OcrMode.DIGITS, OcrOptions.defaults());
            assertTrue(r.text().replaceAll("\\s", "").matches("[0-9.,%\\-]*"), r.text());
        }
    }

    @Test
    void theWorkerProcessReadsTheSameAndSurvivesATimedOutPage() throws Exception {
        GrayImage img = image("line.png");
        try (WorkerProcessEngine w = WorkerProcessEngine.start(Models.locate(MODELS), 200_000_000L)) {
            OcrResult r = w.read(img, null, OcrMode.LINE, OcrOptions.defaults().withTimeout(60_000));
            assertTrue(Cer.of(r.text(), truth("line.txt")) <= 0.03, r.text());
            // a deadline that has passed by the first word: the worker stops that page and stays up
            GrayImage page = image("upside-down.png");
            OcrException e = assertThrows(OcrException.class,
                    () -> w.read(page, null, OcrMode.PAGE, OcrOptions.defaults().withTimeout(1)));
            assertEquals(OcrException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue(w.alive());
            assertEquals(r.text(), w.read(img, null, OcrMode.LINE, OcrOptions.defaults().withTimeout(60_000)).text());
        }
    }

    @Test
    void aCrashedWorkerFailsItsPageAndIsReplaced() throws Exception {
        GrayImage img = image("line.png");
        try (OcrService s = service(OcrService.Isolation.PROCESS, 60_000)) {
            OcrException e = assertThrows(OcrException.class, () -> s.withEngine(engine -> {
                ((WorkerProcessEngine) engine).terminate(); // as if Tesseract had crashed
                return engine.read(img, null, OcrMode.LINE, OcrOptions.defaults().withTimeout(60_000));
            }));
            assertEquals(OcrException.Kind.CRASHED, e.kind(), e.getMessage());
            OcrResult r = s.read(img, null, OcrMode.LINE, OcrOptions.defaults());
            assertTrue(Cer.of(r.text(), truth("line.txt")) <= 0.03, r.text());
            assertEquals(2, s.enginesStarted());
        }
    }

    @Test
    void theInProcessEngineHonoursItsTimeLimitToo() throws Exception {
        try (OcrService s = service(OcrService.Isolation.INPROCESS, 60_000)) {
            OcrException e = assertThrows(OcrException.class,
                    () -> s.read(image("upside-down.png"), null, OcrMode.PAGE, OcrOptions.defaults().withTimeout(1)));
            assertEquals(OcrException.Kind.TIMEOUT, e.kind());
            assertTrue(s.read(image("line.png"), null, OcrMode.LINE, OcrOptions.defaults()).characters() > 20);
        }
    }

    @Test
    void missingModelsAreReportedWithTheSetUpCommand() {
        OcrException e = assertThrows(OcrException.class, () -> Models.locate(Path.of("/nonexistent/models")));
        assertEquals(OcrException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("scripts/setup-models"), e.getMessage());
    }

    @Test
    void anUpsideDownPageIsTurnedAndRead() throws Exception {
        try (OcrService s = service(OcrService.Isolation.PROCESS, 120_000)) {
            PageReader.PageText t = new PageReader(s).read(image("upside-down.png"), 300, OcrScript.SIMPLIFIED, 0);
            assertEquals(180, t.rotated());
            assertTrue(Cer.of(t.text(), truth("upside-down.txt")) <= 0.03, t.text());
            // boxes are on the page as given (upside down): the first line read is near the bottom
            assertTrue(t.lines().get(0).box().y() > 1000, t.lines().get(0).box().toString());
        }
    }
}
