package io.tdev.ops.aws;

import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.model.TargetHealthDescription;
import io.tdev.ops.model.TargetState;
import io.tdev.ops.port.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The {@link TargetHealth} port over ELBv2 DescribeTargetHealth and DescribeTargetGroups (query protocol, XML answers). */
public final class AwsTargetHealth implements TargetHealth {
    private final ElasticLoadBalancingV2Client elb;
    private final EnvironmentConfig config;

    public AwsTargetHealth(ElasticLoadBalancingV2Client elb, EnvironmentConfig config) {
        this.elb = Objects.requireNonNull(elb, "elb");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public List<TargetHealthDescription> targetHealth(String targetGroupArn) {
        return AwsCall.run("elasticloadbalancing:DescribeTargetHealth", group(targetGroupArn),
                () -> elb.describeTargetHealth(b -> b.targetGroupArn(targetGroupArn)).targetHealthDescriptions().stream()
                        .map(d -> new TargetHealthDescription(
                                d.target() != null ? d.target().id() : null,
                                d.target() != null && d.target().port() != null ? d.target().port() : 0,
                                state(d.targetHealth() != null ? d.targetHealth().stateAsString() : null),
                                d.targetHealth() != null ? d.targetHealth().reasonAsString() : null,
                                d.targetHealth() != null ? d.targetHealth().description() : null))
                        .toList());
    }

    @Override
    public List<String> loadBalancerArns(String targetGroupArn) {
        return AwsCall.run("elasticloadbalancing:DescribeTargetGroups", group(targetGroupArn),
                () -> elb.describeTargetGroups(b -> b.targetGroupArns(targetGroupArn)).targetGroups().stream()
                        .flatMap(g -> g.loadBalancerArns().stream())
                        .toList());
    }

    private AwsResource group(String targetGroupArn) {
        return config.targetGroupArns() != null && config.targetGroupArns().contains(targetGroupArn)
                ? AwsResource.of("target group", targetGroupArn, "targetGroupArns")
                : AwsResource.given("target group (attached to the ECS service)", targetGroupArn);
    }

    @Override
    public List<TargetGroup> targetGroups() {
        // no filter: every target group of the region, 400 a page (the most ELBv2 allows), every page followed
        return AwsCall.run("elasticloadbalancing:DescribeTargetGroups", () -> elb.describeTargetGroupsPaginator(
                        b -> b.pageSize(PAGE_SIZE)).targetGroups().stream()
                .map(g -> new TargetGroup(g.targetGroupArn(), g.loadBalancerArns()))
                .toList());
    }

    /** DescribeTargetGroups answers at most 400 target groups a page. */
    static final int PAGE_SIZE = 400;

    /** ELBv2 states are lowercase with dots ({@code unhealthy.draining}); an unknown one is UNAVAILABLE, never HEALTHY. */
    static TargetState state(String value) {
        if (value == null) {
            return TargetState.UNAVAILABLE;
        }
        try {
            return TargetState.valueOf(value.toUpperCase(Locale.ROOT).replace('.', '_'));
        } catch (IllegalArgumentException e) {
            return TargetState.UNAVAILABLE;
        }
    }
}
