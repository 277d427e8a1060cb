package org.nianbao.ingest.extract.html;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves images of a saved web page ("Save page as… complete"): relative to the HTML file, then by
 * file name inside the page's resource folder {@code NAME_files/} (or {@code NAME.files/}), which is
 * where browsers put images whose {@code src} still names the web site.
 */
final class FileImageResolver implements ImageResolver {
    private final Path dir;
    private final String stem;

    FileImageResolver(Path htmlFile) {
        this.dir = htmlFile.getParent() != null ? htmlFile.getParent() : Path.of("");
        String name = htmlFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.stem = dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public String resolve(String src) {
        if (src == null || src.isBlank()) return null;
        String s = src.strip();
        if (ImageRefs.isDataUri(s)) return "data-uri";
        String path = s;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) path = path.substring(0, cut);
        path = MhtmlArchive.percentDecode(path).replace('\\', '/');
        boolean remote = path.matches("(?i)^[a-z][a-z0-9+.-]*://.*") || path.startsWith("//");
        if (path.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                Path p = Path.of(URI.create(s.replace(" ", "%20"))).toAbsolutePath().normalize();
                if (Files.isRegularFile(p)) return p.toString();
            } catch (RuntimeException e) {
                // not a usable file URI: fall back to the name in the resource folder
            }
        } else if (!remote && !path.isEmpty()) {
            Path p = existing(path.startsWith("/") ? path.substring(1) : path);
            if (p != null) return p.toString();
        }
        String name = MhtmlArchive.fileName(path);
        if (name.isEmpty()) return null;
        for (String folder : new String[] {stem + "_files", stem + ".files", stem + "_files/images"}) {
            Path p = existing(folder + "/" + name);
            if (p != null) return p.toString();
        }
        Path p = existing(name);
        return p == null ? null : p.toString();
    }

    private Path existing(String relative) {
        try {
            // recorded absolute: the JSON is read later, from anywhere
            Path p = dir.resolve(relative).toAbsolutePath().normalize();
            return Files.isRegularFile(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
