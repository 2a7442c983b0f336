package io.tdev.ops.api.health;

import io.tdev.ops.health.HealthCheck;
import io.tdev.ops.health.HealthOptions;
import io.tdev.ops.model.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What to check; null or empty fields take the environment's defaults. Checked when made (nothing is read before):
 * an error names the field as the CLI option's camelCase ({@code windowMinutes} for {@code --window-minutes}).
 *
 * @param baselineTime  alarms already in ALARM before this instant are not counted (e.g. the deploy's start)
 * @param ignoreAlarms  alarm names never counted
 * @param window        ERROR log events are read in [now - window, now) ({@code windowMinutes})
 * @param signals       signal names to read, of {@link #SIGNALS}; empty = all
 * @param signalTimeout a signal not read within this (wall-clock) time is UNKNOWN ({@code signalTimeoutSeconds})
 */
public record HealthRequest(Instant baselineTime, Set<String> ignoreAlarms, Duration window, List<String> signals,
                            Duration signalTimeout) {
    /** The signal names, in the order they are reported. */
    public static final List<String> SIGNALS = HealthCheck.SIGNALS;

    public HealthRequest {
        ignoreAlarms = ignoreAlarms == null ? Set.of() : Set.copyOf(ignoreAlarms);
        signals = signals == null ? List.of() : signals.stream().distinct().toList();
        for (String name : signals) {
            if (!SIGNALS.contains(name)) {
                throw InvalidInputException.notAllowed("signals", name, SIGNALS);
            }
        }
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new InvalidInputException("windowMinutes", "got " + window + "; allowed: more than 0 minutes");
        }
        if (signalTimeout != null && (signalTimeout.isNegative() || signalTimeout.isZero())) {
            throw new InvalidInputException("signalTimeoutSeconds", "got " + signalTimeout
                    + "; allowed: more than 0 seconds");
        }
    }

    /** Every signal, the environment's defaults. */
    public static HealthRequest defaults() {
        return new HealthRequest(null, Set.of(), null, List.of(), null);
    }

    /** The engine's options of this request. */
    public HealthOptions options() {
        return HealthOptions.defaults().withBaseline(baselineTime).withIgnoreAlarms(ignoreAlarms)
                .withErrorWindow(window).withSignals(signals).withSignalTimeout(signalTimeout);
    }
}
