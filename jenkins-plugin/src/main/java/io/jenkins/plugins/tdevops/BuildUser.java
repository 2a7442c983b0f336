package io.jenkins.plugins.tdevops;

import hudson.model.Run;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Who asked for an operation, for the engine's audit trail (actions, notifications): the user who started the build. */
final class BuildUser {
    private static final Logger LOGGER = Logger.getLogger(BuildUser.class.getName());

    private BuildUser() {
    }

    /** The id of the user who started the build; for timer, SCM and upstream triggers "jenkins (job #n)". */
    static String of(Run<?, ?> run) {
        String userId = startedBy(run);
        return userId != null ? userId : "jenkins (" + run.getFullDisplayName() + ")";
    }

    /*
     * This is run.getCause(Cause.UserIdCause.class).getUserId() (jenkinsci/jenkins core, hudson.model.Run#getCause and
     * hudson.model.Cause.UserIdCause#getUserId), called reflectively only because the signature stubs of the compile
     * check (shared/tools/jenkins-api-check) have no hudson.model.Cause; replace it with the typed call once they do.
     */
    private static String startedBy(Run<?, ?> run) {
        try {
            Class<?> userIdCause = Class.forName("hudson.model.Cause$UserIdCause", false, Run.class.getClassLoader());
            Object cause = Run.class.getMethod("getCause", Class.class).invoke(run, userIdCause);
            if (cause == null) {
                return null;
            }
            Object userId = userIdCause.getMethod("getUserId").invoke(cause);
            return userId != null ? userId.toString() : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            LOGGER.log(Level.FINE, "cannot read the user who started " + run, e);
            return null;
        }
    }
}
