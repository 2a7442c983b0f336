package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.HealthCheckStatus;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.route53.Route53Client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Route 53 reads of failover and dr-check, on the wire. */
class AwsDnsFailoverTest {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String ZONE = "Z1D633PJN98FT9";
    private static final String RRSET = "/2013-04-01/hostedzone/" + ZONE + "/rrset";
    private static final String NAME = "api.t-developer.example.com";
    private static final String HEALTH_CHECK = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final String NS = " xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsDns dns;

    @BeforeEach
    void setUp() {
        dns = new AwsDns(aws.client(Route53Client.builder()));
    }

    private static String set(String name, String type, String identifier, String value) {
        return "<ResourceRecordSet><Name>" + name + "</Name><Type>" + type + "</Type>"
                + (identifier != null ? "<SetIdentifier>" + identifier + "</SetIdentifier><Weight>50</Weight>" : "")
                + "<TTL>60</TTL><ResourceRecords><ResourceRecord><Value>" + value + "</Value></ResourceRecord>"
                + "</ResourceRecords></ResourceRecordSet>";
    }

    private static String page(String next, String... sets) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListResourceRecordSetsResponse" + NS + "><ResourceRecordSets>"
                + String.join("", sets) + "</ResourceRecordSets><IsTruncated>" + (next != null) + "</IsTruncated>"
                + (next != null ? "<NextRecordName>" + NAME + ".</NextRecordName><NextRecordType>CNAME</NextRecordType>"
                        + "<NextRecordIdentifier>" + next + "</NextRecordIdentifier>" : "")
                + "<MaxItems>100</MaxItems></ListResourceRecordSetsResponse>";
    }

    @Test
    void recordListsFromTheNameAndTypeAndFollowsThePagesToThePlainRecord() {
        wm.stubFor(get(urlPathEqualTo(RRSET)).withQueryParam("name", equalTo(NAME)).withQueryParam("type", equalTo("CNAME"))
                .withQueryParam("identifier", absent())
                .willReturn(xmlOk(page("blue", set(NAME + ".", "CNAME", "alpha", "alpha.example.com")))));
        wm.stubFor(get(urlPathEqualTo(RRSET)).withQueryParam("identifier", equalTo("blue"))
                .willReturn(xmlOk(page(null, set(NAME + ".", "CNAME", null, "t-developer-alb.eu-west-1.elb.amazonaws.com"),
                        set("www.t-developer.example.com.", "CNAME", null, "x.example.com")))));

        assertThat(dns.record("/hostedzone/" + ZONE, NAME, "CNAME"))
                .contains(new DnsRecord(NAME + ".", "CNAME", "t-developer-alb.eu-west-1.elb.amazonaws.com", 60));
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo(RRSET)));
        AwsActionsAssert.sentOnlyDeclared(aws, "Dns.record");
    }

    @Test
    void aRecordThatIsNotThereIsEmptyWhenTheListingMovesPastItsName() {
        wm.stubFor(get(urlPathEqualTo(RRSET)).willReturn(xmlOk(page(null,
                set("www.t-developer.example.com.", "CNAME", null, "x.example.com")))));

        assertThat(dns.record(ZONE, NAME, "CNAME")).isEmpty();
    }

    @Test
    void healthCheckCountsTheCheckersThatReportSuccess() {
        String observation = "<HealthCheckObservation><Region>%s</Region><IPAddress>15.177.10.%d</IPAddress><StatusReport>"
                + "<Status>%s</Status><CheckedTime>2026-11-26T09:00:00.000Z</CheckedTime></StatusReport></HealthCheckObservation>";
        StringBuilder observations = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            observations.append(observation.formatted("us-east-1", i, i < 1 ? "Success: HTTP Status Code 200, OK"
                    : "Failure: Connection timed out. The endpoint or the internet connection is down."));
        }
        wm.stubFor(get(urlEqualTo("/2013-04-01/healthcheck/" + HEALTH_CHECK + "/status")).willReturn(xmlOk(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><GetHealthCheckStatusResponse" + NS + "><HealthCheckObservations>"
                        + observations + "</HealthCheckObservations></GetHealthCheckStatusResponse>")));

        HealthCheckStatus h = dns.healthCheck(HEALTH_CHECK);

        assertThat(h.observers()).isEqualTo(8);
        assertThat(h.healthyObservers()).isEqualTo(1);
        assertThat(h.healthy()).as("1 of 8 is not more than 18 %").isFalse();
        AwsActionsAssert.sentOnlyDeclared(aws, "Dns.healthCheck");
    }

    @Test
    void throttledListingIsRetriedThenAnswers() {
        aws.faultsThenOk(() -> get(urlPathEqualTo(RRSET)), 2, AwsWireFixture.xmlError(400, "Throttling", "Rate exceeded"),
                xmlOk(page(null, set(NAME + ".", "CNAME", null, "primary.example.com"))));

        assertThat(dns.record(ZONE, NAME, "CNAME")).hasValueSatisfying(r -> assertThat(r.value()).isEqualTo("primary.example.com"));
        wm.verify(exactly(3), getRequestedFor(urlPathEqualTo(RRSET)));
    }

    @Test
    void accessDeniedNamesTheActionAndTheZone() {
        String arn = "arn:aws:route53:::hostedzone/" + ZONE;
        wm.stubFor(get(urlPathEqualTo(RRSET)).willReturn(AwsWireFixture.xmlError(403, "AccessDenied",
                deniedMessage("route53:ListResourceRecordSets", arn))));

        assertThatThrownBy(() -> dns.record(ZONE, NAME, "CNAME")).isInstanceOf(RemoteFailureException.class)
                .hasMessageContaining("access denied").hasMessageContaining("route53:ListResourceRecordSets")
                .hasMessageContaining(arn);
    }
}
