package io.tdev.ops.sim;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.HealthCheckStatus;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.port.Dns;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Route 53: the environment's hosted zone holds its record ({@code dr.recordName}) pointing at the primary target,
 * and the primary's health check ({@code dr.primaryHealthCheckId}) seen by 16 checkers. The account has that zone
 * only; a change is PENDING for a minute, then INSYNC. Record names compare as Route 53 compares them:
 * without case and without the final dot.
 */
final class SimDns implements Dns {
    static final Duration PROPAGATION = Duration.ofMinutes(1);
    private static final int CHECKERS = 16;

    private final SimWorld world;
    private final Map<String, Instant> changes = new LinkedHashMap<>();
    private final Map<String, DnsRecord> records = new LinkedHashMap<>();
    /** Health check id → how many of its checkers see the endpoint healthy. */
    private final Map<String, Integer> healthChecks = new LinkedHashMap<>();

    SimDns(SimWorld world) {
        this.world = world;
        EnvironmentConfig.DrSettings dr = world.config.dr();
        if (dr != null) {
            records.put(key(dr.hostedZoneId(), dr.recordName(), dr.recordType()),
                    new DnsRecord(dr.recordName(), dr.recordType(), dr.primaryTarget(), dr.ttl()));
            healthChecks.put(dr.primaryHealthCheckId(), CHECKERS);
        }
    }

    /** The primary's health check: every checker sees it failing. */
    void primaryUnhealthy() {
        healthChecks.put(world.config.dr().primaryHealthCheckId(), 0);
    }

    @Override
    public Optional<DnsRecord> record(String hostedZoneId, String name, String type) {
        return world.call(Api.LIST_RECORD_SETS, () -> {
            requireZone(hostedZoneId);
            // as Route 53 lists it: the name in lower case with the final dot
            return Optional.ofNullable(records.get(key(hostedZoneId, name, type)))
                    .map(r -> new DnsRecord(bare(r.name()) + ".", r.type(), r.value(), r.ttl()));
        });
    }

    @Override
    public String upsert(String hostedZoneId, DnsRecord record) {
        Dns.requireValid(record);
        return world.call(Api.CHANGE_RECORD_SETS, () -> {
            requireZone(hostedZoneId);
            String id = "C" + world.ids.hex("route53-change", 20).toUpperCase();
            changes.put(id, world.now());
            records.put(key(hostedZoneId, record.name(), record.type()), record);
            return id;
        });
    }

    @Override
    public String changeStatus(String changeId) {
        return world.call(Api.GET_CHANGE, () -> {
            Instant at = changes.get(changeId == null ? null : changeId.replaceFirst("^/?change/", ""));
            if (at == null) {
                throw new PreconditionFailedException("Route 53 change " + changeId + " not found (NoSuchChange)");
            }
            return world.now().isBefore(at.plus(PROPAGATION)) ? "PENDING" : "INSYNC";
        });
    }

    @Override
    public HealthCheckStatus healthCheck(String healthCheckId) {
        return world.call(Api.GET_HEALTH_CHECK_STATUS, () -> {
            Integer healthy = healthChecks.get(healthCheckId);
            if (healthy == null) {
                throw new PreconditionFailedException("Route 53 health check " + healthCheckId
                        + " not found (NoSuchHealthCheck)");
            }
            List<String> reports = new ArrayList<>();
            reports.addAll(Collections.nCopies(healthy, "Success: HTTP Status Code 200, OK"));
            reports.addAll(Collections.nCopies(CHECKERS - healthy,
                    "Failure: Connection timed out. The endpoint or the internet connection is down."));
            return new HealthCheckStatus(healthCheckId, healthy, CHECKERS, reports);
        });
    }

    /** The account has the environment's zone only: any other is NoSuchHostedZone, as Route 53 answers. */
    private void requireZone(String hostedZoneId) {
        String zone = hostedZoneId == null ? null : hostedZoneId.replaceFirst("^/?hostedzone/", "");
        if (world.config.dr() == null || !world.config.dr().hostedZoneId().replaceFirst("^/?hostedzone/", "").equals(zone)) {
            throw new PreconditionFailedException("hosted zone " + hostedZoneId + " not found (NoSuchHostedZone)");
        }
    }

    private static String key(String zone, String name, String type) {
        return zone.replaceFirst("^/?hostedzone/", "") + " " + bare(name) + " " + type;
    }

    private static String bare(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
    }

    Map<String, DnsRecord> records() {
        return Map.copyOf(records);
    }
}
