package io.tdev.ops.cli;

import io.tdev.ops.api.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** picocli's --version: "tdev-ops VERSION", from the one version reader ({@link ToolVersion}). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"tdev-ops " + ToolVersion.current()};
    }
}
