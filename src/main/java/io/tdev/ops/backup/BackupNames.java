package io.tdev.ops.backup;

import io.tdev.ops.config.EnvironmentConfig;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** On-demand backup names from {@code dr.backupNamePattern}: {@code {env}} and {@code {time}} (UTC yyyyMMdd-HHmmss). */
final class BackupNames {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private BackupNames() {
    }

    static String of(EnvironmentConfig config, Instant at) {
        return config.dr().backupNamePattern().replace("{env}", config.name()).replace("{time}", TIME.format(at));
    }
}
