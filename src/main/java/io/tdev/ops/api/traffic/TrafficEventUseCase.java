package io.tdev.ops.api.traffic;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.traffic.TrafficEvent;

/**
 * The runbook's procedure for expected traffic as two halves that cannot drift apart: prepare records on the
 * service what it changes before it changes it; restore puts back exactly that, from any machine.
 */
public interface TrafficEventUseCase {
    TrafficEventResult prepare(TrafficPrepareRequest request);

    TrafficEventResult restore(TrafficRestoreRequest request);

    static TrafficEventUseCase over(OpsContext context) {
        return new TrafficEvent(context);
    }
}
