package org.nianbao.ingest.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.nianbao.ingest.model.Status;
import org.nianbao.ingest.output.AtomicFiles;

/**
 * What makes an interrupted batch resumable: after all outputs of a document are written, a small
 * entry {@code OUT/.nianbao/NAME.state.json} records the input's content hash, the settings key and the
 * result. A restarted batch skips an input whose entry matches its current bytes and settings and whose
 * output files are all there; anything else (changed file, changed settings or tool version, missing
 * output, a failure that may not recur such as a time-out) is done again. Because the entry is written
 * last and atomically, a kill at any moment leaves either a complete, recorded document or one that is
 * redone: at most the documents in flight are redone.
 */
public final class ResumeJournal {
    static final String DIR = ".nianbao";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path outputDir;
    private final String settingsKey;
    private final String runId;

    public ResumeJournal(Path outputDir, String settingsKey) {
        this.outputDir = outputDir;
        this.settingsKey = settingsKey;
        // Which run finished a document (with finishedAt): lets a person, or a test, see that a
        // resumed run did not redo what an earlier one finished.
        this.runId = Long.toHexString(System.currentTimeMillis()) + "-" + ProcessHandle.current().pid();
    }

    /** This run's id as written into its entries. */
    public String runId() {
        return runId;
    }

    public String settingsKey() {
        return settingsKey;
    }

    /** The recorded result for this input if it can be reused as is. */
    public Optional<DocumentResult> reusable(Input in, String outputName) {
        Path entry = entryPath(outputName);
        if (!Files.isRegularFile(entry)) return Optional.empty();
        try {
            JsonNode n = MAPPER.readTree(entry.toFile());
            if (!settingsKey.equals(n.path("settings").asText()) || n.path("retry").asBoolean(true)) return Optional.empty();
            if (in.isPageSet()) {
                // a folder of page images: every page file as it is now, names and order included
                if (org.nianbao.ingest.extract.image.PageSet.size(in.pages()) != n.path("size").asLong(-1)) return Optional.empty();
                if (!org.nianbao.ingest.extract.image.PageSet.sha256(in.pages()).equals(n.path("sha256").asText())) return Optional.empty();
            } else {
                if (!Files.isRegularFile(in.file()) || Files.size(in.file()) != n.path("size").asLong(-1)) return Optional.empty();
                if (!sha256(in.file()).equals(n.path("sha256").asText())) return Optional.empty();
            }
            List<String> files = new ArrayList<>();
            for (JsonNode f : n.path("files")) {
                if (!Files.isRegularFile(outputDir.resolve(f.asText()))) return Optional.empty();
                files.add(f.asText());
            }
            Status.State state = Status.State.valueOf(n.path("state").asText());
            String reason = n.path("reason").isNull() ? null : n.path("reason").asText(null);
            return Optional.of(new DocumentResult(in, outputName, n.path("kind").asText(), new Status(state, reason),
                    n.path("pages").asInt(), 0, n.path("warnings").asInt(), files, true, details(n.path("details"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable entry means: do it again
        }
    }

    /** Records a finished document; called after its outputs are in place. */
    public void record(DocumentResult r, String sha256, long size) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("input", r.input().file().toString());
        n.put("sha256", sha256);
        n.put("size", size);
        n.put("settings", settingsKey);
        n.put("run", runId);
        n.put("finishedAt", java.time.Instant.now().toString());
        n.put("state", r.status().state().name());
        n.put("reason", r.status().reason());
        n.put("retry", isTransient(r.status()));
        n.put("kind", r.kind());
        n.put("pages", r.pages());
        n.put("warnings", r.warnings());
        var files = n.putArray("files");
        r.written().forEach(files::add);
        n.set("details", MAPPER.valueToTree(r.details()));
        AtomicFiles.writeString(entryPath(r.output()), MAPPER.writeValueAsString(n));
    }

    private static DocumentResult.Details details(JsonNode d) {
        if (d == null || d.isMissingNode() || d.isNull()) return DocumentResult.Details.NONE;
        try {
            return MAPPER.treeToValue(d, DocumentResult.Details.class);
        } catch (IOException | RuntimeException e) {
            return DocumentResult.Details.NONE;
        }
    }

    /** Failures that may not happen again (time-outs, I/O trouble, internal errors) are retried on resume. */
    static boolean isTransient(Status s) {
        if (s.state() != Status.State.FAILED) return false;
        String r = s.reason() == null ? "" : s.reason();
        return r.startsWith("timed out") || r.startsWith("internal error") || r.startsWith("cannot read file")
                || r.startsWith("cannot write") || r.contains("out of memory") || r.contains("file not found")
                || r.contains("not readable");
    }

    private Path entryPath(String outputName) {
        return outputDir.resolve(DIR).resolve(outputName + ".state.json");
    }

    /** Removes temporary files a killed run left behind (only ours: hidden, ending in .part). */
    public static void cleanLeftovers(Path outputDir) {
        if (!Files.isDirectory(outputDir)) return;
        try (Stream<Path> s = Files.walk(outputDir, 32)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(".") && n.endsWith(".part") && Files.isRegularFile(p);
            }).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover we cannot delete is harmless: it is never read
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    public static String sha256(Path file) throws IOException {
        return org.nianbao.ingest.util.FileHash.sha256(file);
    }

    /** A key over everything that changes results: tool and format versions, and the given settings. */
    public static String key(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
