package io.tdev.ops.aws;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.testing.TestConfigs;

/** Production with {@code table.createdAtIndex} set: the DynamoDB count Queries that index instead of Scanning. */
final class TimeIndexedConfig {
    private TimeIndexedConfig() {
    }

    static EnvironmentConfig production(String index) {
        EnvironmentConfig p = TestConfigs.production();
        var t = p.table();
        return p.withTable(new EnvironmentConfig.TableNames(t.name(), t.createdAtAttribute(), t.userIdAttribute(), index));
    }
}
