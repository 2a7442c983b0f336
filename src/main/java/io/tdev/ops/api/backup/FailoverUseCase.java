package io.tdev.ops.api.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.backup.Failover;

/**
 * The runbook's Route 53 fail-over: points the service's record at the secondary (or back at the primary), waits
 * until the change is INSYNC, and says how to fail back.
 */
public interface FailoverUseCase {
    FailoverResult run(FailoverRequest request);

    static FailoverUseCase over(OpsContext context) {
        return new Failover(context);
    }
}
