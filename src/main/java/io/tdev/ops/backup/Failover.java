package io.tdev.ops.backup;

import io.tdev.ops.api.OpsContext;
import io.tdev.ops.api.backup.FailoverRequest;
import io.tdev.ops.api.backup.FailoverResult;
import io.tdev.ops.api.backup.FailoverUseCase;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.Action;
import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.HealthCheckStatus;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.support.Retry;

import java.util.List;
import java.util.Locale;

/**
 * Plan: read the record (it must exist and point at the primary or the secondary target: a value someone set by
 * hand is not overwritten); failing back to the primary needs its health check healthy. Apply: one UPSERT of the
 * record with the other target and the configured TTL; wait until Route 53 has it INSYNC. Undo: the other direction.
 */
public final class Failover implements FailoverUseCase {
    private final OpsContext ctx;

    public Failover(OpsContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public FailoverResult run(FailoverRequest request) {
        EnvironmentConfig.DrSettings dr = ctx.config().dr();
        Retry retry = Retry.reads(ctx.sleeper());
        String target = request.toSecondary() ? dr.secondaryTarget() : dr.primaryTarget();
        String failBack = "tdev-ops failover --to " + (request.toSecondary() ? "primary" : "secondary")
                + " --env " + ctx.config().name();
        DnsRecord current = retry.call(() -> ctx.ports().dns().record(dr.hostedZoneId(), dr.recordName(), dr.recordType()))
                .orElseThrow(() -> new PreconditionFailedException("no " + dr.recordType() + " record " + dr.recordName()
                        + " in hosted zone " + dr.hostedZoneId() + " (dr.recordName, dr.hostedZoneId): fail-over switches"
                        + " an existing record and creates none"));
        if (!same(current.value(), dr.primaryTarget()) && !same(current.value(), dr.secondaryTarget())) {
            throw new PreconditionFailedException("record " + dr.recordName() + " points at " + current.value()
                    + ", which is neither dr.primaryTarget (" + dr.primaryTarget() + ") nor dr.secondaryTarget ("
                    + dr.secondaryTarget() + "); someone changed it by hand: not overwriting it");
        }
        HealthCheckStatus primary = retry.call(() -> ctx.ports().dns().healthCheck(dr.primaryHealthCheckId()));
        String primaryHealth = HealthText.of(primary);
        if (same(current.value(), target)) {
            return new FailoverResult(request.to(), dr.recordName(), dr.recordType(), current.value(), current.value(),
                    current.ttl(), "UNCHANGED", null, primaryHealth, failBack, dr.recordName() + " already points at the "
                    + request.to() + " target; nothing changed", List.of());
        }
        if (!request.toSecondary() && !primary.healthy()) {
            throw new PreconditionFailedException("the primary is not healthy (" + primaryHealth + "); failing back"
                    + " would send the traffic to a failing endpoint: fix it, then run again");
        }
        DnsRecord next = new DnsRecord(current.name(), dr.recordType(), target, dr.ttl());
        String before = current.value() + " (TTL " + current.ttl() + ")";
        String after = target + " (TTL " + dr.ttl() + ")";
        String warning = request.toSecondary() && primary.healthy()
                ? " The primary is healthy: this is a drill or a planned move." : "";
        if (request.dryRun()) {
            return new FailoverResult(request.to(), dr.recordName(), dr.recordType(), current.value(), target, dr.ttl(),
                    "PLANNED", null, primaryHealth, failBack, "dry run: would UPSERT " + dr.recordName() + " "
                    + dr.recordType() + " " + before + " -> " + after + "." + warning,
                    List.of(new Action("dns-upsert", dr.recordName(), before, after, ctx.clock().instant(), true)));
        }

        String changeId = ctx.ports().dns().upsert(dr.hostedZoneId(), next);
        Action action = new Action("dns-upsert", dr.recordName(), before, after, ctx.clock().instant(), false);
        ctx.progress().report("changed " + dr.recordName() + ": " + before + " -> " + after + " (change " + changeId + ")");
        Wait.Ended<String> ended = Wait.until(ctx, "Route 53 change " + changeId + " to be INSYNC",
                () -> ctx.ports().dns().changeStatus(changeId), "INSYNC"::equals, s -> s);
        String message = ended.done()
                ? dr.recordName() + " points at the " + request.to() + " target on every Route 53 server; resolvers"
                        + " that cached the old value follow within its TTL (" + current.ttl() + " s)." + warning
                : ended.why("change " + changeId, Wait.timeout(ctx)) + "; the change stays and Route 53 goes on"
                        + " propagating it (aws route53 get-change --id " + changeId + ")";
        return new FailoverResult(request.to(), dr.recordName(), dr.recordType(), current.value(), target, dr.ttl(),
                ended.last(), changeId, primaryHealth, failBack, message, List.of(action));
    }

    /** Route 53 values compare without case and without a final dot. */
    private static boolean same(String a, String b) {
        return bare(a).equals(bare(b));
    }

    private static String bare(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
    }
}
