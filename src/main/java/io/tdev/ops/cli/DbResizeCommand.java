package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.traffic.DbResizeRequest;
import io.tdev.ops.api.traffic.DbResizeResult;
import io.tdev.ops.api.traffic.DbResizeUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "db-resize", mixinStandardHelpOptions = true,
        header = "Move the environment's database to another instance class.",
        description = {"The runbook's 'RDS instance class up' before expected traffic (and back after it). The plan shows"
                + " current -> new class, whether it applies now or in the maintenance window, and the interruption"
                + " RDS' model gives (Multi-AZ: a failover; Single-AZ: the instance is down while it moves).",
                "A class RDS does not offer for the engine is refused, listing the ones it does. Applied now, the"
                        + " command waits until the instance is available on the new class (traffic.dbWaitTimeoutMinutes)."},
        footer = {"",
                "Exit: 0 completed, requested for the window, unchanged or planned; 1 not available in time;"
                        + " 2 invalid input; 3 remote failure.",
                "JSON: {ok, status, instance, from, to, applyImmediately, multiAz, downtime, message, next, actions[]}",
                "",
                "Examples:",
                "  tdev-ops db-resize --simulate --instance-class db.r6g.xlarge --apply-immediately --dry-run",
                "  tdev-ops db-resize --simulate --instance-class db.r6g.xlarge --apply-immediately",
                "  tdev-ops db-resize --env staging --instance-class db.r6g.large"})
public final class DbResizeCommand extends OutcomeCommand<DbResizeResult> {
    @Option(names = "--instance-class", paramLabel = "CLASS", required = true,
            description = "The new RDS instance class, e.g. db.r6g.xlarge.")
    String instanceClass;

    @Option(names = "--apply-immediately",
            description = "Apply now (with the interruption the plan names) instead of in the maintenance window.")
    boolean applyImmediately;

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Override
    protected DbResizeResult run(OpsContext context) {
        return DbResizeUseCase.over(context).run(new DbResizeRequest(instanceClass, applyImmediately, dryRun));
    }
}
