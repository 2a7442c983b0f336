package io.tdev.ops.port;

import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.HealthCheckStatus;

import java.util.Optional;

/** Route 53. */
public interface Dns {
    /** The record set of this name and type in the zone, empty when there is none. */
    Optional<DnsRecord> record(String hostedZoneId, String name, String type);

    /** UPSERTs a record; returns the change id. */
    String upsert(String hostedZoneId, DnsRecord record);

    /** PENDING or INSYNC. */
    String changeStatus(String changeId);

    /** What the health check's checkers report now. */
    HealthCheckStatus healthCheck(String healthCheckId);
}
