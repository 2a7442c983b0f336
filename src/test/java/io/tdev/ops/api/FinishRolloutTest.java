package io.tdev.ops.api;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.sim.Api;
import io.tdev.ops.sim.SimNotification;
import io.tdev.ops.testing.SimRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rollout started with {@code wait: false}, polled with {@code stability} by the caller (as the Jenkins step does)
 * and closed with {@code finishRollout} ends with the same map as the same call with {@code wait: true}.
 */
class FinishRolloutTest {
    private static final Duration POLL = Duration.ofSeconds(15);

    /** Polls like the plugin: one look, then the poll interval of virtual time, until done or {@code limit}. */
    private static Map<String, Object> pollUntilDone(SimRun run, Map<String, Object> expectation, Duration limit)
            throws InterruptedException {
        Duration waited = Duration.ZERO;
        while (true) {
            Map<String, Object> look = run.facade().stability(expectation);
            if (Boolean.TRUE.equals(look.get("done")) || waited.compareTo(limit) >= 0) {
                return look;
            }
            run.sim.sleeper().sleep(POLL);
            waited = waited.plus(POLL);
        }
    }

    private static Map<String, Object> withWait(Map<String, Object> args, boolean wait) {
        Map<String, Object> m = new LinkedHashMap<>(args);
        m.put("wait", wait);
        return m;
    }

    /** Everything but what differs between two runs by nature: message ids and the action log's notifications. */
    private static Map<String, Object> comparable(Map<String, Object> result) {
        Map<String, Object> m = new HashMap<>(result);
        m.remove("notification");
        m.remove("actions");
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<String> whats(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("actions")).stream().map(a -> (String) a.get("what")).toList();
    }

    @Test
    void aRollbackWaitedForByTheCallerEndsWithTheMapOfWaitTrueAndAFinalCompletedNotification() throws Exception {
        Map<String, Object> args = Map.of("target", "41", "reason", "error rate after deploy");
        SimRun engineWaits = SimRun.scenario("healthy");
        Map<String, Object> waited = engineWaits.facade().rollback(withWait(args, true));

        SimRun callerWaits = SimRun.scenario("healthy");
        TdevOps ops = callerWaits.facade();
        Map<String, Object> started = ops.rollback(withWait(args, false));
        Map<String, Object> look = pollUntilDone(callerWaits, Map.of("revision", started.get("to")), Duration.ofMinutes(15));
        Map<String, Object> finished = ops.finishRollout(Map.of("operation", "rollback", "started", started,
                "stability", look));

        assertThat(waited).containsEntry("status", "COMPLETED");
        assertThat(finished.keySet()).containsExactlyElementsOf(waited.keySet());
        assertThat(comparable(finished)).isEqualTo(comparable(waited));
        List<SimNotification> sent = callerWaits.sim.notifications();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).subject()).startsWith("[production] rollback STARTED: t-developer-service-production");
        assertThat(sent.get(1).subject()).startsWith("[production] rollback COMPLETED: ");
        assertThat(sent.get(1).message()).contains("from: t-developer-backend-production:42")
                .contains("to: t-developer-backend-production:41").contains("reason: error rate after deploy")
                .contains("by: alice").contains("outcome: COMPLETED: " + finished.get("message"));
        assertThat(finished).containsEntry("notification", "sent: message " + sent.get(1).messageId());
        assertThat(whats(finished)).containsExactly("update service", "notify", "notify");
        assertThat(callerWaits.sim.calls(Api.UPDATE_SERVICE)).isEqualTo(1);
    }

    @Test
    void aRollbackTheCallerGaveUpOnIsTimedOutSaysWhatToRunNextAndTellsTheTeam() throws Exception {
        SimRun engineWaits = SimRun.scenario("healthy");
        Map<String, Object> waited = engineWaits.facade().rollback(Map.of("target", "41", "timeoutMinutes", 1.0 / 3));

        SimRun callerWaits = SimRun.scenario("healthy");
        TdevOps ops = callerWaits.facade();
        Map<String, Object> started = ops.rollback(Map.of("target", "41", "wait", false));
        callerWaits.sim.sleeper().sleep(Duration.ofSeconds(20));
        Map<String, Object> look = ops.stability(Map.of("revision", started.get("to")));
        Map<String, Object> finished = ops.finishRollout(Map.of("operation", "rollback", "started", started,
                "stability", look));

        assertThat(look).containsEntry("done", false);
        assertThat(waited).containsEntry("status", "TIMED_OUT");
        assertThat(comparable(finished)).isEqualTo(comparable(waited));
        assertThat((String) finished.get("message")).contains("points at t-developer-backend-production:41")
                .contains("not stable after 20s");
        assertThat((String) finished.get("next"))
                .contains("tdev-ops rollback --env production --target t-developer-backend-production:41");
        SimNotification last = callerWaits.sim.notifications().get(1);
        assertThat(last.subject()).startsWith("[production] rollback TIMED_OUT: ");
        assertThat(last.message()).contains("outcome: TIMED_OUT: " + finished.get("message"));
        assertThat(finished).containsEntry("notification", "sent: message " + last.messageId());
    }

    @Test
    void aRollbackWithNotifyFalseFinishesWithoutPublishing() throws Exception {
        SimRun run = SimRun.scenario("healthy");
        TdevOps ops = run.facade();
        Map<String, Object> started = ops.rollback(Map.of("target", "41", "wait", false, "notify", false));
        pollUntilDone(run, Map.of("revision", started.get("to")), Duration.ofMinutes(15));

        // no stability given: the engine takes the last look itself
        Map<String, Object> finished = ops.finishRollout(Map.of("operation", "rollback", "started", started,
                "notify", false));

        assertThat(finished).containsEntry("status", "COMPLETED").containsEntry("notification", null);
        assertThat(run.sim.notifications()).isEmpty();
    }

    @Test
    void aDeployWaitedForByTheCallerEndsLikeWaitTrueAndAFailedOneSaysHowToRollBack() throws Exception {
        SimRun engineWaits = SimRun.scenario("healthy");
        Map<String, Object> waited = engineWaits.facade().ecsDeploy(Map.of("image", engineWaits.sim.imageUri("2.0.43")));
        Map<String, Object> waitedBad = engineWaits.facade().ecsDeploy(
                Map.of("image", engineWaits.sim.imageUri("2.1.0-bad")));

        SimRun callerWaits = SimRun.scenario("healthy");
        TdevOps ops = callerWaits.facade();
        Map<String, Object> started = ops.ecsDeploy(Map.of("image", callerWaits.sim.imageUri("2.0.43"), "wait", false));
        Map<String, Object> finished = ops.finishRollout(Map.of("operation", "ecsDeploy", "started", started,
                "stability", pollUntilDone(callerWaits, Map.of("revision", started.get("to")), Duration.ofMinutes(15))));
        Map<String, Object> startedBad = ops.ecsDeploy(Map.of("image", callerWaits.sim.imageUri("2.1.0-bad"), "wait", false));
        Map<String, Object> finishedBad = ops.finishRollout(Map.of("operation", "ecsDeploy", "started", startedBad,
                "stability", pollUntilDone(callerWaits, Map.of("revision", startedBad.get("to")), Duration.ofMinutes(15))));

        assertThat(finished).isEqualTo(waited);
        assertThat(finished).containsEntry("status", "COMPLETED").containsEntry("next", null);
        assertThat(finishedBad).isEqualTo(waitedBad);
        assertThat(finishedBad).containsEntry("status", "FAILED");
        assertThat((String) finishedBad.get("next")).contains("tdev-ops rollback --env production --target "
                + "t-developer-backend-production:43");
        assertThat(callerWaits.sim.notifications()).isEmpty();
    }

    @Test
    void aScalingWaitedForByTheCallerEndsLikeWaitTrue() throws Exception {
        SimRun engineWaits = SimRun.scenario("healthy");
        Map<String, Object> waited = engineWaits.facade().scale(Map.of("count", "p0"));

        SimRun callerWaits = SimRun.scenario("healthy");
        TdevOps ops = callerWaits.facade();
        Map<String, Object> started = ops.scale(Map.of("count", "p0", "wait", false));
        Map<String, Object> look = pollUntilDone(callerWaits, Map.of("desiredCount", started.get("to")),
                Duration.ofMinutes(15));
        Map<String, Object> finished = ops.finishRollout(Map.of("operation", "scale", "started", started,
                "stability", look));

        assertThat(finished).isEqualTo(waited);
        assertThat(finished).containsEntry("status", "COMPLETED").containsEntry("to", 10);
    }

    @Test
    void unknownArgumentsAndResultsThatAreNotStartedAreRefusedBeforeAnythingIsReadOrSent() {
        SimRun run = SimRun.scenario("healthy");
        TdevOps ops = run.facade();
        Map<String, Object> started = ops.rollback(Map.of("target", "41", "wait", false));
        int reads = run.sim.calls(Api.DESCRIBE_SERVICES);
        int sent = run.sim.notifications().size();

        assertThatThrownBy(() -> ops.finishRollout(Map.of("operation", "rollback", "started", started, "wait", true)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("wait: unknown argument of finishRollout")
                .hasMessageContaining("valid arguments: abandonedBy, notify, operation, stability, started, startedAt");
        assertThatThrownBy(() -> ops.finishRollout(Map.of("operation", "deploy", "started", started)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("operation: got 'deploy'; allowed values: rollback, ecsDeploy, scale");
        assertThatThrownBy(() -> ops.finishRollout(Map.of("operation", "rollback")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("started: is required");
        Map<String, Object> completed = new LinkedHashMap<>(started);
        completed.put("status", "COMPLETED");
        assertThatThrownBy(() -> ops.finishRollout(Map.of("operation", "rollback", "started", completed)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("started.status: is COMPLETED");
        Map<String, Object> noTo = new LinkedHashMap<>(started);
        noTo.remove("to");
        assertThatThrownBy(() -> ops.finishRollout(Map.of("operation", "rollback", "started", noTo)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("started.to: is required");
        assertThatThrownBy(() -> ops.finishRollout(Map.of("operation", "scale", "started", started, "notify", true)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("notify: only a rollback notifies");
        Map<String, Object> otherLook = ops.stability(Map.of("revision", "40"));
        reads = run.sim.calls(Api.DESCRIBE_SERVICES);
        assertThatThrownBy(() -> ops.finishRollout(Map.of("operation", "rollback", "started", started,
                "stability", otherLook)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("stability.revision: is "
                        + "t-developer-backend-production:40 but this rollout went to t-developer-backend-production:41");
        assertThatThrownBy(() -> ops.finishRollout(Map.of("operation", "rollback", "started", started,
                "stability", ops.stability(Map.of("revision", started.get("to"))), "abandonedBy", " ")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("abandonedBy: is blank");
        assertThatThrownBy(() -> ops.finishRollout(Map.of("operation", "rollback", "started", started,
                "abandonedBy", List.of("alice"))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("abandonedBy: ");
        assertThat(run.sim.notifications()).hasSize(sent);
    }

    @Test
    void aRollbackWhoseBuildWasAbortedIsAbandonedNotTimedOutAndTheTeamHearsWhoStoppedWatchingAndHowToKeepWatching()
            throws Exception {
        SimRun run = SimRun.scenario("healthy");
        TdevOps ops = run.facade();
        Map<String, Object> started = ops.rollback(Map.of("target", "41", "wait", false, "reason", "5xx"));
        run.sim.sleeper().sleep(Duration.ofSeconds(30));
        Map<String, Object> look = ops.stability(Map.of("revision", started.get("to")));
        Map<String, Object> finished = ops.finishRollout(Map.of("operation", "rollback", "started", started,
                "stability", look, "abandonedBy", "aborted by bob"));

        assertThat(look).containsEntry("done", false);
        assertThat(finished).containsEntry("status", "ABANDONED");
        String message = (String) finished.get("message");
        assertThat(message).startsWith("the wait was abandoned after 30s (aborted by bob), not timed out: the rollback"
                + " to t-developer-backend-production:41 stays and the rollout continues; last look: ")
                .doesNotContain("not stable after");
        assertThat((String) finished.get("next")).startsWith("to keep watching run `tdev-ops rollback --env production"
                + " --target t-developer-backend-production:41` (it will not update twice)");
        SimNotification last = run.sim.notifications().get(1);
        assertThat(last.subject()).startsWith("[production] rollback ABANDONED: t-developer-service-production");
        assertThat(last.message()).contains("by: alice").contains("reason: 5xx")
                .contains("outcome: ABANDONED: " + message).doesNotContain("TIMED_OUT");
        assertThat(finished).containsEntry("notification", "sent: message " + last.messageId());
        assertThat(run.sim.calls(Api.UPDATE_SERVICE)).isEqualTo(1);
    }

    @Test
    void anAbortAfterTheRolloutWasDoneStillReportsTheRolloutsOwnOutcome() throws Exception {
        SimRun run = SimRun.scenario("healthy");
        TdevOps ops = run.facade();
        Map<String, Object> started = ops.scale(Map.of("count", "+2", "wait", false));
        Map<String, Object> look = pollUntilDone(run, Map.of("desiredCount", started.get("to")), Duration.ofMinutes(15));
        Map<String, Object> finished = ops.finishRollout(Map.of("operation", "scale", "started", started,
                "stability", look, "abandonedBy", "aborted"));

        assertThat(look).containsEntry("done", true);
        assertThat(finished).containsEntry("status", "COMPLETED").containsEntry("next", null);
    }

    @Test
    void anAbandonedDeployKeepsItsRevisionAndSaysHowToWatchOrUndoIt() throws Exception {
        SimRun run = SimRun.scenario("healthy");
        TdevOps ops = run.facade();
        Map<String, Object> started = ops.ecsDeploy(Map.of("image", run.sim.imageUri("2.0.43"), "wait", false));
        Map<String, Object> look = ops.stability(Map.of("revision", started.get("to")));
        Map<String, Object> finished = ops.finishRollout(Map.of("operation", "ecsDeploy", "started", started,
                "stability", look, "abandonedBy", "aborted"));

        assertThat(finished).containsEntry("status", "ABANDONED");
        assertThat((String) finished.get("message")).contains("(aborted), not timed out: the deployment of "
                + started.get("to") + " stays and the rollout continues");
        assertThat((String) finished.get("next")).startsWith("to keep watching: `tdev-ops health --env production`")
                .contains("tdev-ops rollback --env production --target " + started.get("from"));
    }
}
