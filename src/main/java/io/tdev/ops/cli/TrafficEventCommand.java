package io.tdev.ops.cli;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.traffic.TrafficEventResult;
import io.tdev.ops.api.traffic.TrafficEventUseCase;
import io.tdev.ops.api.traffic.TrafficPrepareRequest;
import io.tdev.ops.api.traffic.TrafficRestoreRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code traffic-event prepare|restore}: the runbook's procedure for expected traffic, and its undo. */
@Command(name = "traffic-event", mixinStandardHelpOptions = true,
        header = "Prepare for expected traffic, and put everything back afterwards.",
        description = {"prepare: the service to --tasks (autoscaling's MinCapacity raised with it, MaxCapacity if"
                + " needed) and, with --instance-class, the database to a bigger class; before the first change it"
                + " records the values it changes in a tag on the ECS service (traffic.stateTag), so restore works"
                + " from any machine. A second prepare is refused until restore ran.",
                "restore: puts back exactly what prepare recorded and removes the record last; after a partial"
                        + " prepare it restores what was changed and says what was not."},
        subcommands = {TrafficEventCommand.Prepare.class, TrafficEventCommand.Restore.class},
        footer = {"",
                "Exit: 0 completed, unchanged or planned; 1 stopped part-way (the result says where; run restore);"
                        + " 2 invalid input; 3 remote failure.",
                "JSON: {ok, operation, status, changes[{what, before, after, outcome}], savedIn, message, next, actions[]}",
                "",
                "Examples:",
                "  tdev-ops traffic-event prepare --simulate --tasks 10 --instance-class db.r6g.xlarge --dry-run",
                "  tdev-ops traffic-event prepare --simulate --tasks 10",
                "  tdev-ops traffic-event restore --simulate --dry-run"})
public final class TrafficEventCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing subcommand: prepare or restore");
    }

    @Command(name = "prepare", mixinStandardHelpOptions = true,
            header = "Scale ahead of expected traffic (and move the database up); record what changed.",
            footer = {"", "Examples:",
                    "  tdev-ops traffic-event prepare --simulate --tasks 10 --dry-run",
                    "  tdev-ops traffic-event prepare --simulate --tasks 10 --instance-class db.r6g.xlarge"})
    static final class Prepare extends OutcomeCommand<TrafficEventResult> {
        @Option(names = "--tasks", paramLabel = "N", required = true, description = "Desired tasks during the event (the runbook: 10).")
        int tasks;

        @Option(names = "--instance-class", paramLabel = "CLASS",
                description = "The database's class during the event (applied now; restore moves it back).")
        String instanceClass;

        @Option(names = "--dry-run", description = "Print the plan; change nothing.")
        boolean dryRun;

        @Override
        protected TrafficEventResult run(OpsContext context) {
            return TrafficEventUseCase.over(context).prepare(new TrafficPrepareRequest(tasks, instanceClass, dryRun));
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            header = "Put back exactly what prepare changed (from the record on the service).",
            footer = {"", "Examples:",
                    "  tdev-ops traffic-event restore --simulate --dry-run",
                    "  tdev-ops traffic-event restore --env staging"})
    static final class Restore extends OutcomeCommand<TrafficEventResult> {
        @Option(names = "--dry-run", description = "Print the plan; change nothing.")
        boolean dryRun;

        @Override
        protected TrafficEventResult run(OpsContext context) {
            return TrafficEventUseCase.over(context).restore(new TrafficRestoreRequest(dryRun));
        }
    }
}
