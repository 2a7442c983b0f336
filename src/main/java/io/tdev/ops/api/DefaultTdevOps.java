package io.tdev.ops.api;

import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TaskDefinitionRef;
import io.tdev.ops.api.checklist.ChecklistRequest;
import io.tdev.ops.api.checklist.ChecklistUseCase;
import io.tdev.ops.api.change.DeployRequest;
import io.tdev.ops.api.change.DeployUseCase;
import io.tdev.ops.api.change.MarkKnownGoodRequest;
import io.tdev.ops.api.change.MarkKnownGoodUseCase;
import io.tdev.ops.api.change.Revision;
import io.tdev.ops.api.change.RollbackRequest;
import io.tdev.ops.api.change.RollbackUseCase;
import io.tdev.ops.api.change.ScaleRequest;
import io.tdev.ops.api.change.ScaleUseCase;
import io.tdev.ops.api.health.HealthRequest;
import io.tdev.ops.api.health.HealthUseCase;
import io.tdev.ops.change.StabilityCheck;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@link TdevOps} over the runbook use cases: checks the argument map, runs the use case, returns its map. */
public final class DefaultTdevOps implements TdevOps {
    static final List<String> DEPLOY_ARGS = List.of("image", "container", "wait", "timeoutMinutes", "dryRun");
    static final List<String> MARK_ARGS = List.of("revision", "dryRun", "requireHealthy", "baselineTime",
            "ignoreAlarms");
    static final List<String> ROLLBACK_ARGS = List.of("target", "reason", "wait", "timeoutMinutes", "notify", "dryRun");
    static final List<String> SCALE_ARGS = List.of("count", "force", "wait", "timeoutMinutes", "dryRun");
    static final List<String> CHECKLIST_ARGS = List.of("image", "testReports", "backupMaxAgeHours", "takeBackup",
            "scanSeverity", "waive", "waivedBy", "skip", "notify", "message", "dryRun", "scanTimeoutMinutes");
    static final List<String> STABILITY_ARGS = List.of("revision", "desiredCount");
    static final List<String> FINISH_ARGS = List.of("operation", "started", "stability", "startedAt", "notify",
            "abandonedBy");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final OpsContext context;

    public DefaultTdevOps(OpsContext context) {
        this.context = context;
    }

    private OpsContext run() {
        return new OpsContext(context.config(), context.ports(), context.clock(), context.sleeper(),
                context.progress(), context.user());
    }

    @Override
    public Map<String, Object> healthCheck(Map<String, ?> args) {
        return PlainValues.map(HealthUseCase.over(run()).run(HealthRequest.fromArguments(args)));
    }

    @Override
    public Map<String, Object> ecsDeploy(Map<String, ?> args) {
        StepArguments a = StepArguments.of("ecsDeploy", args, DEPLOY_ARGS);
        DeployRequest request = new DeployRequest(a.requiredString("image"), a.string("container"),
                a.bool("wait", true), a.positiveDuration("timeoutMinutes", MINUTE), a.bool("dryRun", false));
        return PlainValues.map(DeployUseCase.over(run()).run(request));
    }

    @Override
    public Map<String, Object> markKnownGood(Map<String, ?> args) {
        StepArguments a = StepArguments.of("markKnownGood", args, MARK_ARGS);
        MarkKnownGoodRequest request = MarkKnownGoodRequest.of(a.string("revision"), a.bool("dryRun", false),
                a.bool("requireHealthy", false), a.instant("baselineTime"), a.stringSet("ignoreAlarms"));
        return PlainValues.map(MarkKnownGoodUseCase.over(run()).run(request));
    }

    @Override
    public Map<String, Object> rollback(Map<String, ?> args) {
        StepArguments a = StepArguments.of("rollback", args, ROLLBACK_ARGS);
        RollbackRequest request = RollbackRequest.of(a.string("target"), a.string("reason"), a.bool("wait", true),
                a.positiveDuration("timeoutMinutes", MINUTE), a.bool("notify", true), a.bool("dryRun", false));
        return PlainValues.map(RollbackUseCase.over(run()).run(request));
    }

    @Override
    public Map<String, Object> scale(Map<String, ?> args) {
        StepArguments a = StepArguments.of("scale", args, SCALE_ARGS);
        ScaleRequest request = ScaleRequest.of(a.requiredString("count"), a.bool("force", false),
                a.bool("wait", true), a.positiveDuration("timeoutMinutes", MINUTE), a.bool("dryRun", false));
        return PlainValues.map(ScaleUseCase.over(run()).run(request));
    }

    @Override
    public Map<String, Object> preDeployChecklist(Map<String, ?> args) {
        StepArguments a = StepArguments.of("preDeployChecklist", args, CHECKLIST_ARGS);
        ChecklistRequest request = new ChecklistRequest(a.string("image"), a.string("testReports"),
                a.positiveInt("backupMaxAgeHours"), a.bool("takeBackup", false),
                ChecklistRequest.scanSeverity(a.string("scanSeverity")), a.stringMap("waive"), a.string("waivedBy"),
                a.strings("skip"), a.bool("notify", true), a.string("message"), a.bool("dryRun", false),
                a.positiveDuration("scanTimeoutMinutes", MINUTE));
        return PlainValues.map(ChecklistUseCase.over(run()).run(request));
    }

    @Deprecated // removed when the plugin switches to RolloutWatchUseCase (issue 8)
    @Override
    public Map<String, Object> stability(Map<String, ?> args) {
        StepArguments a = StepArguments.of("stability", args, STABILITY_ARGS);
        String revision = a.string("revision");
        Integer desired = a.number("desiredCount") == null ? null : nonNegativeInt(a, "desiredCount");
        OpsContext ctx = run();
        ServiceState s = ctx.retry().call(() -> ctx.ports().ecs().describeService(ctx.config().serviceRef()));
        TaskDefinitionRef expected = revision == null || revision.isBlank() ? null
                : Revision.parse("revision", revision).in(s.taskDefinition().family());
        return PlainValues.map(StabilityCheck.look(s, expected, desired));
    }

    @Deprecated // removed when the plugin switches to RolloutWatchUseCase (issue 8)
    @Override
    public Map<String, Object> finishRollout(Map<String, ?> args) {
        StepArguments a = StepArguments.of("finishRollout", args, FINISH_ARGS);
        Map<?, ?> started = a.map("started", "the map the first call (with wait: false) returned");
        if (started == null) {
            throw new io.tdev.ops.model.InvalidInputException("started", "is required: the map the first call"
                    + " (with wait: false) returned");
        }
        FacadeFinishRollout.Request request = new FacadeFinishRollout.Request(a.string("operation"), started,
                a.map("stability", "the map the last stability call returned"), a.instant("startedAt"),
                a.optionalBool("notify"), a.string("abandonedBy"));
        return PlainValues.map((Record) new FacadeFinishRollout(run()).run(request));
    }

    private static int nonNegativeInt(StepArguments a, String name) {
        double d = a.number(name);
        if (d != Math.rint(d) || d < 0 || d > Integer.MAX_VALUE) {
            throw new io.tdev.ops.model.InvalidInputException(name, "must be a whole number of 0 or more, got " + d);
        }
        return (int) d;
    }
}
