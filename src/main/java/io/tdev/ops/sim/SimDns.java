package io.tdev.ops.sim;

import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.port.Dns;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Route 53: UPSERTs into any hosted zone id; a change is PENDING for a minute, then INSYNC. */
final class SimDns implements Dns {
    static final Duration PROPAGATION = Duration.ofMinutes(1);
    static final List<String> TYPES = List.of("A", "AAAA", "CNAME", "TXT", "MX", "NS", "SRV", "CAA", "PTR");
    private static final Pattern ZONE = Pattern.compile("(/hostedzone/)?Z[A-Z0-9]{1,32}");

    private final SimWorld world;
    private final Map<String, Instant> changes = new LinkedHashMap<>();
    private final Map<String, DnsRecord> records = new LinkedHashMap<>();

    SimDns(SimWorld world) {
        this.world = world;
    }

    @Override
    public String upsert(String hostedZoneId, DnsRecord record) {
        return world.call(Api.CHANGE_RECORD_SETS, () -> {
            if (hostedZoneId == null || !ZONE.matcher(hostedZoneId).matches()) {
                throw new PreconditionFailedException("hosted zone " + hostedZoneId + " not found (NoSuchHostedZone)");
            }
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
            records.put(hostedZoneId.replace("/hostedzone/", "") + " " + record.name() + " " + record.type(), record);
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

    Map<String, DnsRecord> records() {
        return Map.copyOf(records);
    }
}
