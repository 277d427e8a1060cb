package org.nianbao.ingest.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nianbao.ingest.model.SourceKind;
import org.nianbao.ingest.sniff.Sniffer;
import org.nianbao.ingest.util.NaturalOrder;

/**
 * Folders of page images read as one document. Archivists often scan a report as one image per page
 * ({@code report/page-001.jpg}, {@code page-002.jpg}, …); read file by file, a table running over two
 * pages is never joined and the report comes out in fragments. This turns such a folder's page images
 * into one input whose pages are the files in natural order ({@code page-2} before {@code page-10}); the
 * output is named after the folder. Files of the folder that are not images stay inputs of their own.
 *
 * <p>Three modes: {@link Mode#ALWAYS} joins every folder holding two or more page images (and page
 * images given one by one on the command line, by the folder they are in); {@link Mode#NEVER} reads
 * every file alone; {@link Mode#AUTO} joins only a folder that cannot reasonably be anything else:
 * it holds nothing but two or more images (no other files, no subfolders) of one format whose names
 * are one stem plus consecutive page numbers, and the stem is empty, a page word ({@code page},
 * {@code p}, {@code 第}…{@code 页}) or the folder's own name. A folder of camera or scanner file names
 * ({@code IMG_0412.jpg}, {@code scan001.jpg}) could be separate one-page reports and is left alone.
 * Every join is announced (log and run report) with the rule that made it.
 */
public final class PageFolders {
    /** When a folder of page images becomes one document. */
    public enum Mode {
        /** Every file is its own document. */
        NEVER,
        /** Only folders named unmistakably as the pages of one document (see the class comment). */
        AUTO,
        /** Every folder holding two or more page images. */
        ALWAYS;
    }

    /** The inputs after grouping, and one line per folder that was joined (for the log and the run report). */
    public record Grouping(List<Input> inputs, List<String> joined) { }

    /** Page words a stem may be: "page-", "p", "第" (with "页" after the number), "pg_" … */
    private static final Set<String> PAGE_WORDS = Set.of("", "page", "pages", "pg", "p", "pp", "seite", "第", "页", "頁",
            "页码", "頁碼", "第页");
    /** stem, page number, optional 页 after it. */
    private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d{1,6})([页頁]?)$");

    private PageFolders() { }

    /** Groups with the real file-type test: a file is a page image when its first bytes say so. */
    public static Grouping group(List<Input> inputs, Mode mode) {
        return group(inputs, mode, PageFolders::isImage);
    }

    /** A seam for tests: {@code isImage} decides which files are page images. */
    static Grouping group(List<Input> inputs, Mode mode, java.util.function.Predicate<Path> isImage) {
        if (mode == Mode.NEVER) return new Grouping(inputs, List.of());
        // candidates: page images by (root, folder), in the order first met
        Map<List<Path>, List<Integer>> byFolder = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            if (in.isPageSet()) continue;
            boolean direct = in.root().equals(in.file());
            if (direct && mode != Mode.ALWAYS) continue; // files named one by one are joined only on request
            Path folder = in.file().toAbsolutePath().normalize().getParent();
            if (folder == null || !Files.isRegularFile(in.file()) || !isImage.test(in.file())) continue;
            Path root = direct ? folder : in.root().toAbsolutePath().normalize();
            byFolder.computeIfAbsent(List.of(root, folder), k -> new ArrayList<>()).add(i);
        }
        Map<Integer, Input> replaceAt = new LinkedHashMap<>();
        java.util.Set<Integer> absorbed = new java.util.HashSet<>();
        List<String> joined = new ArrayList<>();
        for (var e : byFolder.entrySet()) {
            List<Integer> idx = e.getValue();
            if (idx.size() < 2) continue;
            Path root = e.getKey().get(0);
            Path folder = e.getKey().get(1);
            List<Path> pages = new ArrayList<>();
            for (int i : idx) pages.add(inputs.get(i).file());
            pages.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), NaturalOrder.INSTANCE));
            String why;
            if (mode == Mode.AUTO) {
                why = autoReason(folder, pages);
                if (why == null) continue;
            } else {
                why = "--pages-as-document";
            }
            Input first = inputs.get(idx.get(0));
            boolean direct = first.root().equals(first.file());
            // the folder as a path under the argument it was found under, so its output name is relative to it
            Path folderArg = direct ? folder : first.file().getParent();
            Path rootArg = direct ? folder : first.root();
            if (!direct && folder.equals(root)) folderArg = first.root();
            Input group = new Input(rootArg, folderArg, pages);
            replaceAt.put(idx.get(0), group);
            absorbed.addAll(idx);
            joined.add(String.format(Locale.ROOT, "%s: %d page images read as one document (%s … %s) — %s", folderArg, pages.size(),
                    pages.get(0).getFileName(), pages.get(pages.size() - 1).getFileName(), why));
        }
        if (replaceAt.isEmpty()) return new Grouping(inputs, List.of());
        List<Input> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (replaceAt.containsKey(i)) out.add(replaceAt.get(i));
            else if (!absorbed.contains(i)) out.add(inputs.get(i));
        }
        return new Grouping(out, joined);
    }

    /**
     * Why the automatic rule joins these page files (their whole folder), or null when it does not.
     * {@code pages} are the folder's page images in natural order.
     */
    static String autoReason(Path folder, List<Path> pages) {
        // nothing else in the folder: a folder with a PDF or notes beside the images is not just "the pages"
        Set<Path> mine = new java.util.HashSet<>();
        for (Path p : pages) mine.add(p.toAbsolutePath().normalize());
        try (Stream<Path> s = Files.list(folder)) {
            long others = s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !mine.contains(p.toAbsolutePath().normalize()))
                    .count();
            if (others > 0) return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Path p : pages) names.add(p.getFileName().toString());
        return namesReason(folder.getFileName() == null ? "" : folder.getFileName().toString(), names);
    }

    /** The name part of the automatic rule; null when the names do not read as one document's pages. */
    static String namesReason(String folderName, List<String> names) {
        if (names.size() < 2) return null;
        String stem = null;
        String ext = null;
        String after = null;
        List<Integer> numbers = new ArrayList<>();
        for (String n : names) {
            int dot = n.lastIndexOf('.');
            String base = dot > 0 ? n.substring(0, dot) : n;
            String e = dot > 0 ? n.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
            Matcher m = NUMBERED.matcher(base);
            if (!m.matches()) return null;
            String st = m.group(1).toLowerCase(Locale.ROOT);
            if (stem == null) {
                stem = st;
                ext = e;
                after = m.group(3);
            } else if (!stem.equals(st) || !ext.equals(e) || !after.equals(m.group(3))) {
                return null;
            }
            numbers.add(Integer.parseInt(m.group(2)));
        }
        List<Integer> sorted = new ArrayList<>(numbers);
        sorted.sort(null);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i) != sorted.get(i - 1) + 1) return null; // a gap or the same page twice
        }
        String word = stem.replaceAll("[\\s._\\-()（）\\[\\]#]+", "");
        String folder = folderName.toLowerCase(Locale.ROOT).replaceAll("[\\s._\\-()（）\\[\\]#]+", "");
        boolean pageWord = PAGE_WORDS.contains(word);
        boolean folderStem = !word.isEmpty() && word.equals(folder);
        if (!pageWord && !folderStem) return null;
        return String.format(Locale.ROOT, "automatic: the folder holds only these images, named %s%s and numbered %d–%d without a gap"
                        + " (--no-pages-as-document reads each file alone)",
                stem.isEmpty() ? "by page number alone" : "'" + stem + "N" + after + "." + ext + "'",
                folderStem && !pageWord ? " after the folder" : "", sorted.get(0), sorted.get(sorted.size() - 1));
    }

    static boolean isImage(Path file) {
        try {
            return Sniffer.kindOfHead(file) == SourceKind.IMAGE;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
