package io.tdev.ops.port.contract;

import io.tdev.ops.model.InvalidInputException;
import io.tdev.ops.model.PreconditionFailedException;
import io.tdev.ops.port.Notifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link Notifier} adapter does. The world: the environment's alert topic {@link #TOPIC}. */
public abstract class NotifierContract {
    protected static final String TOPIC = ContractWorld.CONFIG.topic();
    protected static final String TOPIC_ARN = "arn:aws:sns:" + ContractWorld.REGION + ":" + ContractWorld.ACCOUNT + ":" + TOPIC;
    protected static final String UNKNOWN_TOPIC_ARN = "arn:aws:sns:" + ContractWorld.REGION + ":" + ContractWorld.ACCOUNT
            + ":t-developer-alerts-gone";

    /** One message as the topic received it. */
    public record Published(String topicArn, String subject, String message) {
    }

    protected abstract Notifier notifier();

    protected abstract void givenTheAlertTopic();

    /** The next call of {@code iamAction} is refused so (AWS: every call). */
    protected abstract void given(ContractWorld.Refusal refusal, String iamAction);

    /** The newest message the topic received (AWS: the newest Publish sent). */
    protected abstract Published lastPublished();

    @BeforeEach
    void arrange() {
        givenTheAlertTopic();
    }

    @Test
    void publishesToTheTopicByNameAndReturnsTheMessageId() {
        String id = notifier().publish(TOPIC, "[production] rollback COMPLETED", "Rolled back from :43 to :42 by alice");

        assertThat(id).isNotBlank();
        assertThat(lastPublished()).isEqualTo(new Published(TOPIC_ARN, "[production] rollback COMPLETED",
                "Rolled back from :43 to :42 by alice"));
    }

    @Test
    void publishesToTheTopicByArn() {
        assertThat(notifier().publish(TOPIC_ARN, "s", "m")).isNotBlank();
        assertThat(lastPublished().topicArn()).isEqualTo(TOPIC_ARN);
    }

    /** An alert must not fail on its subject: SNS takes one line of at most 100 printable ASCII characters. */
    @Test
    void aLongMultiLineSubjectGoesOutAsOneShortLine() {
        notifier().publish(TOPIC_ARN, "Line one\nline two " + "x".repeat(200), "body");

        assertThat(lastPublished().subject()).isEqualTo("Line one line two " + "x".repeat(100 - 18 - 3) + "...");
    }

    @Test
    void anEmptyMessageIsInvalidInput() {
        assertThatThrownBy(() -> notifier().publish(TOPIC_ARN, "s", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("message"));
    }

    @Test
    void aMessageOver256KbIsInvalidInput() {
        assertThatThrownBy(() -> notifier().publish(TOPIC_ARN, "s", "x".repeat(256 * 1024 + 1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("message"));
    }

    @Test
    void anUnknownTopicIsAPreconditionNamingIt() {
        assertThatThrownBy(() -> notifier().publish(UNKNOWN_TOPIC_ARN, "s", "m"))
                .isInstanceOf(PreconditionFailedException.class)
                .hasMessageContaining(UNKNOWN_TOPIC_ARN);
    }

    @Test
    void aDeniedPublishNamesTheIamAction() {
        given(ContractWorld.Refusal.DENIED, "sns:Publish");

        ContractWorld.assertDenied(() -> notifier().publish(TOPIC_ARN, "s", "m"), "sns:Publish");
    }

    @Test
    void aThrottledPublishIsRetryable() {
        given(ContractWorld.Refusal.THROTTLED, "sns:Publish");

        ContractWorld.assertThrottled(() -> notifier().publish(TOPIC_ARN, "s", "m"), "sns:Publish");
    }
}
