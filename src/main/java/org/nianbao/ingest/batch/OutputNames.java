package org.nianbao.ingest.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Output names that cannot collide. An input keeps its path relative to the folder it was found
 * under, extension included ({@code a/report.pdf} → {@code a/report.pdf.txt}), so {@code report.pdf}
 * and {@code report.html} never share an output. When two inputs still map to the same name (files
 * given directly from different folders, or names differing only in case), every one of them gets a
 * short hash of its absolute path: {@code report.pdf~3f9a1c2b.txt}.
 */
public final class OutputNames {
    private OutputNames() { }

    /** Output base name (without the format extension) for each input, in the same order. */
    public static List<String> assign(List<Input> inputs) {
        Map<String, Integer> counts = new HashMap<>();
        for (Input in : inputs) counts.merge(key(in.relativeName()), 1, Integer::sum);
        return inputs.stream().map(in -> {
            String base = in.relativeName();
            if (counts.get(key(base)) > 1) base = base + "~" + shortHash(in.file().toAbsolutePath().normalize().toString());
            return base;
        }).toList();
    }

    /** Case-insensitive, because the output folder may be on a case-insensitive file system. */
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
