package io.tdev.ops.sim;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.HealthCheckStatus;
import io.tdev.ops.model.InvalidInputException;
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
import java.util.regex.Pattern;

/**
 * Route 53: the environment's hosted zone holds its record ({@code dr.recordName}) pointing at the primary target,
 * and the primary's health check ({@code dr.primaryHealthCheckId}) seen by 16 checkers. UPSERTs go into any
 * hosted zone id; a change is PENDING for a minute, then INSYNC. Record names compare as Route 53 compares them:
 * without case and without the final dot.
 */
final class SimDns implements Dns {
    static final Duration PROPAGATION = Duration.ofMinutes(1);
    static final List<String> TYPES = List.of("A", "AAAA", "CNAME", "TXT", "MX", "NS", "SRV", "CAA", "PTR");
    private static final Pattern ZONE = Pattern.compile("(/hostedzone/)?Z[A-Z0-9]{1,32}");
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
            return Optional.ofNullable(records.get(key(hostedZoneId, name, type)));
        });
    }

    @Override
    public String upsert(String hostedZoneId, DnsRecord record) {
        return world.call(Api.CHANGE_RECORD_SETS, () -> {
            requireZone(hostedZoneId);
            if (record.name() == null || record.name().isBlank()) {
                throw new InvalidInputException("record.name", "must not be empty");
            }
            if (!TYPES.contains(record.type())) {
                throw InvalidInputException.notAllowed("record.type", record.type(), TYPES);
            }
            if (record.value() == null || record.value().isBlank()) {
                throw new InvalidInputException("record.value", "must not be empty");
            }
            if (record.ttl() < 0 || record.ttl() > 2_147_483_647L) {
                throw new InvalidInputException("record.ttl", "must be 0..2147483647, got " + record.ttl());
            }
            String id = "/change/C" + world.ids.hex("route53-change", 20).toUpperCase();
            changes.put(id, world.now());
            records.put(key(hostedZoneId, record.name(), record.type()), record);
            return id;
        });
    }

    @Override
    public String changeStatus(String changeId) {
        return world.call(Api.GET_CHANGE, () -> {
            String id = changeId != null && !changeId.startsWith("/change/") ? "/change/" + changeId : changeId;
            Instant at = changes.get(id);
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

    private static void requireZone(String hostedZoneId) {
        if (hostedZoneId == null || !ZONE.matcher(hostedZoneId).matches()) {
            throw new PreconditionFailedException("hosted zone " + hostedZoneId + " not found (NoSuchHostedZone)");
        }
    }

    private static String key(String zone, String name, String type) {
        String bareName = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        return zone.replace("/hostedzone/", "") + " " + bareName + " " + type;
    }

    Map<String, DnsRecord> records() {
        return Map.copyOf(records);
    }
}
