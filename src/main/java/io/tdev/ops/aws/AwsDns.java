package io.tdev.ops.aws;

import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.port.Dns;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

import java.util.Arrays;
import java.util.List;

/**
 * {@link Dns} on Route 53: ChangeResourceRecordSets with one UPSERT, and GetChange for its propagation
 * (PENDING, then INSYNC). Change ids are returned without the {@code /change/} prefix.
 * <p>
 * {@code new AwsDns(client)}.
 */
public final class AwsDns implements Dns {
    private static final List<String> TYPES = Arrays.stream(RRType.values()).filter(t -> t != RRType.UNKNOWN_TO_SDK_VERSION)
            .map(RRType::toString).toList();

    private final Route53Client client;

    public AwsDns(Route53Client client) {
        this.client = client;
    }

    @Override
    public String upsert(String hostedZoneId, DnsRecord record) {
        if (!TYPES.contains(record.type())) {
            throw InvalidInputException.notAllowed("record.type", record.type(), TYPES);
        }
        if (record.ttl() < 0 || record.ttl() > 2_147_483_647L) {
            throw new InvalidInputException("record.ttl", "got " + record.ttl() + "; allowed 0..2147483647 seconds");
        }
        if (record.name() == null || record.name().isBlank() || record.value() == null || record.value().isBlank()) {
            throw new InvalidInputException("record", "name and value are required");
        }
        String zone = hostedZoneId.replaceFirst("^/?hostedzone/", "");
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
