package org.nianbao.ingest.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One copy of each short string that recurs by the thousand in a table-dense document: cell texts
 * ({@code 0}, {@code ""}, the standard labels), keyed values, identity names and the cells they name. A
 * 50 MB capture holds about 24,000 tables and millions of such strings, each a separate copy as parsed;
 * kept once, the document model needs less than half the memory. Strings are only shared, never
 * changed, so nothing a caller sees differs. The JVM's string table is used: its entries are collected
 * with the strings, so it cannot grow without bound.
 */
final class Canonical {
    /** Longer strings rarely repeat (running text); interning them would only cost time. */
    static final int MAX_CHARS = 64;

    private Canonical() { }

    static String of(String s) {
        return s == null || s.length() > MAX_CHARS ? s : s.intern();
    }

    static List<String> of(List<String> list) {
        if (list == null) return null;
        List<String> out = new ArrayList<>(list.size());
        for (String s : list) out.add(of(s));
        return java.util.Collections.unmodifiableList(out);
    }
}
