package io.jenkins.plugins.tdevops;

import java.io.Serializable;

/**
 * Who gets to end a waiting step, once: a poll that concludes, an abort ({@code stop}) and the call that requested
 * the change run on different threads, and the step must end once and the team hear the last word once.
 */
final class StepEnding implements Serializable {
    private static final long serialVersionUID = 1L;

    private volatile boolean ended;
    private boolean finalWordGiven;

    boolean ended() {
        return ended;
    }

    /** Ends without a contest: the step fails before any end was claimed (e.g. the change could not be requested). */
    void markEnded() {
        ended = true;
    }

    /** One way to end: a poll that concludes and an abort never both tell the team. */
    synchronized boolean claimEnd() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    /** The change request and stop() may both see an abort mid-change: the team hears the last word once. */
    synchronized boolean claimFinalWord() {
        if (finalWordGiven) {
            return false;
        }
        finalWordGiven = true;
        return true;
    }
}
