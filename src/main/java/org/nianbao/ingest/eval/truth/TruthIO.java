package org.nianbao.ingest.eval.truth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        return MAPPER.writeValueAsBytes(truth);
    }

    public static Truth read(Path file) throws IOException {
        Truth t = MAPPER.readValue(file.toFile(), Truth.class);
        if (!Truth.SCHEMA.equals(t.schema())) throw new IOException(file + ": unknown truth schema " + t.schema());
        return t;
    }
}
