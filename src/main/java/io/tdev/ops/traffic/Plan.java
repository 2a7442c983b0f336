package io.tdev.ops.traffic;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.traffic.TrafficEventResult;
import io.tdev.ops.api.traffic.TrafficEventResult.Change;
import io.tdev.ops.api.traffic.TrafficEventResult.ItemOutcome;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.TdevException;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.change.StableWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The items of a traffic event's prepare or restore, in the order they must change (autoscaling bounds before the
 * desired count, so target tracking does not undo it; the database last), and their application: one item after
 * the other, stopping at the first that fails, saying what changed and what did not.
 */
final class Plan {
    /** One item to change: what it is, the values, how to apply it and how to know it is done. */
    private record Step(Change change, String target, Runnable apply, Wait await) {
    }

    @FunctionalInterface
    private interface Wait {
        /** Null when done; else why not (timed out, failed). */
        String await();
    }

    private final OpsContext ctx;
    private final String operation;
    private final boolean dryRun;
    private final ServiceRef service;
    private final List<Step> steps = new ArrayList<>();
    private final List<Change> unchanged = new ArrayList<>();

    Plan(OpsContext ctx, String operation, boolean dryRun) {
        this.ctx = ctx;
        this.operation = operation;
        this.dryRun = dryRun;
        this.service = ctx.config().serviceRef();
    }

    void capacity(Optional<ScalableTarget> target, Integer min, Integer max) {
        if (target.isEmpty() || min == null || max == null) {
            return;
        }
        ScalableTarget t = target.get();
        String before = t.minCapacity() + ".." + t.maxCapacity();
        String after = min + ".." + max;
        if (before.equals(after)) {
            unchanged.add(new Change("autoscaling min..max", before, after, sameOutcome()));
            return;
        }
        steps.add(new Step(new Change("autoscaling min..max", before, after, ItemOutcome.PLANNED), t.resourceId(),
                () -> ctx.ports().autoScaling().setCapacity(service, min, max), () -> null));
    }

    void desired(int before, int after) {
        if (before == after) {
            unchanged.add(new Change("desired tasks", String.valueOf(before), String.valueOf(after), sameOutcome()));
            return;
        }
        Duration timeout = Duration.ofMinutes(ctx.config().deploy().stableTimeoutMinutes());
        steps.add(new Step(new Change("desired tasks", String.valueOf(before), String.valueOf(after),
                ItemOutcome.PLANNED), service.toString(), () -> ctx.ports().ecs().setDesiredCount(service, after),
                () -> {
                    StableWait.Result waited = new StableWait(ctx).waitFor(service, null, after, timeout);
                    return waited.outcome() == StableWait.Outcome.STABLE ? null
                            : "the service did not settle on " + after + " tasks: " + waited.last().message();
                }));
    }

    void database(String before, String after) {
        if (after == null || before == null) {
            return;
        }
        if (before.equals(after)) {
            unchanged.add(new Change("database class", before, after, sameOutcome()));
            return;
        }
        DbClassChange db = new DbClassChange(ctx);
        steps.add(new Step(new Change("database class", before, after, ItemOutcome.PLANNED), db.instanceId,
                () -> db.request(after, true),
                () -> db.awaitAvailable(after, db.timeout()) ? null : "the database was not available on " + after
                        + " within " + db.timeout().toMinutes() + " minutes (RDS goes on with it)"));
    }

    /** Prepare: the record of what changes goes first, so that any later failure can be restored. */
    TrafficEventResult run(Runnable record, String recordWhat, String recordValue) {
        if (steps.isEmpty()) {
            return result(ChangeStatus.UNCHANGED, List.of(), "everything is already as asked; nothing saved", null,
                    List.of());
        }
        steps.add(0, new Step(new Change(recordWhat, "(none)", recordValue, ItemOutcome.PLANNED), where(),
                record, () -> null));
        return apply();
    }

    /** Restore: the record is removed last, only when every value is back. */
    TrafficEventResult runThen(Runnable forget, String forgetWhat, String recordValue) {
        steps.add(new Step(new Change(forgetWhat, recordValue, "(none)", ItemOutcome.PLANNED), where(), forget,
                () -> null));
        return apply();
    }

    private TrafficEventResult apply() {
        List<Action> actions = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        if (dryRun) {
            for (Step step : steps) {
                changes.add(step.change());
                actions.add(action(step, true));
            }
            changes.addAll(unchanged);
            return result(ChangeStatus.PLANNED, changes, null, null, actions);
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String problem;
            try {
                step.apply().run();
                actions.add(action(step, false));
                ctx.progress().report(operation + ": " + step.change().what() + " " + step.change().before() + " -> "
                        + step.change().after());
                problem = step.await().await();
            } catch (TdevException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e; // an abort is an abort: the caller (a Jenkins build) stops, and says so
                }
                problem = e.getMessage();
            }
            if (problem != null) {
                changes.add(with(step.change(), ItemOutcome.FAILED));
                steps.subList(i + 1, steps.size()).forEach(s -> changes.add(with(s.change(), ItemOutcome.NOT_REACHED)));
                changes.addAll(unchanged);
                List<String> done = changes.stream().filter(c -> c.outcome() == ItemOutcome.CHANGED)
                        .map(c -> c.what() + " " + c.before() + " -> " + c.after()).toList();
                return result(ChangeStatus.FAILED, changes, operation + " stopped at '" + step.change().what() + "': "
                        + problem + "; changed so far: " + (done.isEmpty() ? "nothing" : String.join(", ", done)),
                        "tdev-ops traffic-event restore", actions);
            }
            changes.add(with(step.change(), ItemOutcome.CHANGED));
        }
        changes.addAll(unchanged);
        return result(ChangeStatus.COMPLETED, changes, null, operation.equals("prepare")
                ? "tdev-ops traffic-event restore   (after the event)" : null, actions);
    }

    private ItemOutcome sameOutcome() {
        return operation.equals("prepare") ? ItemOutcome.UNCHANGED : ItemOutcome.NOT_CHANGED_BY_PREPARE;
    }

    private Action action(Step step, boolean planned) {
        return new Action(operation + ": " + step.change().what(), step.target(), step.change().before(),
                step.change().after(), ctx.clock().instant(), planned);
    }

    private static Change with(Change change, ItemOutcome outcome) {
        return new Change(change.what(), change.before(), change.after(), outcome);
    }

    private String where() {
        return savedIn(ctx);
    }

    /** Where a traffic event's record is kept, as results name it. */
    static String savedIn(OpsContext ctx) {
        return "ECS service tag " + ctx.config().traffic().stateTag() + " on " + ctx.config().serviceRef();
    }

    private TrafficEventResult result(ChangeStatus status, List<Change> changes, String message, String next,
                                      List<Action> actions) {
        return new TrafficEventResult(status.ok(), operation, status, List.copyOf(changes), where(), message, next,
                List.copyOf(actions));
    }
}
