package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.model.DnsRecord;
import io.tdev.ops.model.HealthCheckStatus;
import io.tdev.ops.port.Dns;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.DnsContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.route53.Route53Client;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tdev.ops.aws.AwsWireFixture.xmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link DnsContract} on {@link AwsDns} (Route 53's REST-XML), and what only the wire shows: the UPSERT batch,
 * listing from the name and type over pages past weighted sets, counting checkers, retries.
 */
class AwsDnsContractTest extends DnsContract {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String API = "/2013-04-01";
    private static final String LIST = API + "/hostedzone/" + ZONE + "/rrset";
    private static final String CHANGE = API + "/hostedzone/" + ZONE + "/rrset/";
    private static final String CHANGE_ID = "C2682N5HXP0BZ4";
    private static final String NS = " xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsDns dns;

    @BeforeEach
    void setUp() {
        dns = new AwsDns(aws.client(Route53Client.builder()));
    }

    private static String changeInfo(String root, String status) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + root + NS + "><ChangeInfo><Id>/change/" + CHANGE_ID
                + "</Id><Status>" + status + "</Status><SubmittedAt>2026-11-26T10:00:00.000Z</SubmittedAt></ChangeInfo></"
                + root + ">";
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

    private static String observations(int healthy, int failing) {
        String observation = "<HealthCheckObservation><Region>%s</Region><IPAddress>15.177.10.%d</IPAddress><StatusReport>"
                + "<Status>%s</Status><CheckedTime>2026-11-26T09:00:00.000Z</CheckedTime></StatusReport></HealthCheckObservation>";
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < healthy + failing; i++) {
            all.append(observation.formatted("us-east-1", i, i < healthy ? "Success: HTTP Status Code 200, OK"
                    : "Failure: Connection timed out. The endpoint or the internet connection is down."));
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><GetHealthCheckStatusResponse" + NS + "><HealthCheckObservations>"
                + all + "</HealthCheckObservations></GetHealthCheckStatusResponse>";
    }

    @Test
    void upsertSendsOneUpsertChange() {
        dns.upsert("/hostedzone/" + ZONE, new DnsRecord(NAME, "CNAME", SECONDARY, 60));

        wm.verify(postRequestedFor(urlEqualTo(CHANGE))
                .withRequestBody(containing("<Action>UPSERT</Action>"))
                .withRequestBody(containing("<Name>" + NAME + "</Name><Type>CNAME</Type><TTL>60</TTL>"))
                .withRequestBody(containing("<ResourceRecords><ResourceRecord><Value>" + SECONDARY + "</Value>")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Dns.upsert");
    }

    @Test
    void changeStatusFollowsGetChangeToInsync() {
        aws.sequence(() -> get(urlEqualTo(API + "/change/" + CHANGE_ID)).atPriority(1),
                xmlOk(changeInfo("GetChangeResponse", "PENDING")), xmlOk(changeInfo("GetChangeResponse", "INSYNC")));

        assertThat(dns.changeStatus("/change/" + CHANGE_ID)).isEqualTo("PENDING");
        assertThat(dns.changeStatus(CHANGE_ID)).isEqualTo("INSYNC");
        AwsActionsAssert.sentOnlyDeclared(aws, "Dns.changeStatus");
    }

    @Test
    void recordListsFromTheNameAndTypeAndFollowsThePagesPastWeightedSetsToThePlainRecord() {
        wm.stubFor(get(urlPathEqualTo(LIST)).atPriority(1).withQueryParam("name", equalTo(NAME))
                .withQueryParam("type", equalTo("CNAME")).withQueryParam("identifier", absent())
                .willReturn(xmlOk(page("blue", set(NAME + ".", "CNAME", "alpha", "alpha.example.com")))));
        wm.stubFor(get(urlPathEqualTo(LIST)).atPriority(1).withQueryParam("identifier", equalTo("blue"))
                .willReturn(xmlOk(page(null, set(NAME + ".", "CNAME", null, PRIMARY),
                        set("www.t-developer.example.com.", "CNAME", null, "x.example.com")))));

        assertThat(dns.record("/hostedzone/" + ZONE, NAME, "CNAME")).contains(new DnsRecord(NAME + ".", "CNAME", PRIMARY, 60));
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo(LIST)));
        AwsActionsAssert.sentOnlyDeclared(aws, "Dns.record");
    }

    @Test
    void healthCheckCountsTheCheckersThatReportSuccess() {
        wm.stubFor(get(urlEqualTo(API + "/healthcheck/" + HEALTH_CHECK + "/status")).atPriority(1)
                .willReturn(xmlOk(observations(1, 7))));

        HealthCheckStatus h = dns.healthCheck(HEALTH_CHECK);

        assertThat(h.observers()).isEqualTo(8);
        assertThat(h.healthyObservers()).isEqualTo(1);
        assertThat(h.healthy()).as("1 of 8 is not more than 18 %").isFalse();
        AwsActionsAssert.sentOnlyDeclared(aws, "Dns.healthCheck");
    }

    @Test
    void throttledTwiceThenOk() {
        aws.faultsThenOk(() -> post(urlEqualTo(CHANGE)).atPriority(1), 2, xmlError(400, "Throttling", "Rate exceeded"),
                xmlOk(changeInfo("ChangeResourceRecordSetsResponse", "PENDING")));

        assertThat(dns.upsert(ZONE, new DnsRecord(NAME, "CNAME", SECONDARY, 60))).isEqualTo(CHANGE_ID);
        wm.verify(exactly(3), postRequestedFor(urlEqualTo(CHANGE)));
    }

    @Test
    void serverErrorThenOk() {
        aws.faultsThenOk(() -> get(urlPathEqualTo(LIST)).atPriority(1), 1, xmlError(500, "InternalFailure", "internal"),
                xmlOk(page(null, set(NAME + ".", "CNAME", null, PRIMARY))));

        assertThat(dns.record(ZONE, NAME, "CNAME")).isPresent();
    }

    @Test
    void readTimeoutThenOk() {
        aws.faultsThenOk(() -> get(urlEqualTo(API + "/change/C1")).atPriority(1), 1,
                AwsWireFixture.delayed(xmlOk(changeInfo("GetChangeResponse", "PENDING"))), xmlOk(changeInfo("GetChangeResponse", "INSYNC")));

        assertThat(dns.changeStatus("C1")).isEqualTo("INSYNC");
    }

    @Test
    void accessDeniedNamesTheZone() {
        given(ContractWorld.Refusal.DENIED, "route53:ListResourceRecordSets");

        ContractWorld.assertDenied(() -> dns.record(ZONE, NAME, "CNAME"), "route53:ListResourceRecordSets");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dns.record(ZONE, NAME, "CNAME"))
                .hasMessageContaining("arn:aws:route53:::hostedzone/" + ZONE);
    }

    // ---- the contract's world, as Route 53 answers it

    private static final int WORLD = 6;

    @Override
    protected Dns dns() {
        return dns;
    }

    @Override
    protected void givenTheZoneAndTheHealthCheck() {
        // listing starts at the name and type asked; past the record, the zone's next set is another name
        wm.stubFor(get(urlPathEqualTo(LIST)).atPriority(WORLD + 1)
                .willReturn(xmlOk(page(null, set("www.t-developer-production.example.com.", "CNAME", null, PRIMARY)))));
        wm.stubFor(get(urlPathEqualTo(LIST)).atPriority(WORLD).withQueryParam("name", equalToIgnoreCase(NAME + "."))
                .withQueryParam("type", equalTo("CNAME")).willReturn(xmlOk(page(null, set(NAME + ".", "CNAME", null, PRIMARY)))));
        wm.stubFor(get(urlPathEqualTo(LIST)).atPriority(WORLD).withQueryParam("name", equalToIgnoreCase(NAME))
                .withQueryParam("type", equalTo("CNAME")).willReturn(xmlOk(page(null, set(NAME + ".", "CNAME", null, PRIMARY)))));
        wm.stubFor(post(urlEqualTo(CHANGE)).atPriority(WORLD).willReturn(xmlOk(changeInfo("ChangeResourceRecordSetsResponse", "PENDING"))));
        wm.stubFor(get(urlEqualTo(API + "/change/" + CHANGE_ID)).atPriority(WORLD).willReturn(xmlOk(changeInfo("GetChangeResponse", "PENDING"))));
        wm.stubFor(get(urlPathMatching(API + "/change/.*")).atPriority(WORLD + 1)
                .willReturn(xmlError(404, "NoSuchChange", "A change with the specified change ID does not exist.")));
        wm.stubFor(get(urlPathMatching(API + "/hostedzone/" + NO_ZONE + "/.*")).atPriority(WORLD)
                .willReturn(xmlError(404, "NoSuchHostedZone", "No hosted zone found with ID: " + NO_ZONE)));
        wm.stubFor(post(urlPathMatching(API + "/hostedzone/" + NO_ZONE + "/.*")).atPriority(WORLD)
                .willReturn(xmlError(404, "NoSuchHostedZone", "No hosted zone found with ID: " + NO_ZONE)));
        wm.stubFor(get(urlEqualTo(API + "/healthcheck/" + HEALTH_CHECK + "/status")).atPriority(WORLD)
                .willReturn(xmlOk(observations(8, 0))));
        wm.stubFor(get(urlPathMatching(API + "/healthcheck/.*")).atPriority(WORLD + 1)
                .willReturn(xmlError(404, "NoSuchHealthCheck", "No health check exists with the specified ID.")));
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        MappingBuilder call = switch (iamAction) {
            case "route53:ListResourceRecordSets" -> get(urlPathEqualTo(LIST));
            case "route53:ChangeResourceRecordSets" -> post(urlEqualTo(CHANGE));
            default -> throw new IllegalArgumentException(iamAction);
        };
        wm.stubFor(call.atPriority(1).willReturn(AwsWireFixture.xmlRefusal(refusal, iamAction,
                "arn:aws:route53:::hostedzone/" + ZONE)));
    }

    private static final Pattern SENT_RECORD = Pattern.compile(
            "<Name>(.*?)</Name><Type>(.*?)</Type><TTL>(\\d+)</TTL><ResourceRecords><ResourceRecord><Value>(.*?)</Value>");

    @Override
    protected DnsRecord upserted() {
        List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlEqualTo(CHANGE)));
        Matcher m = SENT_RECORD.matcher(sent.get(sent.size() - 1).getBodyAsString());
        assertThat(m.find()).as("an UPSERT of one record was sent").isTrue();
        return new DnsRecord(m.group(1), m.group(2), m.group(4), Long.parseLong(m.group(3)));
    }

    @Override
    protected int callsSent() {
        return wm.getAllServeEvents().size();
    }
}
