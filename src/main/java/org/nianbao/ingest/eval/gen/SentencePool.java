package org.nianbao.ingest.eval.gen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Sentences by category from {@code sentences.txt} (drawn from the seeds), with placeholders. */
public final class SentencePool {
    private final Map<String, List<String>> byCategory;

    private SentencePool(Map<String, List<String>> byCategory) {
        this.byCategory = byCategory;
    }

    private static SentencePool standard;

    public static synchronized SentencePool standard() {
        if (standard == null) {
            try (InputStream in = SentencePool.class.getResourceAsStream("/org/nianbao/ingest/eval/sentences.txt")) {
                if (in == null) throw new IllegalStateException("sentences.txt missing from the class path");
                standard = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    static SentencePool parse(List<String> lines) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        List<String> current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                current = map.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            }
        }
        return new SentencePool(map);
    }

    public List<String> category(String name) {
        List<String> list = byCategory.get(name);
        if (list == null || list.isEmpty()) throw new IllegalArgumentException("no sentences in category " + name);
        return list;
    }

    /** {@code count} distinct sentences of a category in pool order (the order reads naturally). */
    public List<String> pick(String name, int count, Random rnd) {
        List<String> list = category(name);
        count = Math.min(count, list.size());
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) idx.add(i);
        java.util.Collections.shuffle(idx, rnd);
        List<Integer> chosen = new ArrayList<>(idx.subList(0, count));
        java.util.Collections.sort(chosen);
        List<String> out = new ArrayList<>();
        for (int i : chosen) out.add(list.get(i));
        return out;
    }
}
