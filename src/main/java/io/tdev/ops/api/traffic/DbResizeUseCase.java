package io.tdev.ops.api.traffic;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.traffic.DbResize;

/** The runbook's "RDS instance class up" before expected traffic (and back down after it). */
public interface DbResizeUseCase {
    DbResizeResult run(DbResizeRequest request);

    static DbResizeUseCase over(OpsContext context) {
        return new DbResize(context);
    }
}
