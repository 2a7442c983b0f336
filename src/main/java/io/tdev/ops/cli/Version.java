package io.tdev.ops.cli;

import picocli.CommandLine.IVersionProvider;

/** picocli's --version: "tdev-ops VERSION", the line {@link Launcher} prints without picocli. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {Launcher.versionLine()};
    }
}
