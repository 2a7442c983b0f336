package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.route53.Route53Client;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;

import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsDnsTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String ZONE = "Z1D633PJN98FT9";
    private static final String RRSET = "/2013-04-01/hostedzone/" + ZONE + "/rrset/";
    private static final DnsRecord RECORD = new DnsRecord("api.t-developer.example.com", "CNAME",
            "t-developer-alb-dr-1234567890.us-west-2.elb.amazonaws.com", 60);

    private static String changeInfo(String root, String status) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + root + " xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                + "<ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>" + status + "</Status>"
                + "<SubmittedAt>2026-11-26T10:00:00.000Z</SubmittedAt></ChangeInfo></" + root + ">";
    }

    // Route 53 wraps errors like the query protocol: <ErrorResponse><Error><Type/><Code/><Message/></Error>...

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsDns dns;

    @BeforeEach
    void setUp() {
        dns = new AwsDns(aws.client(Route53Client.builder()));
    }

    @Test
    void upsertSendsOneUpsertChangeAndReturnsTheBareChangeId() {
        wm.stubFor(post(urlEqualTo(RRSET)).willReturn(xmlOk(changeInfo("ChangeResourceRecordSetsResponse", "PENDING"))));

        assertThat(dns.upsert("/hostedzone/" + ZONE, RECORD)).isEqualTo("C2682N5HXP0BZ4");

        wm.verify(postRequestedFor(urlEqualTo(RRSET))
                .withRequestBody(containing("<Action>UPSERT</Action>"))
                .withRequestBody(containing("<Name>api.t-developer.example.com</Name><Type>CNAME</Type><TTL>60</TTL>"))
                .withRequestBody(containing("<ResourceRecords><ResourceRecord><Value>t-developer-alb-dr-1234567890.us-west-2.elb.amazonaws.com</Value>")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Dns.upsert");
    }

    @Test
    void changeStatusReadsGetChange() {
        aws.sequence(() -> get(urlEqualTo("/2013-04-01/change/C2682N5HXP0BZ4")),
                xmlOk(changeInfo("GetChangeResponse", "PENDING")), xmlOk(changeInfo("GetChangeResponse", "INSYNC")));

        assertThat(dns.changeStatus("/change/C2682N5HXP0BZ4")).isEqualTo("PENDING");
        assertThat(dns.changeStatus("C2682N5HXP0BZ4")).isEqualTo("INSYNC");
        AwsActionsAssert.sentOnlyDeclared(aws, "Dns.changeStatus");
    }

    @Test
    void anUnknownRecordTypeIsRefusedListingTheAllowedOnes() {
        assertThatThrownBy(() -> dns.upsert(ZONE, new DnsRecord("a.example.com", "ALIAS", "x", 60)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("record.type").hasMessageContaining("CNAME");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void throttledTwiceThenOk() {
        aws.faultsThenOk(() -> post(urlEqualTo(RRSET)), 2, AwsWireFixture.xmlError(400, "Throttling", "Rate exceeded"),
                xmlOk(changeInfo("ChangeResourceRecordSetsResponse", "PENDING")));

        assertThat(dns.upsert(ZONE, RECORD)).isEqualTo("C2682N5HXP0BZ4");
        wm.verify(exactly(3), postRequestedFor(urlEqualTo(RRSET)));
    }

    @Test
    void serverErrorThenOk() {
        aws.faultsThenOk(() -> post(urlEqualTo(RRSET)), 1, AwsWireFixture.xmlError(500, "InternalFailure", "internal"),
                xmlOk(changeInfo("ChangeResourceRecordSetsResponse", "PENDING")));

        assertThat(dns.upsert(ZONE, RECORD)).isEqualTo("C2682N5HXP0BZ4");
    }

    @Test
    void readTimeoutThenOk() {
        aws.faultsThenOk(() -> get(urlEqualTo("/2013-04-01/change/C1")), 1,
                AwsWireFixture.delayed(xmlOk(changeInfo("GetChangeResponse", "PENDING"))), xmlOk(changeInfo("GetChangeResponse", "INSYNC")));

        assertThat(dns.changeStatus("C1")).isEqualTo("INSYNC");
    }

    @Test
    void accessDeniedNamesTheActionAndTheZone() {
        String arn = "arn:aws:route53:::hostedzone/" + ZONE;
        wm.stubFor(post(urlEqualTo(RRSET)).willReturn(AwsWireFixture.xmlError(403, "AccessDenied", deniedMessage("route53:ChangeResourceRecordSets", arn))));

        assertThatThrownBy(() -> dns.upsert(ZONE, RECORD)).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("access denied").hasMessageContaining("route53:ChangeResourceRecordSets").hasMessageContaining(arn);
    }
}
