package io.tdev.ops.health;

import io.tdev.ops.support.Durations;

import io.tdev.ops.model.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a health check's {@code baselineTime} may be. A baseline later than the check itself would excuse every alarm
 * (all were "in ALARM before the baseline"), so it is invalid input; one more than a day old is allowed (a long
 * bake, a re-check of yesterday's deploy) but said in the result, since it counts alarms a reader may think old.
 */
final class BaselineTime {
    static final Duration OLD = Duration.ofDays(1);

    private BaselineTime() {
    }

    /** The notes for {@code baseline} (none, or that it is old); throws when it lies after {@code now}. */
    static List<String> notes(Instant baseline, Instant now) {
        if (baseline == null) {
            return List.of();
        }
        if (baseline.isAfter(now)) {
            throw new InvalidInputException("baselineTime", "got '" + baseline + "'; later than this check's own time ("
                    + now + "): it would hide every alarm. Allowed: an instant at or before " + now
                    + " (e.g. the deploy's start)");
        }
        Duration age = Duration.between(baseline, now);
        if (age.compareTo(OLD) > 0) {
            return List.of("the baseline " + baseline + " is " + Durations.format(age) + " before this check: only"
                    + " alarms in ALARM since before then are excused");
        }
        return List.of();
    }
}
