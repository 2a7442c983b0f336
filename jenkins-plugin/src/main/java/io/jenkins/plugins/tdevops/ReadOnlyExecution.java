package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import io.tdev.ops.model.TdevException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;

/**
 * Runs a quick, read-only (or idempotent, no-wait) facade call off the CPS thread and returns its result map. Such a
 * call is simply run again after a controller restart, so it needs no resumable state.
 */
final class ReadOnlyExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient Connection connection;
    private final transient Map<String, Object> args;
    private final transient EngineCall call;

    ReadOnlyExecution(StepContext context, Connection connection, Map<String, Object> args, EngineCall call) {
        super(context);
        this.connection = connection;
        this.args = args;
        this.call = call;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        try (OpenedTdevOps opened = TdevOpsFactory.open(getContext(), connection)) {
            return PlainData.copy(call.call(opened.ops(), args));
        } catch (TdevException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
