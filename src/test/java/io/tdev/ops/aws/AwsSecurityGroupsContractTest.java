package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.IngressRule;
import io.tdev.ops.model.SecurityGroup;
import io.tdev.ops.port.SecurityGroups;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.SecurityGroupsContract;
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

/**
 * The {@link SecurityGroupsContract} on {@link AwsSecurityGroups} (EC2's query protocol), and what only the wire
 * shows: the name filter sent, the page size, and an all-protocols rule.
 */
class AwsSecurityGroupsContractTest extends SecurityGroupsContract {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsSecurityGroups groups;

    @BeforeEach
    void setUp() {
        groups = new AwsSecurityGroups(aws.client(Ec2Client.builder()));
    }

    private static MappingBuilder describe() {
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

    /** EC2's own error document (not the query protocol's ErrorResponse). */
    private static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors>
                <RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>""".formatted(code, message));
    }

    private static String group(String id, String name, String ipPermissions) {
        return """
                <item>
                  <ownerId>123456789012</ownerId><groupId>%s</groupId>
                  <groupName>%s</groupName><groupDescription>%s</groupDescription>
                  <vpcId>vpc-0a1b2c3d4e5f60718</vpcId>
                  <ipPermissions>%s</ipPermissions>
                  <ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress>
                </item>""".formatted(id, name, name, ipPermissions);
    }

    private static String tcpFrom(int port, String cidr) {
        return "<item><ipProtocol>tcp</ipProtocol><fromPort>" + port + "</fromPort><toPort>" + port + "</toPort><groups/>"
                + "<ipRanges><item><cidrIp>" + cidr + "</cidrIp></item></ipRanges><ipv6Ranges/><prefixListIds/></item>";
    }

    private static final String ALB_ID = "sg-0a1b2c3d4e5f60001";
    private static final String ALB_GROUP = group(ALB_ID, ALB, """
            <item><ipProtocol>tcp</ipProtocol><fromPort>443</fromPort><toPort>443</toPort><groups/>
              <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp><description>HTTPS</description></item></ipRanges>
              <ipv6Ranges><item><cidrIpv6>::/0</cidrIpv6></item></ipv6Ranges><prefixListIds/></item>""");
    private static final String FROM_ALB = """
            <item><ipProtocol>tcp</ipProtocol><fromPort>8080</fromPort><toPort>8080</toPort>
              <groups><item><userId>123456789012</userId><groupId>%s</groupId></item></groups>
              <ipRanges/><ipv6Ranges/><prefixListIds/></item>""".formatted(ALB_ID);
    private static final String TASKS_GROUP = group("sg-0a1b2c3d4e5f60002", TASKS, FROM_ALB);
    private static final String REDIS_GROUP = group("sg-0a1b2c3d4e5f60003", REDIS, tcpFrom(6379, "10.0.0.0/16"));
    private static final String BASTION_GROUP = group("sg-0a1b2c3d4e5f60005", BASTION, tcpFrom(22, "0.0.0.0/0"));

    @Test
    void sendsTheNameFilterAndThePageSizeOnEveryPage() {
        List<SecurityGroup> found = groups.nameContaining("t-developer");

        assertThat(found).hasSize(3);
        wm.verify(exactly(2), postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Filter.1.Name=group-name"))
                .withRequestBody(containing("Filter.1.Value.1=*t-developer*"))
                .withRequestBody(containing("MaxResults=1000")));
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("NextToken=token-page-2")));
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(notContaining("NextToken")));
        AwsActionsAssert.sentOnlyDeclared(aws, "SecurityGroups.nameContaining");
    }

    /** Protocol "-1" (every protocol) carries no ports: the rule has none. */
    @Test
    void anAllProtocolsRuleHasNoPorts() {
        wm.stubFor(describe().atPriority(1).willReturn(ec2Ok(group("sg-0a1b2c3d4e5f60009", "open-all",
                "<item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>"
                        + "<ipv6Ranges/><prefixListIds/></item>"), null)));

        assertThat(groups.nameContaining("open").get(0).ingress())
                .containsExactly(new IngressRule("-1", null, null, List.of("0.0.0.0/0"), List.of()));
    }

    @Test
    void wildcardsInTheNameAreEscapedForEc2() {
        assertThat(AwsSecurityGroups.escapeWildcards("a*b?c\\")).isEqualTo("a\\*b\\?c\\\\");
    }

    @Test
    void throttledTwiceThenOk() {
        aws.faultsThenOk(() -> describe().atPriority(1), 2,
                ec2Error(503, "RequestLimitExceeded", "Request limit exceeded."), ec2Ok(ALB_GROUP, null));

        assertThat(groups.nameContaining("t-developer")).hasSize(1);
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    // ---- the contract's world, as EC2 answers it

    private static final int WORLD = 6;

    @Override
    protected SecurityGroups securityGroups() {
        return groups;
    }

    @Override
    protected void givenTheVpcsGroups() {
        // EC2 filters by name; an unmatched filter is an empty page
        wm.stubFor(describe().atPriority(WORLD + 1).willReturn(ec2Ok("", null)));
        wm.stubFor(describe().atPriority(WORLD).withRequestBody(containing("Filter.1.Value.1=*t-developer*"))
                .withRequestBody(notContaining("NextToken")).willReturn(ec2Ok(ALB_GROUP + TASKS_GROUP, "token-page-2")));
        wm.stubFor(describe().atPriority(WORLD).withRequestBody(containing("Filter.1.Value.1=*t-developer*"))
                .withRequestBody(containing("NextToken=token-page-2")).willReturn(ec2Ok(REDIS_GROUP, null)));
        wm.stubFor(describe().atPriority(WORLD).withRequestBody(containing("Filter.1.Value.1=*bastion*"))
                .willReturn(ec2Ok(BASTION_GROUP, null)));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(describe().atPriority(1).willReturn(refusal == ContractWorld.Refusal.DENIED
                ? ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation. "
                + deniedMessage(iamAction, "*"))
                : ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.")));
    }

    @Override
    protected int callsSent() {
        return wm.getAllServeEvents().size();
    }
}
