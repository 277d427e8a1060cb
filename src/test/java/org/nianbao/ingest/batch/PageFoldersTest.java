package org.nianbao.ingest.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folders become one document, in what page order, under what name. Files only need an image signature. */
class PageFoldersTest {
    @TempDir
    Path tmp;

    private static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

    private Path image(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        return Files.write(folder.resolve(name), PNG_HEAD);
    }

    private Path text(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(name), "说明\n");
    }

    private PageFolders.Grouping collect(PageFolders.Mode mode, Path... args) throws IOException {
        return InputCollector.collect(List.of(args), null, tmp.resolve("out"), mode);
    }

    private static List<String> names(Input in) {
        return in.pages().stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void autoJoinsAFolderOfNumberedPagesInNaturalOrderNamedAfterTheFolder() throws IOException {
        Path root = tmp.resolve("scans");
        Path report = root.resolve("2021年报");
        for (int i = 1; i <= 11; i++) image(report, "page-" + i + ".jpg");
        Path other = text(root, "readme.txt");
        PageFolders.Grouping g = collect(PageFolders.Mode.AUTO, root);
        assertEquals(2, g.inputs().size(), g.inputs().toString());
        Input pages = g.inputs().get(0);
        assertTrue(pages.isPageSet());
        assertEquals("page-1.jpg", names(pages).get(0));
        assertEquals("page-2.jpg", names(pages).get(1), "page-2 comes before page-10");
        assertEquals("page-11.jpg", names(pages).get(10));
        assertEquals(List.of("2021年报", "readme.txt"), OutputNames.assign(g.inputs()));
        assertEquals(other, g.inputs().get(1).file());
        assertEquals(1, g.joined().size());
        assertTrue(g.joined().get(0).contains("11 page images") && g.joined().get(0).contains("automatic"), g.joined().get(0));
    }

    @Test
    void autoAcceptsPageWordsBareNumbersAndTheFolderName() {
        assertNotNull(PageFolders.namesReason("x", List.of("p1.png", "p2.png", "p3.png")));
        assertNotNull(PageFolders.namesReason("x", List.of("第1页.jpg", "第2页.jpg")));
        assertNotNull(PageFolders.namesReason("x", List.of("001.tif", "002.tif")));
        assertNotNull(PageFolders.namesReason("report2021", List.of("report2021_01.jpg", "report2021_02.jpg")));
        assertNotNull(PageFolders.namesReason("x", List.of("page-2.jpg", "page-3.jpg")), "a scan of pages 2-3 only");
    }

    @Test
    void autoLeavesAmbiguousFoldersAlone() {
        // camera and scanner names: could be separate one-page reports
        assertNull(PageFolders.namesReason("x", List.of("IMG_0412.jpg", "IMG_0413.jpg")));
        assertNull(PageFolders.namesReason("x", List.of("scan001.jpg", "scan002.jpg")));
        // a gap, a repeat, mixed formats, mixed stems, a single file
        assertNull(PageFolders.namesReason("x", List.of("page-1.jpg", "page-3.jpg")));
        assertNull(PageFolders.namesReason("x", List.of("page-1.jpg", "page-01.jpg")));
        assertNull(PageFolders.namesReason("x", List.of("page-1.jpg", "page-2.png")));
        assertNull(PageFolders.namesReason("x", List.of("page-1.jpg", "p-2.jpg")));
        assertNull(PageFolders.namesReason("x", List.of("page-1.jpg")));
        assertNull(PageFolders.namesReason("x", List.of("report-a.jpg", "report-b.jpg")));
    }

    @Test
    void autoDoesNotJoinAFolderWithOtherFilesOrSubfolders() throws IOException {
        Path a = tmp.resolve("a");
        image(a, "page-1.png");
        image(a, "page-2.png");
        text(a, "notes.txt");
        Path b = tmp.resolve("b");
        image(b, "page-1.png");
        image(b, "page-2.png");
        image(b.resolve("sub"), "x.png");
        PageFolders.Grouping g = collect(PageFolders.Mode.AUTO, a, b);
        assertTrue(g.joined().isEmpty(), g.joined().toString());
        assertEquals(6, g.inputs().size());
        assertTrue(g.inputs().stream().noneMatch(Input::isPageSet));
    }

    @Test
    void alwaysJoinsTheImagesOfEveryFolderAndKeepsOtherFilesApart() throws IOException {
        Path a = tmp.resolve("a");
        image(a, "IMG_0413.jpg");
        image(a, "IMG_0412.jpg");
        text(a, "notes.txt");
        Path lone = tmp.resolve("lone");
        image(lone, "only.png");
        PageFolders.Grouping g = collect(PageFolders.Mode.ALWAYS, tmp.resolve("a"), lone);
        assertEquals(3, g.inputs().size(), g.inputs().toString());
        Input set = g.inputs().get(0);
        assertEquals(List.of("IMG_0412.jpg", "IMG_0413.jpg"), names(set));
        assertEquals("a", set.relativeName(), "the folder given is the page folder: its own name");
        assertEquals("notes.txt", g.inputs().get(1).relativeName());
        assertTrue(!g.inputs().get(2).isPageSet(), "a folder with one image stays a file");
        assertTrue(g.joined().get(0).contains("--pages-as-document"), g.joined().get(0));
    }

    @Test
    void imagesGivenOneByOneAreJoinedByTheirFolderOnlyOnRequest() throws IOException {
        Path f = tmp.resolve("r");
        Path p2 = image(f, "page-2.png");
        Path p1 = image(f, "page-1.png");
        assertEquals(2, collect(PageFolders.Mode.AUTO, p2, p1).inputs().size());
        PageFolders.Grouping g = collect(PageFolders.Mode.ALWAYS, p2, p1);
        assertEquals(1, g.inputs().size());
        assertEquals(List.of("page-1.png", "page-2.png"), names(g.inputs().get(0)));
        assertEquals(List.of("r"), OutputNames.assign(g.inputs()));
    }

    @Test
    void neverLeavesEveryFileAlone() throws IOException {
        Path f = tmp.resolve("r");
        image(f, "page-1.png");
        image(f, "page-2.png");
        PageFolders.Grouping g = collect(PageFolders.Mode.NEVER, f);
        assertEquals(2, g.inputs().size());
        assertTrue(g.joined().isEmpty());
    }

    @Test
    void aPageFolderAndAFileOfTheSameNameDoNotCollide() throws IOException {
        Path root = tmp.resolve("in");
        image(root.resolve("report"), "page-1.png");
        image(root.resolve("report"), "page-2.png");
        text(root, "report.txt");
        PageFolders.Grouping g = collect(PageFolders.Mode.AUTO, root);
        List<String> names = OutputNames.assign(g.inputs());
        assertEquals(java.util.Set.of("report", "report.txt"), java.util.Set.copyOf(names)); // outputs report.txt/.json and report.txt.txt/.json
    }
}
