package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.backup.DrCheckRequest;
import io.tdev.ops.api.backup.DrCheckResult;
import io.tdev.ops.api.backup.DrCheckUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dr-check", mixinStandardHelpOptions = true,
        header = "Is the environment ready for a disaster? (read-only)",
        description = "S3 cross-region replication of the projects bucket (an Enabled rule and its destination; the"
                + " replication status of the newest objects), point-in-time recovery on the table, the newest backup's"
                + " age against checklist.backupMaxAgeHours, and the Route 53 health check of the primary. Each check is"
                + " PASS, FAIL or UNKNOWN (could not be read: never a pass).",
        footer = {"",
                "Exit: 0 every check passed; 1 a check failed or is UNKNOWN; 2 invalid input; 3 remote failure.",
                "JSON: {passed, checks[{name, status, evidence}]}",
                "",
                "Examples:",
                "  tdev-ops dr-check --simulate",
                "  tdev-ops dr-check --simulate --scenario missing-replication --output json",
                "  tdev-ops dr-check --env staging --sample-size 50 --output markdown"})
public final class DrCheckCommand extends OutcomeCommand<DrCheckResult> {
    @Option(names = "--sample-size", paramLabel = "N",
            description = "How many of the newest objects to check for replication (default: dr.replicationSampleSize).")
    Integer sampleSize;

    @Override
    protected DrCheckResult run(OpsContext context) {
        return DrCheckUseCase.over(context).run(new DrCheckRequest(sampleSize));
    }
}
