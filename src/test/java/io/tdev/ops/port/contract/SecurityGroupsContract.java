package io.tdev.ops.port.contract;

import io.tdev.ops.model.IngressRule;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.SecurityGroup;
import io.tdev.ops.port.SecurityGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SecurityGroups} adapter does. The world: the environment's VPC with {@link #ALB} (443 open to
 * the internet, IPv4 and IPv6), {@link #TASKS} (8080 from the ALB's group), {@link #REDIS} (6379 from the VPC), the
 * VPC's {@code default} and {@link #BASTION} (22 open to the internet), answered a few groups a page, so that the
 * environment's three take two pages or more.
 */
public abstract class SecurityGroupsContract {
    protected static final String ENV = ContractWorld.CONFIG.name();
    protected static final String ALB = "t-developer-alb-" + ENV;
    protected static final String TASKS = "t-developer-ecs-tasks-" + ENV;
    protected static final String REDIS = "t-developer-redis-" + ENV;
    protected static final String BASTION = "shared-bastion";

    protected abstract SecurityGroups securityGroups();

    protected abstract void givenTheVpcsGroups();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** How many calls reached the service so far (AWS: requests on the wire; simulation: its call log). */
    protected abstract int callsSent();

    @BeforeEach
    void arrange() {
        givenTheVpcsGroups();
    }

    @Test
    void findsEveryGroupWhoseNameContainsTheTextOverEveryPage() {
        List<SecurityGroup> found = securityGroups().nameContaining("t-developer");

        assertThat(found).extracting(SecurityGroup::name).containsExactly(ALB, TASKS, REDIS);
        assertThat(found).allSatisfy(g -> {
            assertThat(g.id()).startsWith("sg-");
            assertThat(g.vpcId()).startsWith("vpc-").isEqualTo(found.get(0).vpcId());
        });
        assertThat(callsSent()).as("one call per page").isGreaterThanOrEqualTo(2);
    }

    @Test
    void readsTheInboundRulesWithTheirSources() {
        List<SecurityGroup> found = securityGroups().nameContaining("t-developer");

        assertThat(found.get(0).ingress()).containsExactly(
                new IngressRule("tcp", 443, 443, List.of("0.0.0.0/0", "::/0"), List.of()));
        assertThat(found.get(1).ingress()).containsExactly(
                new IngressRule("tcp", 8080, 8080, List.of(), List.of(found.get(0).id())));
        assertThat(found.get(2).ingress()).containsExactly(IngressRule.tcp(6379, "10.0.0.0/16"));
    }

    @Test
    void aGroupOutsideTheEnvironmentsNamesIsFoundByItsOwn() {
        assertThat(securityGroups().nameContaining("bastion")).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo(BASTION);
            assertThat(g.ingress()).containsExactly(IngressRule.tcp(22, "0.0.0.0/0"));
        });
    }

    /** EC2's name filter is case-sensitive. */
    @Test
    void theNameMatchIsCaseSensitive() {
        assertThat(securityGroups().nameContaining("T-DEVELOPER")).isEmpty();
    }

    /** EC2's own wildcards in the text match literally: no group has a '*' in its name. */
    @Test
    void aWildcardInTheTextMatchesOnlyItself() {
        assertThat(securityGroups().nameContaining("t-developer*")).isEmpty();
    }

    @Test
    void anEmptyTextIsInvalidInputAndNothingIsAsked() {
        assertThatThrownBy(() -> securityGroups().nameContaining(""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThat(callsSent()).isZero();
    }

    @Test
    void aDeniedReadNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "ec2:DescribeSecurityGroups");

        ContractWorld.assertDenied(() -> securityGroups().nameContaining("t-developer"), "ec2:DescribeSecurityGroups");
    }

    @Test
    void aThrottledReadIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "ec2:DescribeSecurityGroups");

        ContractWorld.assertThrottled(() -> securityGroups().nameContaining("t-developer"), "ec2:DescribeSecurityGroups");
    }
}
