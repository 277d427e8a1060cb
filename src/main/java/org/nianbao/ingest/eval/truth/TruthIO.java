package org.nianbao.ingest.eval.truth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes {@code truth.json}. */
public final class TruthIO {
    public static final String FILE = "truth.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TruthIO() { }

    public static void write(Truth truth, Path file) throws IOException {
        Files.write(file, toBytes(truth));
    }

    public static byte[] toBytes(Truth truth) throws IOException {
        return compactLeaves(MAPPER.writeValueAsString(truth)).getBytes(StandardCharsets.UTF_8);
    }

    /** Indented JSON, but each innermost object (a cell, a value, a text) on one line: readable and a third the size. */
    private static final Pattern LEAF = Pattern.compile("\\{(\\s*\\n[^{}]*?)\\n\\s*\\}");

    static String compactLeaves(String json) {
        Matcher m = LEAF.matcher(json);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String body = m.group(1).replaceAll("\\n\\s*", " ").strip();
            m.appendReplacement(sb, Matcher.quoteReplacement("{ " + body + " }"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public static Truth read(Path file) throws IOException {
        Truth t = MAPPER.readValue(file.toFile(), Truth.class);
        if (!Truth.SCHEMA.equals(t.schema())) throw new IOException(file + ": unknown truth schema " + t.schema());
        return t;
    }
}
