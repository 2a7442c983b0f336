package io.jenkins.plugins.tdevops;

import hudson.Extension;
import hudson.Util;
import io.tdev.ops.api.IsoInstant;
import io.tdev.ops.api.health.HealthRequest;
import io.tdev.ops.api.health.HealthUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code tdevHealthCheck}: one verdict (HEALTHY, DEGRADED, UNHEALTHY, UNKNOWN) from the service's signals
 * ({@code HealthUseCase}). Returns the CLI's {@code health} JSON as a map: status, reasons, signals, checkedAt, ... A
 * verdict is a result, not a failure; the caller decides.
 */
public class TdevHealthCheckStep extends TdevStep {
    private String baselineTime;
    private List<String> ignoreAlarms;
    private Integer windowMinutes;
    private List<String> signals;
    private Integer signalTimeoutSeconds;

    @DataBoundConstructor
    public TdevHealthCheckStep() {
    }

    public String getBaselineTime() {
        return baselineTime;
    }

    @DataBoundSetter
    public void setBaselineTime(String baselineTime) {
        this.baselineTime = Util.fixEmptyAndTrim(baselineTime);
    }

    public List<String> getIgnoreAlarms() {
        return ignoreAlarms;
    }

    @DataBoundSetter
    public void setIgnoreAlarms(List<String> ignoreAlarms) {
        this.ignoreAlarms = ignoreAlarms == null || ignoreAlarms.isEmpty() ? null : List.copyOf(ignoreAlarms);
    }

    public Integer getWindowMinutes() {
        return windowMinutes;
    }

    @DataBoundSetter
    public void setWindowMinutes(Integer windowMinutes) {
        this.windowMinutes = windowMinutes;
    }

    public List<String> getSignals() {
        return signals;
    }

    @DataBoundSetter
    public void setSignals(List<String> signals) {
        this.signals = signals == null || signals.isEmpty() ? null : List.copyOf(signals);
    }

    public Integer getSignalTimeoutSeconds() {
        return signalTimeoutSeconds;
    }

    @DataBoundSetter
    public void setSignalTimeoutSeconds(Integer signalTimeoutSeconds) {
        this.signalTimeoutSeconds = signalTimeoutSeconds;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new OutcomeExecution(context, connection(), c -> HealthUseCase.over(c).run(request()),
                ResultEntry::health);
    }

    /** Built when the step runs: a bad argument ends it with the engine's message (no stack trace), nothing read. */
    HealthRequest request() {
        return new HealthRequest(IsoInstant.parse("baselineTime", baselineTime),
                ignoreAlarms == null ? Set.of() : Set.copyOf(ignoreAlarms),
                windowMinutes == null ? null : Duration.ofMinutes(windowMinutes), signals,
                signalTimeoutSeconds == null ? null : Duration.ofSeconds(signalTimeoutSeconds));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevHealthCheck";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: health check (one verdict from ECS, alarms, targets, logs, metrics)";
        }
    }
}
