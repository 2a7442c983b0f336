package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.change.MarkKnownGoodRequest;
import io.tdev.ops.api.change.MarkKnownGoodResult;
import io.tdev.ops.api.change.MarkKnownGoodUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "mark-known-good", mixinStandardHelpOptions = true,
        header = "Tag a revision as known-good (the rollback target).",
        description = "Tag a task-definition revision as known-good (after a passed post-deploy health check):"
                + " 'rollback --target last-known-good' goes back to the newest such revision.",
        footer = {"",
                "Exit: 0 marked; 1 failed; 2 invalid input; 3 remote failure.",
                "JSON: {revision, status, actions[]}",
                "",
                "Examples:",
                "  tdev-ops mark-known-good --simulate",
                "  tdev-ops mark-known-good --env staging --revision t-developer-backend-staging:42 --dry-run"})
public final class MarkKnownGoodCommand extends ChangeCommand<MarkKnownGoodResult> {
    @Option(names = "--revision", paramLabel = "REV",
            description = "REVISION, FAMILY:REVISION or ARN (default: the service's current revision).")
    String revision;

    @Mixin
    PlanOnlyOption planOnly;

    @Override
    protected MarkKnownGoodResult run(OpsContext context) {
        return MarkKnownGoodUseCase.over(context).run(MarkKnownGoodRequest.of(revision, planOnly.dryRun, false, null,
                null));
    }
}
