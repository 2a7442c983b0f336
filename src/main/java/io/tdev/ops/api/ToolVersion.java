package io.tdev.ops.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The tool's version, read in one place for every front end (the CLI's --version, the AWS user-agent suffix): the
 * Maven-filtered resource, else the jar manifest, else "dev".
 */
public final class ToolVersion {
    private static final String RESOURCE = "/io/tdev/ops/version.properties";

    private ToolVersion() {
    }

    public static String current() {
        String fromResource = fromResource();
        if (fromResource != null) {
            return fromResource;
        }
        String fromManifest = ToolVersion.class.getPackage().getImplementationVersion();
        return fromManifest != null && !fromManifest.isBlank() ? fromManifest : "dev";
    }

    private static String fromResource() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
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
