package io.tdev.ops.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into {@code io/tdev/ops/version.properties}, else "development". */
final class Version implements IVersionProvider {
    private static final String RESOURCE = "/io/tdev/ops/version.properties";

    @Override
    public String[] getVersion() throws IOException {
        String version = null;
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                version = properties.getProperty("version");
            }
        }
        return new String[] {"tdev-ops " + (version == null || version.startsWith("${") ? "development" : version)};
    }
}
