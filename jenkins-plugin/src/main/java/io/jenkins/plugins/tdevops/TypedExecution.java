package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.TdevException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;
import java.util.function.Function;

/**
 * Runs one typed use case off the CPS thread and returns its result record as plain values
 * ({@link PlainValues}, the same keys as the CLI's JSON). Expected failures are {@link AbortException}s with the
 * engine's message; a use case that stopped waiting because the build was aborted (the thread's interrupt flag is
 * set again) ends the step as an abort, not with a result.
 */
final class TypedExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient Connection connection;
    private final transient Function<OpsContext, ? extends Record> useCase;

    TypedExecution(StepContext context, Connection connection, Function<OpsContext, ? extends Record> useCase) {
        super(context);
        this.connection = connection;
        this.useCase = useCase;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        try (OpenedTdevOps opened = TdevOpsFactory.open(getContext(), connection)) {
            Record result = useCase.apply(opened.context());
            if (Thread.interrupted()) {
                throw new InterruptedException("aborted while waiting; the engine's change goes on (see the log)");
            }
            return PlainData.copy(PlainValues.map(result));
        } catch (TdevException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
