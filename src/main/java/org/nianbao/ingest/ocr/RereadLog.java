package org.nianbao.ingest.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.nianbao.ingest.model.Line;
import org.nianbao.ingest.model.Word;

/**
 * Measuring aid: with {@code -Dnianbao.ocr.rereadLog=FILE}, every second reading of a line (weak,
 * missed-ink, tall, suspicious line, missed band) appends one tab-separated row to FILE — kind, whether
 * the new reading was taken, whether its text differs, the line's Chinese characters, its weakest
 * Chinese word's confidence, its mean confidence, and the new reading's mean confidence — so the kinds
 * and cases whose re-read is never taken can be found (docs/ocr.md, session 5). Off (no cost) by default.
 */
final class RereadLog {
    private static final String FILE = System.getProperty("nianbao.ocr.rereadLog");

    private RereadLog() { }

    static boolean on() {
        return FILE != null;
    }

    static void note(String kind, Line old, Line again, boolean taken) {
        if (FILE == null) return;
        String row = String.format(Locale.ROOT, "%s\t%b\t%b\t%d\t%.1f\t%.1f\t%.1f\t%s\t%s%n", kind, taken,
                again != null && !again.text().replaceAll("\\s", "").equals(old.text().replaceAll("\\s", "")),
                org.nianbao.ingest.util.Han.count(old.text()), minHanConfidence(old), old.confidence(),
                again == null ? -1.0 : again.confidence(), old.text().replace('\t', ' '),
                again == null ? "" : again.text().replace('\t', ' '));
        synchronized (RereadLog.class) {
            try {
                Files.writeString(Path.of(FILE), row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // a measuring aid: never fails a page
            }
        }
    }

    static double minHanConfidence(Line l) {
        double min = 100;
        for (Word w : l.words()) {
            if (org.nianbao.ingest.util.Han.count(w.text()) > 0) min = Math.min(min, w.confidence());
        }
        return min;
    }
}
