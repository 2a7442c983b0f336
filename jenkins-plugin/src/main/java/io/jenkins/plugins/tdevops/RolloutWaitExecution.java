package io.jenkins.plugins.tdevops;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.tdev.ops.api.DefaultTdevOps;
import io.tdev.ops.api.TdevOps;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TdevException;
import io.tdev.ops.api.change.ChangeStatus;
import org.jenkinsci.plugins.workflow.steps.AbstractStepExecutionImpl;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A mutation that waits for the ECS service to become stable, and survives a controller restart (the shape of
 * workflow-basic-steps' SleepStep, jenkinsci/workflow-basic-steps-plugin SleepStep.java): {@link #start()} has the
 * plugin's own pool ({@link StepThreads}, not Jenkins' shared {@link jenkins.util.Timer}, which only schedules) ask
 * the engine for the change with {@code wait: false} and keep what it expects in serializable fields, saved at once
 * ({@code saveState}) so that even after a crash {@link #onResume()} knows the rollout is under way; further tasks ask
 * the engine's {@code stability} at the environment's poll interval until it is done, failed, or the timeout passes
 * on the engine's clock. {@link #onResume()} re-arms the poll after a restart, {@link #stop} cancels it. When the look is done or the
 * timeout passes, the engine's {@code finishRollout} turns the first result and the last look into the final one
 * (COMPLETED, FAILED or TIMED_OUT: the map {@code wait: true} returns; ABANDONED after an abort) and, for a rollback,
 * tells the team. Whether the service is stable, and what the outcome is, are the engine's answers, never decided
 * here; only a STARTED change is waited for (PLANNED, UNCHANGED return at once), as the engine's ChangeStatus defines.
 * {@link PollSchedule} says when to look and when to give up, {@link StepEnding} lets the step end once,
 * {@link EngineSession} (re)opens the engine, {@link WaitFailureMessage} words the failures, {@link AbortedBy} who
 * aborted.
 */
final class RolloutWaitExecution extends AbstractStepExecutionImpl {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(RolloutWaitExecution.class.getName());

    private final Mutation mutation;
    private final String stepName;
    private final EngineSession engine;
    private final LinkedHashMap<String, Object> args;
    private final StepEnding ending = new StepEnding();

    private LinkedHashMap<String, Object> started;
    private LinkedHashMap<String, Object> expected;
    private LinkedHashMap<String, Object> lastLook;
    private String service;
    /** When the change began, on the engine's clock (ISO-8601): what {@code finishRollout} counts "waited" from. */
    private String changeStartedAt;
    /** When the step began, on the engine's clock (millis): ChangeStart's fallback. */
    private long stepStartedAt;
    private PollSchedule schedule;

    private transient volatile ScheduledFuture<?> task;

    RolloutWaitExecution(StepContext context, Mutation mutation, Connection connection, Map<String, Object> args) {
        super(context);
        this.mutation = mutation;
        this.stepName = mutation.stepName();
        this.engine = new EngineSession(connection);
        this.args = PlainData.copy(args);
    }

    @Override
    public boolean start() {
        // the change itself is AWS calls (with retries): off the CPS VM thread, like every poll after it
        task = StepThreads.now(this::begin);
        return false;
    }

    private void begin() {
        LinkedHashMap<String, Object> mutationArgs = new LinkedHashMap<>(args);
        mutationArgs.put("wait", false);
        try {
            stepStartedAt = now();
            started = PlainData.copy(mutation.call(facade(), mutationArgs));
        } catch (TdevException e) {
            finish(new AbortException(e.getMessage()));
            return;
        } catch (Exception e) {
            finish(e);
            return;
        }
        Object status = started.get("status");
        changeStartedAt = ChangeStart.of(started, stepStartedAt);
        try {
            service = opened().config().serviceRef().toString();
        } catch (Exception e) {
            finish(e);
            return;
        }
        if (ending.ended()) {
            log(stepName + ": aborted while the change was requested; the engine reported: " + started.get("message"));
            if (ChangeStatus.STARTED.name().equals(status)) {
                abandon(null);
            }
            return;
        }
        if (!ChangeStatus.STARTED.name().equals(status) || Boolean.FALSE.equals(args.get("wait"))) {
            // PLANNED (dry run), UNCHANGED (already there), or the caller did not want to wait
            if (Boolean.FALSE.equals(started.get("ok"))) { // the engine's ChangeStatus.ok() decided it
                finish(new AbortException(stepName + ": " + started.get("message") + ". " + mutation.nextSteps(started)));
            } else {
                ending.markEnded();
                engine.closeQuietly();
                recordOnBuildPage(started);
                getContext().onSuccess(started);
            }
            return;
        }
        try {
            schedule = PollSchedule.from(opened().config(), args.get("timeoutMinutes"), now());
            expected = PlainData.copy(mutation.expectation(started));
        } catch (Exception e) {
            finish(e);
            return;
        }
        // the rollout is under way: keep that now, so that onResume after a crash (not only after a clean shutdown,
        // which saves anyway) resumes the wait instead of saying the change was still being requested
        saveState();
        if (ending.ended()) {
            abandon(null); // aborted just now; stop() may have seen no wait yet
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
        if (started == null || expected == null) {
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
        ScheduledFuture<?> pending = task;
        if (pending != null) {
            pending.cancel(false);
        }
        if (!ending.claimEnd()) {
            return; // a poll is already ending the step through the engine
        }
        if (expected == null) {
            // not waiting yet: begin() reports what the engine did once its call returns
            engine.closeQuietly();
            getContext().onFailure(cause);
            return;
        }
        // finishRollout calls AWS: off the CPS VM thread, like the polls
        task = StepThreads.now(() -> abandon(cause));
    }

    /** A safe restart waits while the change is being requested: after it, nothing is lost by restarting. */
    @Override
    public boolean blocksRestart() {
        return expected == null && !ending.ended();
    }

    @Override
    public String getStatus() {
        if (started == null) {
            return "requesting the change";
        }
        if (schedule == null || expected == null) {
            return "the change was requested; preparing the wait";
        }
        String look = lastLook != null ? "; last look: " + lastLook.get("message") : "";
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
            LinkedHashMap<String, Object> look = PlainData.copy(facade().stability(expected));
            lastLook = look;
            saveState(); // a crash from here on still hands this look to finishRollout
            if (PlainData.isTrue(look.get("done"))) {
                conclude(look, null);
                return;
            }
            log(stepName + ": waiting for " + service + ": " + look.get("message") + " (" + elapsed() + ")");
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
     * Asks the engine for the final result from the first one and the last look (none: it looks itself), the map it
     * returns for the same call with {@code wait: true}, and ends the step with it: COMPLETED returns it, FAILED and
     * TIMED_OUT fail the step with the engine's message. A rollback's final outcome goes to SNS from there.
     * {@code problem}: why polling stopped early (an error reading the service), leading the failure message.
     */
    private void conclude(Map<String, Object> look, String problem) {
        if (!ending.claimEnd()) {
            return;
        }
        String why = problem == null ? "" : problem + ". ";
        LinkedHashMap<String, Object> result;
        try {
            result = finalWord(look, null);
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, stepName + ": finishRollout failed", e);
            finish(new AbortException(stepName + ": " + why + "The outcome could not be decided either: "
                    + WaitFailureMessage.describe(e) + ". " + notUndone() + " " + WaitFailureMessage.lastLookSaid(lastLook)
                    + " " + mutation.nextSteps(started)));
            return;
        }
        String notified = WaitFailureMessage.notified(result);
        recordOnBuildPage(result);
        if (ChangeStatus.COMPLETED.name().equals(result.get("status"))) {
            // the engine's own look found it stable after all: the rollout's outcome, not the read error, decides
            log(stepName + ": " + why + result.get("message") + " (" + elapsed() + ")." + notified);
            engine.closeQuietly();
            getContext().onSuccess(result);
        } else {
            finish(new AbortException(stepName + ": " + why + result.get("status") + ": " + result.get("message")
                    + ". " + notUndone() + " " + mutation.nextSteps(started) + notified));
        }
    }

    /**
     * The build was aborted while the change rolls out: the change stays. The engine still gets the last word from
     * the last look, told who stopped waiting (ABANDONED, not TIMED_OUT: nobody timed out), so a rollback with notify
     * tells the team the rollout goes on unwatched and how to keep watching; the log says what stays and what to run
     * next. {@code cause} (null: the step has already ended) ends the step as it was stopped, so the build stays
     * ABORTED.
     */
    private void abandon(Throwable cause) {
        if (!ending.claimFinalWord()) {
            if (cause != null) {
                getContext().onFailure(cause);
            }
            return;
        }
        String word;
        try {
            LinkedHashMap<String, Object> result = finalWord(lastLook, AbortedBy.of(cause));
            recordOnBuildPage(result);
            word = "the engine's last word: " + result.get("status") + ": " + result.get("message") + "."
                    + WaitFailureMessage.notified(result);
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, stepName + ": finishRollout after an abort failed", e);
            word = "the outcome could not be decided: " + WaitFailureMessage.describe(e) + "; "
                    + WaitFailureMessage.lastLookSaid(lastLook);
        }
        log(stepName + ": aborted while waiting; " + word + " " + notUndone() + " " + mutation.nextSteps(started));
        engine.closeQuietly();
        if (cause != null) {
            getContext().onFailure(cause);
        }
    }

    /** {@code abandonedBy}: who stopped waiting (an abort); null when the wait ran to its end. */
    private LinkedHashMap<String, Object> finalWord(Map<String, Object> look, String abandonedBy) throws Exception {
        return PlainData.copy(facade().finishRollout(StepArgs.create()
                .put("operation", mutation.operation())
                .put("started", started)
                .put("stability", look)
                .put("startedAt", changeStartedAt)
                .put("notify", args.get("notify"))
                .put("abandonedBy", abandonedBy)
                .toMap()));
    }

    /** A rollback's outcome (from -> to, status) goes on the build page; other changes show in their own steps. */
    private void recordOnBuildPage(Map<String, Object> result) {
        if (mutation != Mutation.ROLLBACK) {
            return;
        }
        try {
            TdevResultsAction.record(getContext().get(Run.class), ResultEntry.rollback(result));
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, stepName + ": could not show the rollback on the build page", e);
        }
    }

    private void finish(Throwable failure) {
        ending.markEnded(); // also when begin() fails, before any end was claimed
        engine.closeQuietly();
        getContext().onFailure(failure);
    }

    private String notUndone() {
        return WaitFailureMessage.notUndone(service, started);
    }

    private String waitingFor() {
        StringBuilder target = new StringBuilder(service).append(" to become stable");
        expected.forEach((name, value) -> target.append(", ").append(name).append(' ').append(value));
        return target.toString();
    }

    private String elapsed() {
        try {
            return schedule.elapsed(now());
        } catch (Exception e) {
            return "elapsed unknown";
        }
    }

    /** The engine's clock: the wall clock against AWS, a simulation's own clock in tests. */
    private long now() throws Exception {
        return opened().clock().millis();
    }

    private void saveState() {
        try {
            getContext().saveState();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, stepName + ": could not save the wait's state", e);
        }
    }

    private TdevOps facade() throws Exception {
        return new DefaultTdevOps(opened().context());
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
