package io.jenkins.plugins.tdevops;

import hudson.Util;
import io.tdev.ops.api.change.PendingChange;
import io.tdev.ops.config.EnvironmentConfig;

import java.io.Serializable;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * When a waiting step looks at the service and when it gives up: the environment's poll interval, and the pending
 * change's wait (from when it began to its deadline, the step's {@code timeoutMinutes} or the environment's stable
 * timeout, both on the engine's clock). Serializable with the step, so a restart keeps the same deadline.
 */
final class PollSchedule implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long startedAt;
    private final long deadline;
    private final long pollMillis;

    private PollSchedule(long startedAt, long deadline, long pollMillis) {
        this.startedAt = startedAt;
        this.deadline = deadline;
        this.pollMillis = pollMillis;
    }

    static PollSchedule of(PendingChange change, EnvironmentConfig config) {
        return new PollSchedule(change.since().toEpochMilli(), change.deadline().toEpochMilli(),
                TimeUnit.SECONDS.toMillis(Math.max(1, config.deploy().pollSeconds())));
    }

    long pollMillis() {
        return pollMillis;
    }

    boolean passed(Instant now) {
        return now.toEpochMilli() >= deadline;
    }

    /** "up to" of the wait, e.g. "15 min". */
    String total() {
        return Util.getTimeSpanString(deadline - startedAt);
    }

    /** "1 min 30 sec of 15 min". */
    String elapsed(Instant now) {
        return Util.getTimeSpanString(Math.max(0, now.toEpochMilli() - startedAt)) + " of " + total();
    }
}
