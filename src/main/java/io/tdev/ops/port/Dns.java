package io.tdev.ops.port;

import io.tdev.ops.model.DnsRecord;

/** Route 53. */
public interface Dns {
    /** UPSERTs a record; returns the change id. */
    String upsert(String hostedZoneId, DnsRecord record);

    /** PENDING or INSYNC. */
    String changeStatus(String changeId);
}
