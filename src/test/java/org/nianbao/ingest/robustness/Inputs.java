package org.nianbao.ingest.robustness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Batch folders for the integration tests, made of copies of the fixtures. */
final class Inputs {
    static final Path FIXTURES = Path.of("fixtures");

    private Inputs() { }

    /**
     * {@code rounds} copies of every fixture input: the seed text captures, each HTML capture in its own
     * folder with its saved image folder, the MHTML capture and the pipe-table text. Returns the inputs.
     */
    static List<Path> goodCopies(Path dir, int rounds) throws IOException {
        List<Path> made = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (String sub : new String[] {"seeds", "html", "text"}) {
            try (Stream<Path> s = Files.list(FIXTURES.resolve(sub))) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".expected.txt")).sorted().forEach(sources::add);
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < sources.size(); i++) {
                Path src = sources.get(i);
                Path folder = Files.createDirectories(dir.resolve(String.format("r%02d-%02d", r, i)));
                Path res = src.resolveSibling("report_files");
                boolean page = src.getFileName().toString().endsWith(".html") && Files.isDirectory(res);
                // A web page keeps its saved images beside it as NAME_files/ (which the batch skips as an
                // input); the fixtures link to report_files/, so the copy is named report.html.
                Path copy = folder.resolve(page ? "report.html" : src.getFileName().toString());
                Files.copy(src, copy);
                if (page) {
                    Path to = Files.createDirectories(folder.resolve("report_files"));
                    try (Stream<Path> s = Files.list(res)) {
                        for (Path p : s.toList()) Files.copy(p, to.resolve(p.getFileName()));
                    }
                }
                made.add(copy);
            }
        }
        return made;
    }

    /** A long web capture: the body of the UTF-8 fixture repeated (each copy is a whole report, ~37 KB). */
    static Path bigHtml(Path file, int repeats) throws IOException {
        String src = Files.readString(FIXTURES.resolve("html/report-utf8.html"), StandardCharsets.UTF_8);
        int open = src.indexOf('>', src.indexOf("<body")) + 1;
        int close = src.lastIndexOf("</body>");
        String body = src.substring(open, close);
        Files.createDirectories(file.getParent());
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(src, 0, open);
            for (int i = 0; i < repeats; i++) w.write(body);
            w.write(src.substring(close));
        }
        return file;
    }

    /** Inputs that must fail, each with its reason: empty, binary named .html, a PDF that is only junk. */
    static List<Path> bad(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> made = new ArrayList<>();
        made.add(Files.write(dir.resolve("empty.txt"), new byte[0]));
        byte[] bin = new byte[2048];
        for (int i = 0; i < bin.length; i++) bin[i] = (byte) (i * 7 % 5 == 0 ? 0 : i);
        made.add(Files.write(dir.resolve("binary.html"), bin));
        made.add(Files.write(dir.resolve("garbage.pdf"), Hostile.garbagePdf(3)));
        return made;
    }
}
