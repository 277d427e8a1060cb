package org.nianbao.ingest.extract.html;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Reading an {@code <img>} element: which reference to use and what size the page declares. */
final class ImageRefs {
    /** A data: URI longer than this is recorded by its prefix only (the bytes are re-read on demand). */
    static final int MAX_RECORDED_SOURCE = 4096;
    private static final Pattern STYLE_DIM = Pattern.compile("(?:^|;)\\s*(width|height)\\s*:\\s*(\\d{1,5})(?:\\.\\d+)?\\s*px", Pattern.CASE_INSENSITIVE);

    private ImageRefs() { }

    /** The image reference: {@code src}, or a lazy-loading attribute when src is missing or a placeholder. */
    static String source(Element img) {
        String src = img.attr("src").strip();
        String lazy = firstNonBlank(img.attr("data-src"), img.attr("data-original"), img.attr("data-lazy-src"), img.attr("original"));
        if (!lazy.isEmpty() && (src.isEmpty() || ChromeRules.chromeImage(src, 0, 0) || src.startsWith("data:image/gif"))) return lazy.strip();
        return src;
    }

    /** Declared width or height in CSS pixels (attribute or inline style), or 0 when not declared. */
    static int dimension(Element img, String which) {
        String a = img.attr(which).strip();
        if (!a.isEmpty() && !a.endsWith("%")) {
            int v = leadingInt(a);
            if (v > 0) return v;
        }
        String style = img.attr("style");
        if (!style.isEmpty()) {
            Matcher m = STYLE_DIM.matcher(style);
            while (m.find()) if (m.group(1).toLowerCase(Locale.ROOT).equals(which)) return Integer.parseInt(m.group(2));
        }
        return 0;
    }

    private static int leadingInt(String s) {
        long v = 0;
        for (int i = 0; i < s.length() && Character.isDigit(s.charAt(i)) && v < 100_000; i++) v = v * 10 + (s.charAt(i) - '0');
        return (int) v;
    }

    /** What to record as {@code ImageBlock.source}: the reference as written, a long data: URI shortened. */
    static String recordedSource(String src) {
        if (src.length() <= MAX_RECORDED_SOURCE) return src;
        int comma = src.indexOf(',');
        int keep = Math.min(src.length(), Math.max(comma + 1, 0) + 32);
        return src.substring(0, Math.min(keep, 200)) + "…";
    }

    static boolean isDataUri(String src) {
        return src.regionMatches(true, 0, "data:", 0, 5);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return "";
    }
}
