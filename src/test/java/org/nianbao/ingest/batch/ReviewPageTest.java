package org.nianbao.ingest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nianbao.ingest.model.Document;
import org.nianbao.ingest.model.TableBlock;

class ReviewPageTest {
    @TempDir
    Path tmp;

    /**
     * A table-dense capture (a real report repeated: 60 copies, 180 standard tables) gets a review page
     * of bounded size: the first tables and every flagged one up to the cap, and a line saying how
     * many more there are. Unbounded, the page of a 50 MB capture ran the batch out of memory.
     */
    @Test
    void aTableDenseDocumentGetsABoundedReviewPage() throws IOException {
        String seed = Files.readString(Path.of("fixtures/seeds/000_78855fc2a014f9fc.txt"), StandardCharsets.UTF_8);
        Path in = Files.writeString(tmp.resolve("dense.txt"), (seed + "\n").repeat(60), StandardCharsets.UTF_8);
        Document doc = BatchRunnerTest.INGEST.process(in);
        long standard = doc.blocks().stream().filter(b -> b instanceof TableBlock t && t.standard() != null).count();
        assertTrue(standard > ReviewPage.MAX_PLAIN_TABLES + 100, "standard tables: " + standard);

        Path out = Files.createDirectories(tmp.resolve("out"));
        String rel = ReviewPage.writeIfUseful(doc, in, out, "dense.txt");
        assertNotNull(rel);
        String html = Files.readString(out.resolve(rel));
        int sections = html.split("<section>", -1).length - 1;
        assertTrue(sections >= ReviewPage.MAX_PLAIN_TABLES && sections <= ReviewPage.MAX_TABLES, "tables shown: " + sections);
        assertTrue(html.contains((standard - sections) + " more standard table(s) are not shown here"), "the rest is counted");
        assertEquals(sections, html.split("class=\"grid wide\"", -1).length - 1, "each shown table has its grid");
    }
}
