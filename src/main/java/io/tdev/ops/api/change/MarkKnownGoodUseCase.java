package io.tdev.ops.api.change;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.change.MarkKnownGood;

/** Tags a revision known-good so that a rollback to last-known-good finds it (with requireHealthy: only after a HEALTHY check). */
public interface MarkKnownGoodUseCase {
    MarkKnownGoodResult run(MarkKnownGoodRequest request);

    static MarkKnownGoodUseCase over(OpsContext context) {
        return new MarkKnownGood(context);
    }
}
