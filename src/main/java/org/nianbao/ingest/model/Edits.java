package org.nianbao.ingest.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the normaliser changed, counted by kind (e.g. {@code traditional-to-simplified: 812},
 * {@code pinyin-groups-removed: 37}, {@code mojibake-repair:utf8-as-gbk: 1}), so an archivist can see
 * what was done to a document.
 */
public record Edits(Map<String, Long> counts) {
    public Edits {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public static Edits none() { return new Edits(Map.of()); }

    public Edits plus(String kind, long n) {
        if (n == 0) return this;
        TreeMap<String, Long> m = new TreeMap<>(counts);
        m.merge(kind, n, Long::sum);
        return new Edits(m);
    }

    public Edits plus(Edits other) {
        TreeMap<String, Long> m = new TreeMap<>(counts);
        other.counts.forEach((k, v) -> m.merge(k, v, Long::sum));
        return new Edits(m);
    }
}
