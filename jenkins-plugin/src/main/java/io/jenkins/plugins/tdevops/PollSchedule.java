package io.jenkins.plugins.tdevops;

import hudson.Util;
import io.tdev.ops.config.EnvironmentConfig;

import java.io.Serializable;
import java.util.concurrent.TimeUnit;

/**
 * When a waiting step looks at the service and when it gives up: the environment's poll interval and the step's
 * {@code timeoutMinutes} (default the environment's stable timeout), counted from when the wait began on the
 * controller's clock. Serializable with the step, so a restart keeps the same deadline.
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

    /** {@code timeoutMinutes}: the step's argument (a Number), or null for the environment's default. */
    static PollSchedule from(EnvironmentConfig config, Object timeoutMinutes, long now) {
        long pollMillis = TimeUnit.SECONDS.toMillis(Math.max(1, config.deploy().pollSeconds()));
        long minutes = timeoutMinutes instanceof Number n ? n.longValue() : config.deploy().stableTimeoutMinutes();
        return new PollSchedule(now, now + TimeUnit.MINUTES.toMillis(minutes), pollMillis);
    }

    long pollMillis() {
        return pollMillis;
    }

    boolean passed(long now) {
        return now >= deadline;
    }

    /** "up to" of the wait, e.g. "15 min". */
    String total() {
        return Util.getTimeSpanString(deadline - startedAt);
    }

    /** "1 min 30 sec of 15 min". */
    String elapsed(long now) {
        return Util.getTimeSpanString(now - startedAt) + " of " + total();
    }
}
