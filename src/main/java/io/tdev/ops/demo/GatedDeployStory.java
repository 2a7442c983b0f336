package io.tdev.ops.demo;

import io.tdev.ops.api.TdevOps;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.demo.DemoScenario.Outcome;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.api.Sleeper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gated deploy a pipeline runs, told step by step through the {@link TdevOps} facade only: checklist with
 * evidence, deploy without waiting, bake (a health check every {@code deploy.pollSeconds} for
 * {@code deploy.bakeMinutes}, counting only alarms that were not already in ALARM when the deploy started), then
 * either an automatic rollback to the last known-good revision or marking the new revision known-good (only when
 * {@code markKnownGood}'s rule holds: a HEALTHY check on a completed rollout).
 */
public final class GatedDeployStory {
    private static final int EVIDENCE_CHARS = 240;
    private final TdevOps ops;
    private final EnvironmentConfig config;
    private final Sleeper sleeper;
    private final Timeline timeline;

    public GatedDeployStory(TdevOps ops, EnvironmentConfig config, Clock clock, Sleeper sleeper) {
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
        Map<String, Object> before = ops.healthCheck(Map.of());
        timeline.add("health", "before the deploy: " + verdict(before));

        Map<String, Object> checklist = ops.preDeployChecklist(Map.of("image", image,
                "testReports", testReports.toString(), "takeBackup", true, "notify", true,
                "message", "Deploying " + image + " to " + config.name()));
        for (Object item : list(checklist.get("items"))) {
            Map<?, ?> i = (Map<?, ?>) item;
            timeline.add("checklist", i.get("name") + " " + i.get("status") + ": " + text(i.get("evidence")));
        }
        if (!Boolean.TRUE.equals(checklist.get("passed"))) {
            timeline.decide("stop: do not deploy", "the pre-deploy checklist failed: " + failedItems(checklist));
            return Outcome.GATE_FAILED;
        }
        timeline.decide("deploy " + image, "the pre-deploy checklist passed (" + list(checklist.get("items")).size()
                + " items, none failed)");

        Instant deployStart = timeline.now();
        Map<String, Object> deploy;
        try {
            deploy = ops.ecsDeploy(Map.of("image", image, "wait", false));
        } catch (PreconditionFailedException | RemoteFailureException e) {
            timeline.add("deploy", "failed: " + e.getMessage());
            timeline.decide("stop", "the deploy could not start: " + e.getMessage());
            return Outcome.DEPLOY_FAILED;
        }
        String newRevision = text(deploy.get("to"));
        timeline.add("deploy", "started " + deploy.get("deploymentId") + ": " + deploy.get("from") + " -> "
                + newRevision + " (" + deploy.get("status") + "); baseline for alarms: " + deployStart);

        Bake bake = bake(deployStart, newRevision);
        if (bake.failure == null) {
            // the engine applies the one known-good rule (a HEALTHY check now, on a completed rollout)
            Map<String, Object> marked;
            try {
                marked = ops.markKnownGood(Map.of("revision", newRevision, "requireHealthy", true,
                        "baselineTime", deployStart.toString()));
            } catch (PreconditionFailedException e) {
                timeline.add("known-good", "refused: " + e.getMessage());
                timeline.decide("leave " + newRevision + " deployed, not marked known-good", "no check of the "
                        + config.deploy().bakeMinutes() + "-minute bake was UNHEALTHY, but " + e.getMessage());
                return Outcome.NOT_MARKED;
            }
            timeline.decide("mark " + newRevision + " known-good", "the bake passed: " + bake.checks
                    + " health checks over " + config.deploy().bakeMinutes() + " minutes, none UNHEALTHY, and "
                    + marked.get("message"));
            timeline.add("known-good", marked.get("revision") + " " + marked.get("status"));
            return Outcome.MARKED_KNOWN_GOOD;
        }

        timeline.decide("roll back to last-known-good", bake.failure);
        Map<String, Object> rollback;
        try {
            rollback = ops.rollback(Map.of("target", "last-known-good", "reason", "bake: " + bake.failure));
        } catch (PreconditionFailedException | RemoteFailureException e) {
            timeline.add("rollback", "failed: " + e.getMessage());
            return Outcome.ROLLBACK_FAILED;
        }
        timeline.add("rollback", rollback.get("from") + " -> " + rollback.get("to") + " " + rollback.get("status")
                + (rollback.get("message") == null ? "" : ": " + rollback.get("message")));
        timeline.add("notification", "alert topic: " + text(rollback.get("notification")));

        if (!healthyAgain(deployStart, timeline.now())) {
            timeline.decide("escalate", "still not HEALTHY " + config.deploy().bakeMinutes()
                    + " minutes after the rollback");
            return Outcome.NOT_HEALTHY_AFTER;
        }
        timeline.decide("done: incident closed by the pipeline", "rolled back and HEALTHY again");
        return Outcome.ROLLED_BACK;
    }

    /** Health checks every pollSeconds for bakeMinutes; the first UNHEALTHY (or a failed rollout) ends it. */
    private Bake bake(Instant deployStart, String revision) throws InterruptedException {
        Duration poll = Duration.ofSeconds(config.deploy().pollSeconds());
        Instant end = deployStart.plus(Duration.ofMinutes(config.deploy().bakeMinutes()));
        int checks = 0;
        while (timeline.now().isBefore(end)) {
            sleeper.sleep(poll);
            Map<String, Object> rollout = ops.stability(Map.of("revision", revision));
            Map<String, Object> health = ops.healthCheck(Map.of("baselineTime", deployStart.toString()));
            checks++;
            timeline.add("bake", "rollout " + rollout.get("running") + "/" + rollout.get("desired") + " running, "
                    + rollout.get("pending") + " pending" + (Boolean.TRUE.equals(rollout.get("failed"))
                    ? " FAILED: " + rollout.get("message") : "") + "; health " + verdict(health));
            if ("UNHEALTHY".equals(health.get("status"))) {
                return new Bake(checks, "health check " + checks + " of the bake is UNHEALTHY: " + badSignals(health)
                        + unhealthyEvidence(health));
            }
            if (Boolean.TRUE.equals(rollout.get("failed"))) {
                return new Bake(checks, "the rollout failed: " + rollout.get("message"));
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
            Map<String, Object> health = ops.healthCheck(Map.of("baselineTime", deployStart.toString(),
                    "windowMinutes", windowMinutes));
            timeline.add("health", "after the rollback: " + verdict(health));
            if ("HEALTHY".equals(health.get("status"))) {
                return true;
            }
            sleeper.sleep(poll);
        } while (timeline.now().isBefore(end));
        return false;
    }

    private record Bake(int checks, String failure) {
    }

    private static String verdict(Map<String, Object> health) {
        String bad = badSignals(health);
        return health.get("status") + (bad.isEmpty() ? "" : " (" + bad + ")");
    }

    /** The signals that are not HEALTHY, with their values and thresholds. */
    static String badSignals(Map<String, Object> health) {
        List<String> bad = new ArrayList<>();
        for (Object s : list(health.get("signals"))) {
            Map<?, ?> signal = (Map<?, ?>) s;
            Object status = signal.get("status");
            if (!"HEALTHY".equals(status) && !"INFO".equals(status) && !"NOT_APPLICABLE".equals(status)) {
                Object threshold = signal.get("threshold");
                bad.add(signal.get("name") + " " + status + ": " + text(signal.get("value"))
                        + (threshold == null || text(threshold).isEmpty() ? "" : " (threshold " + text(threshold) + ")"));
            }
        }
        return String.join("; ", bad);
    }

    /** The evidence of the UNHEALTHY signals (which alarms, which messages), shortened for the decision record. */
    static String unhealthyEvidence(Map<String, Object> health) {
        List<String> evidence = new ArrayList<>();
        for (Object s : list(health.get("signals"))) {
            Map<?, ?> signal = (Map<?, ?>) s;
            String text = text(signal.get("evidence"));
            if ("UNHEALTHY".equals(signal.get("status")) && !text.isEmpty()) {
                evidence.add(signal.get("name") + ": " + (text.length() > EVIDENCE_CHARS
                        ? text.substring(0, EVIDENCE_CHARS - 3) + "..." : text));
            }
        }
        return evidence.isEmpty() ? "" : ". Evidence: " + String.join(" | ", evidence);
    }

    private static String failedItems(Map<String, Object> checklist) {
        List<String> failed = new ArrayList<>();
        for (Object item : list(checklist.get("items"))) {
            Map<?, ?> i = (Map<?, ?>) item;
            if ("FAIL".equals(i.get("status"))) {
                failed.add(i.get("name") + ": " + text(i.get("evidence")));
            }
        }
        return String.join("; ", failed);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    static String text(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            List<String> parts = new ArrayList<>();
            copy.forEach((k, v) -> parts.add(k + "=" + text(v)));
            return String.join(", ", parts);
        }
        if (value instanceof List<?> l) {
            return String.join("; ", l.stream().map(GatedDeployStory::text).toList());
        }
        return value == null ? "" : String.valueOf(value);
    }
}
