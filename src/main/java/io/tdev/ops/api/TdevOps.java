package io.tdev.ops.api;

import java.util.Map;

/**
 * The one entry point of every front end: the Jenkins plugin's steps, the shared library's tests and the CLI.
 * Arguments come as a map of plain values (String, Number, Boolean, List, Map) under the same names everywhere;
 * results come back as a map of plain JDK types (the Jenkins step's return value; the CLI's JSON).
 * Unknown argument names, and values outside what is allowed, are {@link io.tdev.ops.model.InvalidInputException}s
 * naming the argument and the allowed names/values; nothing is touched then.
 *
 * <h2>Arguments (all optional unless marked)</h2>
 * <ul>
 * <li>{@code healthCheck}: {@code baselineTime} (ISO-8601 instant: alarms already in ALARM before it are not
 *   counted), {@code ignoreAlarms} (list of names), {@code windowMinutes} (ERROR log window; the
 *   thresholds health.errorEventsDegraded/Unhealthy are per health.errorWindowMinutes and scale to a longer window,
 *   e.g. x24 for 1440 minutes, as the error-logs signal's threshold says),
 *   {@code signals} (list of signal names to read; default all: ecs-service, alarms, target-health, error-logs, cpu,
 *   memory, s3-usage, projects-yesterday), {@code signalTimeoutSeconds} (a signal not read by then is UNKNOWN;
 *   default config health.signalTimeoutSeconds; fractions allowed).
 *   Result: {@code status} HEALTHY|DEGRADED|UNHEALTHY|UNKNOWN, {@code reasons} (list of strings),
 *   {@code signals} (list of maps: {@code name, status, value, threshold, evidence}), {@code checkedAt}.</li>
 * <li>{@code ecsDeploy}: {@code image} (required), {@code container}, {@code wait} (default true),
 *   {@code timeoutMinutes}, {@code dryRun}. Result: {@code from, to, status, deploymentId, actions}.</li>
 * <li>{@code markKnownGood}: {@code revision} (default: the service's current one), {@code dryRun}.
 *   Result: {@code revision, status, actions}.</li>
 * <li>{@code rollback}: {@code target} (last-known-good (default) | previous | REVISION | FAMILY:REVISION | ARN),
 *   {@code reason}, {@code wait} (default true), {@code timeoutMinutes}, {@code notify} (default true),
 *   {@code dryRun}. Result: {@code from, to, status, actions, notification}.</li>
 * <li>{@code scale}: {@code count} (required: N | +N | -N | a preset name such as p0, p1), {@code force},
 *   {@code wait}, {@code timeoutMinutes}, {@code dryRun}. Result: {@code from, to, status, minCapacity,
 *   maxCapacity, restore, actions}.</li>
 * <li>{@code preDeployChecklist}: {@code image}, {@code testReports} (directory or glob of JUnit XML),
 *   {@code backupMaxAgeHours}, {@code takeBackup}, {@code scanSeverity}, {@code waive} (map item -> reason),
 *   {@code waivedBy}, {@code skip} (list of items), {@code notify}, {@code message}, {@code dryRun},
 *   {@code scanTimeoutMinutes} (waiting for an image scan this call started; default 10).
 *   Items: tests-passed, image-scan, backup, rollback-plan, monitoring, team-notified; {@code passed} is true when
 *   every item is PASS or WAIVED (SKIPPED is not a pass).
 *   Result: {@code passed}, {@code items} (list of maps: {@code name, status, evidence, reason, by}),
 *   {@code junitXml}, {@code markdown}.</li>
 * <li>{@code stability}: one look at a rollout started with {@code wait: false}: {@code revision} (expected
 *   task definition), {@code desiredCount}. Result: {@code done, stable, failed, message, running, desired,
 *   pending}. This is what a resumable Jenkins step polls.</li>
 * <li>{@code finishRollout}: the final word on a rollout started with {@code wait: false} and waited for by the
 *   caller (the resumable Jenkins step): {@code operation} (required: rollback | ecsDeploy | scale), {@code started}
 *   (required: the map that call returned, status STARTED), {@code stability} (the caller's last look; default: one
 *   look now), {@code startedAt} (ISO-8601 instant the wait began; default: the time of the first call's last
 *   action), {@code notify} (rollback only; default true), {@code abandonedBy} (the caller stopped waiting before its
 *   timeout, e.g. "aborted by alice": a Jenkins build aborted). A look that is done and stable is COMPLETED, done and
 *   failed is FAILED, not done is TIMED_OUT (the caller's timeout passed) or, with {@code abandonedBy}, ABANDONED (the
 *   message says who stopped waiting, that the change stays and the rollout continues; {@code next} how to keep
 *   watching). Result: exactly the map the same call with
 *   {@code wait: true} returns (status, message, next, stability, actions, ...); for a rollback with notify the final
 *   outcome is published to SNS and {@code notification} holds its message id ({@code actions} then lists both the
 *   STARTED and the final notification). The engine's own {@code wait: true} ends through the same code.</li>
 * </ul>
 * The {@code status} of ecsDeploy, markKnownGood, rollback and scale is one of COMPLETED (changed and stable),
 * STARTED ({@code wait: false}), UNCHANGED (already as asked), PLANNED (dry run), FAILED, TIMED_OUT or ABANDONED
 * (changed but the rollout failed / did not finish / nobody waits for it any more: finishRollout only; then {@code message} says where it stopped and {@code next} what to run).
 */
public interface TdevOps {
    Map<String, Object> healthCheck(Map<String, ?> args);

    Map<String, Object> ecsDeploy(Map<String, ?> args);

    Map<String, Object> markKnownGood(Map<String, ?> args);

    Map<String, Object> rollback(Map<String, ?> args);

    Map<String, Object> scale(Map<String, ?> args);

    Map<String, Object> preDeployChecklist(Map<String, ?> args);

    Map<String, Object> stability(Map<String, ?> args);

    Map<String, Object> finishRollout(Map<String, ?> args);
}
