package io.jenkins.plugins.tdevops;

import hudson.Extension;
import io.tdev.ops.api.fleet.FleetHealthRequest;
import io.tdev.ops.api.fleet.FleetHealthUseCase;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tdevFleetHealth}: many services in one run (the CLI's {@code health --services} / {@code --fleet}). Returns
 * its JSON as a map: environment, status (the worst service's), services [name, cluster, status, reasons],
 * checkedAt. {@code services} empty = the fleet the environment config lists. A verdict is a result, not a failure.
 */
public class TdevFleetHealthStep extends TdevStep {
    private List<String> services = new ArrayList<>();

    @DataBoundConstructor
    public TdevFleetHealthStep() {
    }

    public List<String> getServices() {
        return services;
    }

    /** NAME (in the environment's cluster) or CLUSTER/NAME. */
    @DataBoundSetter
    public void setServices(List<String> services) {
        this.services = services == null ? new ArrayList<>() : new ArrayList<>(services);
    }

    @Override
    public StepExecution start(StepContext context) {
        // validated here, before the engine is opened
        FleetHealthRequest request = new FleetHealthRequest(services);
        return new OutcomeExecution(context, connection(), c -> FleetHealthUseCase.over(c).run(request));
    }

    @Extension
    public static final class DescriptorImpl extends TdevStepDescriptor {
        @Override
        public String getFunctionName() {
            return "tdevFleetHealth";
        }

        @Override
        public String getDisplayName() {
            return "T-Developer: fleet health (many services in one run, one row each)";
        }
    }
}
