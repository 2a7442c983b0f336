package io.tdev.ops.aws;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version for the user-agent suffix: the Maven-filtered resource, else the jar manifest, else "dev". */
final class TdevOpsVersion {
    private static final String RESOURCE = "/io/tdev/ops/version.properties";

    private TdevOpsVersion() {
    }

    static String current() {
        String fromResource = fromResource();
        if (fromResource != null) {
            return fromResource;
        }
        String fromManifest = TdevOpsVersion.class.getPackage().getImplementationVersion();
        return fromManifest != null && !fromManifest.isBlank() ? fromManifest : "dev";
    }

    private static String fromResource() {
        try (InputStream in = TdevOpsVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            // unfiltered (e.g. run from an IDE without Maven): the placeholder is still there
            return v == null || v.isBlank() || v.contains("${") ? null : v.trim();
        } catch (IOException e) {
            return null;
        }
    }
}
