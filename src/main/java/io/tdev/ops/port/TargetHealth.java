package io.tdev.ops.port;

import io.tdev.ops.model.TargetHealthDescription;

import java.util.List;

/** ELBv2 target health. */
public interface TargetHealth {
    List<TargetHealthDescription> targetHealth(String targetGroupArn);

    /** The ARNs of the load balancers that route to a target group (DescribeTargetGroups). */
    List<String> loadBalancerArns(String targetGroupArn);
}
