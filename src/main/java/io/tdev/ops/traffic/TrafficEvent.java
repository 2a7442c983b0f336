package io.tdev.ops.traffic;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.traffic.TrafficEventResult;
import io.tdev.ops.api.traffic.TrafficEventUseCase;
import io.tdev.ops.api.traffic.TrafficPrepareRequest;
import io.tdev.ops.api.traffic.TrafficRestoreRequest;
import io.tdev.ops.model.DbInstance;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.ScalableTarget;
import io.tdev.ops.model.ServiceRef;
import io.tdev.ops.model.ServiceState;
import io.tdev.ops.api.change.ChangeStatus;
import io.tdev.ops.support.Retry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code traffic-event prepare} and {@code restore}. Both read everything and plan first; prepare saves what it is
 * about to change on the service (a tag) before the first change, restore removes that record only after the last
 * value is back, so a failure half-way leaves a record that the next restore completes.
 */
public final class TrafficEvent implements TrafficEventUseCase {
    private final OpsContext ctx;
    private final ServiceRef service;
    private final String tag;
    private final Retry retry;

    public TrafficEvent(OpsContext ctx) {
        this.ctx = ctx;
        this.service = ctx.config().serviceRef();
        this.tag = ctx.config().traffic().stateTag();
        this.retry = ctx.retry();
    }

    @Override
    public TrafficEventResult prepare(TrafficPrepareRequest request) {
        Optional<String> already = Optional.ofNullable(retry.call(() -> ctx.ports().ecs().serviceTags(service)).get(tag));
        if (already.isPresent()) {
            SavedState saved = SavedState.parse(tag, already.get());
            throw new PreconditionFailedException("a traffic event is already prepared on " + service.service()
                    + " (by " + saved.by() + " at " + saved.at() + ", saved in the service tag " + tag
                    + "); run 'tdev-ops traffic-event restore' first, so that what it saved is not overwritten");
        }
        Current now = Current.read(ctx, retry);
        DbClassChange db = new DbClassChange(ctx);
        DbInstance database = request.instanceClass() == null ? null : db.describe();
        if (database != null) {
            db.requireOrderable(database, "instanceClass", request.instanceClass());
            if (!request.instanceClass().equals(database.instanceClass())) {
                DbClassChange.requireAvailable(database);
            }
        }
        SavedState saved = new SavedState(now.service().desired(),
                now.target().map(ScalableTarget::minCapacity).orElse(null),
                now.target().map(ScalableTarget::maxCapacity).orElse(null),
                database == null ? null : database.instanceClass(), ctx.clock().instant(), ctx.user());
        Integer min = now.target().isPresent() ? request.tasks() : null;
        Integer max = now.target().map(t -> Math.max(t.maxCapacity(), request.tasks())).orElse(null);
        Plan plan = new Plan(ctx, "prepare", request.dryRun());
        plan.capacity(now.target(), min, max);
        plan.desired(now.service().desired(), request.tasks());
        plan.database(database == null ? null : database.instanceClass(), request.instanceClass());
        return plan.run(() -> ctx.ports().ecs().tagService(service, Map.of(tag, saved.tagValue())),
                "save what prepare changes in the service tag " + tag, saved.tagValue());
    }

    @Override
    public TrafficEventResult restore(TrafficRestoreRequest request) {
        String value = retry.call(() -> ctx.ports().ecs().serviceTags(service)).get(tag);
        if (value == null) {
            return new TrafficEventResult(true, "restore", ChangeStatus.UNCHANGED, List.of(), Plan.savedIn(ctx),
                    "no traffic event is prepared on " + service.service() + " (no service tag " + tag
                            + "): nothing to restore", null, List.of());
        }
        SavedState saved = SavedState.parse(tag, value);
        Current now = Current.read(ctx, retry);
        DbClassChange db = new DbClassChange(ctx);
        DbInstance database = saved.dbClass() == null ? null : db.describe();
        if (database != null && !saved.dbClass().equals(database.instanceClass())) {
            DbClassChange.requireAvailable(database);
        }
        Plan plan = new Plan(ctx, "restore", request.dryRun());
        plan.capacity(now.target(), saved.minCapacity(), saved.maxCapacity());
        plan.desired(now.service().desired(), saved.desired());
        plan.database(database == null ? null : database.instanceClass(), saved.dbClass());
        return plan.runThen(() -> ctx.ports().ecs().untagService(service, List.of(tag)),
                "remove the service tag " + tag + " (the event is over)", value);
    }

    /** The service and its autoscaling target as they are now. */
    record Current(ServiceState service, Optional<ScalableTarget> target) {
        static Current read(OpsContext ctx, Retry retry) {
            ServiceRef ref = ctx.config().serviceRef();
            return new Current(retry.call(() -> ctx.ports().ecs().describeService(ref)),
                    retry.call(() -> ctx.ports().autoScaling().scalableTarget(ref)));
        }
    }
}
