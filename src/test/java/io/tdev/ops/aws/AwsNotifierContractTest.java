package io.tdev.ops.aws;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tdev.ops.port.Notifier;
import io.tdev.ops.port.contract.ContractWorld;
import io.tdev.ops.port.contract.NotifierContract;
import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.model.RemoteFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tdev.ops.aws.AwsWireFixture.deniedMessage;
import static io.tdev.ops.aws.AwsWireFixture.query;
import static io.tdev.ops.aws.AwsWireFixture.xmlError;
import static io.tdev.ops.aws.AwsWireFixture.xmlOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@link NotifierContract} on {@link AwsNotifier} (SNS and STS over the query protocol), and what only the wire shows. */
class AwsNotifierContractTest extends NotifierContract {
    @RegisterExtension
    static WireMockExtension wm = AwsWireFixture.extension();

    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:t-developer-alerts-production";
    private static final String PUBLISHED = "<PublishResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
            + "<MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult><ResponseMetadata>"
            + "<RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata></PublishResponse>";
    private static final String CALLER = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/ci-deployer</Arn><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>"
            + "<Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata>"
            + "<RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata></GetCallerIdentityResponse>";

    private final AwsWireFixture aws = new AwsWireFixture(wm);
    private AwsNotifier notifier;

    @BeforeEach
    void setUp() {
        notifier = new AwsNotifier(aws.client(SnsClient.builder()), aws.client(StsClient.builder()));
    }

    @Test
    void aTopicNameBecomesAnArnFromTheCallersAccountOnceAndIsPublishedTo() {
        wm.stubFor(query("GetCallerIdentity").willReturn(xmlOk(CALLER)));
        wm.stubFor(query("Publish").willReturn(xmlOk(PUBLISHED)));

        String first = notifier.publish("t-developer-alerts-production", "Rollback: t-developer-service-production",
                "Rolled back from :42 to :41 by alice: bake health check UNHEALTHY");
        notifier.publish("t-developer-alerts-production", "second", "again");

        assertThat(first).isEqualTo("567910cd-659e-55d4-8ccb-5aaf14679dc0");
        wm.verify(exactly(1), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity")));
        wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
                .withFormParam("TopicArn", equalTo(TOPIC_ARN))
                .withFormParam("Subject", equalTo("Rollback: t-developer-service-production"))
                .withFormParam("Message", equalTo("Rolled back from :42 to :41 by alice: bake health check UNHEALTHY")));
        AwsActionsAssert.sentOnlyDeclared(aws, "Notifier.publish");
    }

    @Test
    void anInvalidTopicNameIsRefusedAndNothingIsSent() {
        assertThatThrownBy(() -> notifier.publish("alerts production!", "s", "m"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("topic"));
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void publishThrottledTwiceThenOk() {
        aws.faultsThenOk(() -> query("Publish"), 2, xmlError(400, "Throttling", "Rate exceeded"), xmlOk(PUBLISHED));

        assertThat(notifier.publish(TOPIC_ARN, "s", "m")).isEqualTo("567910cd-659e-55d4-8ccb-5aaf14679dc0");
        wm.verify(exactly(3), postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void publishServerErrorThenOk() {
        aws.faultsThenOk(() -> query("Publish"), 1, xmlError(500, "InternalError", "Internal Error"), xmlOk(PUBLISHED));

        assertThat(notifier.publish(TOPIC_ARN, "s", "m")).isNotBlank();
    }

    @Test
    void publishReadTimeoutThenOk() {
        aws.faultsThenOk(() -> query("Publish"), 1, AwsWireFixture.delayed(xmlOk(PUBLISHED)), xmlOk(PUBLISHED));

        assertThat(notifier.publish(TOPIC_ARN, "s", "m")).isNotBlank();
    }

    @Test
    void accessDeniedNamesTheActionAndTheTopic() {
        wm.stubFor(query("Publish").willReturn(xmlError(403, "AuthorizationError", deniedMessage("SNS:Publish", TOPIC_ARN))));

        assertThatThrownBy(() -> notifier.publish(TOPIC_ARN, "s", "m"))
                .isInstanceOfSatisfying(RemoteFailureException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("sns:Publish", TOPIC_ARN);
                });
    }

    @Test
    void missingTopicNamesItAndTheConfigField() {
        wm.stubFor(query("Publish").willReturn(xmlError(404, "NotFound", "Topic does not exist")));

        assertThatThrownBy(() -> notifier.publish(TOPIC_ARN, "s", "m"))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(TOPIC_ARN).hasMessageContaining("config field topic");
    }

    @Test
    void anArnIsUsedAsIsWithoutAskingSts() {
        wm.stubFor(query("Publish").willReturn(xmlOk(PUBLISHED)));

        notifier.publish(TOPIC_ARN, "s", "body");

        wm.verify(exactly(0), postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity")));
    }

    // ---- the contract's world, as SNS and STS answer it

    @Override
    protected Notifier notifier() {
        return notifier;
    }

    @Override
    protected void givenTheAlertTopic() {
        wm.stubFor(query("GetCallerIdentity").atPriority(6).willReturn(xmlOk(CALLER)));
        wm.stubFor(query("Publish").atPriority(6).withRequestBody(containing("TopicArn=" + form(TOPIC_ARN) + "&"))
                .willReturn(xmlOk(PUBLISHED)));
        wm.stubFor(query("Publish").atPriority(6).withRequestBody(containing("TopicArn=" + form(UNKNOWN_TOPIC_ARN) + "&"))
                .willReturn(xmlError(404, "NotFound", "Topic does not exist")));
    }

    private static String form(String arn) {
        return arn.replace(":", "%3A");
    }

    @Override
    protected void given(ContractWorld.Refusal refusal, String iamAction) {
        wm.stubFor(query("Publish").atPriority(1).willReturn(AwsWireFixture.xmlRefusal(refusal, iamAction, TOPIC_ARN)));
    }

    @Override
    protected Published lastPublished() {
        LoggedRequest last = AwsWireFixture.lastQuery(wm, "Publish");
        return new Published(AwsWireFixture.formParam(last, "TopicArn"), AwsWireFixture.formParam(last, "Subject"),
                AwsWireFixture.formParam(last, "Message"));
    }
}
