package io.jenkins.plugins.tdevops;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.ChangeResult;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

import java.time.Duration;

/**
 * What the steps that change the ECS service ({@code tdevRollback}, {@code tdevScale}, {@code tdevEcsDeploy}) share:
 * the {@code wait}, {@code timeoutMinutes} and {@code dryRun} arguments (bound by Pipeline through these inherited
 * setters), and starting the resumable wait. Each step adds its own arguments, names its {@link Mutation} and starts
 * its typed use case without waiting: the step waits by itself ({@link RolloutWaitExecution}).
 */
public abstract class TdevMutationStep extends TdevStep {
    private Boolean wait;
    private Integer timeoutMinutes;
    private Boolean dryRun;

    public Boolean getWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(Boolean wait) {
        this.wait = wait;
    }

    public Integer getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(Integer timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    public Boolean getDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(Boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** How long to wait; null: the environment's {@code deploy.stableTimeoutMinutes}. */
    Duration timeout() {
        return timeoutMinutes == null ? null : Duration.ofMinutes(timeoutMinutes);
    }

    boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }

    /** The step's typed use case with {@code wait: false}: STARTED (or PLANNED, UNCHANGED) at once. */
    abstract ChangeResult change(OpsContext context);

    abstract Mutation mutation();

    @Override
    public final StepExecution start(StepContext context) {
        return new RolloutWaitExecution(context, mutation(), connection(), this::change, !Boolean.FALSE.equals(wait),
                timeout());
    }
}
