package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import hudson.model.Run;
import io.tdev.ops.api.DefaultTdevOps;
import io.tdev.ops.model.TdevException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

import java.util.Map;
import java.util.function.Function;

/**
 * Runs a quick, read-only (or idempotent, no-wait) facade call off the CPS thread and returns its result map.
 * It is <b>not</b> resumable: SynchronousNonBlockingStepExecution (jenkinsci/workflow-step-api-plugin,
 * SynchronousNonBlockingStepExecution.java) blocks a safe restart while it runs, and when the controller stops anyway
 * (a crash, a forced restart) its {@code onResume} fails the step with SynchronousResumeNotSupportedException; it is
 * never run again by itself. The step help says what to do: {@code retry(count: 2, conditions: [nonresumable()]) {
 * tdevHealthCheck(...) }} runs it again after such a restart (the calls are read-only or idempotent, so a second run
 * is safe). A step that must survive a restart waits as {@link RolloutWaitExecution} does.
 */
final class ReadOnlyExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    private final transient Connection connection;
    private final transient Map<String, Object> args;
    private final transient EngineCall call;
    private final transient Function<Map<String, Object>, ResultEntry> summary;

    ReadOnlyExecution(StepContext context, Connection connection, Map<String, Object> args, EngineCall call) {
        this(context, connection, args, call, null);
    }

    /** {@code summary}: how the result shows on the build page ({@link TdevResultsAction}); null: it does not. */
    ReadOnlyExecution(StepContext context, Connection connection, Map<String, Object> args, EngineCall call,
                      Function<Map<String, Object>, ResultEntry> summary) {
        super(context);
        this.connection = connection;
        this.args = args;
        this.call = call;
        this.summary = summary;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        try (OpenedTdevOps opened = TdevOpsFactory.open(getContext(), connection)) {
            Map<String, Object> result = PlainData.copy(call.call(new DefaultTdevOps(opened.context()), args));
            if (summary != null) {
                TdevResultsAction.record(getContext().get(Run.class), summary.apply(result));
            }
            return result;
        } catch (TdevException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
