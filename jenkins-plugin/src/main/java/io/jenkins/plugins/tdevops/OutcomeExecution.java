package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.TdevException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;

/**
 * Runs one typed use case off the CPS thread and returns its result record as plain maps, lists and scalars
 * ({@link PlainValues}: the same keys as the CLI's JSON). Invalid input, a failed precondition and a remote failure
 * are {@link AbortException}s with the engine's message; a result that is not ok is returned, and the caller decides.
 * A use case that stopped waiting on an interrupt (the build was aborted) sets the interrupt flag again: the step
 * then ends as an abort, not with that result.
 * Not resumable: after a controller restart the step fails (SynchronousNonBlockingStepExecution#onResume), so a
 * pipeline that must survive one wraps it in {@code retry(conditions: [nonresumable()])}.
 */
final class OutcomeExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    /** One typed use case over the step's environment, e.g. {@code c -> DbResizeUseCase.over(c).run(request)}. */
    @FunctionalInterface
    interface UseCaseCall {
        Outcome call(OpsContext context) throws Exception;
    }

    private final transient Connection connection;
    private final transient UseCaseCall call;

    OutcomeExecution(StepContext context, Connection connection, UseCaseCall call) {
        super(context);
        this.connection = connection;
        this.call = call;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        try (OpenedTdevOps opened = TdevOpsFactory.open(getContext(), connection)) {
            Outcome result = call.call(opened.context());
            if (Thread.interrupted()) {
                // the use case stopped waiting because the build was aborted: an abort, not a result
                throw new InterruptedException("aborted while waiting; the change already made goes on (see the log)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> plain = (Map<String, Object>) PlainValues.of(result);
            return PlainData.copy(plain);
        } catch (TdevException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
