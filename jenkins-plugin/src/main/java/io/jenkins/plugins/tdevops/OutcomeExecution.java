package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import hudson.model.Run;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.Outcome;
import io.tdev.ops.api.PlainValues;
import io.tdev.ops.model.TdevException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;
import java.util.function.Function;

/**
 * Runs one typed use case off the CPS thread and returns its result record as plain maps, lists and scalars
 * ({@link PlainValues}: the same keys as the CLI's JSON). Invalid input, a failed precondition and a remote failure
 * are {@link AbortException}s with the engine's message; a result that is not ok is returned, and the caller decides.
 * A use case that stopped waiting on an interrupt (the build was aborted) sets the interrupt flag again: the step
 * then ends as an abort, not with that result.
 * <p>It is <b>not</b> resumable: SynchronousNonBlockingStepExecution (jenkinsci/workflow-step-api-plugin) blocks a
 * safe restart while it runs, and when the controller stops anyway (a crash, a forced restart) its {@code onResume}
 * fails the step with SynchronousResumeNotSupportedException; it is never run again by itself. The step help says
 * what to do: {@code retry(count: 2, conditions: [nonresumable()]) { tdevHealthCheck(...) }} runs it again (the use
 * cases run this way are read-only or idempotent, so a second run is safe). A step that must survive a restart waits
 * as {@link RolloutWaitExecution} does.
 */
final class OutcomeExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    /** One typed use case over the step's environment, e.g. {@code c -> DbResizeUseCase.over(c).run(request)}. */
    @FunctionalInterface
    interface UseCaseCall<R extends Outcome> {
        R call(OpsContext context) throws Exception;
    }

    private final transient Connection connection;
    private final transient Recorded<?> call;

    <R extends Outcome> OutcomeExecution(StepContext context, Connection connection, UseCaseCall<R> call) {
        this(context, connection, call, null);
    }

    /** {@code summary}: how the result shows on the build page ({@link TdevResultsAction}); null: it does not. */
    <R extends Outcome> OutcomeExecution(StepContext context, Connection connection, UseCaseCall<R> call,
                                         Function<? super R, ResultEntry> summary) {
        super(context);
        this.connection = connection;
        this.call = new Recorded<>(call, summary);
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        try (OpenedTdevOps opened = TdevOpsFactory.open(getContext(), connection)) {
            Outcome result = call.run(opened.context(), getContext());
            if (Thread.interrupted()) {
                // the use case stopped waiting because the build was aborted: an abort, not a result
                throw new InterruptedException("aborted while waiting; the change already made goes on (see the log)");
            }
            return PlainData.of(result);
        } catch (TdevException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** The call with its build-page summary, typed together. */
    private record Recorded<R extends Outcome>(UseCaseCall<R> call, Function<? super R, ResultEntry> summary) {
        Outcome run(OpsContext context, StepContext step) throws Exception {
            R result = call.call(context);
            if (summary != null) {
                TdevResultsAction.record(step.get(Run.class), summary.apply(result));
            }
            return result;
        }
    }
}
