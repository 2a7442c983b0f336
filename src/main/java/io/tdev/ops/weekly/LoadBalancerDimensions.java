package io.tdev.ops.weekly;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.TdevException;
import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.port.OpsPorts;
import io.tdev.ops.support.Retry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ALB's CloudWatch dimensions for the service: {@code LoadBalancer} (the part of the load balancer's ARN after
 * {@code loadbalancer/}) and {@code TargetGroup} (the part of the target group's ARN after its last colon), from the
 * configured target group or the one attached to the service. {@code problem} says why there are none.
 */
record LoadBalancerDimensions(String loadBalancer, String targetGroup, String problem) {

    static LoadBalancerDimensions find(EnvironmentConfig config, OpsPorts ports, Retry retry) {
        try {
            List<String> groups = config.targetGroupArns() != null && !config.targetGroupArns().isEmpty()
                    ? config.targetGroupArns()
                    : retry.call(() -> ports.ecs().describeService(config.serviceRef())).targetGroupArns();
            if (groups.isEmpty()) {
                return none("the service has no load balancer target group and none is configured (targetGroupArns)");
            }
            String group = groups.get(0);
            Optional<String> alb = retry.call(() -> ports.targetHealth().loadBalancerArns(group)).stream()
                    .filter(arn -> arn.contains(":loadbalancer/app/")).findFirst();
            if (alb.isEmpty()) {
                return none("target group " + group + " is attached to no application load balancer");
            }
            return new LoadBalancerDimensions(TargetGroup.dimension(alb.get()), TargetGroup.dimension(group), null);
        } catch (TdevException e) {
            return none("cannot find the load balancer: " + e.getMessage());
        }
    }

    private static LoadBalancerDimensions none(String problem) {
        return new LoadBalancerDimensions(null, null, problem);
    }

    boolean present() {
        return loadBalancer != null;
    }

    Map<String, String> ofLoadBalancer() {
        return Map.of("LoadBalancer", loadBalancer);
    }

    Map<String, String> ofTargetGroup() {
        return Map.of("LoadBalancer", loadBalancer, "TargetGroup", targetGroup);
    }
}
