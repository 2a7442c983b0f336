package io.tdev.ops.api.change;

import java.time.Instant;
import java.util.Set;

/**
 * Which revision to mark known-good, and on what evidence; checked when made, before anything is read.
 *
 * @param revision       null = the service's current revision
 * @param dryRun         return the tag that would be set; set nothing
 * @param requireHealthy mark only when the service runs that revision, its rollout is completed and a health check
 *                       taken now is HEALTHY (the rule after a bake); false: mark as asked (a person's decision)
 * @param baselineTime   with requireHealthy: alarms already in ALARM before it are not counted
 * @param ignoreAlarms   with requireHealthy: alarm names not counted
 */
public record MarkKnownGoodRequest(Revision revision, boolean dryRun, boolean requireHealthy, Instant baselineTime,
                                   Set<String> ignoreAlarms) {
    public MarkKnownGoodRequest {
        ignoreAlarms = ignoreAlarms == null ? Set.of() : Set.copyOf(ignoreAlarms);
    }

    /** With the revision as a person writes it (N, FAMILY:N or an ARN; null or blank = the current one). */
    public static MarkKnownGoodRequest of(String revision, boolean dryRun, boolean requireHealthy,
                                          Instant baselineTime, Set<String> ignoreAlarms) {
        return new MarkKnownGoodRequest(revision == null || revision.isBlank() ? null : Revision.parse("revision", revision),
                dryRun, requireHealthy, baselineTime, ignoreAlarms);
    }

    /** Mark the service's current revision as asked. */
    public static MarkKnownGoodRequest current() {
        return new MarkKnownGoodRequest(null, false, false, null, Set.of());
    }
}
