package io.tdev.ops.demo;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.DeployRequest;
import io.tdev.ops.api.change.DeployResult;
import io.tdev.ops.api.change.MarkKnownGoodRequest;
import io.tdev.ops.api.change.MarkKnownGoodResult;
import io.tdev.ops.api.change.PendingChange;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.change.Stability;
import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.checklist.ItemStatus;
import io.tdev.ops.api.health.HealthRequest;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.SignalStatus;
import io.tdev.ops.health.Verdict;
import io.tdev.ops.demo.DemoScenario.Outcome;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.api.Sleeper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gated deploy a pipeline runs, told step by step through the typed use cases only ({@link DeploySteps}): checklist with
 * evidence, deploy without waiting, bake (a health check every {@code deploy.pollSeconds} for
 * {@code deploy.bakeMinutes}, counting only alarms that were not already in ALARM when the deploy started), then
 * either an automatic rollback to the last known-good revision or marking the new revision known-good (only when
 * {@code markKnownGood}'s rule holds: a HEALTHY check on a completed rollout).
 */
public final class GatedDeployStory {
    private static final int EVIDENCE_CHARS = 240;
    private final DeploySteps ops;
    private final EnvironmentConfig config;
    private final Sleeper sleeper;
    private final Timeline timeline;

    public GatedDeployStory(DeploySteps ops, EnvironmentConfig config, Clock clock, Sleeper sleeper) {
        this.ops = ops;
        this.config = config;
        this.sleeper = sleeper;
        this.timeline = new Timeline(clock);
    }

    /** Runs the story for {@code image}, with the JUnit XML reports in {@code testReports} as test evidence. */
    public DemoReport run(DemoScenario scenario, String image, Path testReports) throws InterruptedException {
        Outcome outcome = tell(image, testReports);
        return new DemoReport(scenario, image, config.name(), outcome, timeline.entries(), timeline.decisions());
    }

    private Outcome tell(String image, Path testReports) throws InterruptedException {
        HealthResult before = ops.health(HealthRequest.defaults());
        timeline.add("health", "before the deploy: " + verdict(before));

        ChecklistResult checklist = ops.checklist(new ChecklistRequest(image, testReports.toString(), null, true, null,
                Map.of(), null, List.of(), true, "Deploying " + image + " to " + config.name(), false, null));
        for (ChecklistItem i : checklist.items()) {
            timeline.add("checklist", i.name() + " " + i.status() + ": " + text(i.evidence()));
        }
        if (!checklist.passed()) {
            timeline.decide("stop: do not deploy", "the pre-deploy checklist failed: " + failedItems(checklist));
            return Outcome.GATE_FAILED;
        }
        timeline.decide("deploy " + image, "the pre-deploy checklist passed (" + checklist.items().size()
                + " items, none failed)");

        Instant deployStart = timeline.now();
        DeployResult deploy;
        try {
            deploy = ops.deploy(new DeployRequest(image, null, false, null, false));
        } catch (PreconditionFailedException | RemoteFailureException e) {
            timeline.add("deploy", "failed: " + e.getMessage());
            timeline.decide("stop", "the deploy could not start: " + e.getMessage());
            return Outcome.DEPLOY_FAILED;
        }
        String newRevision = text(deploy.to());
        timeline.add("deploy", "started " + deploy.deploymentId() + ": " + deploy.from() + " -> "
                + newRevision + " (" + deploy.status() + "); baseline for alarms: " + deployStart);

        // an UNCHANGED deploy started no rollout: the bake watches the service's health only
        Bake bake = bake(deployStart, deploy.status() == ChangeStatus.STARTED ? ops.pending(deploy) : null);
        if (bake.failure == null) {
            // the engine applies the one known-good rule (a HEALTHY check now, on a completed rollout)
            MarkKnownGoodResult marked;
            try {
                marked = ops.markKnownGood(MarkKnownGoodRequest.of(newRevision, false, true, deployStart, Set.of()));
            } catch (PreconditionFailedException e) {
                timeline.add("known-good", "refused: " + e.getMessage());
                timeline.decide("leave " + newRevision + " deployed, not marked known-good", "no check of the "
                        + config.deploy().bakeMinutes() + "-minute bake was UNHEALTHY, but " + e.getMessage());
                return Outcome.NOT_MARKED;
            }
            timeline.decide("mark " + newRevision + " known-good", "the bake passed: " + bake.checks
                    + " health checks over " + config.deploy().bakeMinutes() + " minutes, none UNHEALTHY, and "
                    + marked.message());
            timeline.add("known-good", marked.revision() + " " + marked.status());
            return Outcome.MARKED_KNOWN_GOOD;
        }

        timeline.decide("roll back to last-known-good", bake.failure);
        RollbackResult rollback;
        try {
            rollback = ops.rollback(RollbackRequest.of("last-known-good", "bake: " + bake.failure, true, null, true,
                    false));
        } catch (PreconditionFailedException | RemoteFailureException e) {
            timeline.add("rollback", "failed: " + e.getMessage());
            return Outcome.ROLLBACK_FAILED;
        }
        timeline.add("rollback", rollback.from() + " -> " + rollback.to() + " " + rollback.status()
                + (rollback.message() == null ? "" : ": " + rollback.message()));
        timeline.add("notification", "alert topic: " + text(rollback.notification()));

        if (!healthyAgain(deployStart, timeline.now())) {
            timeline.decide("escalate", "still not HEALTHY " + config.deploy().bakeMinutes()
                    + " minutes after the rollback");
            return Outcome.NOT_HEALTHY_AFTER;
        }
        timeline.decide("done: incident closed by the pipeline", "rolled back and HEALTHY again");
        return Outcome.ROLLED_BACK;
    }

    /**
     * Health checks every pollSeconds for bakeMinutes, each with a look at the rollout ({@code rolloutOf}; null: none
     * was started); the first UNHEALTHY (or a failed rollout) ends it.
     */
    private Bake bake(Instant deployStart, PendingChange rolloutOf) throws InterruptedException {
        Duration poll = Duration.ofSeconds(config.deploy().pollSeconds());
        Instant end = deployStart.plus(Duration.ofMinutes(config.deploy().bakeMinutes()));
        int checks = 0;
        while (timeline.now().isBefore(end)) {
            sleeper.sleep(poll);
            Stability rollout = rolloutOf == null ? null : ops.look(rolloutOf);
            HealthResult health = ops.health(new HealthRequest(deployStart, Set.of(), null, List.of(), null));
            checks++;
            timeline.add("bake", (rollout == null ? "no rollout" : "rollout " + rollout.running() + "/"
                    + rollout.desired() + " running, " + rollout.pending() + " pending"
                    + (rollout.failed() ? " FAILED: " + rollout.message() : "")) + "; health " + verdict(health));
            if (health.status() == Verdict.UNHEALTHY) {
                return new Bake(checks, "health check " + checks + " of the bake is UNHEALTHY: " + badSignals(health)
                        + unhealthyEvidence(health));
            }
            if (rollout != null && rollout.failed()) {
                return new Bake(checks, "the rollout failed: " + rollout.message());
            }
        }
        timeline.add("bake", checks + " health checks in " + config.deploy().bakeMinutes()
                + " minutes, none UNHEALTHY");
        return new Bake(checks, null);
    }

    /**
     * Health checks every pollSeconds until HEALTHY, for at most bakeMinutes. ERROR events are counted only since
     * the rollback finished: the bad release's errors are the incident, not the state after it.
     */
    private boolean healthyAgain(Instant deployStart, Instant rolledBack) throws InterruptedException {
        Duration poll = Duration.ofSeconds(config.deploy().pollSeconds());
        Instant end = rolledBack.plus(Duration.ofMinutes(config.deploy().bakeMinutes()));
        do {
            long sinceRollback = Duration.between(rolledBack, timeline.now()).toSeconds();
            long windowMinutes = Math.max(1, (sinceRollback + 59) / 60);
            HealthResult health = ops.health(new HealthRequest(deployStart, Set.of(), Duration.ofMinutes(windowMinutes),
                    List.of(), null));
            timeline.add("health", "after the rollback: " + verdict(health));
            if (health.healthy()) {
                return true;
            }
            sleeper.sleep(poll);
        } while (timeline.now().isBefore(end));
        return false;
    }

    private record Bake(int checks, String failure) {
    }

    private static String verdict(HealthResult health) {
        String bad = badSignals(health);
        return health.status() + (bad.isEmpty() ? "" : " (" + bad + ")");
    }

    /** The signals that are not HEALTHY, with their values and thresholds. */
    static String badSignals(HealthResult health) {
        List<String> bad = new ArrayList<>();
        for (HealthSignal signal : health.signals()) {
            SignalStatus status = signal.status();
            if (status != SignalStatus.HEALTHY && status != SignalStatus.INFO && status != SignalStatus.NOT_APPLICABLE) {
                String threshold = text(signal.threshold());
                bad.add(signal.name() + " " + status + ": " + text(signal.value())
                        + (threshold.isEmpty() ? "" : " (threshold " + threshold + ")"));
            }
        }
        return String.join("; ", bad);
    }

    /** The evidence of the UNHEALTHY signals (which alarms, which messages), shortened for the decision record. */
    static String unhealthyEvidence(HealthResult health) {
        List<String> evidence = new ArrayList<>();
        for (HealthSignal signal : health.signals()) {
            String text = text(signal.evidence());
            if (signal.status() == SignalStatus.UNHEALTHY && !text.isEmpty()) {
                evidence.add(signal.name() + ": " + (text.length() > EVIDENCE_CHARS
                        ? text.substring(0, EVIDENCE_CHARS - 3) + "..." : text));
            }
        }
        return evidence.isEmpty() ? "" : ". Evidence: " + String.join(" | ", evidence);
    }

    private static String failedItems(ChecklistResult checklist) {
        List<String> failed = new ArrayList<>();
        for (ChecklistItem i : checklist.items()) {
            if (i.status() == ItemStatus.FAIL) {
                failed.add(i.name() + ": " + text(i.evidence()));
            }
        }
        return String.join("; ", failed);
    }

    static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
