package io.tdev.ops.model;

import java.util.List;

/**
 * One inbound permission of a security group.
 *
 * @param protocol   {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code -1} (every protocol) or a number
 * @param fromPort   first port (ICMP: the type), null when the rule covers every port
 * @param toPort     last port (ICMP: the code), null when the rule covers every port
 * @param cidrs      IPv4 and IPv6 ranges it admits ({@code 0.0.0.0/0}, {@code ::/0}, {@code 10.0.0.0/16})
 * @param sourceGroups security groups it admits (their ids)
 */
public record IngressRule(String protocol, Integer fromPort, Integer toPort, List<String> cidrs,
                          List<String> sourceGroups) {
    public IngressRule {
        cidrs = List.copyOf(cidrs);
        sourceGroups = List.copyOf(sourceGroups);
    }

    /** A TCP rule for one port from the given ranges. */
    public static IngressRule tcp(int port, String... cidrs) {
        return new IngressRule("tcp", port, port, List.of(cidrs), List.of());
    }
}
