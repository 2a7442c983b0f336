package io.tdev.ops.vars

/**
 * What a step throws when the build is aborted while it runs: in Jenkins, FlowInterruptedException
 * (org.jenkinsci.plugins.workflow.steps, workflow-step-api), which extends InterruptedException; the build ends ABORTED.
 * Modelled as an InterruptedException so that a var catching {@code Exception} mistakes it for a failure here exactly
 * as it would in Jenkins.
 */
class BuildAborted extends InterruptedException {
    BuildAborted(String message) {
        super(message)
    }
}
