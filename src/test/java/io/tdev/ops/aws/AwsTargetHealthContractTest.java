package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.config.EnvironmentConfig;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.TargetHealthDescription;
import io.tdev.ops.model.TargetState;
import io.tdev.ops.port.TargetHealth;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.TargetHealthContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.faultsThenOk;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ELBv2 speaks the query protocol: form POST Action=DescribeTargetHealth&Version=2015-12-01, XML answers. */
/** The {@link TargetHealthContract} on {@link AwsTargetHealth} (ELBv2's query protocol, XML), and what only the wire shows. */
class AwsTargetHealthContractTest extends TargetHealthContract {
    private static final String TG = EcsFixtures.TG_ARN;

    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private AwsClientFactory factory;
    private AwsTargetHealth targetHealth;

    @BeforeEach
    void connect() {
        factory = AwsWireFixture.factory(wm);
        targetHealth = new AwsTargetHealth(factory.elasticLoadBalancingV2(), TestEnvironments.production());
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private static final String THREE_TARGETS = """
            <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
              <DescribeTargetHealthResult>
                <TargetHealthDescriptions>
                  <member>
                    <HealthCheckPort>8000</HealthCheckPort>
                    <TargetHealth>
                      <State>healthy</State>
                    </TargetHealth>
                    <Target>
                      <Port>8000</Port>
                      <Id>10.0.1.23</Id>
                      <AvailabilityZone>eu-west-1a</AvailabilityZone>
                    </Target>
                  </member>
                  <member>
                    <HealthCheckPort>8000</HealthCheckPort>
                    <TargetHealth>
                      <State>unhealthy</State>
                      <Reason>Target.ResponseCodeMismatch</Reason>
                      <Description>Health checks failed with these codes: [502]</Description>
                    </TargetHealth>
                    <Target>
                      <Port>8000</Port>
                      <Id>10.0.2.41</Id>
                      <AvailabilityZone>eu-west-1b</AvailabilityZone>
                    </Target>
                  </member>
                  <member>
                    <HealthCheckPort>8000</HealthCheckPort>
                    <TargetHealth>
                      <State>unhealthy.draining</State>
                      <Reason>Target.DeregistrationInProgress</Reason>
                      <Description>Target deregistration is in progress</Description>
                    </TargetHealth>
                    <Target>
                      <Port>8000</Port>
                      <Id>10.0.3.7</Id>
                    </Target>
                  </member>
                </TargetHealthDescriptions>
              </DescribeTargetHealthResult>
              <ResponseMetadata>
                <RequestId>c534f810-f389-11e5-9192-3fff33344cfa</RequestId>
              </ResponseMetadata>
            </DescribeTargetHealthResponse>""";

    private static final String NO_TARGETS = """
            <DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
              <DescribeTargetHealthResult><TargetHealthDescriptions/></DescribeTargetHealthResult>
              <ResponseMetadata><RequestId>c534f810-f389-11e5-9192-3fff33344cfb</RequestId></ResponseMetadata>
            </DescribeTargetHealthResponse>""";

    @Test
    void theLoadBalancersOfATargetGroupComeFromDescribeTargetGroups() {
        String lb = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/t-developer-alb-production/50dc6c495c0c9188";
        wm.stubFor(query("DescribeTargetGroups").willReturn(xmlOk("""
                <DescribeTargetGroupsResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
                  <DescribeTargetGroupsResult>
                    <TargetGroups>
                      <member>
                        <TargetGroupArn>%s</TargetGroupArn>
                        <TargetGroupName>t-developer-tg-production</TargetGroupName>
                        <Protocol>HTTP</Protocol>
                        <Port>8000</Port>
                        <TargetType>ip</TargetType>
                        <LoadBalancerArns>
                          <member>%s</member>
                        </LoadBalancerArns>
                      </member>
                    </TargetGroups>
                  </DescribeTargetGroupsResult>
                  <ResponseMetadata><RequestId>70092c0e-f3a9-11e5-ae48-cff02092876b</RequestId></ResponseMetadata>
                </DescribeTargetGroupsResponse>""".formatted(TG, lb))));

        assertThat(targetHealth.loadBalancerArns(TG)).containsExactly(lb);
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTargetGroups"))
                .withRequestBody(containing("TargetGroupArns.member.1=" + TG.replace(":", "%3A").replace("/", "%2F"))));
    }

    @Test
    void sendsDescribeTargetHealthForTheTargetGroup() {
        wm.stubFor(query("DescribeTargetHealth").willReturn(xmlOk(THREE_TARGETS)));

        targetHealth.targetHealth(TG);

        wm.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization", matching(".*/eu-west-1/elasticloadbalancing/aws4_request.*"))
                .withRequestBody(containing("Action=DescribeTargetHealth&Version=2015-12-01"))
                .withRequestBody(containing("TargetGroupArn=" + TG.replace(":", "%3A").replace("/", "%2F"))));
    }

    @Test
    void mapsEveryTargetWithItsStateReasonAndDescription() {
        wm.stubFor(query("DescribeTargetHealth").willReturn(xmlOk(THREE_TARGETS)));

        assertThat(targetHealth.targetHealth(TG)).containsExactly(
                new TargetHealthDescription("10.0.1.23", 8000, TargetState.HEALTHY, null, null),
                new TargetHealthDescription("10.0.2.41", 8000, TargetState.UNHEALTHY, "Target.ResponseCodeMismatch",
                        "Health checks failed with these codes: [502]"),
                new TargetHealthDescription("10.0.3.7", 8000, TargetState.UNHEALTHY_DRAINING, "Target.DeregistrationInProgress",
                        "Target deregistration is in progress"));
    }

    @Test
    void anUnknownStateIsNeverHealthy() {
        assertThat(AwsTargetHealth.state("warming.up")).isEqualTo(TargetState.UNAVAILABLE);
        assertThat(AwsTargetHealth.state("draining")).isEqualTo(TargetState.DRAINING);
    }

    @Test
    void aMissingConfiguredTargetGroupNamesItAndTheConfigField() {
        EnvironmentConfig p = TestEnvironments.production();
        EnvironmentConfig withGroup = p.withTargetGroupArns(List.of(TG));
        AwsTargetHealth configured = new AwsTargetHealth(factory.elasticLoadBalancingV2(), withGroup);
        wm.stubFor(query("DescribeTargetHealth").willReturn(xmlError(400, "TargetGroupNotFound",
                "Target groups '" + TG + "' not found")));

        assertThatThrownBy(() -> configured.targetHealth(TG))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining("target group '" + TG + "' (environment config field targetGroupArns) was not found");
    }

    @Test
    void throttledTwiceThenAnswered() {
        faultsThenOk(wm, () -> query("DescribeTargetHealth"), 2, xmlError(400, "Throttling", "Rate exceeded"), xmlOk(NO_TARGETS));

        assertThat(targetHealth.targetHealth(TG)).isEmpty();
        wm.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void serverErrorThenAnswered() {
        faultsThenOk(wm, () -> query("DescribeTargetHealth"), 1, xmlError(500, "InternalFailure", "Internal failure"),
                xmlOk(THREE_TARGETS));

        assertThat(targetHealth.targetHealth(TG)).hasSize(3);
    }

    @Test
    void readTimeoutsOnEveryAttemptAreARetryableTimeout() {
        wm.stubFor(query("DescribeTargetHealth").willReturn(xmlOk(NO_TARGETS).withFixedDelay(AwsWireFixture.TIMEOUT_DELAY_MS)));

        assertThatThrownBy(() -> targetHealth.targetHealth(TG))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("elasticloadbalancing:DescribeTargetHealth timed out");
    }

    @Test
    void accessDeniedNamesTheActionAndTheTargetGroup() {
        wm.stubFor(query("DescribeTargetHealth").willReturn(xmlError(403, "AccessDenied",
                "User: arn:aws:sts::123456789012:assumed-role/jenkins/build-7 is not authorized to perform: elasticloadbalancing:DescribeTargetHealth")));

        assertThatThrownBy(() -> targetHealth.targetHealth(TG))
                .hasMessageContaining("IAM action elasticloadbalancing:DescribeTargetHealth on target group (attached to the ECS service) '" + TG + "'");
    }

    private static String targetGroupsPage(String nextMarker, String... tgAndLb) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < tgAndLb.length; i += 2) {
            members.append("<member><TargetGroupArn>").append(tgAndLb[i]).append("</TargetGroupArn><Protocol>HTTP</Protocol>")
                    .append("<Port>8000</Port><TargetType>ip</TargetType><LoadBalancerArns>")
                    .append(tgAndLb[i + 1] == null ? "" : "<member>" + tgAndLb[i + 1] + "</member>")
                    .append("</LoadBalancerArns></member>");
        }
        return "<DescribeTargetGroupsResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
                + "<DescribeTargetGroupsResult><TargetGroups>" + members + "</TargetGroups>"
                + (nextMarker == null ? "" : "<NextMarker>" + nextMarker + "</NextMarker>")
                + "</DescribeTargetGroupsResult><ResponseMetadata><RequestId>70092c0e-f3a9-11e5-ae48-cff02092876b"
                + "</RequestId></ResponseMetadata></DescribeTargetGroupsResponse>";
    }

    @Test
    void theTargetGroupSweepAsksForPagesOf400AndFollowsEveryMarker() {
        String lb = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/fleet-alb/50dc6c495c0c9188";
        String tg2 = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg-svc-0002/6d0ecf831eec9f09";
        String tg3 = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg-unused/73e2d6bc24d8a067";
        wm.stubFor(query("DescribeTargetGroups").withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("Marker="))
                .willReturn(xmlOk(targetGroupsPage("bWFya2VyLTI=", TG, lb, tg2, lb))));
        wm.stubFor(query("DescribeTargetGroups").withRequestBody(containing("Marker=bWFya2VyLTI%3D"))
                .willReturn(xmlOk(targetGroupsPage(null, tg3, null))));

        List<io.tdev.ops.model.TargetGroup> groups = targetHealth.targetGroups();

        assertThat(groups).extracting(io.tdev.ops.model.TargetGroup::arn).containsExactly(TG, tg2, tg3);
        assertThat(groups.get(1).loadBalancerArns()).containsExactly(lb);
        assertThat(groups.get(2).loadBalancerArns()).isEmpty();
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTargetGroups"))
                .withRequestBody(containing("PageSize=400")));
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("TargetGroupArns")));
    }

    @Test
    void theTargetGroupSweepIsThrottledTwiceThenAnswered() {
        faultsThenOk(wm, () -> query("DescribeTargetGroups"), 2, xmlError(400, "Throttling", "Rate exceeded"),
                xmlOk(targetGroupsPage(null, TG, null)));

        assertThat(targetHealth.targetGroups()).hasSize(1);
        wm.verify(3, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeTargetGroups")));
    }

    // ---- the contract's world, as ELBv2 answers it

    private static final int WORLD = 6;

    @Override
    protected TargetHealth targetHealth() {
        return targetHealth;
    }

    private static String form(String arn) {
        return arn.replace(":", "%3A").replace("/", "%2F");
    }

    @Override
    protected void givenHealthyTargets() {
        StringBuilder members = new StringBuilder();
        for (int i = 1; i <= TASKS; i++) {
            members.append("""
                    <member>
                      <HealthCheckPort>8000</HealthCheckPort>
                      <TargetHealth><State>healthy</State></TargetHealth>
                      <Target><Port>8000</Port><Id>10.0.%d.%d</Id><AvailabilityZone>eu-west-1%s</AvailabilityZone></Target>
                    </member>""".formatted(i, 20 + i, "abc".charAt(i % 3)));
        }
        wm.stubFor(query("DescribeTargetHealth").atPriority(WORLD)
                .withRequestBody(containing("TargetGroupArn=" + form(TARGET_GROUP)))
                .willReturn(xmlOk(NO_TARGETS.replace("<TargetHealthDescriptions/>",
                        "<TargetHealthDescriptions>" + members + "</TargetHealthDescriptions>"))));
        wm.stubFor(query("DescribeTargetHealth").atPriority(WORLD)
                .withRequestBody(containing("TargetGroupArn=" + form(UNKNOWN_TARGET_GROUP)))
                .willReturn(xmlError(400, "TargetGroupNotFound", "Target groups '" + UNKNOWN_TARGET_GROUP + "' not found")));
        wm.stubFor(query("DescribeTargetGroups").atPriority(WORLD)
                .withRequestBody(containing("TargetGroupArns.member.1=" + form(TARGET_GROUP)))
                .willReturn(xmlOk(targetGroupsPage(null, TARGET_GROUP, LOAD_BALANCER))));
        wm.stubFor(query("DescribeTargetGroups").atPriority(WORLD)
                .withRequestBody(containing("TargetGroupArns.member.1=" + form(UNKNOWN_TARGET_GROUP)))
                .willReturn(xmlError(400, "TargetGroupNotFound", "Target groups '" + UNKNOWN_TARGET_GROUP + "' not found")));
        // the sweep: the service's group is on the second page, behind a group no load balancer uses
        wm.stubFor(query("DescribeTargetGroups").atPriority(WORLD).withRequestBody(notContaining("TargetGroupArns"))
                .withRequestBody(notContaining("Marker="))
                .willReturn(xmlOk(targetGroupsPage("bWFya2VyLTI=",
                        "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg-unused/73e2d6bc24d8a067", null))));
        wm.stubFor(query("DescribeTargetGroups").atPriority(WORLD).withRequestBody(containing("Marker=bWFya2VyLTI%3D"))
                .willReturn(xmlOk(targetGroupsPage(null, TARGET_GROUP, LOAD_BALANCER))));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(query(iamAction.substring(iamAction.indexOf(':') + 1)).atPriority(1)
                .willReturn(AwsWireFixture.xmlRefusal(refusal, iamAction, TARGET_GROUP)));
    }
}
