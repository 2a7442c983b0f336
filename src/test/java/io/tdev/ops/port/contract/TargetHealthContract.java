package io.tdev.ops.port.contract;

import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.TargetGroup;
import io.tdev.ops.model.TargetState;
import io.tdev.ops.port.TargetHealth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.tdev.ops.port.contract.ContractWorld.ACCOUNT;
import static io.tdev.ops.port.contract.ContractWorld.REGION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link TargetHealth} adapter does. The world: the service's target group {@link #TARGET_GROUP} behind
 * the ALB {@link #LOAD_BALANCER}, with one healthy IP target on port 8000 per task ({@link #TASKS}).
 */
public abstract class TargetHealthContract {
    protected static final String TARGET_GROUP = "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT
            + ":targetgroup/t-developer-tg-production/4f1b2c3d5e6a7b8c";
    protected static final String LOAD_BALANCER = "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT
            + ":loadbalancer/app/t-developer-alb-production/50dc6c495c0c9188";
    protected static final String UNKNOWN_TARGET_GROUP = "arn:aws:elasticloadbalancing:" + REGION + ":" + ACCOUNT
            + ":targetgroup/t-developer-tg-gone/0123456789abcdef";
    protected static final int TASKS = 3;

    protected abstract TargetHealth targetHealth();

    /** The service runs {@link #TASKS} healthy tasks, each registered in {@link #TARGET_GROUP}. */
    protected abstract void givenHealthyTargets();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    @BeforeEach
    void arrange() {
        givenHealthyTargets();
    }

    @Test
    void everyTargetIsReportedWithItsStateAndPort() {
        assertThat(targetHealth().targetHealth(TARGET_GROUP)).hasSize(TASKS).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TargetState.HEALTHY);
            assertThat(t.port()).isEqualTo(8000);
            assertThat(t.targetId()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
            assertThat(t.reason()).isNull();
        }).extracting(t -> t.targetId()).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownTargetGroupIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> targetHealth().targetHealth(UNKNOWN_TARGET_GROUP))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(UNKNOWN_TARGET_GROUP);
    }

    @Test
    void theLoadBalancersOfATargetGroup() {
        assertThat(targetHealth().loadBalancerArns(TARGET_GROUP)).containsExactly(LOAD_BALANCER);
    }

    @Test
    void theLoadBalancersOfAnUnknownTargetGroupIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> targetHealth().loadBalancerArns(UNKNOWN_TARGET_GROUP))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(UNKNOWN_TARGET_GROUP);
    }

    @Test
    void theSweepFindsTheServicesGroupWithItsLoadBalancerOnWhicheverPage() {
        assertThat(targetHealth().targetGroups()).contains(new TargetGroup(TARGET_GROUP, java.util.List.of(LOAD_BALANCER)))
                .extracting(TargetGroup::arn).doesNotHaveDuplicates();
    }

    @Test
    void aDeniedReadNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "elasticloadbalancing:DescribeTargetHealth");

        ContractWorld.assertDenied(() -> targetHealth().targetHealth(TARGET_GROUP), "elasticloadbalancing:DescribeTargetHealth");
    }

    @Test
    void aDeniedSweepNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "elasticloadbalancing:DescribeTargetGroups");

        ContractWorld.assertDenied(() -> targetHealth().targetGroups(), "elasticloadbalancing:DescribeTargetGroups");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "elasticloadbalancing:DescribeTargetHealth");

        ContractWorld.assertThrottled(() -> targetHealth().targetHealth(TARGET_GROUP), "elasticloadbalancing:DescribeTargetHealth");
    }
}
