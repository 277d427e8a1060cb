package org.nianbao.ingest.normalize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.Warning;

/**
 * What normalisation did to one document or string: counts by kind (they become
 * {@link Edits}) and notable decisions (they become {@link Warning}s, one per code).
 * Not thread-safe: one log per call; the normaliser itself is shared.
 */
public final class EditLog {
    private final Map<String, Long> counts = new java.util.HashMap<>(); // sorted when turned into Edits
    private final Map<String, String> notes = new LinkedHashMap<>();

    public void add(String kind, long n) {
        if (n != 0) counts.merge(kind, n, Long::sum);
    }

    /** Records a decision; the first message for a code is kept (later ones would only repeat it). */
    public void note(String code, String message) {
        notes.putIfAbsent(code, message);
    }

    public long count(String kind) {
        return counts.getOrDefault(kind, 0L);
    }

    public boolean noted(String code) {
        return notes.containsKey(code);
    }

    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public Edits toEdits() {
        return new Edits(counts);
    }

    public List<Warning> warnings() {
        List<Warning> ws = new ArrayList<>();
        notes.forEach((code, msg) -> ws.add(Warning.of(code, msg)));
        return ws;
    }
}
