package io.tdev.ops.api.traffic;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.traffic.LoadWatch;

/** Watches the service during a load test and says when to stop it (the runbook's k6 run "while watching the ALB"). */
public interface LoadWatchUseCase {
    LoadWatchResult run(LoadWatchRequest request);

    static LoadWatchUseCase over(OpsContext context) {
        return new LoadWatch(context);
    }
}
