package io.tdev.ops.model;

/** A Route 53 record set to UPSERT: name, type (A, CNAME, ...), value and TTL. */
public record DnsRecord(String name, String type, String value, long ttl) {
}
