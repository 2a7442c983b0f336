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
        return new EnvironmentConfig(p.name(), p.protectedEnv(), p.region(), p.ecs(), p.logGroup(), p.bucket(),
                new EnvironmentConfig.TableNames(t.name(), t.createdAtAttribute(), t.userIdAttribute(), index),
                p.topic(), p.repository(), p.secret(), p.metricNamespace(), p.alarmPrefix(), p.targetGroupArns(), p.slo(),
                p.autoscaling(), p.scalePresets(), p.health(), p.deploy(), p.checklist(), p.escalation());
    }
}
