package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.FilePath;
import io.tdev.ops.api.traffic.LoadWatchRequest;
import io.tdev.ops.api.traffic.LoadWatchResult;
import io.tdev.ops.api.traffic.LoadWatchUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.nio.charset.StandardCharsets;

/**
 * {@code tdevLoadWatch}: watches the service while a load test runs and stops it before it hurts production (health
 * UNHEALTHY, ALB p95 or 5xx over the limit). With {@code stopFile} (relative to the workspace, so it must run in a
 * {@code node}) it writes that file on a stop, which the load tool's wrapper polls. Returns status PASSED | STOPPED,
 * samples, stoppedBecause and markdown (with the chart).
 */
public class TdevLoadWatchStep extends TdevStep {
    private final String duration;
    private Double p95LimitSeconds;
    private Double errorRateLimitPercent;
    private String stopFile;

    @DataBoundConstructor
    public TdevLoadWatchStep(String duration) {
        this.duration = duration;
    }

    public String getDuration() {
        return duration;
    }

    public Double getP95LimitSeconds() {
        return p95LimitSeconds;
    }

    @DataBoundSetter
    public void setP95LimitSeconds(Double p95LimitSeconds) {
        this.p95LimitSeconds = p95LimitSeconds;
    }

    public Double getErrorRateLimitPercent() {
        return errorRateLimitPercent;
    }

    @DataBoundSetter
    public void setErrorRateLimitPercent(Double errorRateLimitPercent) {
        this.errorRateLimitPercent = errorRateLimitPercent;
    }

    public String getStopFile() {
        return stopFile;
    }

    @DataBoundSetter
    public void setStopFile(String stopFile) {
        this.stopFile = Util.fixEmptyAndTrim(stopFile);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        LoadWatchRequest request = new LoadWatchRequest(LoadWatchRequest.parseDuration("duration", duration),
                p95LimitSeconds, errorRateLimitPercent);
        // the stop file's place is checked before the watch starts: a stop that cannot be delivered lets the test run on
        FilePath stop = stopFile == null ? null : stopFileIn(context.get(FilePath.class));
        return new OutcomeExecution(context, connection(), c -> {
            LoadWatchResult result = LoadWatchUseCase.over(c).run(request);
            if (stop != null && result.status() == LoadWatchResult.Status.STOPPED) {
                stop.write("stop: " + result.stoppedBecause() + "\n", StandardCharsets.UTF_8.name());
            }
            return result;
        });
    }

    private FilePath stopFileIn(FilePath workspace) throws Exception {
        if (workspace == null) {
            throw new AbortException("stopFile: '" + stopFile + "' is written in the workspace; call tdevLoadWatch"
                    + " inside node { }");
        }
        FilePath file = workspace.child(stopFile);
        if (file.getParent() == null || !file.getParent().isDirectory()) {
            throw new AbortException("stopFile: '" + stopFile + "': its folder must exist in the workspace");
        }
        return file;
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevLoadWatch";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: watch the service during a load test and stop the test in time";
        }
    }
}
