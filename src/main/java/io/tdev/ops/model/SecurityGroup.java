package io.tdev.ops.model;

import java.util.List;

/** An EC2 security group with its inbound rules, as DescribeSecurityGroups reports it. */
public record SecurityGroup(String id, String name, String vpcId, List<IngressRule> ingress) {
    public SecurityGroup {
        ingress = List.copyOf(ingress);
    }
}
