package io.jenkins.plugins.tdevops;

import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the steps that change the ECS service ({@code tdevRollback}, {@code tdevScale}, {@code tdevEcsDeploy}) share:
 * the {@code wait}, {@code timeoutMinutes} and {@code dryRun} arguments (bound by Pipeline through these inherited
 * setters), and starting the resumable wait with the facade's argument map. Each step adds its own arguments and
 * names its {@link Mutation}.
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

    /** The step's own arguments under the facade's names. */
    abstract StepArgs ownArgs();

    /** The facade call this step makes and waits for. */
    abstract Mutation mutation();

    @Override
    public final StepExecution start(StepContext context) {
        return new RolloutWaitExecution(context, mutation(), connection(), ownArgs()
                .put("wait", wait)
                .put("timeoutMinutes", timeoutMinutes)
                .put("dryRun", dryRun)
                .toMap());
    }
}
