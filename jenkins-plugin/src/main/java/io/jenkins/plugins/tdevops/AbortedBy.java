package io.jenkins.plugins.tdevops;

import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;

/**
 * Who stopped a wait, for the engine's {@code abandonedBy}: "aborted by USER" when a user aborted the build, else
 * "aborted" (a timeout step, a newer build, a cause Jenkins does not attribute to a user).
 */
final class AbortedBy {
    static final String UNKNOWN = "aborted";

    private AbortedBy() {
    }

    static String of(Throwable cause) {
        if (cause instanceof FlowInterruptedException interrupted) {
            for (CauseOfInterruption why : interrupted.getCauses()) {
                if (why instanceof CauseOfInterruption.UserInterruption user) {
                    return "aborted by " + user.getUserId();
                }
            }
        }
        return UNKNOWN;
    }
}
