package io.tdev.ops.port;

import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;
import io.tdev.ops.model.AlarmStateChange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** CloudWatch metric alarms. */
public interface Alarms {
    /** Every alarm whose name starts with {@code namePrefix}, optionally only those in {@code state} (all pages). */
    List<Alarm> alarms(String namePrefix, Optional<AlarmState> state);

    /**
     * State changes of the metric alarms whose name starts with {@code namePrefix} in {@code [from, to)}, oldest
     * first (all pages). CloudWatch keeps alarm history 14 days: older windows come back empty, not as an error.
     */
    List<AlarmStateChange> history(String namePrefix, Instant from, Instant to);
}
