package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.IngressRule;
import io.tdev.ops.model.RemoteFailureException;
import io.tdev.ops.model.SecurityGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** EC2 DescribeSecurityGroups over the wire: the name filter, every page, throttling, access denied. */
class AwsSecurityGroupsTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsSecurityGroups groups;

    @BeforeEach
    void setUp() {
        groups = new AwsSecurityGroups(aws.client(Ec2Client.builder()));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder describe() {
        return post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeSecurityGroups&"));
    }

    private static ResponseDefinitionBuilder ec2Ok(String groupsXml, String nextToken) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody("""
                <?xml version="1.0" encoding="UTF-8"?>
                <DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
                  <securityGroupInfo>%s</securityGroupInfo>
                  %s
                </DescribeSecurityGroupsResponse>""".formatted(groupsXml,
                nextToken == null ? "" : "<nextToken>" + nextToken + "</nextToken>"));
    }

    private static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors>
                <RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>""".formatted(code, message));
    }

    private static final String ALB = """
            <item>
              <ownerId>123456789012</ownerId><groupId>sg-0a1b2c3d4e5f60001</groupId>
              <groupName>t-developer-alb-production</groupName><groupDescription>ALB</groupDescription>
              <vpcId>vpc-0a1b2c3d4e5f60718</vpcId>
              <ipPermissions>
                <item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/>
                  <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>HTTPS</description></item></ipRanges>
                  <ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges><prefixListIds/></item>
              </ipPermissions>
              <ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress>
            </item>""";
    private static final String TASKS = """
            <item>
              <ownerId>123456789012</ownerId><groupId>sg-0a1b2c3d4e5f60002</groupId>
              <groupName>t-developer-ecs-tasks-production</groupName><groupDescription>tasks</groupDescription>
              <vpcId>vpc-0a1b2c3d4e5f60718</vpcId>
              <ipPermissions>
                <item><ipProtocol>tcp</ipProtocol><fromPort>8080</fromPort><toPort>8080</toPort>
                  <groups><item><userId>123456789012</userId><groupId>sg-0a1b2c3d4e5f60001</groupId></item></groups>
                  <ipRanges/><ipv6Ranges/><prefixListIds/></item>
                <item><ipProtocol>-1</ipProtocol><groups/>
                  <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>
              </ipPermissions>
              <ipPermissionsEgress/>
            </item>""";

    @Test
    void readsEveryPageWithTheNameFilterAndMapsTheRules() {
        aws.sequence(AwsSecurityGroupsTest::describe, ec2Ok(ALB, "token-page-2"), ec2Ok(TASKS, null));

        List<SecurityGroup> found = groups.nameContaining("t-developer");

        assertThat(found).extracting(SecurityGroup::name).containsExactly("t-developer-alb-production",
                "t-developer-ecs-tasks-production");
        assertThat(found.get(0).ingress()).containsExactly(new IngressRule("tcp", 443, 443, List.of("0.0.0.0/0", "::/0"),
                List.of()));
        assertThat(found.get(1).ingress().get(0).sourceGroups()).containsExactly("sg-0a1b2c3d4e5f60001");
        assertThat(found.get(1).ingress().get(1)).isEqualTo(new IngressRule("-1", null, null, List.of("0.0.0.0/0"), List.of()));
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Filter.1.Name=group-name"))
                .withRequestBody(containing("Filter.1.Value.1=*t-developer*"))
                .withRequestBody(containing("MaxResults=1000")));
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("NextToken=token-page-2")));
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(notContaining("NextToken")));
        AwsActionsAssert.sentOnlyDeclared(aws, "SecurityGroups.nameContaining");
    }

    @Test
    void wildcardsInTheNameAreMatchedLiterally() {
        assertThat(AwsSecurityGroups.escapeWildcards("a*b?c\\")).isEqualTo("a\\*b\\?c\\\\");
    }

    @Test
    void throttledTwiceThenOk() {
        aws.faultsThenOk(AwsSecurityGroupsTest::describe, 2, ec2Error(503, "RequestLimitExceeded", "Request limit exceeded."),
                ec2Ok(ALB, null));

        assertThat(groups.nameContaining("t-developer")).hasSize(1);
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void accessDeniedNamesTheAction() {
        wm.stubFor(describe().willReturn(ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation. User: arn:aws:iam::123456789012:user/ci-deployer is not"
                        + " authorized to perform: ec2:DescribeSecurityGroups because no identity-based policy allows the"
                        + " ec2:DescribeSecurityGroups action")));

        Throwable thrown = catchThrowable(() -> groups.nameContaining("t-developer"));

        assertThat(thrown).isInstanceOfSatisfying(RemoteFailureException.class, e -> {
            assertThat(e.getMessage()).contains("access denied", "ec2:DescribeSecurityGroups");
            assertThat(e.retryable()).isFalse();
        });
        assertThat(deniedMessage("ec2:DescribeSecurityGroups", "*")).contains("ec2:DescribeSecurityGroups");
    }
}
