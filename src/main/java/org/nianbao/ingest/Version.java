package org.nianbao.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool version (from the build) and the output contract version (docs/output-format.md). */
public final class Version {
    /** Bumped whenever the .txt or .json contract changes in a way a parser would notice. */
    public static final String OUTPUT_FORMAT = "nianbao-ingest/1";

    private Version() { }

    public static String tool() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
