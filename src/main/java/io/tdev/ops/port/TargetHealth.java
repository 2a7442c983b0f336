package io.tdev.ops.port;

import io.tdev.ops.model.TargetHealthDescription;

import java.util.List;

/** ELBv2 target health. */
public interface TargetHealth {
    List<TargetHealthDescription> targetHealth(String targetGroupArn);

    /** The load balancers a target group serves (their ARNs; CloudWatch's LoadBalancer dimension is the part after "loadbalancer/"). */
    List<String> loadBalancerArns(String targetGroupArn);
}
