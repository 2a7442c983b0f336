package io.tdev.ops.model;

import java.util.List;

/** An ELBv2 target group and the load balancers that route to it (ARNs). */
public record TargetGroup(String arn, List<String> loadBalancerArns) {
    public TargetGroup {
        loadBalancerArns = List.copyOf(loadBalancerArns);
    }

    /** The CloudWatch dimension value of an ELBv2 ARN: what follows "targetgroup/" or "loadbalancer/" keeps its kind. */
    public static String dimension(String arn) {
        int tg = arn.indexOf(":targetgroup/");
        if (tg >= 0) {
            return arn.substring(tg + 1);
        }
        int lb = arn.indexOf(":loadbalancer/");
        return lb >= 0 ? arn.substring(lb + ":loadbalancer/".length()) : arn;
    }
}
