package io.jenkins.plugins.tdevops;

import hudson.model.Cause;
import hudson.model.Run;

/** Who asked for an operation, for the engine's audit trail (actions, notifications): the user who started the build. */
final class BuildUser {
    private BuildUser() {
    }

    /** The id of the user who started the build; for timer, SCM and upstream triggers "jenkins (job #n)". */
    static String of(Run<?, ?> run) {
        // jenkinsci/jenkins core: Run#getCause(Class) and Cause.UserIdCause#getUserId (null for an anonymous user)
        Cause.UserIdCause cause = run.getCause(Cause.UserIdCause.class);
        String userId = cause != null ? cause.getUserId() : null;
        return userId != null ? userId : "jenkins (" + run.getFullDisplayName() + ")";
    }
}
