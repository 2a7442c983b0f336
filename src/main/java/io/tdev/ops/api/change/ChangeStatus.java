package io.tdev.ops.api.change;

import io.tdev.ops.model.InvalidInputException;

/**
 * How a change (deploy, rollback, scale, mark-known-good, and the newer capabilities' changes) ended. COMPLETED:
 * changed and stable; STARTED: changed, not waited for ({@code wait: false}); UNCHANGED: already as asked, nothing
 * touched; PLANNED: dry run, nothing touched; FAILED / TIMED_OUT: changed, but the rollout failed or did not finish in
 * time (the result says where it stopped and what to run next); ABANDONED: changed, and whoever waited stopped waiting
 * before it was done (a Jenkins build aborted) while the rollout goes on: nobody timed out, so TIMED_OUT would mislead
 * the person on call.
 *
 * <p>{@link #ok()} is the one place that decides which statuses finished as asked: results publish it as their
 * {@code ok} field, the CLI's exit code and the shared library read that field, never a list of status names.
 */
public enum ChangeStatus {
    COMPLETED, STARTED, UNCHANGED, PLANNED, FAILED, TIMED_OUT, ABANDONED;

    /** True when the operation did what was asked (or would, for a dry run; or started it, when not waiting). */
    public boolean ok() {
        return switch (this) {
            case COMPLETED, STARTED, UNCHANGED, PLANNED -> true;
            case FAILED, TIMED_OUT, ABANDONED -> false;
        };
    }

    /**
     * Only a change that was made and not waited for has an outcome still to decide.
     *
     * @throws InvalidInputException naming {@code started.status} when this is not STARTED
     */
    public void requireStarted() {
        if (this != STARTED) {
            throw new InvalidInputException("started.status", "is " + this + "; only a change started with wait: false"
                    + " (status STARTED) has a final outcome to decide, a " + this + " result is already final");
        }
    }
}
