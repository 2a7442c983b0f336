package io.tdev.ops.health.signal;

import io.tdev.ops.health.HealthSignal;
import io.tdev.ops.health.SignalStatus;
import io.tdev.ops.model.TargetHealthDescription;
import io.tdev.ops.model.TargetState;

import java.util.ArrayList;
import java.util.List;

/**
 * ALB target health of the configured target groups, else the service's: none healthy is UNHEALTHY, some not healthy
 * DEGRADED (draining and unused targets are not counted); no target group at all is NOT_APPLICABLE.
 */
public final class TargetHealthSignal extends ScopedSignal {
    public static final String NAME = "target-health";
    private static final String THRESHOLD = "all targets healthy";

    public TargetHealthSignal(CheckScope scope) {
        super(NAME, scope, false);
    }

    @Override
    public HealthSignal read() {
        List<String> configured = scope.config.targetGroupArns();
        List<String> groups = configured != null && !configured.isEmpty() ? configured : scope.service().targetGroupArns();
        if (groups.isEmpty()) {
            return new HealthSignal(NAME, SignalStatus.NOT_APPLICABLE, "not applicable: no target groups", THRESHOLD,
                    "the service has no load balancer target group and none is configured"
                    + " (targetGroupArns), so there is no target health to read; not counted", false);
        }
        int healthy = 0;
        int counted = 0;
        List<String> bad = new ArrayList<>();
        for (String group : groups) {
            for (TargetHealthDescription t : scope.ctx.retry().call(() ->
                    scope.ctx.ports().targetHealth().targetHealth(group))) {
                if (t.state() == TargetState.DRAINING || t.state() == TargetState.UNUSED) {
                    continue;
                }
                counted++;
                if (t.state() == TargetState.HEALTHY) {
                    healthy++;
                } else {
                    bad.add(t.targetId() + ":" + t.port() + " " + t.state()
                            + (t.reason() == null ? "" : " " + t.reason())
                            + (t.description() == null ? "" : " (" + t.description() + ")"));
                }
            }
        }
        SignalStatus status = counted == 0 || healthy == 0 ? SignalStatus.UNHEALTHY
                : bad.isEmpty() ? SignalStatus.HEALTHY : SignalStatus.DEGRADED;
        String evidence = groups.size() + " target group(s)"
                + (bad.isEmpty() ? "" : "; not healthy: " + String.join("; ", bad));
        return new HealthSignal(NAME, status, healthy + "/" + counted + " healthy", THRESHOLD, evidence, false);
    }
}
