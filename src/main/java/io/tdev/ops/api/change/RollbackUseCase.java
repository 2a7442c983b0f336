package io.tdev.ops.api.change;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.change.Rollback;

/**
 * The emergency rollback: chooses the target revision, stops a deployment still rolling, points the service at the
 * target, waits until stable and tells the team (from, to, reason, who). Idempotent.
 */
public interface RollbackUseCase {
    RollbackResult run(RollbackRequest request);

    static RollbackUseCase over(OpsContext context) {
        return new Rollback(context);
    }
}
