package io.tdev.ops.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.sim.SimEnvironment;
import io.tdev.ops.testing.TestConfigs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/** A simulated environment and the typed context the backup use cases run with, recording progress lines. */
final class BackupSim {
    final SimEnvironment sim;
    final OpsContext ctx;
    final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    private BackupSim(SimEnvironment sim) {
        this.sim = sim;
        this.ctx = new OpsContext(sim.config(), sim.ports(), sim.clock(), sim.sleeper(), progress::add, "alice");
    }

    static BackupSim of(SimEnvironment sim) {
        return new BackupSim(sim);
    }

    static BackupSim scenario(String name) {
        return new BackupSim(SimEnvironment.scenario(name, TestConfigs.production()));
    }

    /** A scenario with the dr settings changed (e.g. a short wait). */
    static BackupSim scenario(String name, UnaryOperator<EnvironmentConfig.DrSettings> dr) {
        EnvironmentConfig config = TestConfigs.production();
        return new BackupSim(SimEnvironment.scenario(name, config.withDr(dr.apply(config.dr()))));
    }

    static EnvironmentConfig.DrSettings waitMinutes(EnvironmentConfig.DrSettings d, int minutes) {
        return new EnvironmentConfig.DrSettings(d.backupNamePattern(), minutes, d.pollSeconds(), d.verifyTolerancePercent(),
                d.replicationSampleSize(), d.replicationLagMinutes(), d.hostedZoneId(), d.recordName(), d.recordType(),
                d.primaryTarget(), d.secondaryTarget(), d.ttl(), d.primaryHealthCheckId());
    }

    int calls(String api) {
        return sim.calls(api);
    }
}
