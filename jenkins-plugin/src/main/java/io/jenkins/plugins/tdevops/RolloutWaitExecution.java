package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.PendingChange;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.change.RolloutWatchUseCase;
import io.tdev.ops.api.change.Stability;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TdevException;
import org.jenkinsci.plugins.workflow.steps.AbstractStepExecutionImpl;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A mutation that waits for the ECS service to become stable, and survives a controller restart (the shape of
 * workflow-basic-steps' SleepStep, jenkinsci/workflow-basic-steps-plugin SleepStep.java): {@link #start()} has the
 * plugin's own pool ({@link StepThreads}, not Jenkins' shared {@link jenkins.util.Timer}, which only schedules) start
 * the step's typed use case with {@code wait: false} and keep only the engine's {@link PendingChange} (what was
 * changed, from what to what, since when, until when: a small serializable value, no engine output), saved at once
 * ({@code saveState}) so that even after a crash {@link #onResume()} knows the rollout is under way; further tasks
 * hand it to the engine's {@link RolloutWatchUseCase#look} at the environment's poll interval until a look is done or
 * the deadline passes on the engine's clock. {@link #onResume()} re-arms the poll after a restart, {@link #stop}
 * cancels it. When the look is done or the deadline passes, {@link RolloutWatchUseCase#finish} turns the pending
 * change and the last look into the final result (COMPLETED, FAILED or TIMED_OUT: the result {@code wait: true}
 * returns; ABANDONED after an abort) and, for a rollback, tells the team. Whether the service is stable, and what the
 * outcome is, are the engine's answers, never decided here; only a STARTED change is waited for (PLANNED, UNCHANGED
 * return at once), as the engine's ChangeStatus defines. The step returns the result record as plain values
 * ({@link PlainData}, the CLI's JSON keys).
 * <p>The last look itself is kept in memory only (its message is saved, for the status and a failure message): after
 * a restart the next look decides, or the engine looks once itself when the wait ends before one. {@link PollSchedule}
 * says when to look and when to give up, {@link StepEnding} lets the step end once, {@link EngineSession} (re)opens
 * the engine, {@link WaitFailureMessage} words the failures, {@link AbortedBy} who aborted.
 */
final class RolloutWaitExecution extends AbstractStepExecutionImpl {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(RolloutWaitExecution.class.getName());

    /** The step's typed use case, started with {@code wait: false}. */
    @FunctionalInterface
    interface ChangeCall {
        ChangeResult start(OpsContext context);
    }

    private final Mutation mutation;
    private final String stepName;
    private final EngineSession engine;
    private final StepEnding ending = new StepEnding();
    /** Only {@link #begin} uses these: after a restart the change is never requested again. */
    private final transient ChangeCall call;
    private final transient Duration timeout;
    private final boolean waits;

    private volatile boolean requested;
    private PendingChange pending;
    private PollSchedule schedule;
    private String service;
    /** What the last look said, for the status and the failure message (the look itself is not kept across a restart). */
    private String lastLookSaid;

    private transient volatile Stability lastLook;
    private transient volatile ScheduledFuture<?> task;

    /**
     * @param waits   false: the step returns the STARTED result ({@code wait: false})
     * @param timeout how long to wait; null: the environment's {@code deploy.stableTimeoutMinutes}
     */
    RolloutWaitExecution(StepContext context, Mutation mutation, Connection connection, ChangeCall call, boolean waits,
                         Duration timeout) {
        super(context);
        this.mutation = mutation;
        this.stepName = mutation.stepName();
        this.engine = new EngineSession(connection);
        this.call = call;
        this.waits = waits;
        this.timeout = timeout;
    }

    @Override
    public boolean start() {
        // the change itself is AWS calls (with retries): off the CPS VM thread, like every poll after it
        task = StepThreads.now(this::begin);
        return false;
    }

    private void begin() {
        ChangeResult started;
        PendingChange change;
        try {
            started = call.start(opened().context());
            requested = true;
            service = opened().config().serviceRef().toString();
            change = started.status() == ChangeStatus.STARTED && waits ? watch().pending(started, timeout) : null;
        } catch (TdevException e) {
            finish(new AbortException(e.getMessage()));
            return;
        } catch (Exception e) {
            finish(e);
            return;
        }
        if (ending.ended()) {
            log(stepName + ": aborted while the change was requested; the engine reported: " + started.message());
            if (change != null) {
                abandon(change, null);
            } else {
                engine.closeQuietly(); // stop() closed it, but this thread opened it again to read the service
            }
            return;
        }
        if (change == null) {
            // PLANNED (dry run), UNCHANGED (already there), or the caller did not want to wait
            if (!started.ok()) { // the engine's ChangeStatus.ok() decided it
                finish(new AbortException(stepName + ": " + started.message() + ". "
                        + mutation.nextSteps(String.valueOf(started.from()), String.valueOf(started.to()))));
            } else {
                ending.markEnded();
                engine.closeQuietly();
                recordOnBuildPage(started);
                getContext().onSuccess(PlainData.of(started));
            }
            return;
        }
        try {
            schedule = PollSchedule.of(change, opened().config());
        } catch (Exception e) {
            finish(e);
            return;
        }
        pending = change;
        // the rollout is under way: keep that now, so that onResume after a crash (not only after a clean shutdown,
        // which saves anyway) resumes the wait instead of saying the change was still being requested
        saveState();
        if (ending.ended()) {
            abandon(change, null); // aborted just now; stop() may have seen no wait yet
            return;
        }
        log(stepName + ": waiting up to " + schedule.total() + " for " + waitingFor());
        pollIn(0);
    }

    @Override
    public void onResume() {
        if (ending.ended()) {
            return;
        }
        if (pending == null) {
            // the restart came while the engine was asked for the change: whether AWS got it is unknown here
            finish(new AbortException(stepName + ": Jenkins restarted while the change was being requested; "
                    + "check the service with tdevHealthCheck and run " + stepName + " again (it is idempotent)"));
            return;
        }
        log(stepName + ": Jenkins restarted; still waiting for " + waitingFor());
        pollIn(0);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        ScheduledFuture<?> scheduled = task;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        if (!ending.claimEnd()) {
            return; // a poll is already ending the step through the engine
        }
        PendingChange change = pending;
        if (change == null) {
            // not waiting yet: begin() reports what the engine did once its call returns
            engine.closeQuietly();
            getContext().onFailure(cause);
            return;
        }
        // finishing calls AWS: off the CPS VM thread, like the polls
        task = StepThreads.now(() -> abandon(change, cause));
    }

    /** A safe restart waits while the change is being requested: after it, nothing is lost by restarting. */
    @Override
    public boolean blocksRestart() {
        return pending == null && !ending.ended();
    }

    @Override
    public String getStatus() {
        if (!requested) {
            return "requesting the change";
        }
        if (schedule == null || pending == null) {
            return "the change was requested; preparing the wait";
        }
        String look = lastLookSaid != null ? "; last look: " + lastLookSaid : "";
        return "waiting for " + waitingFor() + look;
    }

    /** Timer waits (SleepStep-like); the look itself runs on the plugin's pool. */
    private void pollIn(long delayMillis) {
        task = StepThreads.later(this::poll, delayMillis);
    }

    private void poll() {
        if (ending.ended()) {
            return;
        }
        try {
            opened().beforeLook(schedule.pollMillis());
            Stability look = watch().look(pending);
            lastLook = look;
            lastLookSaid = look.message();
            saveState(); // a crash from here on still says what this look saw
            if (look.done()) {
                conclude(look, null);
                return;
            }
            log(stepName + ": waiting for " + service + ": " + look.message() + " (" + elapsed() + ")");
        } catch (RemoteFailureException e) {
            if (!e.retryable()) {
                conclude(lastLook, "cannot read the service: " + e.getMessage());
                return;
            }
            log(stepName + ": could not read the service this time (" + e.getMessage() + "); trying again");
        } catch (TdevException e) {
            conclude(lastLook, e.getMessage());
            return;
        } catch (Exception e) {
            // not the engine's kind of failure (a bug, the credentials gone): still give the engine the last word
            LOGGER.log(Level.WARNING, stepName + ": polling failed", e);
            conclude(lastLook, "polling failed (" + e.getClass().getSimpleName() + ", see the controller log)");
            return;
        }
        try {
            if (schedule.passed(now())) {
                log(stepName + ": gave up waiting for " + service + " after " + schedule.total());
                conclude(lastLook, null);
            } else {
                pollIn(opened().pauseMillis(schedule.pollMillis()));
            }
        } catch (Exception e) {
            conclude(lastLook, "polling failed (" + WaitFailureMessage.describe(e) + ")");
        }
    }

    /**
     * Asks the engine for the final result of the pending change from the last look (none: it looks itself), the
     * result it returns for the same call with {@code wait: true}, and ends the step with it: COMPLETED returns it,
     * FAILED and TIMED_OUT fail the step with the engine's message. A rollback's final outcome goes to SNS from there.
     * {@code problem}: why polling stopped early (an error reading the service), leading the failure message.
     */
    private void conclude(Stability look, String problem) {
        if (!ending.claimEnd()) {
            return;
        }
        String why = problem == null ? "" : problem + ". ";
        ChangeResult result;
        try {
            result = watch().finish(pending, look, null);
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, stepName + ": finishing the wait failed", e);
            finish(new AbortException(stepName + ": " + why + "The outcome could not be decided either: "
                    + WaitFailureMessage.describe(e) + ". " + notUndone(pending) + " "
                    + WaitFailureMessage.lastLookSaid(lastLookSaid) + " " + nextSteps(pending)));
            return;
        }
        String notified = WaitFailureMessage.notified(result);
        recordOnBuildPage(result);
        if (result.status() == ChangeStatus.COMPLETED) {
            // the engine's own look found it stable after all: the rollout's outcome, not the read error, decides
            log(stepName + ": " + why + result.message() + " (" + elapsed() + ")." + notified);
            engine.closeQuietly();
            getContext().onSuccess(PlainData.of(result));
        } else {
            finish(new AbortException(stepName + ": " + why + result.status() + ": " + result.message() + ". "
                    + notUndone(pending) + " " + nextSteps(pending) + notified));
        }
    }

    /**
     * The build was aborted while the change rolls out: the change stays. The engine still gets the last word from
     * the last look, told who stopped waiting (ABANDONED, not TIMED_OUT: nobody timed out), so a rollback with notify
     * tells the team the rollout goes on unwatched and how to keep watching; the log says what stays and what to run
     * next. {@code cause} (null: the step has already ended) ends the step as it was stopped, so the build stays
     * ABORTED.
     */
    private void abandon(PendingChange change, Throwable cause) {
        if (!ending.claimFinalWord()) {
            if (cause != null) {
                getContext().onFailure(cause);
            }
            return;
        }
        String word;
        try {
            ChangeResult result = watch().finish(change, lastLook, AbortedBy.of(cause));
            recordOnBuildPage(result);
            word = "the engine's last word: " + result.status() + ": " + result.message() + "."
                    + WaitFailureMessage.notified(result);
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, stepName + ": finishing the wait after an abort failed", e);
            word = "the outcome could not be decided: " + WaitFailureMessage.describe(e) + "; "
                    + WaitFailureMessage.lastLookSaid(lastLookSaid);
        }
        log(stepName + ": aborted while waiting; " + word + " " + notUndone(change) + " " + nextSteps(change));
        engine.closeQuietly();
        if (cause != null) {
            getContext().onFailure(cause);
        }
    }

    /** A rollback's outcome (from -> to, status) goes on the build page; other changes show in their own steps. */
    private void recordOnBuildPage(ChangeResult result) {
        if (!(result instanceof RollbackResult rollback)) {
            return;
        }
        try {
            TdevResultsAction.record(getContext().get(Run.class), ResultEntry.rollback(rollback));
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, stepName + ": could not show the rollback on the build page", e);
        }
    }

    private void finish(Throwable failure) {
        ending.markEnded(); // also when begin() fails, before any end was claimed
        engine.closeQuietly();
        getContext().onFailure(failure);
    }

    private static String notUndone(PendingChange change) {
        return WaitFailureMessage.notUndone(change);
    }

    private String nextSteps(PendingChange change) {
        return mutation.nextSteps(change.from(), change.to());
    }

    private String waitingFor() {
        return service + " to become stable, " + pending.awaited();
    }

    private String elapsed() {
        try {
            return schedule.elapsed(now());
        } catch (Exception e) {
            return "elapsed unknown";
        }
    }

    /** The engine's clock: the wall clock against AWS, a simulation's own clock in tests. */
    private Instant now() throws Exception {
        return opened().clock().instant();
    }

    private RolloutWatchUseCase watch() throws Exception {
        return RolloutWatchUseCase.over(opened().context());
    }

    private void saveState() {
        try {
            getContext().saveState();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, stepName + ": could not save the wait's state", e);
        }
    }

    private OpenedTdevOps opened() throws Exception {
        return engine.open(getContext());
    }

    private void log(String line) {
        try {
            getContext().get(TaskListener.class).getLogger().println(line);
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, line, e);
        }
    }
}
