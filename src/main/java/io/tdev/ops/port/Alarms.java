package io.tdev.ops.port;

import io.tdev.ops.model.Alarm;
import io.tdev.ops.model.AlarmState;

import java.util.List;
import java.util.Optional;

/** CloudWatch metric alarms. */
public interface Alarms {
    /** Every alarm whose name starts with {@code namePrefix}, optionally only those in {@code state} (all pages). */
    List<Alarm> alarms(String namePrefix, Optional<AlarmState> state);
}
