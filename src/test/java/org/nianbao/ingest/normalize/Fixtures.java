package org.nianbao.ingest.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test inputs: the real report captures in fixtures/seeds and the peer suites in test resources. */
final class Fixtures {
    static final List<String> SIMPLIFIED_SEEDS = List.of(
            "000_78855fc2a014f9fc", "001_c5f879456b805937", "002_e3978633e113c1b8", "004_45b37724e5fb3c0a");
    static final String TRADITIONAL_SEED = "003_f8ba18986d429270";
    /** One normaliser for all tests: building it loads OpenCC4j and pinyin4j. */
    static final TextNormalizer NORMALIZER = new TextNormalizer();

    private Fixtures() { }

    static Path seedPath(String name) {
        return Path.of("fixtures", "seeds", name + ".txt");
    }

    static String seed(String name) {
        try {
            return Files.readString(seedPath(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes like a browser's windows-1252 (WHATWG): the five undefined bytes become C1 controls, not U+FFFD. */
    static String whatwgCp1252(byte[] bytes) {
        Charset cp = Charset.forName("windows-1252");
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            String d = new String(new byte[] {b}, cp);
            sb.append(d.charAt(0) == '\uFFFD' ? (char) (b & 0xFF) : d.charAt(0));
        }
        return sb.toString();
    }

    /**
     * True when {@code repaired} is {@code clean} except that some characters were lost and are
     * marked U+FFFD: every other character matches in order, and each U+FFFD stands for 0..maxSpan
     * characters of the clean text. This is "repaired as far as possible, nothing invented".
     */
    static boolean sameExceptMarkedLoss(String clean, String repaired, int maxSpan) {
        int n = clean.length();
        int m = repaired.length();
        // reachable[i] = clean[0..i) can be matched by repaired[0..j) for the current j
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        for (int j = 0; j < m; j++) {
            boolean[] next = new boolean[n + 1];
            char c = repaired.charAt(j);
            boolean any = false;
            for (int i = 0; i <= n; i++) {
                if (!reach[i]) continue;
                if (c == '\uFFFD') {
                    // a lost character may already be marked by an earlier U+FFFD (a lossy decode marks
                    // one broken character with up to three), so a mark may also stand for nothing
                    for (int k = 0; k <= maxSpan && i + k <= n; k++) { next[i + k] = true; any = true; }
                } else if (i < n && clean.charAt(i) == c) {
                    next[i + 1] = true;
                    any = true;
                }
            }
            if (!any) return false;
            reach = next;
        }
        return reach[n];
    }

    static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
