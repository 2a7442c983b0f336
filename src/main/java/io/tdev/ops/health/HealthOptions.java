package io.tdev.ops.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Options of a health check; null fields take the environment's defaults.
 *
 * @param baselineTime  alarms already in ALARM before this instant are not counted (e.g. the deploy's start)
 * @param ignoreAlarms  alarm names never counted
 * @param errorWindow   ERROR log events are read in [now - window, now)
 * @param signals       signal names to read ({@link HealthCheck#SIGNALS}); null or empty = all
 * @param signalTimeout a signal not read within this (wall-clock) time is UNKNOWN
 */
public record HealthOptions(Instant baselineTime, Set<String> ignoreAlarms, Duration errorWindow, List<String> signals,
                            Duration signalTimeout) {
    public HealthOptions {
        ignoreAlarms = ignoreAlarms == null ? Set.of() : Set.copyOf(ignoreAlarms);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    public static HealthOptions defaults() {
        return new HealthOptions(null, Set.of(), null, List.of(), null);
    }

    public HealthOptions withBaseline(Instant baseline) {
        return new HealthOptions(baseline, ignoreAlarms, errorWindow, signals, signalTimeout);
    }

    public HealthOptions withIgnoreAlarms(Set<String> names) {
        return new HealthOptions(baselineTime, names, errorWindow, signals, signalTimeout);
    }

    public HealthOptions withErrorWindow(Duration window) {
        return new HealthOptions(baselineTime, ignoreAlarms, window, signals, signalTimeout);
    }

    public HealthOptions withSignals(List<String> names) {
        return new HealthOptions(baselineTime, ignoreAlarms, errorWindow, names, signalTimeout);
    }

    public HealthOptions withSignalTimeout(Duration timeout) {
        return new HealthOptions(baselineTime, ignoreAlarms, errorWindow, signals, timeout);
    }
}
