package io.tdev.ops.api.change;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.change.RolloutWatch;

import java.time.Duration;

/**
 * Watching a change somebody else waits for: the Jenkins step starts a deploy, rollback or scaling with
 * {@code wait: false}, keeps the {@link PendingChange} (it survives a restart), {@link #look looks} at it at the
 * environment's poll interval, and when a look is done, the deadline passes or the build is aborted, asks for the
 * {@link #finish final result}: the one {@code wait: true} gives, built by the same code (for a rollback that tells the
 * team, the final outcome is published).
 */
public interface RolloutWatchUseCase {
    /**
     * What to keep of a STARTED change: waited for from its last action (else now) until that plus {@code timeout}
     * (null = config {@code deploy.stableTimeoutMinutes}), on the engine's clock.
     *
     * @throws io.tdev.ops.model.InvalidInputException when the change is not STARTED (it has nothing to wait for)
     */
    PendingChange pending(ChangeResult started, Duration timeout);

    /** One look at the rollout now. */
    Stability look(PendingChange change);

    /**
     * The final result: a done look decides COMPLETED or FAILED; a look not done is TIMED_OUT or, with
     * {@code abandonedBy} (who stopped waiting before the deadline, e.g. "aborted by alice"), ABANDONED.
     *
     * @param lastLook    the caller's last look; null = look now
     * @param abandonedBy null = the caller waited to the end
     */
    ChangeResult finish(PendingChange change, Stability lastLook, String abandonedBy);

    static RolloutWatchUseCase over(OpsContext context) {
        return new RolloutWatch(context);
    }
}
