package io.tdev.ops.change;

/**
 * How a mutating use case ended. COMPLETED: changed and stable; STARTED: changed, not waited for
 * ({@code wait: false}); UNCHANGED: already as asked, nothing touched; PLANNED: dry run, nothing touched;
 * FAILED / TIMED_OUT: changed, but the rollout failed or did not finish in time (the result says where it stopped
 * and what to run next); ABANDONED: changed, and whoever waited stopped waiting before it was done (a Jenkins build
 * aborted) while the rollout goes on: nobody timed out, so TIMED_OUT would mislead the person on call.
 */
public enum ChangeStatus {
    COMPLETED, STARTED, UNCHANGED, PLANNED, FAILED, TIMED_OUT, ABANDONED;

    /** True when the operation did what was asked (or would, for a dry run). */
    public boolean ok() {
        return this != FAILED && this != TIMED_OUT && this != ABANDONED;
    }

    static ChangeStatus of(StableWait.Outcome outcome) {
        return switch (outcome) {
            case STABLE -> COMPLETED;
            case FAILED -> FAILED;
            case TIMED_OUT -> TIMED_OUT;
            case ABANDONED -> ABANDONED;
        };
    }
}
