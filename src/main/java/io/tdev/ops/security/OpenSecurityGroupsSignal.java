package io.tdev.ops.security;

import io.tdev.ops.api.security.SecuritySignal;
import io.tdev.ops.api.security.SecurityStatus;
import io.tdev.ops.model.IngressRule;
import io.tdev.ops.model.SecurityGroup;
import io.tdev.ops.port.SecurityGroups;
import io.tdev.ops.support.Retry;

import java.util.ArrayList;
import java.util.List;

/**
 * The runbook's security-group review: inbound rules of the environment's groups that admit the whole internet
 * (0.0.0.0/0 or ::/0) on a port the config does not allow. A rule for every protocol, or a port range that
 * reaches past the allowed ports, counts; ICMP carries no port and does not. No group matching the name at all is
 * UNKNOWN: nothing was checked, which is not the same as nothing found.
 */
final class OpenSecurityGroupsSignal {
    static final List<String> ANYWHERE = List.of("0.0.0.0/0", "::/0");

    private final SecurityGroups groups;
    private final Retry retry;

    OpenSecurityGroupsSignal(SecurityGroups groups, Retry retry) {
        this.groups = groups;
        this.retry = retry;
    }

    SecuritySignal read(String nameContains, List<Integer> allowedPorts) {
        List<SecurityGroup> found = retry.call(() -> groups.nameContaining(nameContains));
        if (found.isEmpty()) {
            return new SecuritySignal("open-security-groups", SecurityStatus.UNKNOWN, 0L, "no security group's name"
                    + " contains '" + nameContains + "': check config field security.groupNameContains and the region");
        }
        List<String> open = new ArrayList<>();
        for (SecurityGroup g : found) {
            for (IngressRule rule : g.ingress()) {
                List<String> world = rule.cidrs().stream().filter(ANYWHERE::contains).toList();
                if (!world.isEmpty() && reachesPastAllowed(rule, allowedPorts)) {
                    open.add(g.id() + " (" + g.name() + "): " + describe(rule) + " from " + String.join(", ", world));
                }
            }
        }
        String checked = found.size() + " group(s) named *" + nameContains + "* checked; open to the internet only on "
                + allowedPorts;
        if (open.isEmpty()) {
            return new SecuritySignal("open-security-groups", SecurityStatus.OK, 0L, checked + ": none other");
        }
        return new SecuritySignal("open-security-groups", SecurityStatus.CRITICAL, (long) open.size(), checked
                + "; open: " + String.join("; ", open) + "; remove the rule (aws ec2 revoke-security-group-ingress)"
                + " or add the port to security.allowedOpenPorts");
    }

    /** True when the rule admits some port that is not allowed. */
    static boolean reachesPastAllowed(IngressRule rule, List<Integer> allowed) {
        String protocol = rule.protocol() == null ? "-1" : rule.protocol().toLowerCase(java.util.Locale.ROOT);
        if (protocol.equals("icmp") || protocol.equals("icmpv6") || protocol.equals("1") || protocol.equals("58")) {
            return false;
        }
        if (protocol.equals("-1") || protocol.equals("all") || rule.fromPort() == null || rule.toPort() == null
                || rule.fromPort() < 0) {
            return true; // every port
        }
        for (int port = rule.fromPort(); port <= rule.toPort(); port++) {
            if (!allowed.contains(port)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IngressRule rule) {
        if ("-1".equals(rule.protocol()) || rule.fromPort() == null) {
            return "every port (" + ("-1".equals(rule.protocol()) ? "all protocols" : rule.protocol()) + ")";
        }
        return rule.protocol() + " " + (rule.fromPort().equals(rule.toPort()) ? rule.fromPort()
                : rule.fromPort() + "-" + rule.toPort());
    }
}
