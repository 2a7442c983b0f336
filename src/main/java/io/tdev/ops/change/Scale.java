package io.tdev.ops.change;

import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.api.change.ScaleCount;
import io.tdev.ops.api.change.ScaleRequest;
import io.tdev.ops.api.change.ScaleResult;
import io.tdev.ops.api.change.ScaleUseCase;
import io.tdev.ops.api.change.Stability;

import io.tdev.ops.support.Durations;
import io.tdev.ops.support.Failures;
import io.tdev.ops.api.OpsContext;
import io.tdev.ops.support.Waits;

import io.tdev.ops.model.Action;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.model.TdevException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sets the service's desired count (runbook: P0 scale to 10, P1 +2, traffic preparation). Absolute counts must lie
 * in {@code autoscaling.minTasks}..hard maximum ({@code autoscaling.maxTasks}, or the registered target's max when
 * larger): above it is invalid input, below it needs {@code force} (and 0 tasks in a protected environment always
 * does); relative ones are clamped to the hard maximum. Where Application Auto Scaling is registered, a scale-up
 * raises MinCapacity to the new count (and MaxCapacity when the count is above it) so that target tracking does not
 * scale it back in, a count below MinCapacity lowers it, and the result says how to restore both.
 */
public final class Scale implements ScaleUseCase {

    private final OpsContext ctx;

    public Scale(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public ScaleResult run(ScaleRequest request) {
        ScaleCount count = request.count().resolve(ctx.config().scalePresets());
        Duration timeout = Timeouts.stable(ctx, request.timeout());
        ServiceRef ref = ctx.config().serviceRef();
        ServiceState s = ctx.retry().call(() -> ctx.ports().ecs().describeService(ref));
        Optional<ScalableTarget> st = ctx.retry().call(() -> ctx.ports().autoScaling().scalableTarget(ref));
        int from = s.desired();
        int hardMax = Math.max(ctx.config().autoscaling().maxTasks(), st.map(ScalableTarget::maxCapacity).orElse(0));
        int wanted = count.applyTo(from);
        if (count.delta()) {
            wanted = Math.max(0, Math.min(hardMax, wanted));
        } else if (wanted > hardMax) {
            throw new InvalidInputException("count", "got " + wanted + "; allowed range "
                    + ctx.config().autoscaling().minTasks() + ".." + hardMax + " (below it only when forced)"
                    + " (the hard maximum of " + ctx.config().name() + ": autoscaling.maxTasks"
                    + st.map(t -> " / registered MaxCapacity " + t.maxCapacity()).orElse("") + ")");
        }
        int to = wanted;
        String note = clampNote(count, from, to);
        if (to == 0 && ctx.config().protectedEnv() && !request.force()) {
            throw new InvalidInputException("count", "0 tasks would stop " + ctx.config().name()
                    + ", a protected environment; allowed range 1.." + hardMax + ", or set force to scale to 0");
        }
        int floor = ctx.config().autoscaling().minTasks();
        if (to < floor && !request.force()) {
            throw new InvalidInputException("count", "got " + to + (count.delta() ? " (" + count.text() + " from "
                    + from + ")" : "") + "; below " + ctx.config().name() + "'s minimum (autoscaling.minTasks "
                    + floor + "); allowed range " + floor + ".." + hardMax + ", or set force to go below it");
        }

        Integer min = st.map(ScalableTarget::minCapacity).orElse(null);
        Integer max = st.map(ScalableTarget::maxCapacity).orElse(null);
        Integer newMin = min;
        Integer newMax = max;
        if (st.isPresent()) {
            if (to > from && to > min) {
                // a scale-up is meant to hold (runbook: "10 before expected traffic", P0): with MinCapacity left
                // below it, target tracking scales the service back in as soon as CPU is low
                newMin = to;
            } else if (to < min) {
                newMin = to;
            }
            if (to > max) {
                newMax = to;
            }
        }
        boolean capacityChanges = st.isPresent() && (!newMin.equals(min) || !newMax.equals(max));
        String restore = capacityChanges ? restoreCommand(ref, min, max) : null;
        if (to == from && !capacityChanges) {
            String msg = ref.service() + " already wants " + to + " tasks" + note;
            ctx.progress().report(msg);
            return ScaleResult.of(from, to, count.text(), ChangeStatus.UNCHANGED, min, max, null, null, null, msg,
                    null, null, List.of());
        }

        ChangePlan plan = new ChangePlan(ctx.clock());
        if (capacityChanges) {
            Integer toMin = newMin;
            Integer toMax = newMax;
            plan.add("set autoscaling capacity", st.get().resourceId(), min + ".." + max, newMin + ".." + newMax,
                    step -> {
                        ctx.ports().autoScaling().setCapacity(ref, toMin, toMax);
                        ctx.progress().report("autoscaling of " + ref.service() + " set from " + min + ".." + max
                                + " to " + toMin + ".." + toMax + "; to restore: " + restore);
                        return step;
                    });
        }
        Integer minAfter = newMin;
        Integer maxAfter = newMax;
        plan.add("set desired count", ref.toString(), String.valueOf(from), String.valueOf(to), step -> {
            try {
                ctx.ports().ecs().setDesiredCount(ref, to);
            } catch (TdevException e) {
                throw Failures.withContext(e, "scaling " + ref.service() + " to " + to + " stopped before setting the"
                        + " desired count" + (capacityChanges ? " (autoscaling bounds already changed to " + minAfter
                        + ".." + maxAfter + "; to restore: " + restore + ")" : "") + "; run the scale again");
            }
            ctx.progress().report("desired count of " + ref.service() + " set from " + from + " to " + to + note);
            return step;
        });
        if (request.dryRun()) {
            String msg = "would scale " + ref.service() + " from " + from + " to " + to + note
                    + (capacityChanges ? " and set autoscaling " + min + ".." + max + " to " + newMin + ".." + newMax : "");
            ctx.progress().report("dry run: " + msg);
            return ScaleResult.of(from, to, count.text(), ChangeStatus.PLANNED, newMin, newMax, min, max, restore,
                    msg, null, null, plan.planned());
        }
        List<Action> actions = plan.apply();

        ScaleResult started = ScaleResult.of(from, to, count.text(), ChangeStatus.STARTED, newMin, newMax, min, max,
                restore, ref.service() + " scaling from " + from + " to " + to + note + "; not waiting", null, null,
                actions);
        if (!request.waitForStable()) {
            return started;
        }
        return finish(started, new StableWait(ctx).waitFor(ref, s.taskDefinition(), to, timeout, "the desired count of "
                + ref.service() + " is set to " + to + " (was " + from + ")"
                + (restore == null ? "" : "; autoscaling restore: " + restore)
                + " but watching the tasks start failed; check with tdev-ops health --env " + ctx.config().name()));
    }

    /**
     * The final word on a STARTED scaling, from how the wait for it ended (the engine's own wait, or one a Jenkins
     * step did: {@link RolloutWatch}).
     */
    public ScaleResult finish(ScaleResult started, StableWait.Result waited) {
        started.status().requireStarted();
        int from = started.from();
        int to = started.to();
        String note = clampNote(ScaleCount.parse(started.requested(), ctx.config().scalePresets()), from, to);
        String service = ctx.config().serviceRef().service();
        Stability last = waited.last();
        ChangeStatus status = waited.outcome().status();
        String message = switch (waited.outcome()) {
            case STABLE -> service + " scaled from " + from + " to " + to + note + " and is stable";
            case FAILED -> "desired count set to " + to + " but the service failed: " + last.message();
            case TIMED_OUT -> "desired count set to " + to + " but not all tasks ran after "
                    + Durations.format(waited.waited()) + ": " + last.message();
            case ABANDONED -> StableWait.abandoned(waited, "the scaling to " + to + " tasks");
        };
        String next = status.ok() ? null : (status == ChangeStatus.ABANDONED ? "the count stays " + to + "; to keep watching, " : "")
                + "check tasks and events with `tdev-ops health --env " + ctx.config().name()
                + "`; running the same scale again only waits (the count is already set)";
        return ScaleResult.of(from, to, started.requested(), status, started.minCapacity(), started.maxCapacity(),
                started.previousMinCapacity(), started.previousMaxCapacity(), started.restore(), message, next, last,
                started.actions());
    }

    /** " (+5 from 18 is 23, clamped to 20)" when a relative count was clamped into the allowed range, else "". */
    private static String clampNote(ScaleCount count, int from, int to) {
        int wanted = count.applyTo(from);
        return count.delta() && wanted != to ? " (" + count.text() + " from " + from + " is " + wanted
                + ", clamped to " + to + ")" : "";
    }

    private static String restoreCommand(ServiceRef ref, int min, int max) {
        return "aws application-autoscaling register-scalable-target --service-namespace ecs"
                + " --scalable-dimension ecs:service:DesiredCount --resource-id service/" + ref.cluster() + "/"
                + ref.service() + " --min-capacity " + min + " --max-capacity " + max;
    }
}
