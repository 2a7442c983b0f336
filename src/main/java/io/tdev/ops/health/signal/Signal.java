package io.tdev.ops.health.signal;

import io.tdev.ops.health.HealthSignal;

/**
 * One thing a health check reads and judges. A signal reads through the check's {@link CheckScope} (its time, options
 * and the reads several signals share); the check runs signals in parallel and owns their timeouts and the verdict.
 */
public interface Signal {
    /** The name in results and in {@code signals} options, e.g. {@code ecs-service}. */
    String name();

    /** An informational signal never changes the verdict, even when it cannot be read. */
    default boolean informational() {
        return false;
    }

    /** Reads and judges; throws when it cannot read (the check then reports the signal UNKNOWN). */
    HealthSignal read();
}
