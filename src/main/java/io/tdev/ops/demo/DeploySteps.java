package io.tdev.ops.demo;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.ChangeResult;
import io.tdev.ops.api.change.DeployRequest;
import io.tdev.ops.api.change.DeployResult;
import io.tdev.ops.api.change.DeployUseCase;
import io.tdev.ops.api.change.MarkKnownGoodRequest;
import io.tdev.ops.api.change.MarkKnownGoodResult;
import io.tdev.ops.api.change.MarkKnownGoodUseCase;
import io.tdev.ops.api.change.PendingChange;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.RollbackResult;
import io.tdev.ops.api.change.RollbackUseCase;
import io.tdev.ops.api.change.RolloutWatchUseCase;
import io.tdev.ops.api.change.Stability;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import io.tdev.ops.api.health.HealthRequest;
import io.tdev.ops.api.health.HealthResult;
import io.tdev.ops.api.health.HealthUseCase;

/**
 * The typed use cases a gated deploy calls, in the order a pipeline calls them: over an environment
 * ({@link #over}), or scripted where the story's own decisions are tested.
 */
public interface DeploySteps {
    HealthResult health(HealthRequest request);

    ChecklistResult checklist(ChecklistRequest request);

    DeployResult deploy(DeployRequest request);

    /** What the bake keeps of the deploy it watches (started without waiting). */
    PendingChange pending(ChangeResult started);

    Stability look(PendingChange change);

    MarkKnownGoodResult markKnownGood(MarkKnownGoodRequest request);

    RollbackResult rollback(RollbackRequest request);

    static DeploySteps over(OpsContext context) {
        return new DeploySteps() {
            @Override
            public HealthResult health(HealthRequest request) {
                return HealthUseCase.over(context).run(request);
            }

            @Override
            public ChecklistResult checklist(ChecklistRequest request) {
                return ChecklistUseCase.over(context).run(request);
            }

            @Override
            public DeployResult deploy(DeployRequest request) {
                return DeployUseCase.over(context).run(request);
            }

            @Override
            public PendingChange pending(ChangeResult started) {
                return RolloutWatchUseCase.over(context).pending(started, null);
            }

            @Override
            public Stability look(PendingChange change) {
                return RolloutWatchUseCase.over(context).look(change);
            }

            @Override
            public MarkKnownGoodResult markKnownGood(MarkKnownGoodRequest request) {
                return MarkKnownGoodUseCase.over(context).run(request);
            }

            @Override
            public RollbackResult rollback(RollbackRequest request) {
                return RollbackUseCase.over(context).run(request);
            }
        };
    }
}
