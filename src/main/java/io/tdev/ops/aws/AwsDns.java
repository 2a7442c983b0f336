package io.tdev.ops.aws;

import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.HealthCheckStatus;
import io.tdev.ops.port.Dns;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link Dns} on Route 53: ListResourceRecordSets from the record's name and type (Route 53 lists in name order
 * from there, paginated), ChangeResourceRecordSets with one UPSERT, GetChange for its propagation (PENDING, then
 * INSYNC), GetHealthCheckStatus. Change ids are returned without the {@code /change/} prefix.
 * <p>
 * {@code new AwsDns(client)}.
 */
public final class AwsDns implements Dns {
    private final Route53Client client;

    public AwsDns(Route53Client client) {
        this.client = client;
    }

    @Override
    public Optional<DnsRecord> record(String hostedZoneId, String name, String type) {
        String zone = zone(hostedZoneId);
        String wanted = bare(name);
        String startName = name;
        String startType = type;
        String startId = null;
        // Listing starts at the name; the first sets are the name's own (weighted/failover sets come in several).
        while (true) {
            String fromName = startName;
            String fromType = startType;
            String fromId = startId;
            ListResourceRecordSetsResponse page = ResourceCall.run("route53:ListResourceRecordSets", "hosted zone", zone,
                    "dr.hostedZoneId", () -> client.listResourceRecordSets(r -> r.hostedZoneId(zone)
                            .startRecordName(fromName).startRecordType(fromType).startRecordIdentifier(fromId)));
            for (ResourceRecordSet set : page.resourceRecordSets()) {
                if (!bare(set.name()).equals(wanted) || !set.typeAsString().equals(type)) {
                    return Optional.empty(); // past the name: there is no such record
                }
                if (set.setIdentifier() == null && !set.resourceRecords().isEmpty()) {
                    return Optional.of(new DnsRecord(set.name(), set.typeAsString(),
                            set.resourceRecords().get(0).value(), set.ttl() == null ? 0 : set.ttl()));
                }
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return Optional.empty();
            }
            startName = page.nextRecordName();
            startType = page.nextRecordTypeAsString();
            startId = page.nextRecordIdentifier();
        }
    }

    @Override
    public HealthCheckStatus healthCheck(String healthCheckId) {
        List<HealthCheckObservation> observations = ResourceCall.run("route53:GetHealthCheckStatus", "health check",
                healthCheckId, "dr.primaryHealthCheckId",
                () -> client.getHealthCheckStatus(r -> r.healthCheckId(healthCheckId)).healthCheckObservations());
        List<String> reports = observations.stream()
                .map(o -> o.statusReport() == null || o.statusReport().status() == null ? "" : o.statusReport().status())
                .toList();
        int healthy = (int) reports.stream().filter(r -> r.startsWith("Success")).count();
        return new HealthCheckStatus(healthCheckId, healthy, reports.size(), reports);
    }

    private static String zone(String hostedZoneId) {
        return hostedZoneId.replaceFirst("^/?hostedzone/", "");
    }

    /** Route 53 names end with a dot and compare without case. */
    private static String bare(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
    }

    @Override
    public String upsert(String hostedZoneId, DnsRecord record) {
        Dns.requireValid(record);
        String zone = zone(hostedZoneId);
        String id = ResourceCall.run("route53:ChangeResourceRecordSets", "hosted zone", zone, null,
                () -> client.changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b
                        .comment("tdev-ops upsert " + record.name() + " " + record.type())
                        .changes(c -> c.action(ChangeAction.UPSERT).resourceRecordSet(s -> s
                                .name(record.name()).type(record.type()).ttl(record.ttl())
                                .resourceRecords(v -> v.value(record.value())))))).changeInfo().id());
        return id.replaceFirst("^/?change/", "");
    }

    @Override
    public String changeStatus(String changeId) {
        String id = changeId.replaceFirst("^/?change/", "");
        return ResourceCall.run("route53:GetChange", "change", id, null,
                () -> client.getChange(r -> r.id(id)).changeInfo().statusAsString());
    }
}
