package io.tdev.ops.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (the shaded jar has it), else "development". */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"tdev-ops " + (version == null ? "development" : version)};
    }
}
