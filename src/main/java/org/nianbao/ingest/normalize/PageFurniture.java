package org.nianbao.ingest.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.nianbao.ingest.model.HeadingBlock;

/**
 * Page furniture: what a printed page carries that is not report text.
 * <ul>
 *   <li>Page numbers in the forms reports print: {@code -1-}, {@code — 2 —} (OCR: {@code 一2一}), {@code - 2 -},
 *       {@code 第3页 共5页}, {@code 共5页 第3页}, {@code 第 3 页}, {@code Page 3 of 5}, {@code 3/5}. A bare number
 *       ({@code 3}) only when it sits first or last on its page in a document of several pages and the
 *       bare numbers follow the page numbers (same offset on most of those pages): a lone {@code 0}
 *       in a flattened table is data.</li>
 *   <li>Running headers and footers: the same short line (digits ignored) first or last on at least
 *       half of the pages, and on three or more. A heading keeps its first occurrence: the report
 *       title repeated as a running header is still the title on page one.</li>
 * </ul>
 * Whole blocks only; tables and images are never touched.
 */
final class PageFurniture {
    /** OCR reads the dashes of {@code — 2 —} as 一 (the character for one) as often as as a dash. */
    private static final Pattern DASHED = Pattern.compile("^([-—–－―‐~～]{1,3}\\s*\\d{1,4}\\s*[-—–－―‐~～]{1,3}|一{1,2}\\s*\\d{1,4}\\s*一{1,2})$");
    private static final Pattern CHINESE = Pattern.compile(
            "^(第\\s*\\d{1,4}\\s*页\\s*[,，/／]?\\s*(共\\s*\\d{1,4}\\s*页)?|共\\s*\\d{1,4}\\s*页\\s*[,，/／]?\\s*第\\s*\\d{1,4}\\s*页)$");
    private static final Pattern LATIN = Pattern.compile("^(?i)(page\\s*\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?|\\d{1,4}\\s*/\\s*\\d{1,4})$");
    private static final Pattern BARE = Pattern.compile("^[（(\\[]?\\s*(\\d{1,4})\\s*[)）\\]]?$");
    private static final int EDGE = 2;          // blocks from the top and bottom of a page that may be furniture
    private static final int MAX_FURNITURE_LENGTH = 50;

    private PageFurniture() { }

    static void apply(List<BlockSlot> slots, int pageCount, EditLog log) {
        long numbers = 0;
        for (BlockSlot s : slots) {
            if (s.isText() && isPageNumber(s.text().strip())) {
                s.removed = true;
                numbers++;
            }
        }
        if (pageCount >= 3) {
            numbers += bareNumbers(slots, pageCount);
            log.add("running-headers-removed", runningLines(slots, pageCount));
        }
        log.add("page-numbers-removed", numbers);
    }

    static boolean isPageNumber(String line) {
        if (line.isEmpty() || line.length() > 24) return false;
        char f = line.charAt(0);
        if ("-—–－―‐~～一第共Pp".indexOf(f) < 0 && !(Cjk.isAsciiDigit(f) && line.indexOf('/') > 0)) return false; // no regex for ordinary lines
        return DASHED.matcher(line).matches() || CHINESE.matcher(line).matches() || LATIN.matcher(line).matches();
    }

    /** Text slots at the top and bottom edge of each page. */
    private static Map<Integer, List<BlockSlot>> edges(List<BlockSlot> slots) {
        Map<Integer, List<BlockSlot>> byPage = new HashMap<>();
        for (BlockSlot s : slots) if (!s.removed) byPage.computeIfAbsent(s.pageIndex, k -> new ArrayList<>()).add(s);
        Map<Integer, List<BlockSlot>> edges = new HashMap<>();
        byPage.forEach((page, list) -> {
            List<BlockSlot> e = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (i < EDGE || i >= list.size() - EDGE) {
                    if (list.get(i).isText()) e.add(list.get(i));
                }
            }
            edges.put(page, e);
        });
        return edges;
    }

    private static long bareNumbers(List<BlockSlot> slots, int pageCount) {
        Map<Integer, List<BlockSlot>> edges = edges(slots);
        Map<Integer, Integer> offsets = new HashMap<>();
        Map<BlockSlot, Integer> candidates = new HashMap<>();
        for (Map.Entry<Integer, List<BlockSlot>> e : edges.entrySet()) {
            for (BlockSlot s : e.getValue()) {
                var m = BARE.matcher(s.text().strip());
                if (!m.matches()) continue;
                int offset = Integer.parseInt(m.group(1)) - (e.getKey() + 1);
                candidates.put(s, offset);
                offsets.merge(offset, 1, Integer::sum);
            }
        }
        int bestOffset = 0;
        int best = 0;
        for (Map.Entry<Integer, Integer> e : offsets.entrySet()) {
            if (e.getValue() > best) { best = e.getValue(); bestOffset = e.getKey(); }
        }
        if (best < 3 || best * 2 < pageCount) return 0;
        long removed = 0;
        for (Map.Entry<BlockSlot, Integer> e : candidates.entrySet()) {
            if (e.getValue() == bestOffset) {
                e.getKey().removed = true;
                removed++;
            }
        }
        return removed;
    }

    private static long runningLines(List<BlockSlot> slots, int pageCount) {
        Map<Integer, List<BlockSlot>> edges = edges(slots);
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        for (Map.Entry<Integer, List<BlockSlot>> e : edges.entrySet()) {
            for (BlockSlot s : e.getValue()) {
                String key = key(s.text());
                if (key != null) pagesByKey.computeIfAbsent(key, k -> new HashSet<>()).add(e.getKey());
            }
        }
        long removed = 0;
        Set<String> keptHeading = new HashSet<>();
        for (BlockSlot s : slots) {
            if (!s.isText() || !edges.getOrDefault(s.pageIndex, List.of()).contains(s)) continue;
            String key = key(s.text());
            if (key == null) continue;
            int pages = pagesByKey.getOrDefault(key, Set.of()).size();
            if (pages < 3 || pages * 2 < pageCount) continue;
            if (s.block instanceof HeadingBlock && keptHeading.add(key)) continue;
            s.removed = true;
            removed++;
        }
        return removed;
    }

    /** Digits and spaces ignored, so "第3页" on every page is one key; null for lines too long to be furniture. */
    private static String key(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_FURNITURE_LENGTH || t.indexOf('\n') >= 0) return null;
        StringBuilder sb = new StringBuilder(t.length());
        boolean words = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ') continue;
            sb.append(Cjk.isAsciiDigit(c) ? '#' : c);
            if (Cjk.isIdeograph(c) || Cjk.isAsciiLetter(c)) words = true;
        }
        // a line of numbers is data (a flattened table's "0" cells); only bareNumbers() may take those
        return words ? sb.toString() : null;
    }
}
