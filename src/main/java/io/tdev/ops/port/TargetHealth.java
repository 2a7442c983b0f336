package io.tdev.ops.port;

import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.model.TargetHealthDescription;

import java.util.List;

/** ELBv2 target health. */
public interface TargetHealth {
    List<TargetHealthDescription> targetHealth(String targetGroupArn);

    /** The load balancers a target group serves (their ARNs; CloudWatch's LoadBalancer dimension is the part after "loadbalancer/"). */
    List<String> loadBalancerArns(String targetGroupArn);

    /**
     * Every target group of the account and region with the load balancers routing to it (AWS: DescribeTargetGroups,
     * every page of up to 400): one sweep tells a fleet run the LoadBalancer dimension of each group's ELB metrics.
     */
    List<TargetGroup> targetGroups();
}
