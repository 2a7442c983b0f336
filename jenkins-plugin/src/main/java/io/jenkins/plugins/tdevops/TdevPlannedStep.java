package io.jenkins.plugins.tdevops;

import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the typed steps that change something without a rollout wait share ({@code tdevRotateSecret},
 * {@code tdevLockdownBucket}, {@code tdevInvalidateSessions}, {@code tdevDbResize}, {@code tdevTrafficPrepare},
 * {@code tdevTrafficRestore}, {@code tdevBackup}, {@code tdevRestore}, {@code tdevFailover}, {@code tdevMaintenance},
 * {@code tdevIncident}): the {@code dryRun} argument, bound by Pipeline through this inherited setter. A dry run
 * returns the plan the real run applies.
 */
public abstract class TdevPlannedStep extends TdevStep {
    private boolean dryRun;

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }
}
