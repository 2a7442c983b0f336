package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.security.LockdownBucketRequest;
import io.tdev.ops.api.security.LockdownBucketResult;
import io.tdev.ops.api.security.LockdownBucketUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lockdown-bucket", mixinStandardHelpOptions = true,
        header = "Emergency deny-all policy on the projects bucket (suspected data leak), and its undoing.",
        description = {"Saves the bucket's policy (or that it had none) in the secret security.policyBackupSecret, then"
                + " puts a policy that denies every S3 action to everyone but security.breakGlassRole.",
                "A second lockdown says the bucket is already locked down and changes nothing: the saved copy is never"
                        + " overwritten.",
                "--restore puts the saved policy back exactly (or deletes the policy when there was none) and marks"
                        + " the copy restored. Run it as the break-glass role (--role-arn): the lockdown denies everyone"
                        + " else, tdev-ops included.",
                "A policy changed by hand in between is never overwritten: nothing changes and the error says what to"
                        + " compare."},
        footer = {"",
                "Exit: 0 COMPLETED, UNCHANGED or PLANNED; 1 a precondition failed (nothing to restore, policy changed"
                        + " by hand); 2 invalid input; 3 remote failure (the message says which step stopped and what"
                        + " to run next).",
                "JSON: {bucket, mode (lockdown|restore), status, savedIn, hadPolicy, message, next, actions[]}",
                "",
                "Examples:",
                "  tdev-ops lockdown-bucket --simulate --dry-run",
                "  tdev-ops lockdown-bucket --simulate --output markdown",
                "  tdev-ops lockdown-bucket --restore --simulate --scenario bucket-locked-down"})
public final class LockdownBucketCommand extends OutcomeCommand<LockdownBucketResult> {
    @Option(names = "--restore", description = "Put back the policy the lockdown saved, instead of locking down.")
    boolean restore;

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Override
    protected LockdownBucketResult run(OpsContext context) {
        return LockdownBucketUseCase.over(context).run(new LockdownBucketRequest(restore, dryRun));
    }
}
