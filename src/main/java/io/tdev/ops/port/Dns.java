package io.tdev.ops.port;

import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.HealthCheckStatus;
import io.tdev.ops.model.InvalidInputException;

import java.util.List;
import java.util.Optional;

/** Route 53. */
public interface Dns {
    /** The record types Route 53 takes (its RRType). */
    List<String> RECORD_TYPES = List.of("A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX", "NAPTR", "NS", "PTR", "SOA",
            "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT");
    /** The record set of this name and type in the zone, empty when there is none. */
    Optional<DnsRecord> record(String hostedZoneId, String name, String type);

    /**
     * UPSERTs a record; returns the change id without Route 53's {@code /change/} prefix. A record Route 53 would
     * refuse is an InvalidInputException ({@link #requireValid}) before anything is sent.
     */
    String upsert(String hostedZoneId, DnsRecord record);

    /** PENDING or INSYNC; takes the change id with or without {@code /change/}. */
    String changeStatus(String changeId);

    /** What the health check's checkers report now. */
    HealthCheckStatus healthCheck(String healthCheckId);

    /**
     * What Route 53 takes in an UPSERT of one value, checked by every adapter before anything is sent: a name, a type
     * of {@link #RECORD_TYPES}, a value and a TTL of 0..2147483647 seconds (fields {@code record.name}, ...).
     */
    static void requireValid(DnsRecord record) {
        if (record.name() == null || record.name().isBlank()) {
            throw new InvalidInputException("record.name", "must not be empty: a domain name such as api.example.com");
        }
        if (!RECORD_TYPES.contains(record.type())) {
            throw InvalidInputException.notAllowed("record.type", record.type(), RECORD_TYPES);
        }
        if (record.value() == null || record.value().isBlank()) {
            throw new InvalidInputException("record.value", "must not be empty");
        }
        if (record.ttl() < 0 || record.ttl() > 2_147_483_647L) {
            throw new InvalidInputException("record.ttl", "got " + record.ttl() + "; allowed 0..2147483647 seconds");
        }
    }
}
