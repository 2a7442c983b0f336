package io.tdev.ops.health.signal;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.SignalStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** Projects created yesterday (UTC) in the metadata table (informational): one Query on the index, else a COUNT scan. */
public final class ProjectsYesterdaySignal extends ScopedSignal {
    public static final String NAME = "projects-yesterday";

    public ProjectsYesterdaySignal(CheckScope scope) {
        super(NAME, scope, true);
    }

    @Override
    public HealthSignal read() {
        LocalDate today = scope.now.atZone(ZoneOffset.UTC).toLocalDate();
        Instant from = today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        EnvironmentConfig.TableNames t = scope.config.table();
        long count = scope.ctx.retry().call(() -> scope.ctx.ports().tables().countBetween(t.name(),
                t.createdAtAttribute(), from, to, Optional.ofNullable(t.createdAtIndex())));
        return new HealthSignal(NAME, SignalStatus.INFO, count + " projects", "informational",
                t.name() + " items with " + t.createdAtAttribute() + " in [" + from + ", " + to + ")", true);
    }
}
